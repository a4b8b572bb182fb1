/**
 * Changing a password, the same for POST /api/v1/auth/password and the desk's account page, and
 * the admin-issued one-time reset link (there is no e-mail in ClaimDesk: the admin hands the link
 * over). The rules of a new password are in worker/schemas/fields.ts (NewPassword); the caller
 * has validated it. Every change ends all sessions of the account; a change made from a session
 * starts a fresh one for that browser (rotation). Audit rows come with each write.
 */
import type { Actor } from '../../d1/audit';
import {
  createPasswordReset,
  findPasswordReset,
  usePasswordReset,
  type PasswordReset,
} from '../../d1/password-resets';
import { hit } from '../../d1/rate-limits';
import { SESSION_ABSOLUTE_SECONDS, sessionInsert } from '../../d1/sessions';
import { findUserForLogin, getUser, setPassword, type User } from '../../d1/users';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../lib/crypto';
import { refuse, type Outcome } from './outcome';

/** Wrong current passwords allowed per account in 15 minutes (a stolen session cannot guess on). */
export const PASSWORD_CHANGE_LIMIT = 5;
const PASSWORD_CHANGE_WINDOW_SECONDS = 15 * 60;

export type PasswordChangeRefusal =
  { kind: 'wrong-password' } | { kind: 'rate-limited'; retryAfter: number } | { kind: 'not-found' };

export interface PasswordChanged {
  /** The new session secret when the change came from a session (null for an API token). */
  token: string | null;
  expiresAt: string | null;
  maxAgeSeconds: number;
}

/** Change one's own password after checking the current one. */
export async function changeOwnPassword(
  db: D1Database,
  who: { userId: number; email: string; tokenHash: string | null },
  input: { currentPassword: string; newPassword: string },
  actor: Actor,
): Promise<Outcome<PasswordChanged, PasswordChangeRefusal>> {
  const limit = await hit(
    db,
    `password:user:${who.userId}`,
    PASSWORD_CHANGE_WINDOW_SECONDS,
    PASSWORD_CHANGE_LIMIT,
  );
  if (!limit.allowed) return refuse({ kind: 'rate-limited', retryAfter: limit.retryAfter });
  const found = await findUserForLogin(db, who.email);
  if (!found || found.id !== who.userId) return refuse({ kind: 'not-found' });
  if (!(await verifyPassword(input.currentPassword, found.password)))
    return refuse({ kind: 'wrong-password' });
  const password = await hashPassword(input.newPassword);
  let token: string | null = null;
  let expiresAt: string | null = null;
  let keep: D1PreparedStatement | undefined;
  if (who.tokenHash) {
    token = randomToken(32);
    const insert = sessionInsert(db, who.userId, await sha256Hex(token), randomToken(24));
    keep = insert.statement;
    expiresAt = insert.expiresAt;
  }
  await setPassword(db, who.userId, password, actor, { keep, via: 'change' });
  return {
    ok: true,
    value: { token, expiresAt, maxAgeSeconds: SESSION_ABSOLUTE_SECONDS },
    changed: [],
  };
}

export type ResetLinkRefusal = { kind: 'not-found' } | { kind: 'inactive' };

/** An admin issues a one-time reset link for an account; the secret is returned once. */
export async function issueResetLink(
  db: D1Database,
  userId: number,
  actor: Actor,
): Promise<Outcome<{ user: User; token: string; expiresAt: string }, ResetLinkRefusal>> {
  const user = await getUser(db, userId);
  if (!user) return refuse({ kind: 'not-found' });
  if (!user.active) return refuse({ kind: 'inactive' });
  const token = randomToken(32);
  const { expiresAt } = await createPasswordReset(db, userId, await sha256Hex(token), actor);
  return { ok: true, value: { user, token, expiresAt }, changed: [] };
}

/** The account a reset link opens, or null when it is unknown, used or expired. */
export async function openResetLink(db: D1Database, token: string): Promise<PasswordReset | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return findPasswordReset(db, await sha256Hex(token));
}

/** Set a new password with a reset link; the link is spent and every session of the account ends. */
export async function resetWithLink(
  db: D1Database,
  token: string,
  newPassword: string,
  actor: Omit<Actor, 'userId'>,
): Promise<Outcome<{ userId: number }, { kind: 'invalid-link' }>> {
  const reset = await openResetLink(db, token);
  if (!reset) return refuse({ kind: 'invalid-link' });
  const password = await hashPassword(newPassword);
  const used = await usePasswordReset(db, await sha256Hex(token), reset.userId, password, {
    // The account's owner made the change (the link proves it); the admin is on the link's row.
    userId: reset.userId,
    requestId: actor.requestId,
  });
  return used
    ? { ok: true, value: { userId: reset.userId }, changed: [] }
    : refuse({ kind: 'invalid-link' });
}
