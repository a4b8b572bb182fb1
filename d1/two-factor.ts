/**
 * The TOTP second factor's rows: the sealed secret on users, and the sign-in challenges between
 * the password and the code (migration 0017). Sealing and code checks are the caller's
 * (worker/domain/two-factor.ts); this file only stores.
 */
import { auditStatement, type Actor } from './audit';
import { sessionInsert } from './sessions';

/** How long the code step of a sign-in stays open, and how many codes it takes. */
export const CHALLENGE_SECONDS = 5 * 60;
export const CHALLENGE_MAX_ATTEMPTS = 5;

export interface TwoFactorState {
  /** The sealed secret (pending or enabled), or null. */
  sealedSecret: string | null;
  enabledAt: string | null;
  lastStep: number | null;
}

export async function getTwoFactor(db: D1Database, userId: number): Promise<TwoFactorState | null> {
  const row = await db
    .prepare(`SELECT totp_secret, totp_enabled_at, totp_last_step FROM users WHERE id = ?1`)
    .bind(userId)
    .first<{
      totp_secret: string | null;
      totp_enabled_at: string | null;
      totp_last_step: number | null;
    }>();
  if (!row) return null;
  return {
    sealedSecret: row.totp_secret,
    enabledAt: row.totp_enabled_at,
    lastStep: row.totp_last_step,
  };
}

/** Store a new, not yet confirmed secret (a set-up started again replaces the previous one). Refused (false) while one is enabled. */
export async function setPendingSecret(
  db: D1Database,
  userId: number,
  sealedSecret: string,
): Promise<boolean> {
  const row = await db
    .prepare(
      `UPDATE users SET totp_secret = ?2, totp_last_step = NULL WHERE id = ?1 AND totp_enabled_at IS NULL RETURNING id`,
    )
    .bind(userId, sealedSecret)
    .first();
  return row !== null;
}

/**
 * Turn the pending secret on, remembering the step of the confirming code, with its audit row;
 * false when the secret changed meanwhile (another set-up in another tab) or it is already on.
 */
export async function enableSecret(
  db: D1Database,
  userId: number,
  sealedSecret: string,
  step: number,
  actor: Actor,
  now = new Date(),
): Promise<boolean> {
  const [update] = await db.batch([
    db
      .prepare(
        `UPDATE users SET totp_enabled_at = ?3, totp_last_step = ?4 WHERE id = ?1 AND totp_secret = ?2 AND totp_enabled_at IS NULL RETURNING id`,
      )
      .bind(userId, sealedSecret, now.toISOString(), step),
    auditStatement(
      db,
      actor,
      'user.two-factor',
      { type: 'user', id: String(userId) },
      null,
      { enabled: true },
      { onlyIfChanged: true },
    ),
  ]);
  return (update?.results.length ?? 0) === 1;
}

/** Turn the second factor off (the owner, or an admin for a lost phone), with its audit row. */
export async function disableSecret(
  db: D1Database,
  userId: number,
  actor: Actor,
  by: 'owner' | 'admin',
): Promise<void> {
  await db.batch([
    db
      .prepare(
        `UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = ?1`,
      )
      .bind(userId),
    db.prepare(`DELETE FROM login_challenges WHERE user_id = ?1`).bind(userId),
    auditStatement(db, actor, 'user.two-factor', { type: 'user', id: String(userId) }, null, {
      enabled: false,
      by,
    }),
  ]);
}

/**
 * Record that a code of `step` was used: only if no code of that step or a later one was (a
 * code works once, even under two simultaneous sign-ins). True when this call won.
 */
export async function useStep(db: D1Database, userId: number, step: number): Promise<boolean> {
  const row = await db
    .prepare(
      `UPDATE users SET totp_last_step = ?2 WHERE id = ?1 AND totp_enabled_at IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < ?2) RETURNING id`,
    )
    .bind(userId, step)
    .first();
  return row !== null;
}

/** Open the code step of a sign-in (expired challenges of anyone go in the same batch). */
export async function createChallenge(
  db: D1Database,
  userId: number,
  tokenHash: string,
  replaces: string | null,
  now = new Date(),
): Promise<void> {
  const expiresAt = new Date(now.getTime() + CHALLENGE_SECONDS * 1000).toISOString();
  await db.batch([
    db.prepare(`DELETE FROM login_challenges WHERE expires_at < ?1`).bind(now.toISOString()),
    db
      .prepare(
        `INSERT INTO login_challenges (token_hash, user_id, replaces, expires_at) VALUES (?1, ?2, ?3, ?4)`,
      )
      .bind(tokenHash, userId, replaces, expiresAt),
  ]);
}

export interface Challenge {
  userId: number;
  replaces: string | null;
  /** Attempts including this one. */
  attempts: number;
}

/**
 * Count one code attempt against a live challenge and return it; null when it is unknown,
 * expired or out of attempts (then it is gone).
 */
export async function attemptChallenge(
  db: D1Database,
  tokenHash: string,
  now = new Date(),
): Promise<Challenge | null> {
  const row = await db
    .prepare(
      `UPDATE login_challenges SET attempts = attempts + 1 WHERE token_hash = ?1 AND expires_at >= ?2 AND attempts < ?3 RETURNING user_id, replaces, attempts`,
    )
    .bind(tokenHash, now.toISOString(), CHALLENGE_MAX_ATTEMPTS)
    .first<{ user_id: number; replaces: string | null; attempts: number }>();
  if (!row) {
    await db.prepare(`DELETE FROM login_challenges WHERE token_hash = ?1`).bind(tokenHash).run();
    return null;
  }
  return { userId: row.user_id, replaces: row.replaces, attempts: row.attempts };
}

/** Finish the sign-in: the challenge goes, the new session starts, the old one ends — one batch. */
export async function completeChallenge(
  db: D1Database,
  tokenHash: string,
  challenge: Challenge,
  session: { tokenHash: string; csrfToken: string },
  now = new Date(),
): Promise<{ expiresAt: string }> {
  const { statement, expiresAt } = sessionInsert(
    db,
    challenge.userId,
    session.tokenHash,
    session.csrfToken,
    now,
  );
  const statements = [
    db.prepare(`DELETE FROM login_challenges WHERE token_hash = ?1`).bind(tokenHash),
    statement,
  ];
  if (challenge.replaces)
    statements.push(
      db.prepare(`DELETE FROM sessions WHERE token_hash = ?1`).bind(challenge.replaces),
    );
  await db.batch(statements);
  return { expiresAt };
}

/** Ids of the accounts with two-step sign-in on (the admin's user list shows it). */
export async function twoFactorUserIds(db: D1Database): Promise<number[]> {
  const { results } = await db
    .prepare(`SELECT id FROM users WHERE totp_enabled_at IS NOT NULL`)
    .all<{ id: number }>();
  return results.map((r) => r.id);
}
