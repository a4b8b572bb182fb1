/** Two-step sign-in: the code step after the password, and the account page that sets it up. */
import type { TwoFactorStrings } from '../../i18n/two-factor';
import { Csrf, DeskLayout, Notice, type DeskUi } from './layout';

function CodeInput(props: { s: TwoFactorStrings; id: string; error?: string | undefined }) {
  return (
    <>
      <label for={props.id}>{props.s.codeLabel}</label>
      <input
        id={props.id}
        name="code"
        type="text"
        dir="ltr"
        inputmode="numeric"
        autocomplete="one-time-code"
        pattern="[0-9 ]{6,7}"
        maxlength={7}
        required
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
      {props.error ? (
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      ) : null}
    </>
  );
}

/** After the right password of an account with two-step sign-in: the code. */
export function CodePage(props: {
  ui: DeskUi;
  s: TwoFactorStrings;
  challenge: string;
  next: string;
  error?: string | undefined;
}) {
  const { ui, s } = props;
  return (
    <DeskLayout ui={ui} title={s.codeTitle}>
      <div class="narrow">
        <h1>{s.codeTitle}</h1>
        <p>{s.codeHelp}</p>
        <form method="post" action="/desk/sign-in/code" class="stack">
          <input type="hidden" name="challenge" value={props.challenge} />
          <input type="hidden" name="next" value={props.next} />
          <CodeInput s={s} id="totp-code" error={props.error} />
          <button type="submit" class="primary">
            {s.verify}
          </button>
        </form>
        <p>{s.lostPhone}</p>
      </div>
    </DeskLayout>
  );
}

export interface TwoFactorErrors {
  code?: string;
  password?: string;
}

/** The signed-in editor's own two-step sign-in: its state, the set-up, turning it off. */
export function TwoFactorPage(props: {
  ui: DeskUi;
  s: TwoFactorStrings;
  enabled: boolean;
  setup: { secret: string; uri: string } | null;
  notice?: { kind: 'ok' | 'error'; text: string } | undefined;
  errors?: TwoFactorErrors;
}) {
  const { ui, s } = props;
  const e = props.errors ?? {};
  return (
    <DeskLayout ui={ui} title={s.title}>
      <div class="narrow">
        <h1>{s.title}</h1>
        {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
        <p>{props.enabled ? s.statusOn : s.statusOff}</p>
        {props.enabled ? (
          <section aria-labelledby="tf-off-h" class="panel">
            <h2 id="tf-off-h">{s.turnOffTitle}</h2>
            <p>{s.turnOffHelp}</p>
            <form method="post" action="/desk/account/two-factor/off" class="stack">
              <Csrf ui={ui} />
              <label for="tf-password">{s.password}</label>
              <input
                id="tf-password"
                name="password"
                type="password"
                dir="ltr"
                autocomplete="current-password"
                required
                maxlength={200}
                aria-invalid={e.password ? 'true' : undefined}
                aria-describedby={e.password ? 'tf-password-error' : undefined}
              />
              {e.password ? (
                <p id="tf-password-error" class="field-error">
                  {e.password}
                </p>
              ) : null}
              <CodeInput s={s} id="tf-off-code" error={e.code} />
              <button type="submit" class="danger">
                {s.turnOff}
              </button>
            </form>
          </section>
        ) : props.setup ? (
          <section aria-labelledby="tf-setup-h" class="panel">
            <h2 id="tf-setup-h">{s.start}</h2>
            <p>{s.setupStep1}</p>
            <p>
              <span>{s.setupKey}: </span>
              <code dir="ltr" class="totp-key">
                {props.setup.secret.replace(/(.{4})(?=.)/g, '$1 ')}
              </code>
            </p>
            <p>
              {s.setupLink}{' '}
              <a href={props.setup.uri} dir="ltr">
                otpauth://
              </a>
            </p>
            <p>{s.setupStep2}</p>
            <form method="post" action="/desk/account/two-factor/confirm" class="stack">
              <Csrf ui={ui} />
              <CodeInput s={s} id="tf-confirm-code" error={e.code} />
              <button type="submit" class="primary">
                {s.confirm}
              </button>
            </form>
            <form method="post" action="/desk/account/two-factor/start" class="stack">
              <Csrf ui={ui} />
              <button type="submit">{s.restart}</button>
            </form>
          </section>
        ) : (
          <form method="post" action="/desk/account/two-factor/start" class="stack">
            <Csrf ui={ui} />
            <button type="submit" class="primary">
              {s.start}
            </button>
          </form>
        )}
        <p>{s.lostPhone}</p>
      </div>
    </DeskLayout>
  );
}
