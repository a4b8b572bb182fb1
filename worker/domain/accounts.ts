/**
 * Editor accounts, the same for /api/v1/users and the desk's admin page: an e-mail is
 * registered once, passwords are stored only as PBKDF2 hashes, and nobody can demote or
 * deactivate themselves (the last admin cannot lock everyone out by accident).
 */
import type { Actor } from '../../d1/audit';
import {
  createUser,
  getUser,
  updateUser,
  type NewUser,
  type User,
  type UserPatch,
} from '../../d1/users';
import { hashPassword } from '../lib/crypto';
import { refuse, type Outcome } from './outcome';

export type AccountRefusal =
  | { kind: 'not-found' }
  | { kind: 'email-taken' }
  | { kind: 'self-lockout' }
  | { kind: 'nothing-to-change' };

/** Create an account; the password is hashed here and never stored as given. */
export async function addAccount(
  db: D1Database,
  input: Omit<NewUser, 'password'> & { password: string },
  actor: Actor,
): Promise<Outcome<User, AccountRefusal>> {
  const user = await createUser(
    db,
    { ...input, password: await hashPassword(input.password) },
    actor,
  );
  return user ? { ok: true, value: user, changed: [] } : refuse({ kind: 'email-taken' });
}

/** Change an account; the actor may not demote or deactivate their own. */
export async function changeAccount(
  db: D1Database,
  userId: number,
  patch: UserPatch,
  actor: Actor,
): Promise<Outcome<User, AccountRefusal>> {
  const before = await getUser(db, userId);
  if (!before) return refuse({ kind: 'not-found' });
  if (Object.keys(patch).length === 0) return refuse({ kind: 'nothing-to-change' });
  if (before.id === actor.userId && (patch.active === false || patch.role === 'editor'))
    return refuse({ kind: 'self-lockout' });
  const user = await updateUser(db, before, patch, actor);
  return user ? { ok: true, value: user, changed: [] } : refuse({ kind: 'not-found' });
}
