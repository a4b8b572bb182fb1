import type { Bindings } from '../env';

/** The one queue of background jobs (wrangler.jsonc) and its dead-letter queue. */
export const JOBS_QUEUE = 'claimdesk-jobs';
export const DEAD_LETTER_QUEUE = 'claimdesk-jobs-dlq';

/** A job message: a type that names its handler in `jobHandlers`, plus the handler's own fields. */
export interface Job {
  type: string;
  [field: string]: unknown;
}

/** Puts one job on the queue (optionally delayed). */
export async function enqueue(
  env: Pick<Bindings, 'JOBS'>,
  job: Job,
  delaySeconds?: number,
): Promise<void> {
  await env.JOBS.send(job, delaySeconds ? { delaySeconds } : undefined);
}
