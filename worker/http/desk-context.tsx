/** What every desk route shares: who is signed in, the UI locale, the guard with its CSRF check, rendering. */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { raw } from 'hono/html';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Role } from '../../d1/users';
import type { AppEnv } from '../env';
import { deskLocale, translator } from '../i18n/desk';
import { timingSafeEqual } from '../lib/crypto';
import type { DeskUi } from '../views/desk/layout';
import { DeskMessage } from '../views/desk/message';

/** Cookie that remembers the UI language of someone not signed in (the sign-in page). */
export const LANG_COOKIE = 'claimdesk_desk_lang';

type DeskContext = Context<AppEnv>;

/** Locale, translator, CSRF token, user and CSP nonce for the views. */
export function deskUi(c: DeskContext): DeskUi {
  const session = c.get('session') ?? null;
  const { locale, dir } = deskLocale(
    session?.locale ?? getCookie(c, LANG_COOKIE),
    c.req.header('Accept-Language'),
  );
  return {
    t: translator(locale),
    locale,
    dir,
    csrf: session?.csrfToken ?? '',
    user: session ? { id: session.userId, name: session.name, role: session.role } : null,
    nonce: c.get('secureHeadersNonce') ?? '',
    path: returnPath(c),
  };
}

/**
 * Where the language switch should come back to: this page for a GET; after a POST (a refused
 * form, the conflict screen) the page the form was on, since the POST URL has no GET.
 */
function returnPath(c: DeskContext): string {
  const url = new URL(c.req.url);
  if (c.req.method === 'GET') return url.pathname + url.search;
  try {
    const referer = new URL(c.req.header('Referer') ?? '');
    return referer.origin === url.origin ? safeNext(referer.pathname + referer.search) : '/desk';
  } catch {
    return '/desk';
  }
}

/** Send a full desk page (doctype + JSX). */
export function render(
  c: DeskContext,
  page: JSX.Element,
  status: 200 | 400 | 403 | 404 | 409 | 422 | 429 = 200,
): Response | Promise<Response> {
  return c.html(
    <>
      {raw('<!doctype html>')}
      {page}
    </>,
    status,
  );
}

/** A desk page that only says something (errors, refusals). */
export function deskMessage(
  c: DeskContext,
  status: 400 | 403 | 404 | 409 | 422 | 429,
  title: string,
  detail?: string,
) {
  return render(c, <DeskMessage ui={deskUi(c)} title={title} detail={detail} />, status);
}

/** Only local desk paths may be a redirect target after sign-in or a language switch. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/desk(?:[/?][^\s\\]*)?$/.test(next) && !next.includes('//')
    ? next
    : '/desk';
}

/**
 * Signed-in users only (a browser session, not an API token), optionally with a role.
 * Every POST must also carry the session's CSRF token in `_csrf`; hono's csrf() middleware has
 * already checked Origin / Sec-Fetch-Site in front of this.
 */
export function requireDesk(role?: Role): MiddlewareHandler<AppEnv> {
  return async function requireDeskMiddleware(c, next) {
    const session = c.get('session');
    if (!session || !session.csrfToken || c.get('authVia') !== 'cookie') {
      const target =
        c.req.method === 'GET' ? new URL(c.req.url).pathname + new URL(c.req.url).search : '/desk';
      return c.redirect(`/desk/sign-in?next=${encodeURIComponent(target)}`, 303);
    }
    const t = deskUi(c).t;
    if (role && session.role !== role) return deskMessage(c, 403, t('forbidden'));
    if (c.req.method === 'POST') {
      // A body that is not a form at all is the sender's mistake (400), not ours.
      const form = await c.req.parseBody({ all: true }).catch(() => null);
      if (!form) return deskMessage(c, 400, t('invalidForm'));
      const token = typeof form._csrf === 'string' ? form._csrf : '';
      if (!timingSafeEqual(token, session.csrfToken)) return deskMessage(c, 403, t('forbidden'));
    }
    await next();
  };
}
