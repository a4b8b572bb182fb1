import { pruneKeys } from '../d1/idempotency';
import { pruneRateLimits } from '../d1/rate-limits';
import { pruneSessions } from '../d1/sessions';
import { app } from './app';
import type { Bindings } from './env';

/**
 * The queue consumer and the cron tasks need every job handler (worker/jobs/registry.ts: feeds,
 * ingest, extraction, e-mail, webhooks, embeddings): imported on the first batch or cron, so that
 * an isolate started for a request never evaluates them (`npm run startup` checks).
 */
const jobs = () => Promise.all([import('./jobs/queue'), import('./jobs/registry')]);

// Only handlers may be exported from this module: workerd refuses any other named export.

export default {
  fetch: app.fetch,
  /** Background jobs (worker/jobs/): e-mail, webhooks, feeds; dead letters from the DLQ. */
  async queue(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
    const [{ consumeBatch }] = await jobs();
    await consumeBatch(batch, env);
  },
  /** Crons (wrangler.jsonc): daily housekeeping + `cronTasks.daily`; every 10 minutes `cronTasks.frequent`. */
  async scheduled(controller: ScheduledController, env: Bindings): Promise<void> {
    const [, { cronTasks, DAILY_CRON }] = await jobs();
    const now = new Date(controller.scheduledTime || Date.now());
    if (controller.cron !== DAILY_CRON) {
      await Promise.all(cronTasks.frequent.map((task) => task(env, now)));
      return;
    }
    const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
    await Promise.all([
      pruneSessions(env.DB),
      pruneKeys(env.DB, dayAgo),
      pruneRateLimits(env.DB, 24 * 3600),
      ...cronTasks.daily.map((task) => task(env, now)),
    ]);
  },
} satisfies ExportedHandler<Bindings>;
