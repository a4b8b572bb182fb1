/**
 * API tokens: long-lived bearer secrets for integrations. Only the SHA-256 of a token is stored;
 * each has a scope, an expiry, a last-used time (touched at most once a minute) and can be revoked.
 */
import type { TokenScope } from '../worker/lib/enums';
import { auditStatement, type Actor } from './audit';
import type { Session } from './sessions';
import type { Role } from './users';

export type { TokenScope };

/** How often the lookup writes last_used_at for one token, at most. */
const LAST_USED_EVERY_MS = 60_000;

/** An API token as lists show it (never its secret, never its hash). */
export interface ApiToken {
  id: number;
  userId: number;
  ownerName: string;
  ownerEmail: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** At the time of reading: revoked wins over expired. */
  state: 'active' | 'expired' | 'revoked';
}

interface TokenRow {
  id: number;
  user_id: number;
  owner_name: string;
  owner_email: string;
  name: string;
  scope: TokenScope;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const COLUMNS = `t.id, t.user_id, u.name AS owner_name, u.email AS owner_email, t.name, t.scope, t.created_at, t.expires_at, t.last_used_at, t.revoked_at`;

export function toApiToken(row: TokenRow, now = new Date()): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    ownerName: row.owner_name,
    ownerEmail: row.owner_email,
    name: row.name,
    scope: row.scope,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    state: row.revoked_at ? 'revoked' : row.expires_at <= now.toISOString() ? 'expired' : 'active',
  };
}

/** Audit view of a token: what it is, never its hash. */
function audited(t: { userId: number; name: string; scope: TokenScope; expiresAt: string }) {
  return { userId: t.userId, name: t.name, scope: t.scope, expiresAt: t.expiresAt };
}

/** Store a new token (its hash only) and its audit row, in one batch. */
export async function createApiToken(
  db: D1Database,
  input: { userId: number; name: string; tokenHash: string; scope: TokenScope; expiresAt: string },
  actor: Actor,
  now = new Date(),
): Promise<ApiToken> {
  const at = now.toISOString();
  const [inserted] = await db.batch<{ id: number }>([
    db
      .prepare(
        `INSERT INTO api_tokens (user_id, name, token_hash, scope, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id`,
      )
      .bind(input.userId, input.name, input.tokenHash, input.scope, at, input.expiresAt),
    // The audit row names the token by the id the INSERT just made (same batch, same connection).
    db
      .prepare(
        `INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, before, after, request_id)
         SELECT ?1, ?2, 'token.create', 'api_token', CAST(last_insert_rowid() AS TEXT), NULL, ?3, ?4`,
      )
      .bind(at, actor.userId, JSON.stringify(audited(input)), actor.requestId),
  ]);
  const id = inserted?.results[0]?.id;
  if (id === undefined) throw new Error('api token insert did not return the row');
  const token = await getApiToken(db, id, now);
  if (!token) throw new Error('api token not found after insert');
  return token;
}

/** One token by id (any state). */
export async function getApiToken(
  db: D1Database,
  id: number,
  now = new Date(),
): Promise<ApiToken | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ?1`)
    .bind(id)
    .first<TokenRow>();
  return row ? toApiToken(row, now) : null;
}

/**
 * Tokens newest first, paged by id: one user's (`userId`), or everyone's (`userId` null, for
 * admins). `before` is the id the previous page ended at.
 */
export async function listApiTokens(
  db: D1Database,
  opts: { userId: number | null; before?: number; limit: number },
  now = new Date(),
): Promise<ApiToken[]> {
  const before = opts.before ?? Number.MAX_SAFE_INTEGER;
  const stmt =
    opts.userId === null
      ? db
          .prepare(
            `SELECT ${COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id
             WHERE t.id < ?1 ORDER BY t.id DESC LIMIT ?2`,
          )
          .bind(before, opts.limit)
      : db
          .prepare(
            `SELECT ${COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id
             WHERE t.user_id = ?3 AND t.id < ?1 ORDER BY t.id DESC LIMIT ?2`,
          )
          .bind(before, opts.limit, opts.userId);
  const { results } = await stmt.all<TokenRow>();
  return results.map((r) => toApiToken(r, now));
}

/**
 * Revoke a token: a guarded UPDATE (only a live one) and its audit row in one batch. Returns the
 * token as it is now, and whether this call revoked it (false: it was revoked already).
 */
export async function revokeApiToken(
  db: D1Database,
  id: number,
  actor: Actor,
  now = new Date(),
): Promise<{ token: ApiToken; revoked: boolean } | null> {
  const at = now.toISOString();
  const [updated] = await db.batch<{ id: number }>([
    db
      .prepare(
        `UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL RETURNING id`,
      )
      .bind(id, at),
    auditStatement(
      db,
      actor,
      'token.revoke',
      { type: 'api_token', id: String(id) },
      null,
      { revokedAt: at },
      { onlyIfChanged: true, at },
    ),
  ]);
  const token = await getApiToken(db, id, now);
  if (!token) return null;
  return { token, revoked: updated?.results.length === 1 };
}

/**
 * The caller behind a live API token: not revoked, not expired, owner active. Touches
 * last_used_at at most once a minute (a write only when the stored one is older), so a busy
 * integration costs one small UPDATE a minute, not one per request.
 */
export async function findApiToken(
  db: D1Database,
  tokenHash: string,
  now = new Date(),
): Promise<Session | null> {
  const at = now.toISOString();
  const row = await db
    .prepare(
      `SELECT t.id, t.scope, t.expires_at, t.last_used_at, u.id AS user_id, u.email, u.name, u.role, u.locale
       FROM api_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = ?1 AND t.revoked_at IS NULL AND t.expires_at > ?2 AND u.active = 1`,
    )
    .bind(tokenHash, at)
    .first<{
      id: number;
      scope: TokenScope;
      expires_at: string;
      last_used_at: string | null;
      user_id: number;
      email: string;
      name: string;
      role: Role;
      locale: string | null;
    }>();
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= LAST_USED_EVERY_MS) {
    await db
      .prepare(`UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1`)
      .bind(row.id, at)
      .run();
  }
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    csrfToken: null,
    tokenHash: null,
    expiresAt: row.expires_at,
    scope: row.scope,
    apiTokenId: row.id,
  };
}
