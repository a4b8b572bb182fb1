/** Single sign-on through Cloudflare Access: a verified e-mail becomes a normal desk session. */
import { createSession, SESSION_ABSOLUTE_SECONDS } from '../../d1/sessions';
import { findUserForLogin } from '../../d1/users';
import { verifyAccessJwt, type AccessJwtRules } from '../lib/access-jwt';
import { randomToken, sha256Hex } from '../lib/crypto';
import type { Outcome } from './outcome';
import type { SignedIn } from './auth';

export type AccessRefusal =
  | { kind: 'invalid-token'; reason: string }
  /** A valid token for an e-mail with no active ClaimDesk account (never auto-created). */
  | { kind: 'unknown-user'; email: string };

/**
 * Verify the Access token, find the active account with its e-mail (case-insensitive) and start
 * a session for it; `replaces` (the session the browser had) is dropped in the same batch.
 */
export async function signInWithAccess(
  db: D1Database,
  token: string,
  keys: (fresh: boolean) => Promise<JsonWebKey[]>,
  rules: AccessJwtRules,
  replaces: string | null = null,
): Promise<Outcome<SignedIn, AccessRefusal>> {
  let verified = await verifyAccessJwt(token, await keys(false), rules);
  // A signature by a key we do not hold yet: the team may have rotated; ask once more.
  if (!verified.ok && verified.reason === 'signature')
    verified = await verifyAccessJwt(token, await keys(true), rules);
  if (!verified.ok)
    return { ok: false, refusal: { kind: 'invalid-token', reason: verified.reason } };
  const found = await findUserForLogin(db, verified.email.toLowerCase());
  if (!found || !found.active)
    return { ok: false, refusal: { kind: 'unknown-user', email: verified.email } };
  const secret = randomToken(32);
  const { expiresAt } = await createSession(
    db,
    found.id,
    await sha256Hex(secret),
    randomToken(24),
    {
      replaces,
    },
  );
  const { password: _secret, ...user } = found;
  return {
    ok: true,
    value: { user, token: secret, expiresAt, maxAgeSeconds: SESSION_ABSOLUTE_SECONDS },
    changed: [],
  };
}
