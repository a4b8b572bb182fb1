/**
 * The optional TOTP second factor of desk accounts: set-up (a secret shown once, confirmed with a
 * code), the code step of a sign-in (a five-minute challenge after the right password), and
 * turning it off (the owner with password + code, or an admin for a lost phone).
 *
 * Codes: ±30 s of drift, each usable once (`useStep`); a challenge takes five codes; an account
 * takes at most CODE_LIMIT wrong codes per 15 minutes from all addresses together — only someone
 * who already has the password can spend them, so a stranger cannot lock anyone out.
 */
import type { Actor } from '../../d1/audit';
import { clearHits, hit } from '../../d1/rate-limits';
import {
  attemptChallenge,
  completeChallenge,
  createChallenge,
  disableSecret,
  enableSecret,
  getTwoFactor,
  setPendingSecret,
  useStep,
} from '../../d1/two-factor';
import { SESSION_ABSOLUTE_SECONDS } from '../../d1/sessions';
import { findUserForLogin, getUser, type User } from '../../d1/users';
import { randomToken, sha256Hex, verifyPassword } from '../lib/crypto';
import { openTotpSecret, sealTotpSecret } from '../lib/reader-keys';
import { matchTotp, newTotpSecret, otpauthUri } from '../lib/totp';
import { refuse, type Outcome } from './outcome';

const CODE_WINDOW_SECONDS = 15 * 60;
/** Wrong codes one account takes in 15 minutes, whatever the address. */
export const CODE_LIMIT = 10;

export interface Setup {
  /** Base32 secret for typing into an authenticator app. */
  secret: string;
  /** otpauth:// URI for apps that open or scan it. */
  uri: string;
}

/** Rate-limit keys of sign-in (the same hashes as domain/auth.ts). */
export async function loginKeys(email: string, address: string) {
  const account = await sha256Hex(email.toLowerCase());
  const addr = await sha256Hex(address);
  return {
    pair: `login:pair:${account}:${addr}`,
    account: `login:account:${account}`,
    address: `login:addr:${addr}`,
    code: `login:code:${account}`,
  };
}

/** Is the second factor on for this account? */
export async function twoFactorEnabled(db: D1Database, userId: number): Promise<boolean> {
  return Boolean((await getTwoFactor(db, userId))?.enabledAt);
}

/** The set-up in progress (secret not yet confirmed), if any. */
export async function pendingSetup(
  db: D1Database,
  dataKey: string,
  issuer: string,
  user: Pick<User, 'id' | 'email'>,
): Promise<Setup | null> {
  const state = await getTwoFactor(db, user.id);
  if (!state?.sealedSecret || state.enabledAt) return null;
  const secret = await openTotpSecret(dataKey, state.sealedSecret);
  return secret ? { secret, uri: otpauthUri(issuer, user.email, secret) } : null;
}

/** Start (or restart) a set-up: a new secret, stored sealed and not yet on. */
export async function startSetup(
  db: D1Database,
  dataKey: string,
  issuer: string,
  user: Pick<User, 'id' | 'email'>,
): Promise<Outcome<Setup, { kind: 'already-on' }>> {
  const secret = newTotpSecret();
  const stored = await setPendingSecret(db, user.id, await sealTotpSecret(dataKey, secret));
  if (!stored) return refuse({ kind: 'already-on' });
  return { ok: true, value: { secret, uri: otpauthUri(issuer, user.email, secret) }, changed: [] };
}

/** Confirm the pending secret with a code from the app: from now on sign-in asks for a code. */
export async function confirmSetup(
  db: D1Database,
  dataKey: string,
  userId: number,
  code: string,
  actor: Actor,
  now = Date.now(),
): Promise<Outcome<null, { kind: 'no-setup' } | { kind: 'wrong-code' }>> {
  const state = await getTwoFactor(db, userId);
  if (!state?.sealedSecret || state.enabledAt) return refuse({ kind: 'no-setup' });
  const secret = await openTotpSecret(dataKey, state.sealedSecret);
  if (!secret) return refuse({ kind: 'no-setup' });
  const step = await matchTotp(secret, code, now, null);
  if (step === null) return refuse({ kind: 'wrong-code' });
  const enabled = await enableSecret(db, userId, state.sealedSecret, step, actor, new Date(now));
  return enabled ? { ok: true, value: null, changed: [] } : refuse({ kind: 'no-setup' });
}

