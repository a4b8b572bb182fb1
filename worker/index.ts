import { pruneKeys } from '../d1/idempotency';
import { pruneRateLimits } from '../d1/rate-limits';
import { pruneSessions } from '../d1/sessions';
import { app } from './app';
import type { Bindings } from './env';

export default {
  fetch: app.fetch,
  /** Daily housekeeping (cron in wrangler.jsonc): expired sessions, old idempotency keys and counters. */
  async scheduled(_controller: ScheduledController, env: Bindings): Promise<void> {
    const dayAgo = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    await Promise.all([
      pruneSessions(env.DB),
      pruneKeys(env.DB, dayAgo),
      pruneRateLimits(env.DB, 24 * 3600),
    ]);
  },
} satisfies ExportedHandler<Bindings>;
