import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { claimEmbedKeys, publicOrigin, purgeKeys, purgeTwice, waitUntilOf } from '../embeds/cache';
import { edgePurgerOf, type EdgePurger } from '../http/edge-purge';
import { claimPageKeys, claimPageUrls } from '../http/page-cache';
import { ogImageKeys } from '../og/cache';
import { relatedSoon } from '../http/related-jobs';

/**
 * Record claims whose public face changed in this request (from a domain outcome's `changed`);
 * purgeChanged() purges their pages and embeds once the handler has answered successfully.
 */
export function claimsChanged(c: Context<AppEnv>, ids: readonly string[]): void {
  if (ids.length > 0) c.set('changedClaims', [...(c.get('changedClaims') ?? []), ...ids]);
}

/** Purge everywhere, logging a failure: a purge never fails the editor's write. */
async function purgeEdge(
  c: Context<AppEnv>,
  purger: EdgePurger,
  urls: readonly string[],
): Promise<void> {
  try {
    await purger.purgeUrls(urls);
  } catch (err) {
    console.error(
      JSON.stringify({
        level: 'error',
        requestId: c.get('requestId'),
        message: 'edge purge failed',
        detail: err instanceof Error ? err.message : 'unknown',
      }),
    );
  }
}

/**
 * The one place a write turns into cache purges: after a non-GET request answered 2xx or 3xx,
 * purge the public claim pages (http/page-cache.ts) and embeds (embeds/cache.ts) of every claim
 * the handler recorded with claimsChanged(). A refused or failed write purges nothing. This data
 * centre's purge is awaited, so the next request reads D1, and repeated 2 s later for a miss that
 * raced the write; with a zone purger configured (http/edge-purge.ts) every data centre is purged
 * too, in both rounds, after the answer (ctx.waitUntil).
 */
export function purgeChanged(): MiddlewareHandler<AppEnv> {
  return async function purgeChangedMiddleware(c, next) {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.res.status >= 400) return;
    const ids = [...new Set(c.get('changedClaims') ?? [])];
    if (ids.length === 0) return;
    await relatedSoon(c.env, ids); // related fact-checks of these claims and of those they match
    const origin = publicOrigin(c);
    const keys = ids.flatMap((id) => [
      ...claimPageKeys(origin, id),
      ...claimEmbedKeys(origin, id),
      ...ogImageKeys(origin, id),
    ]);
    const ctx = waitUntilOf(c);
    const purger = edgePurgerOf(c.env);
    const urls = purger ? [...ids.flatMap((id) => claimPageUrls(origin, id)), ...keys] : [];
    let first = true;
    await purgeTwice(ctx, async () => {
      await purgeKeys(keys);
      if (!purger) return;
      const everywhere = purgeEdge(c, purger, urls);
      // The first round answers the editor without waiting for the API; the second is already late.
      if (first && ctx) ctx.waitUntil(everywhere);
      else await everywhere;
      first = false;
    });
  };
}
