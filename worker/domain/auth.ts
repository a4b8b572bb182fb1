/**
 * Signing in and out, the same for POST /api/v1/auth/login|logout and the desk's forms.
 *
 * Throttling never becomes a lock a stranger can trigger:
 * - per (account, address): 5 attempts in 15 minutes, then 429 for that pair only;
 * - per address, whatever the account: 20 attempts in 15 minutes (one address guessing many accounts);
 * - per account, from every address together: past 10 attempts in 15 minutes each further attempt
 *   waits a little longer (capped at a few seconds) before its password is checked, and then it
 *   is checked: the right password from an address with no failures still signs in.
 * One PBKDF2 whether or not the e-mail exists, and a new session secret on every sign-in that
 * revokes the one the client had.
 */
import type { Actor } from '../../d1/audit';
import { clearHits, hitAll } from '../../d1/rate-limits';
import { createSession, deleteSession, SESSION_ABSOLUTE_SECONDS } from '../../d1/sessions';
import { revokeApiToken } from '../../d1/tokens';
import { findUserForLogin, type User } from '../../d1/users';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../lib/crypto';
import { refuse, type Outcome } from './outcome';
import { checkCode, loginKeys, openChallenge, twoFactorEnabled } from './two-factor';

const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Attempts allowed for one account from one address in one 15-minute window. */
export const LOGIN_LIMIT_PER_PAIR = 5;
/** Attempts allowed from one address, over all accounts, in one 15-minute window. */
export const LOGIN_LIMIT_PER_ADDRESS = 20;
/** Attempts on one account (all addresses) before each further one is slowed down. */
export const LOGIN_SLOW_AFTER = 10;
const LOGIN_DELAY_STEP_MS = 200;
export const LOGIN_DELAY_MAX_MS = 3000;

/** How long an attempt waits when it is the `attempt`-th on its account in the window. */
export function loginDelayMs(attempt: number): number {
  if (attempt <= LOGIN_SLOW_AFTER) return 0;
  return Math.min(LOGIN_DELAY_MAX_MS, (attempt - LOGIN_SLOW_AFTER) * LOGIN_DELAY_STEP_MS);
}

// For an unknown e-mail, one PBKDF2 of the given password all the same: both paths cost the same,
// and nothing is derived at module load (start-up stays cheap).
const DUMMY_SALT = '00'.repeat(16);

export type SignInRefusal =
  | { kind: 'rate-limited'; retryAfter: number }
  | { kind: 'invalid-credentials' }
  /** The password was right and the account has a second factor: `challenge` opens the code step. */
  | { kind: 'second-factor'; challenge: string }
  /** A code came with the password and it was wrong (or too many were). */
  | { kind: 'invalid-code' };

export interface SignedIn {
  user: User;
  /** The session secret: the caller puts it in the cookie (and the API also returns it). */
  token: string;
  expiresAt: string;
  maxAgeSeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Check credentials against the limits and start a session. `replaces` is the token hash of
 * the session the client already had, if any: it is revoked in the same batch (rotation).
 */
export async function signIn(
  db: D1Database,
  credentials: { email: string; password: string; code?: string | undefined },
  client: { address: string; replaces: string | null; dataKey?: string },
): Promise<Outcome<SignedIn, SignInRefusal>> {
  const { email, password } = credentials;
  const keys = await loginKeys(email, client.address);
  const { pair: pairKey, account: accountKey } = keys;
  const [byPair, byAddress, byAccount] = await hitAll(db, [
    { key: pairKey, windowSeconds: LOGIN_WINDOW_SECONDS, limit: LOGIN_LIMIT_PER_PAIR },
    {
      key: keys.address,
      windowSeconds: LOGIN_WINDOW_SECONDS,
      limit: LOGIN_LIMIT_PER_ADDRESS,
    },
    // Never refuses: its count only sets the delay below.
    { key: accountKey, windowSeconds: LOGIN_WINDOW_SECONDS, limit: Number.MAX_SAFE_INTEGER },
  ]);
  if (!byPair!.allowed || !byAddress!.allowed) {
    return refuse({
      kind: 'rate-limited',
      retryAfter: Math.max(
        byPair!.allowed ? 0 : byPair!.retryAfter,
        byAddress!.allowed ? 0 : byAddress!.retryAfter,
      ),
    });
  }
  const delay = loginDelayMs(byAccount!.count);
  if (delay > 0) await sleep(delay);
  const found = await findUserForLogin(db, email);
  const valid = found
    ? await verifyPassword(password, found.password)
    : (await hashPassword(password, DUMMY_SALT), false);
  if (!found || !valid || !found.active) return refuse({ kind: 'invalid-credentials' });
  // The second factor: a code given with the password (API) is checked now; otherwise the
  // caller gets a challenge for the code step. The password's hits stay counted until then.
  if (await twoFactorEnabled(db, found.id)) {
    if (credentials.code === undefined)
      return refuse({
        kind: 'second-factor',
        challenge: await openChallenge(db, found.id, client.replaces),
      });
    if ((await checkCode(db, client.dataKey ?? '', found, credentials.code)) !== 'ok')
      return refuse({ kind: 'invalid-code' });
  }
  // The account's own attempts (its owner just proved who they are); the address keeps its count.
  await clearHits(db, pairKey, accountKey);
  const token = randomToken(32);
  const { expiresAt } = await createSession(db, found.id, await sha256Hex(token), randomToken(24), {
    replaces: client.replaces,
  });
  const { password: _secret, ...user } = found;
  return {
    ok: true,
    value: { user, token, expiresAt, maxAgeSeconds: SESSION_ABSOLUTE_SECONDS },
    changed: [],
  };
}

/**
 * End the credential the request presented, server-side: a sign-in session is deleted, an API
 * token is revoked (it never works again). The caller clears the cookie.
 */
export async function signOut(
  db: D1Database,
  credential: { tokenHash: string | null; apiTokenId: number | null } | undefined,
  actor: Actor,
): Promise<void> {
  if (credential?.tokenHash) await deleteSession(db, credential.tokenHash);
  else if (credential?.apiTokenId != null) await revokeApiToken(db, credential.apiTokenId, actor);
}
