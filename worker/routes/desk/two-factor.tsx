/**
 * Two-step sign-in in the desk: the code step of sign-in (/desk/sign-in/code, open — the
 * challenge in the form is the proof of the password), the editor's own set-up
 * (/desk/account/two-factor) and an admin's switch-off for a lost phone. Rules and writes:
 * worker/domain/two-factor.ts.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { getUser } from '../../../d1/users';
import {
  adminTurnOff,
  answerChallenge,
  confirmSetup,
  pendingSetup,
  startSetup,
  turnOff,
  twoFactorEnabled,
} from '../../domain/two-factor';
import type { AppEnv } from '../../env';
import { actorOf, clientAddress } from '../../http/actor';
import { deskMessage, deskUi, render, requireDesk, safeNext } from '../../http/desk-context';
import { writeSessionCookie } from '../../http/session-cookie';
import { twoFactorStrings } from '../../i18n/two-factor';
import { formValidator, type OnInvalid } from '../../middleware/form-validator';
import { TotpCode } from '../../schemas';
import { CodePage, TwoFactorPage, type TwoFactorErrors } from '../../views/desk/two-factor';

const strings = (c: Context<AppEnv>) => twoFactorStrings(deskUi(c).locale);

// --- /desk/sign-in/code -------------------------------------------------------------------------
export const deskTwoFactorSignIn = new Hono<AppEnv>();

const CodeForm = z.object({
  challenge: z.string().min(1).max(100),
  code: TotpCode,
  next: z.string().optional(),
});

const refuseCode: OnInvalid<string> = (c, _errors, values) => {
  const challenge = (values.challenge ?? '').slice(0, 100);
  if (!challenge) return c.redirect('/desk/sign-in', 303);
  return render(
    c,
    <CodePage
      ui={deskUi(c)}
      s={strings(c)}
      challenge={challenge}
      next={safeNext(values.next)}
      error={strings(c).wrongCode}
    />,
    422,
  );
};

deskTwoFactorSignIn.post('/sign-in/code', formValidator(CodeForm, refuseCode), async (c) => {
  const { challenge, code, next } = c.req.valid('form');
  const s = strings(c);
  const result = await answerChallenge(
    c.env.DB,
    c.env.PUBLIC_DATA_KEY,
    { challenge, code },
    { address: clientAddress(c) },
  );
  if (result.ok) {
    writeSessionCookie(c, result.value.token, result.value.maxAgeSeconds);
    return c.redirect(safeNext(next), 303);
  }
  if (result.refusal.kind === 'wrong-code')
    return render(
      c,
      <CodePage
        ui={deskUi(c)}
        s={s}
        challenge={challenge}
        next={safeNext(next)}
        error={s.wrongCode}
      />,
      422,
    );
  return deskMessage(
    c,
    result.refusal.kind === 'rate-limited' ? 429 : 403,
    result.refusal.kind === 'rate-limited' ? s.tooMany : s.expired,
  );
});

// --- /desk/account/two-factor -------------------------------------------------------------------
export const deskTwoFactor = new Hono<AppEnv>();
deskTwoFactor.use('*', requireDesk());

async function accountPage(
  c: Context<AppEnv>,
  extras: { notice?: { kind: 'ok' | 'error'; text: string }; errors?: TwoFactorErrors } = {},
  status: 200 | 409 | 422 | 429 = 200,
) {
  const session = c.get('session')!;
  const user = { id: session.userId, email: session.email };
  const [enabled, setup] = await Promise.all([
    twoFactorEnabled(c.env.DB, user.id),
    pendingSetup(c.env.DB, c.env.PUBLIC_DATA_KEY, c.env.ORG_NAME, user),
  ]);
  return render(
    c,
    <TwoFactorPage
      ui={deskUi(c)}
      s={strings(c)}
      enabled={enabled}
      setup={enabled ? null : setup}
      {...extras}
    />,
    status,
  );
}

deskTwoFactor.get('/', (c) => {
  const s = strings(c);
  const ok = c.req.query('ok');
  return accountPage(
    c,
    ok === 'on'
      ? { notice: { kind: 'ok', text: s.turnedOn } }
      : ok === 'off'
        ? { notice: { kind: 'ok', text: s.turnedOff } }
        : {},
  );
});

deskTwoFactor.post('/start', async (c) => {
  const session = c.get('session')!;
  const result = await startSetup(c.env.DB, c.env.PUBLIC_DATA_KEY, c.env.ORG_NAME, {
    id: session.userId,
    email: session.email,
  });
  if (!result.ok) return accountPage(c, {}, 409);
  return c.redirect('/desk/account/two-factor', 303);
});

const ConfirmForm = z.object({ code: TotpCode });
const refuseConfirm: OnInvalid<string> = (c) =>
  accountPage(c, { errors: { code: strings(c).wrongCode } }, 422);

deskTwoFactor.post('/confirm', formValidator(ConfirmForm, refuseConfirm), async (c) => {
  const session = c.get('session')!;
  const result = await confirmSetup(
    c.env.DB,
    c.env.PUBLIC_DATA_KEY,
    session.userId,
    c.req.valid('form').code,
    actorOf(c),
  );
  if (!result.ok && result.refusal.kind === 'wrong-code') return refuseConfirm(c, {}, {});
  if (!result.ok) return accountPage(c, {}, 409);
  return c.redirect('/desk/account/two-factor?ok=on', 303);
});

const OffForm = z.object({ password: z.string().min(1).max(200), code: TotpCode });
const refuseOff: OnInvalid<string> = (c, errors) => {
  const s = strings(c);
  const out: TwoFactorErrors = {};
  if (errors.password) out.password = s.wrongPassword;
  if (errors.code) out.code = s.wrongCode;
  return accountPage(c, { errors: out }, 422);
};

deskTwoFactor.post('/off', formValidator(OffForm, refuseOff), async (c) => {
  const session = c.get('session')!;
  const s = strings(c);
  const result = await turnOff(
    c.env.DB,
    c.env.PUBLIC_DATA_KEY,
    { id: session.userId, email: session.email },
    c.req.valid('form'),
    actorOf(c),
  );
  if (!result.ok && result.refusal.kind === 'rate-limited')
    return accountPage(c, { notice: { kind: 'error', text: s.tooMany } }, 429);
  if (!result.ok)
    return refuseOff(
      c,
      result.refusal.kind === 'wrong-password' ? { password: ['wrong'] } : { code: ['wrong'] },
      {},
    );
  return c.redirect('/desk/account/two-factor?ok=off', 303);
});

// --- /desk/admin/users/:id/two-factor/off -------------------------------------------------------
export const deskTwoFactorAdmin = new Hono<AppEnv>();
deskTwoFactorAdmin.use('*', requireDesk('admin'));

deskTwoFactorAdmin.post('/:id/two-factor/off', async (c) => {
  const id = c.req.param('id');
  const t = deskUi(c).t;
  if (!/^\d{1,9}$/.test(id)) return deskMessage(c, 404, t('notFound'));
  const user = await getUser(c.env.DB, Number(id));
  if (!user || !(await adminTurnOff(c.env.DB, user.id, actorOf(c))))
    return deskMessage(c, 404, t('notFound'));
  return c.redirect('/desk/admin/users?ok=saved', 303);
});
