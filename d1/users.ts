import type { Role } from '../worker/lib/enums';
import { auditStatement, type Actor } from './audit';

export type { Role };

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
  active: boolean;
  createdAt: string;
}

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
  active: number;
  created_at: string;
}

export interface UserWithPassword extends User {
  password: { hash: string; salt: string; iterations: number };
}

const COLUMNS = `id, email, name, role, locale, active, created_at`;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

/** A user and their password hash, by e-mail (case-insensitive), for sign-in only. */
export async function findUserForLogin(
  db: D1Database,
  email: string,
): Promise<UserWithPassword | null> {
  const row = await db
    .prepare(
      `SELECT ${COLUMNS}, password_hash, password_salt, password_iterations FROM users WHERE email = ?1`,
    )
    .bind(email)
    .first<
      UserRow & { password_hash: string; password_salt: string; password_iterations: number }
    >();
  if (!row) return null;
  return {
    ...toUser(row),
    password: {
      hash: row.password_hash,
      salt: row.password_salt,
      iterations: row.password_iterations,
    },
  };
}

export async function getUser(db: D1Database, id: number): Promise<User | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?1`)
    .bind(id)
    .first<UserRow>();
  return row ? toUser(row) : null;
}

export async function listUsers(db: D1Database): Promise<User[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM users ORDER BY name, id`)
    .all<UserRow>();
  return results.map(toUser);
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  locale?: string | null;
  password: { hash: string; salt: string; iterations: number };
}

/** Create a user with its audit row. Returns null when the e-mail is taken. */
export async function createUser(
  db: D1Database,
  input: NewUser,
  actor: Actor,
): Promise<User | null> {
  const now = new Date().toISOString();
  const results = await db.batch<UserRow>([
    db
      .prepare(
        `INSERT INTO users (email, name, role, password_hash, password_salt, password_iterations, locale, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (email) DO NOTHING RETURNING ${COLUMNS}`,
      )
      .bind(
        input.email,
        input.name,
        input.role,
        input.password.hash,
        input.password.salt,
        input.password.iterations,
        input.locale ?? null,
        now,
      ),
    auditStatement(
      db,
      actor,
      'user.create',
      { type: 'user', id: input.email.toLowerCase() },
      null,
      { email: input.email, role: input.role },
      { onlyIfChanged: true, at: now },
    ),
  ]);
  const row = results[0]?.results[0];
  return row ? toUser(row) : null;
}

export interface UserPatch {
  name?: string;
  role?: Role;
  active?: boolean;
  locale?: string | null;
}

/** Change a user's name, role, locale or active flag; deactivating also ends their sessions. */
export async function updateUser(
  db: D1Database,
  before: User,
  patch: UserPatch,
  actor: Actor,
): Promise<User | null> {
  const next = { ...before, ...patch };
  const statements = [
    db
      .prepare(
        `UPDATE users SET name = ?2, role = ?3, active = ?4, locale = ?5 WHERE id = ?1 RETURNING ${COLUMNS}`,
      )
      .bind(before.id, next.name, next.role, next.active ? 1 : 0, next.locale),
    auditStatement(
      db,
      actor,
      'user.update',
      { type: 'user', id: String(before.id) },
      before,
      patch,
    ),
  ];
  if (!next.active)
    statements.push(db.prepare(`DELETE FROM sessions WHERE user_id = ?1`).bind(before.id));
  const results = await db.batch<UserRow>(statements);
  const row = results[0]?.results[0];
  return row ? toUser(row) : null;
}

/**
 * Set a new password hash and end every session of that user, with its audit row, in one batch.
 * `keep` is a session to start in the same batch (a password change keeps its editor signed in
 * on a fresh secret: rotation).
 */
export async function setPassword(
  db: D1Database,
  userId: number,
  password: NewUser['password'],
  actor: Actor,
  opts: { keep?: D1PreparedStatement; via?: 'change' | 'reset' } = {},
): Promise<void> {
  const statements = [
    db
      .prepare(
        `UPDATE users SET password_hash = ?2, password_salt = ?3, password_iterations = ?4 WHERE id = ?1`,
      )
      .bind(userId, password.hash, password.salt, password.iterations),
    db.prepare(`DELETE FROM sessions WHERE user_id = ?1`).bind(userId),
    auditStatement(db, actor, 'user.password', { type: 'user', id: String(userId) }, null, {
      via: opts.via ?? 'change',
    }),
  ];
  if (opts.keep) statements.push(opts.keep);
  await db.batch(statements);
}

/** Number of users (the seed script creates the demo admin only in an empty database). */
export async function countUsers(db: D1Database): Promise<number> {
  const row = await db.prepare(`SELECT count(*) AS n FROM users`).first<{ n: number }>();
  return row?.n ?? 0;
}
