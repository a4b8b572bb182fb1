import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

/** Give every request an id (kept from a sane incoming X-Request-Id) and echo it in the answer. */
export function requestId(options: { header?: string } = {}): MiddlewareHandler<AppEnv> {
  const header = options.header ?? 'X-Request-Id';
  return async function requestIdMiddleware(c, next) {
    const incoming = c.req.header(header);
    const id = incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', id);
    await next();
    c.header(header, id);
  };
}
