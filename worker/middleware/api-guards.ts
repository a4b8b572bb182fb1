import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { problem } from '../lib/problem';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Request shape rules for the JSON API: writes with a body must be `application/json` (415
 * otherwise), and a write authenticated by the session cookie must come from our own origin
 * (a bearer token cannot be sent by another site, a cookie can).
 */
export function apiGuards(): MiddlewareHandler<AppEnv> {
  return async function apiGuardsMiddleware(c, next) {
    if (!UNSAFE.has(c.req.method)) return next();
    const type = c.req.header('Content-Type');
    const hasBody =
      c.req.header('Content-Length') !== '0' && (type !== undefined || c.req.raw.body !== null);
    if (
      hasBody &&
      c.req.method !== 'DELETE' &&
      !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type ?? '')
    ) {
      throw problem(415, 'Unsupported media type', {
        detail: 'Send the request body as application/json.',
        code: 'unsupported_media_type',
        errors: [{ field: 'header.Content-Type', message: 'Must be application/json' }],
      });
    }
    if (c.get('authVia') === 'cookie') {
      const origin = c.req.header('Origin');
      const site = c.req.header('Sec-Fetch-Site');
      const sameOrigin = origin
        ? origin === new URL(c.req.url).origin
        : site === undefined || site === 'same-origin';
      if (!sameOrigin) throw problem(403, 'Cross-site request refused', { code: 'csrf' });
    }
    await next();
  };
}
