import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { invalidateEmbeds } from '../embeds/cache';

/**
 * Record claims whose public face changed in this request (from a domain outcome's `changed`);
 * purgeChanged() purges their embeds once the handler has answered successfully.
 */
export function claimsChanged(c: Context<AppEnv>, ids: readonly string[]): void {
  if (ids.length > 0) c.set('changedClaims', [...(c.get('changedClaims') ?? []), ...ids]);
}

/**
 * The one place a write turns into cache purges: after a non-GET request answered 2xx or 3xx,
 * purge the embeds of every claim the handler recorded with claimsChanged(). A refused or
 * failed write purges nothing; the purge is awaited, so the next request reads D1.
 */
export function purgeChanged(): MiddlewareHandler<AppEnv> {
  return async function purgeChangedMiddleware(c, next) {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.res.status >= 400) return;
    for (const id of new Set(c.get('changedClaims') ?? [])) await invalidateEmbeds(c, id);
  };
}
