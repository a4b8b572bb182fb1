import { pruneKeys } from '../d1/idempotency';
import { pruneRateLimits } from '../d1/rate-limits';
import { pruneSessions } from '../d1/sessions';
import { app } from './app';
import type { Bindings } from './env';
import { consumeBatch } from './jobs/queue';
import { cronTasks } from './jobs/registry';

/** The daily cron in wrangler.jsonc; every other cron is the frequent one. */
// Not exported: wrangler dev treats every named export of the entry as an entrypoint and refuses a string.
const DAILY_CRON = '17 3 * * *';

export default {
  fetch: app.fetch,
  /** Background jobs (worker/jobs/): e-mail, webhooks, feeds; dead letters from the DLQ. */
  queue: consumeBatch,
  /** Crons (wrangler.jsonc): daily housekeeping + `cronTasks.daily`; every 10 minutes `cronTasks.frequent`. */
  async scheduled(controller: ScheduledController, env: Bindings): Promise<void> {
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
