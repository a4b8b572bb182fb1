/**
 * Signing in and out, the same for POST /api/v1/auth/login|logout and the desk's forms:
 * per-account and per-address limits on failed attempts, one PBKDF2 whether or not the e-mail
 * exists, and a new session secret on every sign-in that revokes the one the client had.
 */
import type { Actor } from '../../d1/audit';
import { clearHits, hit } from '../../d1/rate-limits';
import { createSession, deleteSession, SESSION_ABSOLUTE_SECONDS } from '../../d1/sessions';
import { revokeApiToken } from '../../d1/tokens';
import { findUserForLogin, type User } from '../../d1/users';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../lib/crypto';
import { refuse, type Outcome } from './outcome';

/** Failed sign-ins allowed per account and per address in one 15-minute window. */
export const LOGIN_LIMIT_PER_ACCOUNT = 5;
const LOGIN_LIMIT_PER_ADDRESS = 20;
const LOGIN_WINDOW_SECONDS = 15 * 60;

// For an unknown e-mail, one PBKDF2 of the given password all the same: both paths cost the same,
// and nothing is derived at module load (start-up stays cheap).
const DUMMY_SALT = '00'.repeat(16);

export type SignInRefusal =
  { kind: 'rate-limited'; retryAfter: number } | { kind: 'invalid-credentials' };

export interface SignedIn {
  user: User;
  /** The session secret: the caller puts it in the cookie (and the API also returns it). */
  token: string;
  expiresAt: string;
  maxAgeSeconds: number;
}

/**
 * Check credentials against the limits and start a session. `replaces` is the token hash of
 * the session the client already had, if any: it is revoked in the same batch (rotation).
 */
export async function signIn(
  db: D1Database,
  credentials: { email: string; password: string },
  client: { address: string; replaces: string | null },
): Promise<Outcome<SignedIn, SignInRefusal>> {
  const { email, password } = credentials;
  const accountKey = `login:account:${email.toLowerCase()}`;
  const [byAccount, byAddress] = await Promise.all([
    hit(db, accountKey, LOGIN_WINDOW_SECONDS, LOGIN_LIMIT_PER_ACCOUNT),
    hit(
      db,
      `login:addr:${await sha256Hex(client.address)}`,
      LOGIN_WINDOW_SECONDS,
      LOGIN_LIMIT_PER_ADDRESS,
    ),
  ]);
  if (!byAccount.allowed || !byAddress.allowed) {
    return refuse({
      kind: 'rate-limited',
      retryAfter: Math.max(byAccount.retryAfter, byAddress.retryAfter),
    });
  }
  const found = await findUserForLogin(db, email);
  const valid = found
    ? await verifyPassword(password, found.password)
    : (await hashPassword(password, DUMMY_SALT), false);
  if (!found || !valid || !found.active) return refuse({ kind: 'invalid-credentials' });
  await clearHits(db, accountKey);
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
