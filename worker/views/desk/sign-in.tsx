import { DeskLayout, Notice, type DeskUi } from './layout';

/** The sign-in form, with the reason of a failed attempt when there is one. */
export function SignInPage(props: {
  ui: DeskUi;
  next: string;
  email?: string;
  error?: string;
  info?: string;
}) {
  const { ui } = props;
  const { t } = ui;
  return (
    <DeskLayout ui={ui} title={t('signIn')}>
      <div class="narrow">
        <h1>{t('signIn')}</h1>
        {props.error ? <Notice kind="error">{props.error}</Notice> : null}
        {props.info ? <Notice kind="ok">{props.info}</Notice> : null}
        <form method="post" action="/desk/sign-in" class="stack">
          <input type="hidden" name="next" value={props.next} />
          <label for="email">{t('email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            dir="ltr"
            autocomplete="username"
            required
            maxlength={254}
            value={props.email ?? ''}
          />
          <label for="password">{t('password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            dir="ltr"
            autocomplete="current-password"
            required
            maxlength={200}
          />
          <button type="submit" class="primary">
            {t('signIn')}
          </button>
        </form>
      </div>
    </DeskLayout>
  );
}
