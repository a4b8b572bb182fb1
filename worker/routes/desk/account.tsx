/**
 * Passwords in the desk: /desk/account/password (the signed-in editor changes theirs) and
 * /desk/reset/:token (the page an admin's one-time link opens; no session needed, the link is
 * the proof). The rules are NewPassword's (worker/schemas/fields.ts); the writes are in
 * worker/domain/passwords.ts.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { changeOwnPassword, openResetLink, resetWithLink } from '../../domain/passwords';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { deskUi, render, requireDesk } from '../../http/desk-context';
import { writeSessionCookie } from '../../http/session-cookie';
import type { DeskKey } from '../../i18n/desk';
import { DESK_STRINGS_EN } from '../../i18n/desk';
import { formValidator, type FormErrors, type OnInvalid } from '../../middleware/form-validator';
import { NewPassword, PasswordChangeFields } from '../../schemas';
import { PasswordPage, ResetPasswordPage, type PasswordErrors } from '../../views/desk/account';

/** A message code of the password rules as a desk string key ('password_common', …). */
function keyOf(message: string | undefined, fallback: DeskKey): DeskKey {
  return message !== undefined && Object.hasOwn(DESK_STRINGS_EN, message)
    ? (message as DeskKey)
    : fallback;
}

function passwordErrors(errors: FormErrors): PasswordErrors {
  const out: PasswordErrors = {};
  if (errors.currentPassword) out.currentPassword = 'wrongPassword';
  if (errors.newPassword) out.newPassword = keyOf(errors.newPassword[0], 'password_too_short');
  if (errors.repeat) out.repeat = 'passwordMismatch';
  return out;
}

// --- /desk/account/password -------------------------------------------------------------------
export const deskAccount = new Hono<AppEnv>();
deskAccount.use('*', requireDesk());

const PasswordForm = z.object({ ...PasswordChangeFields, repeat: z.string().default('') });

function passwordPage(
  c: Context<AppEnv>,
  extras: { notice?: { kind: 'ok' | 'error'; text: string }; errors?: PasswordErrors } = {},
  status: 200 | 422 | 429 = 200,
) {
  return render(c, <PasswordPage ui={deskUi(c)} {...extras} />, status);
}

deskAccount.get('/password', (c) =>
  passwordPage(
    c,
    c.req.query('ok') === '1'
      ? { notice: { kind: 'ok', text: deskUi(c).t('passwordChanged') } }
      : {},
  ),
);

const refusePassword: OnInvalid<string> = (c, errors) =>
  passwordPage(
    c,
    {
      notice: { kind: 'error', text: deskUi(c).t('invalidForm') },
      errors: passwordErrors(errors),
    },
    422,
  );

deskAccount.post('/password', formValidator(PasswordForm, refusePassword), async (c) => {
  const { currentPassword, newPassword, repeat } = c.req.valid('form');
  const t = deskUi(c).t;
  if (repeat !== newPassword) return refusePassword(c, { repeat: ['mismatch'] }, {});
  const session = c.get('session')!;
  const result = await changeOwnPassword(
    c.env.DB,
    { userId: session.userId, email: session.email, tokenHash: session.tokenHash },
    { currentPassword, newPassword },
    actorOf(c),
  );
  if (!result.ok && result.refusal.kind === 'rate-limited') {
    c.header('Retry-After', String(result.refusal.retryAfter));
    return passwordPage(
      c,
      { notice: { kind: 'error', text: t('tooManyAttempts', { s: result.refusal.retryAfter }) } },
      429,
    );
  }
  if (!result.ok) return refusePassword(c, { currentPassword: ['wrong'] }, {});
  // This browser continues on a fresh session; every other session of the account has ended.
  if (result.value.token) writeSessionCookie(c, result.value.token, result.value.maxAgeSeconds);
  return c.redirect('/desk/account/password?ok=1', 303);
});

// --- /desk/reset/:token -----------------------------------------------------------------------
export const deskReset = new Hono<AppEnv>();

// The secret is in the URL; the desk's referrer policy (strict-origin-when-cross-origin) never
// sends a path to another site, and the page loads nothing from elsewhere.
const ResetForm = z.object({ newPassword: NewPassword, repeat: z.string().default('') });

async function resetPage(
  c: Context<AppEnv>,
  errors: PasswordErrors = {},
  status: 200 | 404 | 422 = 200,
) {
  const token = c.req.param('token') ?? '';
  const reset = await openResetLink(c.env.DB, token);
  return render(
    c,
    <ResetPasswordPage
      ui={deskUi(c)}
      token={encodeURIComponent(token)}
      email={reset?.email ?? null}
      errors={errors}
    />,
    reset ? status : 404,
  );
}

deskReset.get('/:token', (c) => resetPage(c));

const refuseReset: OnInvalid<string> = (c, errors) => resetPage(c, passwordErrors(errors), 422);

deskReset.post('/:token', formValidator(ResetForm, refuseReset), async (c) => {
  const { newPassword, repeat } = c.req.valid('form');
  if (repeat !== newPassword) return refuseReset(c, { repeat: ['mismatch'] }, {});
  const result = await resetWithLink(c.env.DB, c.req.param('token'), newPassword, actorOf(c));
  if (!result.ok) return resetPage(c);
  return c.redirect('/desk/sign-in?reset=1', 303);
});
