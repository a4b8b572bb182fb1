/**
 * Semantic matching's plumbing, with the deterministic STAND-IN embedder and D1 index
 * (worker/match/embed-standin.ts; `EMBEDDER=standin` set on this file's env) and, for the
 * production adapters, fake `AI` / `VECTORIZE` bindings. Storage is isolated per test file, and
 * each test uses its own topic so that vectors of other tests never come near.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClaim } from '../../d1/claims';
import { embeddingRecord } from '../../d1/embeddings';
import worker from '../../worker/index';
import { DEAD_LETTER_QUEUE, JOBS_QUEUE } from '../../worker/jobs/queue';
import { cronTasks } from '../../worker/jobs/registry';
import type { Embedder, VectorIndex } from '../../worker/match/embed';
import { BGE_M3, semanticParts } from '../../worker/match/embed';
import { sweepEmbeddings } from '../../worker/match/embed-jobs';
import { d1VectorIndex, standInEmbedder } from '../../worker/match/embed-standin';
import {
  lexicalMatcher,
  matcherFor,
  mergeMatches,
  semanticMatcher,
  SEMANTIC_FLOOR,
} from '../../worker/match/matcher';
import type { Bindings } from '../../worker/env';
import { publishedMatches } from '../../worker/http/published-matches';
import { callJson, makeUser, type TestUser } from '../helpers';

const actor = { userId: null, requestId: 'test-semantic' };
const mutableEnv = env as Bindings;

// The embedding jobs queued (other jobs, e.g. claim.related, are dropped: not what is tested here).
let sent: { type: string; claimId: string }[] = [];
const record = (body: unknown) => {
  const job = body as { type: string; claimId: string };
  if (job.type === 'claim.embed') sent.push(job);
};
beforeEach(() => {
  mutableEnv.EMBEDDER = 'standin';
  sent = [];
  vi.spyOn(env.JOBS, 'send').mockImplementation(async (body: unknown) => {
    record(body);
    return { metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } } as QueueSendResponse;
  });
  vi.spyOn(env.JOBS, 'sendBatch').mockImplementation(async (messages) => {
    for (const m of messages) record(m.body);
    return {
      metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } },
    } as QueueSendBatchResponse;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  delete mutableEnv.EMBEDDER;
});

/** Hands messages to the Worker's queue handler like the runtime does; returns acks and retries. */
async function deliver(
  bodies: unknown[],
  opts: { queue?: string; attempts?: number; env?: Bindings } = {},
) {
  const batch = createMessageBatch(
    opts.queue ?? JOBS_QUEUE,
    bodies.map((body, i) => ({
      id: `m${i}`,
      timestamp: new Date(),
      attempts: opts.attempts ?? 1,
      body,
    })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, opts.env ?? mutableEnv);
  return getQueueResult(batch, ctx);
}

/** Runs every `claim.embed` job put on the queue so far, then forgets them. */
async function runSentJobs() {
  const jobs = sent.filter((j) => j.type === 'claim.embed');
  sent = [];
  return deliver(jobs);
}

async function storedClaim(
  text: string,
  language = 'en',
  status: 'queued' | 'candidate' = 'queued',
) {
  return createClaim(env.DB, { text, language, status }, actor);
}

async function publish(id: string) {
  const now = new Date().toISOString();
  await env.DB.batch([
    env.DB.prepare(`UPDATE claims SET status = 'published', published_at = ?2 WHERE id = ?1`).bind(
      id,
      now,
    ),
    env.DB.prepare(
      `INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, created_at, published_at)
       VALUES (?1, 1, 'false', 'Headline', 'Explanation', 'en', ?2, ?2)`,
    ).bind(id, now),
  ]);
}

async function vectorOf(claimId: string): Promise<string | null> {
  const row = await env.DB.prepare(`SELECT vector FROM claim_embeddings WHERE claim_id = ?1`)
    .bind(claimId)
    .first<{ vector: string | null }>();
  return row?.vector ?? null;
}

let editor: TestUser;
beforeEach(async () => {
  editor ??= await makeUser('editor');
});

describe('indexing through the queue', () => {
  it('embeds a claim created through the API, re-embeds it when its text changes, and removes it when rejected', async () => {
    const { res, body } = await callJson('/api/v1/claims', {
      token: editor.token,
      body: { text: 'Inflation in Morocco rose to 9 percent in 2022', language: 'en' },
    });
    expect(res.status).toBe(201);
    const id = body.claim.id as string;
    expect(sent).toEqual([{ type: 'claim.embed', claimId: id }]);
    expect(await embeddingRecord(env.DB, id)).toBeNull();

    const first = await runSentJobs();
    expect(first.explicitAcks).toEqual(['m0']);
    const indexed = await embeddingRecord(env.DB, id);
    expect(indexed).toMatchObject({
      status: 'indexed',
      model: 'standin-hashed-words-v1',
      attempts: 0,
    });
    const hashBefore = indexed!.text_hash;
    const vectorBefore = await vectorOf(id);
    expect(vectorBefore).not.toBeNull();
    // A second job for the same text changes nothing.
    await deliver([{ type: 'claim.embed', claimId: id }]);
    expect((await embeddingRecord(env.DB, id))!.embedded_at).toBe(indexed!.embedded_at);

    const edit = await callJson(`/api/v1/claims/${id}`, {
      method: 'PATCH',
      token: editor.token,
      headers: { 'If-Match': `"v${body.claim.version}"` },
      body: { text: 'Bread prices in Morocco doubled in 2022' },
    });
    expect(edit.res.status).toBe(200);
    expect(sent).toEqual([{ type: 'claim.embed', claimId: id }]);
    await runSentJobs();
    const reembedded = await embeddingRecord(env.DB, id);
    expect(reembedded!.status).toBe('indexed');
    expect(reembedded!.text_hash).not.toBe(hashBefore);
    expect(await vectorOf(id)).not.toBe(vectorBefore);
    const matcher = matcherFor(env.DB);
    expect(
      (await matcher.find('Le prix du pain a doublé au Maroc en 2022')).map((m) => m.id),
    ).toContain(id);

    const reject = await callJson(`/api/v1/claims/${id}/transition`, {
      token: editor.token,
      body: { to: 'rejected' },
    });
    expect(reject.res.status).toBe(200);
    await runSentJobs();
    expect(await embeddingRecord(env.DB, id)).toMatchObject({ status: 'removed', text_hash: null });
    expect(await vectorOf(id)).toBeNull();
    expect(
      (await matcher.find('Le prix du pain a doublé au Maroc en 2022')).map((m) => m.id),
    ).not.toContain(id);
  });

  it('the 10-minute sweep queues claims the index is behind on, whatever wrote them', async () => {
    const fresh = await storedClaim('Schools in Tunisia closed 40 days in 2021');
    const candidate = await storedClaim(
      'Schools in Egypt closed 12 days in 2020',
      'en',
      'candidate',
    );
    expect(cronTasks.frequent).toContain(sweepEmbeddings);
    const now = new Date();
    expect(await sweepEmbeddings(mutableEnv, now)).toBeGreaterThanOrEqual(1);
    expect(sent.map((j) => j.claimId)).toContain(fresh.id);
    expect(sent.map((j) => j.claimId)).not.toContain(candidate.id); // candidates stay lexical-only
    await runSentJobs();
    expect(await embeddingRecord(env.DB, fresh.id)).toMatchObject({ status: 'indexed' });

    // Up to date: nothing to queue for it. Text changed behind the domain's back: queued again.
    await sweepEmbeddings(mutableEnv, now);
    expect(sent.map((j) => j.claimId)).not.toContain(fresh.id);
    await env.DB.prepare(
      `UPDATE claims SET text_hash = 'changed', status = 'in_review' WHERE id = ?1`,
    )
      .bind(fresh.id)
      .run();
    await sweepEmbeddings(mutableEnv, now);
    expect(sent.map((j) => j.claimId)).toContain(fresh.id);
    sent = [];
    // Marked queued: the next tick within the hour leaves it to its pending job.
    await sweepEmbeddings(mutableEnv, new Date(now.getTime() + 600_000));
    expect(sent.map((j) => j.claimId)).not.toContain(fresh.id);
    // Rejected behind the domain's back: the sweep queues its removal.
    await deliver([{ type: 'claim.embed', claimId: fresh.id }]);
    await env.DB.prepare(`UPDATE claims SET status = 'rejected' WHERE id = ?1`)
      .bind(fresh.id)
      .run();
    sent = [];
    await sweepEmbeddings(mutableEnv, now);
    expect(sent.map((j) => j.claimId)).toContain(fresh.id);
    await runSentJobs();
    expect(await embeddingRecord(env.DB, fresh.id)).toMatchObject({ status: 'removed' });
  });
});

describe('merging lexical and semantic matches', () => {
  it('finds a translated pair only semantically, and ranks a claim found both ways first', async () => {
    // Arabic beside a French query: no shared words, so only the meaning can find it (the
    // lexical re-ranker does find an English wording with the same figures and place).
    const arabic = await storedClaim('ارتفعت البطالة في تونس إلى 16 بالمئة في 2023', 'ar');
    const french = await storedClaim('Le chômage en Tunisie a atteint 16 % en 2023', 'fr');
    await publish(arabic.id);
    await sweepEmbeddings(mutableEnv, new Date());
    await runSentJobs();

    const query = 'Le chômage en Tunisie a atteint 16 % en 2023, selon le ministre';
    const lexical = await lexicalMatcher(env.DB).find(query);
    expect(lexical.map((m) => m.id)).toEqual([french.id]);

    const semantic = await matcherFor(env.DB).find(query);
    expect(matcherFor(env.DB).kind).toBe('semantic');
    expect(semantic.map((m) => m.id)).toEqual([french.id, arabic.id]);
    expect(semantic[1]!.similarity).toBeGreaterThanOrEqual(SEMANTIC_FLOOR);
    expect(semantic[1]).toMatchObject({
      status: 'published',
      published_rating: 'false',
      language: 'ar',
    });

    // Published only (the public form): the Arabic fact-check answers a French reader.
    const published = await matcherFor(env.DB).find(query, { publishedOnly: true });
    expect(published.map((m) => m.id)).toEqual([arabic.id]);
    // "This may already be checked" on /submit and /track: the Arabic verdict as a card.
    const cards = await publishedMatches(env.DB, query, 'fr');
    expect(cards.map((c) => c.id)).toEqual([arabic.id]);
    // Through the API route (editors' matches of the French claim).
    const { res, body } = await callJson(`/api/v1/claims/${french.id}/matches`, {
      token: editor.token,
    });
    expect(res.status).toBe(200);
    expect(body.matches.map((m: { id: string }) => m.id)).toContain(arabic.id);
    // And findMany (article ingest) answers per text, in order.
    const many = await matcherFor(env.DB).findMany([query, 'Nothing about that at all here']);
    expect(many[0]!.map((m) => m.id)).toEqual([french.id, arabic.id]);
    expect(many[1]).toEqual([]);
  });

  it('merge rule: found by both first, then by the larger similarity; the limit applies after merging', () => {
    const m = (id: string, similarity: number, status = 'queued') => ({
      id,
      text: id,
      status,
      language: 'en',
      similarity,
    });
    const merged = mergeMatches(
      [m('lexical-strong', 0.95), m('both', 0.7)],
      [m('both', 0.8), m('semantic-only', 1, 'published')],
      3,
    );
    expect(merged.map((x) => [x.id, x.similarity])).toEqual([
      ['both', 0.8],
      ['semantic-only', 1],
      ['lexical-strong', 0.95],
    ]);
    expect(mergeMatches([m('a', 0.9)], [m('b', 0.9), m('c', 0.8)], 2).map((x) => x.id)).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('when embedding fails', () => {
  const failing: Embedder = {
    model: 'standin-hashed-words-v1',
    threshold: 0.6,
    embed: async () => {
      throw new Error('Workers AI: 3040 capacity exceeded');
    },
  };

  it('queries answer with the lexical matches', async () => {
    const stored = await storedClaim('Government debt in Egypt reached 90 percent in 2019');
    await sweepEmbeddings(mutableEnv, new Date());
    await runSentJobs();
    const query = 'Government debt in Egypt reached 90 percent in 2019';
    const parts = { embedder: failing, index: d1VectorIndex(env.DB) };
    const answer = await semanticMatcher(env.DB, parts).find(query);
    expect(answer).toEqual(await lexicalMatcher(env.DB).find(query));
    expect(answer.map((m) => m.id)).toEqual([stored.id]);
    const brokenIndex: VectorIndex = {
      ...d1VectorIndex(env.DB),
      query: () => Promise.reject(new Error('down')),
    };
    expect(
      await semanticMatcher(env.DB, { embedder: standInEmbedder(), index: brokenIndex }).find(
        query,
      ),
    ).toEqual(answer);
  });

  it('the job records the error, is retried with back-off, succeeds later; the dead-letter queue marks it dead', async () => {
    const stored = await storedClaim('Jobless figures in Morocco fell to 11 percent in 2018');
    const broken = {
      ...mutableEnv,
      EMBEDDER: undefined,
      AI: {
        run: async () => Promise.reject(new Error('Workers AI: 3040 capacity exceeded')),
      } as unknown as Ai,
      VECTORIZE: { upsert: async () => ({}) } as unknown as Vectorize,
    } as Bindings;
    const job = { type: 'claim.embed', claimId: stored.id };
    const failed = await deliver([job], { env: broken, attempts: 2 });
    expect(failed.explicitAcks).toEqual([]);
    // Retried by the queue (its back-off is worker/jobs/queue.ts's, tested in test/jobs/).
    expect(failed.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(['m0']);
    expect(await embeddingRecord(env.DB, stored.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'Workers AI: 3040 capacity exceeded',
    });
    // Meanwhile the sweep leaves it to the queue's back-off; after an hour it queues it again.
    await sweepEmbeddings(mutableEnv, new Date());
    expect(sent.map((j) => j.claimId)).not.toContain(stored.id);
    await sweepEmbeddings(mutableEnv, new Date(Date.now() + 2 * 3_600_000));
    expect(sent.map((j) => j.claimId)).toContain(stored.id);

    const retried = await deliver([job], { attempts: 3 });
    expect(retried.explicitAcks).toEqual(['m0']);
    expect(await embeddingRecord(env.DB, stored.id)).toMatchObject({
      status: 'indexed',
      attempts: 0,
      last_error: null,
    });

    const dead = await deliver([job], { queue: DEAD_LETTER_QUEUE });
    expect(dead.explicitAcks).toEqual(['m0']);
    expect(await embeddingRecord(env.DB, stored.id)).toMatchObject({
      status: 'dead',
      last_error: 'gave up after retries',
    });
  });
});

describe('configuration', () => {
  it('is lexical only without AI and VECTORIZE (and without the stand-in): no jobs, no index', async () => {
    delete mutableEnv.EMBEDDER;
    expect(semanticParts(mutableEnv)).toBeNull();
    expect(matcherFor(env.DB).kind).toBe('lexical');
    const english = await storedClaim('Electricity cuts in Egypt lasted 6 hours in 2024');
    await publish(english.id);
    const { res, body } = await callJson('/api/v1/claims', {
      token: editor.token,
      body: { text: 'Electricity cuts in Egypt lasted 6 hours in 2024', language: 'en' },
    });
    expect(res.status).toBe(201);
    expect(sent).toEqual([]);
    expect(await sweepEmbeddings(mutableEnv, new Date())).toBe(0);
    await deliver([{ type: 'claim.embed', claimId: body.claim.id }]);
    expect(await embeddingRecord(env.DB, body.claim.id)).toBeNull();
    // The lexical answer is findMatches' own.
    const lexical = await matcherFor(env.DB).find(
      'Electricity cuts in Egypt lasted 6 hours in 2024',
    );
    expect(lexical.map((m) => m.id).sort()).toEqual([english.id, body.claim.id].sort());
  });

  it('uses Workers AI bge-m3 and Vectorize when both bindings exist', async () => {
    const stored = await storedClaim('Water prices in Tunisia rose by 5 percent in 2017');
    const calls: unknown[] = [];
    const vectors = new Map<string, number[]>();
    const ai = {
      run: async (model: string, input: { text: string[] }) => {
        calls.push({ model, input });
        return {
          shape: [input.text.length, 1024],
          data: input.text.map(() => new Array(1024).fill(1 / 32)),
        };
      },
    } as unknown as Ai;
    const vectorize = {
      upsert: async (items: { id: string; values: number[] }[]) => {
        for (const i of items) vectors.set(i.id, i.values);
        return {};
      },
      deleteByIds: async (ids: string[]) => ids.forEach((id) => vectors.delete(id)),
      query: async () => ({
        matches: [...vectors.keys()].map((id) => ({ id, score: 0.9 })),
        count: vectors.size,
      }),
    } as unknown as Vectorize;
    const prod = { ...mutableEnv, EMBEDDER: undefined, AI: ai, VECTORIZE: vectorize } as Bindings;
    expect(matcherFor(env.DB, prod).kind).toBe('semantic');
    await deliver([{ type: 'claim.embed', claimId: stored.id }], { env: prod });
    expect(calls).toEqual([
      { model: BGE_M3, input: { text: [stored.text], truncate_inputs: true } },
    ]);
    expect(vectors.get(stored.id)).toHaveLength(1024);
    expect(await embeddingRecord(env.DB, stored.id)).toMatchObject({
      status: 'indexed',
      model: BGE_M3,
    });
    const found = await matcherFor(env.DB, prod).find('something else entirely about rain');
    expect(found.map((m) => m.id)).toEqual([stored.id]);
    // cosine 0.9 at bge-m3's 0.75 threshold → 0.6 + 0.4 × 0.6
    expect(found[0]!.similarity).toBeCloseTo(0.84, 5);
  });
});
