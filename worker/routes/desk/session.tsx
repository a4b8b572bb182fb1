/** Sign in, sign out and the UI language switch: the desk pages open to everyone. */
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { getUser, updateUser } from '../../../d1/users';
import { signIn, signOut } from '../../domain/auth';
import type { AppEnv } from '../../env';
import { deskMessage, deskUi, field, LANG_COOKIE, render, safeNext } from '../../http/desk-context';
import { DESK_LOCALES } from '../../i18n/desk';
import { actorOf, clientAddress } from '../../lib/actor';
import { timingSafeEqual } from '../../lib/crypto';
import { clearSessionCookie, writeSessionCookie } from '../../lib/session-cookie';
import { SignInPage } from '../../views/desk/sign-in';

export const deskSession = new Hono<AppEnv>();

deskSession.get('/sign-in', (c) => {
  const ui = deskUi(c);
  if (ui.user && c.get('authVia') === 'cookie') return c.redirect(safeNext(c.req.query('next')), 303);
  const info = c.req.query('bye') === '1' ? ui.t('signedOut') : c.req.query('next') ? ui.t('sessionEnded') : undefined;
  return render(c, <SignInPage ui={ui} next={safeNext(c.req.query('next'))} info={info} />);
});

deskSession.post('/sign-in', async (c) => {
  const form = await c.req.parseBody({ all: true });
  const email = field(form, 'email').slice(0, 254);
  const password = typeof form.password === 'string' ? form.password.slice(0, 200) : '';
  const next = safeNext(field(form, 'next'));
  const ui = deskUi(c);
  if (!email || !password) return render(c, <SignInPage ui={ui} next={next} email={email} error={ui.t('badCredentials')} />, 422);
  // Rotation: a new secret every sign-in; the session this browser had (if any) is revoked.
  const result = await signIn(c.env.DB, { email, password }, { address: clientAddress(c), replaces: c.get('session')?.tokenHash ?? null });
  if (!result.ok) {
    if (result.refusal.kind === 'rate-limited') {
      c.header('Retry-After', String(result.refusal.retryAfter));
      return render(c, <SignInPage ui={ui} next={next} email={email} error={ui.t('rateLimited', { s: result.refusal.retryAfter })} />, 429);
    }
    return render(c, <SignInPage ui={ui} next={next} email={email} error={ui.t('badCredentials')} />, 422);
  }
  writeSessionCookie(c, result.value.token, result.value.maxAgeSeconds);
  return c.redirect(next, 303);
});

deskSession.post('/sign-out', async (c) => {
  const session = c.get('session');
  if (session?.tokenHash && session.csrfToken) {
    const form = await c.req.parseBody({ all: true });
    if (!timingSafeEqual(field(form, '_csrf'), session.csrfToken)) return deskMessage(c, 403, deskUi(c).t('forbidden'));
    await signOut(c.env.DB, session.tokenHash);
  }
  clearSessionCookie(c);
  return c.redirect('/desk/sign-in?bye=1', 303);
});

deskSession.post('/locale', async (c) => {
  const form = await c.req.parseBody({ all: true });
  const lang = DESK_LOCALES.find((l) => l === field(form, 'lang'));
  const next = safeNext(field(form, 'next'));
  if (!lang) return c.redirect(next, 303);
  const session = c.get('session');
  if (session?.csrfToken && c.get('authVia') === 'cookie') {
    if (!timingSafeEqual(field(form, '_csrf'), session.csrfToken)) return deskMessage(c, 403, deskUi(c).t('forbidden'));
    const user = await getUser(c.env.DB, session.userId);
    if (user && user.locale !== lang) await updateUser(c.env.DB, user, { locale: lang }, actorOf(c));
  } else {
    setCookie(c, LANG_COOKIE, lang, { path: '/desk', sameSite: 'Lax', httpOnly: true, maxAge: 365 * 86400, secure: new URL(c.req.url).protocol === 'https:' });
  }
  return c.redirect(next, 303);
});
