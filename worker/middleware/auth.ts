import type { MiddlewareHandler } from 'hono';
import { findApiToken, findSession } from '../../d1/sessions';
import type { Role } from '../../d1/users';
import type { AppEnv } from '../env';
import { sha256Hex } from '../lib/crypto';
import { problem } from '../lib/problem';
import { readSessionCookie } from '../http/session-cookie';

/** API tokens are told apart from session secrets by this prefix. */
export const API_TOKEN_PREFIX = 'cdk_';

/**
 * Resolve who is calling from `Authorization: Bearer …` (session secret or API token) or the
 * session cookie, and put it in `c.var.session`. Never rejects: routes decide with requireUser().
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

/** 401 unless signed in; with `roles`, 403 unless the user has one of them. */
export function requireUser(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async function requireUserMiddleware(c, next) {
    const session = c.get('session');
    if (!session) {
      throw problem(401, 'Authentication required', {
        detail: 'Sign in, or send a bearer token.',
        code: 'unauthenticated',
      });
    }
    if (roles.length > 0 && !roles.includes(session.role)) {
      throw problem(403, 'Forbidden', {
        detail: `This action needs the ${roles.join(' or ')} role.`,
        code: 'forbidden',
      });
    }
    await next();
  };
}
