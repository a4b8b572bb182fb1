import type { MiddlewareHandler } from 'hono';
import { findSession } from '../../d1/sessions';
import { findApiToken } from '../../d1/tokens';
import type { Role } from '../../d1/users';
import { API_TOKEN_PREFIX, effectiveRole, mayWrite } from '../domain/tokens';
import type { AppEnv } from '../env';
import { sha256Hex } from '../lib/crypto';
import { problem } from '../lib/problem';
import { readSessionCookie } from '../http/session-cookie';

/**
 * Resolve who is calling from `Authorization: Bearer …` (session secret or API token) or the
 * session cookie, and put it in `c.var.session`. Never rejects: routes decide with requireUser().
 * A revoked, expired or unknown credential is no credential (anonymous).
 */
export function sessionLoader(): MiddlewareHandler<AppEnv> {
  return async function sessionLoaderMiddleware(c, next) {
    const header = c.req.header('Authorization');
    const bearer = header?.match(/^Bearer\s+([\w-]{20,200})$/i)?.[1];
    const secret = bearer ?? readSessionCookie(c);
    if (secret) {
      const hash = await sha256Hex(secret);
      const session = secret.startsWith(API_TOKEN_PREFIX)
        ? await findApiToken(c.env.DB, hash)
        : await findSession(c.env.DB, hash);
      if (session) c.set('session', session);
      c.set('authVia', bearer ? 'bearer' : 'cookie');
    }
    await next();
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Writes a `read` token may still make: signing out (which revokes that very token). */
const READ_SCOPE_WRITES = new Set(['/api/v1/auth/logout']);

/**
 * A `read` token changes nothing: every write it sends is a 403 (`insufficient_scope`), whatever
 * the route, before any handler runs. Signing out with it (revoking it) is the one exception.
 */
export function tokenScopeGuard(): MiddlewareHandler<AppEnv> {
  return async function tokenScopeGuardMiddleware(c, next) {
    const session = c.get('session');
    if (
      session &&
      !mayWrite(session) &&
      UNSAFE.has(c.req.method) &&
      !READ_SCOPE_WRITES.has(c.req.path)
    ) {
      throw problem(403, 'Forbidden', {
        detail: 'This API token has the read scope: it may only read.',
        code: 'insufficient_scope',
      });
    }
    await next();
  };
}

/**
 * 401 unless signed in; with `roles`, 403 unless the caller acts with one of them (an API token's
 * scope caps its owner's role: an admin's `write` token acts as an editor).
 */
export function requireUser(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async function requireUserMiddleware(c, next) {
    const session = c.get('session');
    if (!session) {
      throw problem(401, 'Authentication required', {
        detail: 'Sign in, or send a bearer token.',
        code: 'unauthenticated',
      });
    }
    if (roles.length > 0 && !roles.includes(effectiveRole(session))) {
      const scoped = roles.includes(session.role);
      throw problem(403, 'Forbidden', {
        detail: scoped
          ? `This action needs an API token with the admin scope (this one has ${session.scope}).`
          : `This action needs the ${roles.join(' or ')} role.`,
        code: scoped ? 'insufficient_scope' : 'forbidden',
      });
    }
    await next();
  };
}
