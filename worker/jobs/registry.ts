import type { Bindings } from '../env';
import { dailyDigest, emailJob, expireReaderContacts, sweepOutbox } from '../notify/deliver';
import { feedItemJob, feedPollJob, queueDueFeeds } from '../integrations/feeds';
import { requeueStranded, webhookDeliverJob } from '../integrations/webhooks';
import { embedJob, sweepEmbeddings } from '../match/embed-jobs';
import { relatedJob, sweepRelated } from '../http/related-jobs';

/**
 * Background work, one Cloudflare Queue for all of it (`JOBS` → `claimdesk-jobs`, dead letters in
 * `claimdesk-jobs-dlq`; wrangler.jsonc). A job is a small JSON message `{ type, ... }` naming a row
 * the handler reads back (an outbox message, a webhook delivery, a feed): the row, not the message,
 * is the record, so a lost or repeated message loses or doubles nothing.
 *
 * To add a kind of job: write its handler next to the feature (it may import d1/ and domain/),
 * and add one line to `jobHandlers` below. Cron work goes into `cronTasks`.
 */
export interface JobHandler {
  /** Do the work; throw to have the queue retry it later (exponential back-off, then the DLQ). */
  run(body: Record<string, unknown>, env: Bindings, attempt: number): Promise<void>;
  /** Called once when the message reaches the dead-letter queue: record the failure where people see it. */
  dead?(body: Record<string, unknown>, env: Bindings): Promise<void>;
}

export const jobHandlers: Record<string, JobHandler> = {
  'email.send': emailJob,
  'webhook.deliver': webhookDeliverJob,
  'feed.poll': feedPollJob,
  'feed.item': feedItemJob,
  'claim.embed': embedJob,
  'claim.related': relatedJob,
};

/** The daily cron in wrangler.jsonc; every other cron is the frequent one. */
export const DAILY_CRON = '17 3 * * *';

export type CronTask = (env: Bindings, now: Date) => Promise<unknown>;

/** `daily` runs at "17 3 * * *", `frequent` every 10 minutes (both crons in wrangler.jsonc). */
export const cronTasks: { daily: CronTask[]; frequent: CronTask[] } = {
  daily: [dailyDigest, expireReaderContacts],
  frequent: [sweepOutbox, queueDueFeeds, requeueStranded, sweepEmbeddings, sweepRelated],
};
