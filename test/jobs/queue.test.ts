import { createMessageBatch, getQueueResult, createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { backoffSeconds, DEAD_LETTER_QUEUE, JOBS_QUEUE } from '../../worker/jobs/queue';
import { jobHandlers } from '../../worker/jobs/registry';

const seen: string[] = [];
afterEach(() => {
  delete jobHandlers['test.ok'];
  delete jobHandlers['test.fail'];
  seen.length = 0;
});

function register(): void {
  jobHandlers['test.ok'] = {
    run: async (body) => {
      seen.push(`ok:${String(body.n)}`);
    },
  };
  jobHandlers['test.fail'] = {
    run: async () => {
      throw new Error('provider said no');
    },
    dead: async (body) => {
      seen.push(`dead:${String(body.n)}`);
    },
  };
}

async function run(queue: string, bodies: unknown[], attempts = 1) {
  const batch = createMessageBatch(
    queue,
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  return getQueueResult(batch, ctx);
}

describe('the job queue consumer', () => {
  it('acks handled jobs, retries failing ones with back-off and acks unknown ones', async () => {
    register();
    const result = await run(
      JOBS_QUEUE,
      [
        { type: 'test.ok', n: 1 },
        { type: 'test.fail', n: 2 },
        { type: 'nobody.handles.this' },
        'not even an object',
      ],
      3,
    );
    expect(seen).toEqual(['ok:1']);
    expect([...result.explicitAcks].sort()).toEqual(['m0', 'm2', 'm3']);
    expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(['m1']);
  });

  it('hands dead letters to the handler once and acks them', async () => {
    register();
    const result = await run(DEAD_LETTER_QUEUE, [{ type: 'test.fail', n: 7 }]);
    expect(seen).toEqual(['dead:7']);
    expect(result.explicitAcks).toEqual(['m0']);
    expect(result.retryMessages).toEqual([]);
  });

  it('backs off exponentially and caps at an hour', () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([30, 60, 120, 240]);
    expect(backoffSeconds(20)).toBe(3600);
  });

  it('has a producer binding bound to the local queue', async () => {
    await expect(env.JOBS.send({ type: 'nobody.handles.this' })).resolves.toHaveProperty(
      'metadata',
    );
  });
});