/**
 * Check a sign-in code for an account with the factor on, counting a wrong one against the
 * account; true only for a code of a step not used before (the step is then used up).
 */
export async function checkCode(
  db: D1Database,
  dataKey: string,
  user: Pick<User, 'id' | 'email'>,
  code: string,
  now = Date.now(),
): Promise<'ok' | 'wrong' | 'rate-limited'> {
  const keys = await loginKeys(user.email, '');
  const limit = await hit(db, keys.code, CODE_WINDOW_SECONDS, CODE_LIMIT, now);
  if (!limit.allowed) return 'rate-limited';
  const state = await getTwoFactor(db, user.id);
  if (!state?.enabledAt || !state.sealedSecret) return 'wrong';
  const secret = await openTotpSecret(dataKey, state.sealedSecret);
  if (!secret) return 'wrong';
  const step = await matchTotp(secret, code, now, state.lastStep);
  if (step === null || !(await useStep(db, user.id, step))) return 'wrong';
  await clearHits(db, keys.code);
  return 'ok';
}

/** Open the code step of a sign-in; the caller shows the returned secret in the code form. */
export async function openChallenge(
  db: D1Database,
  userId: number,
  replaces: string | null,
): Promise<string> {
  const challenge = randomToken(32);
  await createChallenge(db, userId, await sha256Hex(challenge), replaces);
  return challenge;
}

export type ChallengeRefusal =
  { kind: 'expired' } | { kind: 'wrong-code' } | { kind: 'rate-limited' };

/** The code step: a right code finishes the sign-in (a new session, the old one revoked). */
export async function answerChallenge(
  db: D1Database,
  dataKey: string,
  input: { challenge: string; code: string },
  client: { address: string },
  now = Date.now(),
): Promise<
  Outcome<{ user: User; token: string; expiresAt: string; maxAgeSeconds: number }, ChallengeRefusal>
> {
  const tokenHash = await sha256Hex(input.challenge);
  const challenge = await attemptChallenge(db, tokenHash, new Date(now));
  if (!challenge) return refuse({ kind: 'expired' });
  const user = await getUser(db, challenge.userId);
  if (!user?.active) return refuse({ kind: 'expired' });
  const verdict = await checkCode(db, dataKey, user, input.code, now);
  if (verdict !== 'ok') return refuse({ kind: verdict === 'wrong' ? 'wrong-code' : verdict });
  const token = randomToken(32);
  const { expiresAt } = await completeChallenge(
    db,
    tokenHash,
    challenge,
    { tokenHash: await sha256Hex(token), csrfToken: randomToken(24) },
    new Date(now),
  );
  const keys = await loginKeys(user.email, client.address);
  await clearHits(db, keys.pair, keys.account);
  return {
    ok: true,
    value: { user, token, expiresAt, maxAgeSeconds: SESSION_ABSOLUTE_SECONDS },
    changed: [],
  };
}

/** The owner turns the factor off: their password and a current code, both. */
export async function turnOff(
  db: D1Database,
  dataKey: string,
  user: Pick<User, 'id' | 'email'>,
  input: { password: string; code: string },
  actor: Actor,
  now = Date.now(),
): Promise<
  Outcome<null, { kind: 'wrong-password' } | { kind: 'wrong-code' } | { kind: 'rate-limited' }>
> {
  // The code first: it is rate-limited, so a borrowed session cannot guess the password here.
  const verdict = await checkCode(db, dataKey, user, input.code, now);
  if (verdict !== 'ok') return refuse({ kind: verdict === 'wrong' ? 'wrong-code' : verdict });
  const found = await findUserForLogin(db, user.email);
  if (!found || !(await verifyPassword(input.password, found.password)))
    return refuse({ kind: 'wrong-password' });
  await disableSecret(db, user.id, actor, 'owner');
  return { ok: true, value: null, changed: [] };
}

/** An admin turns someone's factor off (a lost phone); they set it up again at next sign-in. */
export async function adminTurnOff(db: D1Database, userId: number, actor: Actor): Promise<boolean> {
  const user = await getUser(db, userId);
  if (!user) return false;
  await disableSecret(db, userId, actor, 'admin');
  return true;
}
