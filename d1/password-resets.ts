import { auditStatement, type Actor } from './audit';
import type { NewUser } from './users';

/** How long an admin-issued reset link works. */
export const RESET_LINK_SECONDS = 24 * 3600;

/** A live reset link: whose account it opens. */
export interface PasswordReset {
  userId: number;
  email: string;
  name: string;
  expiresAt: string;
}

/**
 * Store a new reset link for an account (only the hash of its secret), drop that account's unused
 * older links, and write the audit row, in one batch.
 */
export async function createPasswordReset(
  db: D1Database,
  userId: number,
  tokenHash: string,
  actor: Actor,
  now = new Date(),
): Promise<{ expiresAt: string }> {
  const expiresAt = new Date(now.getTime() + RESET_LINK_SECONDS * 1000).toISOString();
  await db.batch([
    db.prepare(`DELETE FROM password_resets WHERE user_id = ?1 AND used_at IS NULL`).bind(userId),
    db
      .prepare(
        `INSERT INTO password_resets (token_hash, user_id, created_by, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)`,
      )
      .bind(tokenHash, userId, actor.userId, now.toISOString(), expiresAt),
    auditStatement(db, actor, 'user.reset-link', { type: 'user', id: String(userId) }, null, {
      expiresAt,
    }),
  ]);
  return { expiresAt };
}

/** The account a reset link opens, if the link is unused, not expired, and the account active. */
export async function findPasswordReset(
  db: D1Database,
  tokenHash: string,
  now = new Date(),
): Promise<PasswordReset | null> {
  const row = await db
    .prepare(
      `SELECT r.user_id, r.expires_at, u.email, u.name FROM password_resets r JOIN users u ON u.id = r.user_id
       WHERE r.token_hash = ?1 AND r.used_at IS NULL AND r.expires_at > ?2 AND u.active = 1`,
    )
    .bind(tokenHash, now.toISOString())
    .first<{ user_id: number; expires_at: string; email: string; name: string }>();
  return row
    ? { userId: row.user_id, email: row.email, name: row.name, expiresAt: row.expires_at }
    : null;
}

/**
 * Use a reset link once: mark it used (the guarded UPDATE decides a race), set the password,
 * end every session of the account, and write the audit row — all in one batch, each later
 * statement guarded by the link having been used by this very batch. False when the link was
 * already used, expired, or never existed.
 */
export async function usePasswordReset(
  db: D1Database,
  tokenHash: string,
  userId: number,
  password: NewUser['password'],
  actor: Actor,
  now = new Date(),
): Promise<boolean> {
  const at = now.toISOString();
  const won = `EXISTS (SELECT 1 FROM password_resets WHERE token_hash = ?1 AND used_at = ?2 AND user_id = ?3)`;
  const results = await db.batch([
    db
      .prepare(
        `UPDATE password_resets SET used_at = ?2
         WHERE token_hash = ?1 AND user_id = ?3 AND used_at IS NULL AND expires_at > ?2 RETURNING user_id`,
      )
      .bind(tokenHash, at, userId),
    db
      .prepare(
        `UPDATE users SET password_hash = ?4, password_salt = ?5, password_iterations = ?6
         WHERE id = ?3 AND active = 1 AND ${won}`,
      )
      .bind(tokenHash, at, userId, password.hash, password.salt, password.iterations),
    auditStatement(
      db,
      actor,
      'user.password',
      { type: 'user', id: String(userId) },
      null,
      {
        via: 'reset',
      },
      { onlyIfChanged: true, at },
    ),
    db.prepare(`DELETE FROM sessions WHERE user_id = ?3 AND ${won}`).bind(tokenHash, at, userId),
  ]);
  return (results[0]?.results.length ?? 0) === 1 && (results[2]?.results.length ?? 0) === 1;
}
