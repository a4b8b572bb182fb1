import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { publicOrigin, waitUntilOf } from '../embeds/cache';
import { enqueuePending } from '../notify/deliver';

/**
 * E-mail written by a desk or API write (a publication's reader notices, an assignment) sits in
 * the outbox (d1/outbox.ts) in the same batch as the write; after a successful write this puts
 * a delivery job on the queue for each such row, after the answer (ctx.waitUntil). A lost
 * hand-off is picked up by the 10-minute sweep (worker/notify/deliver.ts).
 */
export function outboxFlush(): MiddlewareHandler<AppEnv> {
  return async function outboxFlushMiddleware(c, next) {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.res.status >= 400) return;
    const ctx = waitUntilOf(c);
    if (!ctx) return;
    const origin = publicOrigin(c);
    ctx.waitUntil(
      enqueuePending(c.env, { origin }).catch((err: unknown) => {
        console.error(
          JSON.stringify({
            level: 'error',
            requestId: c.get('requestId'),
            message: 'outbox hand-off failed',
            detail: err instanceof Error ? err.message : 'unknown',
          }),
        );
      }),
    );
  };
}
