/**
 * API tokens, the same for /api/v1/tokens and the desk's token page: who may mint which scope,
 * who sees and revokes which tokens, and what a token may do at all.
 *
 * - A token's scope caps its owner's role: `read` reads only, `write` acts as an editor, `admin`
 *   as an admin (and only an admin mints one). A demoted admin's admin token acts as an editor.
 * - Tokens are minted from a sign-in session only, never by another token, so a leaked token
 *   cannot mint itself a successor that outlives its expiry or its revocation.
 * - Everyone lists and revokes their own tokens; admins (with a session or an admin token) all.
 */
import type { Actor } from '../../d1/audit';
import { hit } from '../../d1/rate-limits';
import type { Session } from '../../d1/sessions';
import {
  createApiToken,
  getApiToken,
  listApiTokens,
  revokeApiToken,
  type ApiToken,
} from '../../d1/tokens';
import type { Role } from '../../d1/users';
import { randomToken, sha256Hex } from '../lib/crypto';
import type { TokenScope } from '../lib/enums';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '../lib/limits';
import { refuse, type Outcome } from './outcome';

/** API tokens are told apart from session secrets by this prefix. */
export const API_TOKEN_PREFIX = 'cdk_';

/** Who is asking: the parts of a session the token rules read. */
export type Caller = Pick<Session, 'userId' | 'role' | 'scope'>;

/** The role a credential acts with: the owner's role, capped by a token's scope. */
export function effectiveRole(caller: Pick<Session, 'role' | 'scope'>): Role {
  return caller.scope === null || caller.scope === 'admin' ? caller.role : 'editor';
}

/** Whether a credential may change anything (a `read` token may not). */
export function mayWrite(caller: Pick<Session, 'scope'>): boolean {
  return caller.scope !== 'read';
}

export type TokenRefusal =
  | { kind: 'not-found' }
  /** Minting from an API token (only a sign-in session mints). */
  | { kind: 'session-required' }
  /** An `admin` token asked for by someone who is not an admin. */
  | { kind: 'scope-too-wide' }
  /** A `read` token asked to change something. */
  | { kind: 'read-only' }
  /** More than MINT_LIMIT tokens minted by one account within the hour. */
  | { kind: 'rate-limited'; retryAfter: number };

/** Tokens one account may mint per hour: enough for any integration, not for a runaway script. */
export const MINT_LIMIT = 20;
const MINT_WINDOW_SECONDS = 3600;

export interface NewToken {
  name: string;
  scope: TokenScope;
  /** Days until it expires, 1 to TOKEN_MAX_DAYS (default TOKEN_DEFAULT_DAYS). */
  expiresInDays?: number;
}

/** A minted token: the secret, shown to its creator once and stored only as a hash. */
export interface Minted {
  secret: string;
  token: ApiToken;
}

export async function mintToken(
  db: D1Database,
  caller: Caller,
  input: NewToken,
  actor: Actor,
  now = new Date(),
): Promise<Outcome<Minted, TokenRefusal>> {
  if (caller.scope !== null) return refuse({ kind: 'session-required' });
  if (input.scope === 'admin' && effectiveRole(caller) !== 'admin')
    return refuse({ kind: 'scope-too-wide' });
  const limit = await hit(db, `token-mint:${caller.userId}`, MINT_WINDOW_SECONDS, MINT_LIMIT);
  if (!limit.allowed) return refuse({ kind: 'rate-limited', retryAfter: limit.retryAfter });
  const days = Math.min(Math.max(input.expiresInDays ?? TOKEN_DEFAULT_DAYS, 1), TOKEN_MAX_DAYS);
  const secret = API_TOKEN_PREFIX + randomToken(32);
  const token = await createApiToken(
    db,
    {
      userId: caller.userId,
      name: input.name,
      tokenHash: await sha256Hex(secret),
      scope: input.scope,
      expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString(),
    },
    actor,
    now,
  );
  return { ok: true, value: { secret, token }, changed: [] };
}

/** The tokens the caller may see: their own, or everyone's for an admin. Never a secret. */
export function visibleTokens(
  db: D1Database,
  caller: Caller,
  page: { before?: number; limit: number },
): Promise<ApiToken[]> {
  return listApiTokens(db, {
    userId: effectiveRole(caller) === 'admin' ? null : caller.userId,
    ...page,
  });
}

/**
 * Revoke a token the caller owns (or any, for an admin). Someone else's token is "not found"
 * to a non-admin, so ids cannot be probed. Revoking a revoked token is not an error.
 */
export async function revokeToken(
  db: D1Database,
  caller: Caller,
  id: number,
  actor: Actor,
): Promise<Outcome<ApiToken, TokenRefusal>> {
  if (!mayWrite(caller)) return refuse({ kind: 'read-only' });
  const token = await getApiToken(db, id);
  if (!token || (token.userId !== caller.userId && effectiveRole(caller) !== 'admin'))
    return refuse({ kind: 'not-found' });
  const result = await revokeApiToken(db, id, actor);
  return result ? { ok: true, value: result.token, changed: [] } : refuse({ kind: 'not-found' });
}
