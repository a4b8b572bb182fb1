import type { Bindings } from '../env';
import { DEAD_LETTER_QUEUE, type Job } from './enqueue';
import { jobHandlers } from './registry';

// Consuming jobs needs every handler (the registry); putting one on the queue does not: writers
// import ./enqueue, so a request never evaluates the registry and what it imports.
export { DEAD_LETTER_QUEUE, enqueue, JOBS_QUEUE, type Job } from './enqueue';

/** Back-off before retry number `attempt` (1-based): 30 s, 60 s, 120 s, … capped at one hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempt - 1));
}

/** One JSON line per event in Workers Logs. */
function logEvent(event: string, fields: Record<string, unknown>): void {
  console.log(JSON.stringify({ level: 'info', event, ...fields }));
}

function isJob(body: unknown): body is Job {
  return typeof body === 'object' && body !== null && typeof (body as Job).type === 'string';
}

/** The Worker's `queue` handler: each message to its handler; a throw retries it with back-off. */
export async function consumeBatch(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const deadLetters = batch.queue === DEAD_LETTER_QUEUE;
  for (const msg of batch.messages) {
    const body = msg.body;
    const handler = isJob(body) ? jobHandlers[body.type] : undefined;
    if (!isJob(body) || !handler) {
      logEvent('job.unknown', { queue: batch.queue, id: msg.id });
      msg.ack();
      continue;
    }
    if (deadLetters) {
      try {
        await handler.dead?.(body, env);
      } catch (error) {
        logEvent('job.dead_failed', { type: body.type, id: msg.id, error: String(error) });
      }
      msg.ack();
      continue;
    }
    try {
      await handler.run(body, env, msg.attempts);
      msg.ack();
    } catch (error) {
      logEvent('job.retry', {
        type: body.type,
        id: msg.id,
        attempt: msg.attempts,
        error: String(error),
      });
      msg.retry({ delaySeconds: backoffSeconds(msg.attempts) });
    }
  }
}
