import { notifyStrings } from '../../i18n/notify';
import { twoFactorStrings } from '../../i18n/two-factor';
import type { Child } from 'hono/jsx';
import type { Role } from '../models';
import { DESK_LOCALES, LANGUAGE_NAMES, type Translate } from '../../i18n/desk';
import type { Language } from '../../lib/lang';
import { hooksTranslator } from '../../i18n/integrations-hooks';
import { collabTranslator } from '../../i18n/desk-collab';
import { importTranslator } from '../../i18n/s19-import';

/** What every desk view receives: translator, locale and direction, CSRF token, user, CSP nonce. */
export interface DeskUi {
  t: Translate;
  locale: Language;
  dir: 'ltr' | 'rtl';
  csrf: string;
  user: { id: number; name: string; role: Role } | null;
  nonce: string;
  /** Path + query of this page (return target of the language switch). */
  path: string;
}

/** The hidden CSRF field every state-changing desk form carries. */
export function Csrf(props: { ui: DeskUi }) {
  return <input type="hidden" name="_csrf" value={props.ui.csrf} />;
}

type NavKey =
  | 'inbox'
  | 'queue'
  | 'ingest'
  | 'tokens'
  | 'users'
  | 'ratings'
  | 'settings'
  | 'webhooks'
  | 'feeds'
  | 'import'
  | 'outbox'
  | null;

function Nav(props: { ui: DeskUi; active: NavKey }) {
  const { t, user } = props.ui;
  if (!user) return null;
  const items: { key: Exclude<NavKey, null>; href: string; label: string }[] = [
    { key: 'inbox', href: '/desk/inbox', label: collabTranslator(props.ui.locale)('navInbox') },
    { key: 'queue', href: '/desk', label: t('navQueue') },
    { key: 'ingest', href: '/desk/articles/new', label: t('navIngest') },
    { key: 'tokens', href: '/desk/account/tokens', label: t('navTokens') },
  ];
  if (user.role === 'admin') {
    items.push(
      { key: 'users', href: '/desk/admin/users', label: t('navUsers') },
      { key: 'ratings', href: '/desk/admin/ratings', label: t('navRatings') },
      { key: 'settings', href: '/desk/admin/settings', label: t('navSettings') },
      {
        key: 'webhooks',
        href: '/desk/admin/webhooks',
        label: hooksTranslator(props.ui.locale)('navWebhooks'),
      },
      {
        key: 'feeds',
        href: '/desk/admin/feeds',
        label: hooksTranslator(props.ui.locale)('navFeeds'),
      },
      {
        key: 'import',
        href: '/desk/import',
        label: importTranslator(props.ui.locale)('navImport'),
      },
      { key: 'outbox', href: '/desk/outbox', label: notifyStrings(props.ui.locale).outboxTitle },
    );
  }
  return (
    <nav aria-label={t('mainNav')} class="desk-nav">
      <ul>
        {items.map((i) => (
          <li>
            <a href={i.href} aria-current={props.active === i.key ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LanguageSwitch(props: { ui: DeskUi }) {
  const { ui } = props;
  return (
    <form method="post" action="/desk/locale" class="lang-switch">
      <Csrf ui={ui} />
      <input type="hidden" name="next" value={ui.path} />
      <label for="ui-lang">{ui.t('uiLanguage')}</label>
      <select id="ui-lang" name="lang">
        {DESK_LOCALES.map((l) => (
          <option value={l} lang={l} selected={l === ui.locale}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <button type="submit">{ui.t('switchLanguage')}</button>
    </form>
  );
}

/** The one desk layout: skip link, header with navigation, language switch and sign-out, then main. */
export function DeskLayout(props: {
  ui: DeskUi;
  title: string;
  active?: NavKey;
  /** A second skip link straight to the page's main list (the queue's claims). */
  skip?: { href: string; label: string };
  children?: Child;
}) {
  const { ui } = props;
  const { t } = ui;
  return (
    <html lang={ui.locale} dir={ui.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="strict-origin-when-cross-origin" />
        <title>{`${props.title} · ${t('deskTitle')} · ${t('appName')}`}</title>
        <link rel="stylesheet" href="/css/desk.css" />
        <link rel="stylesheet" href="/css/desk-collab.css" />
        {ui.user ? <link rel="stylesheet" href="/desk/ratings.css" /> : null}
        <script src="/js/desk.js" defer nonce={ui.nonce}></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        {props.skip ? (
          <a class="skip-link" href={props.skip.href}>
            {props.skip.label}
          </a>
        ) : null}
        <header class="desk-header">
          <p class="brand">
            <a href="/desk">{t('appName')}</a> <span>{t('deskTitle')}</span>
          </p>
          <Nav ui={ui} active={props.active ?? null} />
          <div class="desk-tools">
            <LanguageSwitch ui={ui} />
            {ui.user ? (
              <form method="post" action="/desk/sign-out" class="sign-out">
                <Csrf ui={ui} />
                <span class="who">
                  {t('signedInAs', { name: '' }).trim()} <bdi>{ui.user.name}</bdi>
                </span>
                <a href="/desk/account/password">{t('navPassword')}</a>{' '}
                <a href="/desk/account/two-factor">{twoFactorStrings(ui.locale).title}</a>{' '}
                <button type="submit">{t('signOut')}</button>
              </form>
            ) : null}
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A notice line above a page's content (saved, errors). */
export function Notice(props: { kind: 'ok' | 'error'; children?: Child }) {
  return (
    <p class={`notice notice-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </p>
  );
}
