/** Passwords: change one's own, the admin's one-time reset link, and the page that link opens. */
import type { DeskKey } from '../../i18n/desk';
import { Csrf, DeskLayout, Notice, type DeskUi } from './layout';

type NoticeProp = { kind: 'ok' | 'error'; text: string } | undefined;

/** Field errors as message keys, per field. */
export type PasswordErrors = Partial<Record<'currentPassword' | 'newPassword' | 'repeat', DeskKey>>;

function PasswordInput(props: {
  ui: DeskUi;
  id: string;
  name: string;
  label: string;
  error?: DeskKey;
  autocomplete: 'current-password' | 'new-password';
}) {
  const { t } = props.ui;
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type="password"
        dir="ltr"
        required
        minlength={props.autocomplete === 'new-password' ? 12 : undefined}
        maxlength={200}
        autocomplete={props.autocomplete}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
      {props.error ? (
        <p id={`${props.id}-error`} class="field-error">
          {t(props.error)}
        </p>
      ) : null}
    </>
  );
}

/** The new password and its repeat, as both the change and the reset forms ask for them. */
function NewPasswordPair(props: {
  ui: DeskUi;
  errors: { newPassword?: DeskKey; repeat?: DeskKey };
}) {
  const { t } = props.ui;
  return (
    <>
      <PasswordInput
        ui={props.ui}
        id="pw-new"
        name="newPassword"
        label={t('newPassword')}
        error={props.errors.newPassword}
        autocomplete="new-password"
      />
      <PasswordInput
        ui={props.ui}
        id="pw-repeat"
        name="repeat"
        label={t('repeatPassword')}
        error={props.errors.repeat}
        autocomplete="new-password"
      />
    </>
  );
}

/** The signed-in editor changes their own password. */
export function PasswordPage(props: { ui: DeskUi; notice?: NoticeProp; errors?: PasswordErrors }) {
  const { ui } = props;
  const { t } = ui;
  const e = props.errors ?? {};
  return (
    <DeskLayout ui={ui} title={t('passwordTitle')}>
      <div class="narrow">
        <h1>{t('passwordTitle')}</h1>
        {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
        <p>{t('passwordHelp')}</p>
        <form method="post" action="/desk/account/password" class="stack">
          <Csrf ui={ui} />
          <input type="text" name="username" autocomplete="username" hidden value={''} />
          <PasswordInput
            ui={ui}
            id="pw-current"
            name="currentPassword"
            label={t('currentPassword')}
            error={e.currentPassword}
            autocomplete="current-password"
          />
          <NewPasswordPair ui={ui} errors={e} />
          <button type="submit" class="primary">
            {t('changePassword')}
          </button>
        </form>
      </div>
    </DeskLayout>
  );
}

/** Shown once to the admin who created a reset link: the link, and that no e-mail is sent. */
export function ResetLinkPage(props: {
  ui: DeskUi;
  name: string;
  link: string;
  expiresAt: string;
}) {
  const { ui } = props;
  const { t } = ui;
  return (
    <DeskLayout ui={ui} title={t('resetLink')} active="users">
      <div class="narrow">
        <h1>{t('resetLinkTitle', { name: props.name })}</h1>
        <Notice kind="ok">{t('resetLinkNoEmail', { name: props.name })}</Notice>
        <label for="reset-link">{t('resetLinkLabel')}</label>
        <input id="reset-link" type="text" dir="ltr" readonly value={props.link} />
        <p>{t('resetLinkRules', { expires: props.expiresAt })}</p>
        <p>
          <a href="/desk/admin/users">{t('backToUsers')}</a>
        </p>
      </div>
    </DeskLayout>
  );
}

/** The page a reset link opens: a new password, twice. `email` null = the link is not valid. */
export function ResetPasswordPage(props: {
  ui: DeskUi;
  token: string;
  email: string | null;
  errors?: PasswordErrors;
}) {
  const { ui } = props;
  const { t } = ui;
  const e = props.errors ?? {};
  return (
    <DeskLayout ui={ui} title={t('resetTitle')}>
      <div class="narrow">
        <h1>{t('resetTitle')}</h1>
        {props.email === null ? (
          <Notice kind="error">{t('resetInvalid')}</Notice>
        ) : (
          <>
            <p>{t('resetFor', { email: props.email })}</p>
            <p>{t('passwordRules')}</p>
            <form method="post" action={`/desk/reset/${props.token}`} class="stack">
              <input
                type="text"
                name="username"
                autocomplete="username"
                hidden
                value={props.email}
              />
              <NewPasswordPair ui={ui} errors={e} />
              <button type="submit" class="primary">
                {t('setPassword')}
              </button>
            </form>
          </>
        )}
      </div>
    </DeskLayout>
  );
}
