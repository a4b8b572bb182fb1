/** Sign in, sign out and the UI language switch: the desk pages open to everyone. */
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { getUser, updateUser } from '../../../d1/users';
import { signIn, signOut } from '../../domain/auth';
import type { AppEnv } from '../../env';
import { deskMessage, deskUi, LANG_COOKIE, render, safeNext } from '../../http/desk-context';
import { DESK_LOCALES } from '../../i18n/desk';
import { actorOf, clientAddress } from '../../http/actor';
import { timingSafeEqual } from '../../lib/crypto';
import { clearSessionCookie, writeSessionCookie } from '../../http/session-cookie';
import { formValidator, type OnInvalid } from '../../middleware/form-validator';
import { CredentialFields } from '../../schemas';
import { SignInPage } from '../../views/desk/sign-in';
import { CodePage } from '../../views/desk/two-factor';
import { twoFactorStrings } from '../../i18n/two-factor';

export const deskSession = new Hono<AppEnv>();

deskSession.get('/sign-in', (c) => {
  const ui = deskUi(c);
  if (ui.user && c.get('authVia') === 'cookie')
    return c.redirect(safeNext(c.req.query('next')), 303);
  const info =
    c.req.query('bye') === '1'
      ? ui.t('signedOut')
      : c.req.query('reset') === '1'
        ? ui.t('resetDone')
        : c.req.query('next')
          ? ui.t('sessionEnded')
          : undefined;
  return render(c, <SignInPage ui={ui} next={safeNext(c.req.query('next'))} info={info} />);
});

const SignInForm = z.object({ ...CredentialFields, next: z.string().optional() });

const refuseSignIn: OnInvalid<string> = (c, _errors, values) => {
  const ui = deskUi(c);
  return render(
    c,
    <SignInPage
      ui={ui}
      next={safeNext(values.next)}
      email={(values.email ?? '').slice(0, 254)}
      error={ui.t('badCredentials')}
    />,
    422,
  );
};

deskSession.post('/sign-in', formValidator(SignInForm, refuseSignIn), async (c) => {
  const { email, password, next: nextPath } = c.req.valid('form');
  const next = safeNext(nextPath);
  const ui = deskUi(c);
  // Rotation: a new secret every sign-in; the session this browser had (if any) is revoked.
  const result = await signIn(
    c.env.DB,
    { email, password },
    {
      address: clientAddress(c),
      replaces: c.get('session')?.tokenHash ?? null,
      dataKey: c.env.PUBLIC_DATA_KEY,
    },
  );
  if (!result.ok && result.refusal.kind === 'second-factor')
    return render(
      c,
      <CodePage
        ui={ui}
        s={twoFactorStrings(ui.locale)}
        challenge={result.refusal.challenge}
        next={next}
      />,
    );
  if (!result.ok) {
    if (result.refusal.kind === 'rate-limited') {
      c.header('Retry-After', String(result.refusal.retryAfter));
      return render(
        c,
        <SignInPage
          ui={ui}
          next={next}
          email={email}
          error={ui.t('rateLimited', { s: result.refusal.retryAfter })}
        />,
        429,
      );
    }
    return render(
      c,
      <SignInPage ui={ui} next={next} email={email} error={ui.t('badCredentials')} />,
      422,
    );
  }
  writeSessionCookie(c, result.value.token, result.value.maxAgeSeconds);
  return c.redirect(next, 303);
});

/** The per-session token of a form posted before requireDesk() applies. */
const Csrf = { _csrf: z.string().default('') };

const refuseForm: OnInvalid<string> = (c) => deskMessage(c, 422, deskUi(c).t('invalidForm'));

deskSession.post('/sign-out', formValidator(z.object(Csrf), refuseForm), async (c) => {
  const session = c.get('session');
  if (session?.tokenHash && session.csrfToken) {
    if (!timingSafeEqual(c.req.valid('form')._csrf, session.csrfToken))
      return deskMessage(c, 403, deskUi(c).t('forbidden'));
    await signOut(c.env.DB, session, actorOf(c));
  }
  clearSessionCookie(c);
  return c.redirect('/desk/sign-in?bye=1', 303);
});

// An unknown language or a missing `next` is no error: the switch just goes back.
const LocaleForm = z.object({
  ...Csrf,
  lang: z.enum(DESK_LOCALES).optional().catch(undefined),
  next: z.string().optional(),
});

deskSession.post('/locale', formValidator(LocaleForm, refuseForm), async (c) => {
  const form = c.req.valid('form');
  const lang = form.lang;
  const next = safeNext(form.next);
  if (!lang) return c.redirect(next, 303);
  const session = c.get('session');
  if (session?.csrfToken && c.get('authVia') === 'cookie') {
    if (!timingSafeEqual(form._csrf, session.csrfToken))
      return deskMessage(c, 403, deskUi(c).t('forbidden'));
    const user = await getUser(c.env.DB, session.userId);
    if (user && user.locale !== lang)
      await updateUser(c.env.DB, user, { locale: lang }, actorOf(c));
  } else {
    setCookie(c, LANG_COOKIE, lang, {
      path: '/desk',
      sameSite: 'Lax',
      httpOnly: true,
      maxAge: 365 * 86400,
      secure: new URL(c.req.url).protocol === 'https:',
    });
  }
  return c.redirect(next, 303);
});
