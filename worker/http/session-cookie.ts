import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * The session cookie. Over https it is `__Host-claimdesk_session` (Secure, Path=/, no Domain:
 * the browser refuses it anywhere else). Plain http is only ever local development
 * (`wrangler dev` on localhost), where a Secure cookie would not be sent back by every client,
 * so there the fallback name `claimdesk_session` is used without Secure. A deployed Worker is
 * always reached over https, so the fallback cannot occur in production.
 */
function sessionCookieName(c: Context): string {
  return isPlainHttp(c) ? 'claimdesk_session' : '__Host-claimdesk_session';
}

function isPlainHttp(c: Context): boolean {
  return new URL(c.req.url).protocol === 'http:';
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, sessionCookieName(c));
}

export function writeSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  setCookie(c, sessionCookieName(c), token, {
    path: '/',
    httpOnly: true,
    secure: !isPlainHttp(c),
    sameSite: 'Lax',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, sessionCookieName(c), { path: '/', secure: !isPlainHttp(c) });
}
