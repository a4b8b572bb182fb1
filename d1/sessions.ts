import type { TokenScope } from '../worker/lib/enums';
import type { Role } from './users';

/** How long a session lives at most, and how long it may sit unused. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 3600;
export const SESSION_IDLE_SECONDS = 2 * 3600;

/** The signed-in editor, as the request sees it. */
export interface Session {
  userId: number;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
  /** Per-session CSRF token for HTML forms (null for API tokens, which are never cookies). */
  csrfToken: string | null;
  /** sessions.token_hash, or null for an API token. */
  tokenHash: string | null;
  /** When this credential stops working (absolute expiry of the session or of the token). */
  expiresAt: string | null;
  /** An API token's scope; null for a sign-in session (the full rights of the role). */
  scope: TokenScope | null;
  /** api_tokens.id of the token presented, or null for a sign-in session. */
  apiTokenId: number | null;
}

interface SessionRow {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  last_seen_at: string;
  expires_at: string;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
}

/**
 * Store a new session (only the hash of its secret) and drop the one it replaces, if any
 * (rotation on sign-in), in one batch.
 */
export async function createSession(
  db: D1Database,
  userId: number,
  tokenHash: string,
  csrfToken: string,
  opts: { replaces?: string | null; now?: Date } = {},
): Promise<{ expiresAt: string }> {
  const now = opts.now ?? new Date();
  const { statement, expiresAt } = sessionInsert(db, userId, tokenHash, csrfToken, now);
  const statements = [
    statement,
    // Housekeeping: expired sessions of this user go when they sign in again.
    db
      .prepare(`DELETE FROM sessions WHERE user_id = ?1 AND expires_at < ?2`)
      .bind(userId, now.toISOString()),
  ];
  if (opts.replaces)
    statements.push(db.prepare(`DELETE FROM sessions WHERE token_hash = ?1`).bind(opts.replaces));
  await db.batch(statements);
  return { expiresAt };
}

/** The INSERT of a new session, for a batch that does more (a password change rotates the session). */
export function sessionInsert(
  db: D1Database,
  userId: number,
  tokenHash: string,
  csrfToken: string,
  now = new Date(),
): { statement: D1PreparedStatement; expiresAt: string } {
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_SECONDS * 1000).toISOString();
  return {
    statement: db
      .prepare(
        `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?4, ?5)`,
      )
      .bind(tokenHash, userId, csrfToken, now.toISOString(), expiresAt),
    expiresAt,
  };
}

/**
 * The live session for a token hash: not past its absolute expiry, not idle too long, user active.
 * Touches last_seen_at at most once a minute so reads stay reads.
 */
export async function findSession(
  db: D1Database,
  tokenHash: string,
  now = new Date(),
): Promise<Session | null> {
  const row = await db
    .prepare(
      `SELECT s.token_hash, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, u.email, u.name, u.role, u.locale
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ?1 AND u.active = 1 AND s.expires_at > ?2`,
    )
    .bind(tokenHash, now.toISOString())
    .first<SessionRow>();
  if (!row) return null;
  const idleMs = now.getTime() - Date.parse(row.last_seen_at);
  if (idleMs > SESSION_IDLE_SECONDS * 1000) return null;
  if (idleMs > 60_000) {
    await db
      .prepare(`UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1`)
      .bind(tokenHash, now.toISOString())
      .run();
  }
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    csrfToken: row.csrf_token,
    tokenHash: row.token_hash,
    expiresAt: row.expires_at,
    scope: null,
    apiTokenId: null,
  };
}

/** Revoke a session server-side (sign-out). */
export async function deleteSession(db: D1Database, tokenHash: string): Promise<void> {
  await db.prepare(`DELETE FROM sessions WHERE token_hash = ?1`).bind(tokenHash).run();
}

/** Delete sessions past their absolute expiry (scheduled housekeeping). */
export async function pruneSessions(db: D1Database, now = new Date()): Promise<void> {
  await db.prepare(`DELETE FROM sessions WHERE expires_at < ?1`).bind(now.toISOString()).run();
}
