/**
 * The public read path at scale. Reader search over published claims only (claims_public_fts,
 * migration 0020) with its count in the page's one round trip; list counts from the trigger-kept
 * totals or the verdicts side.
 *
 * Related fact-checks off the claim page's path (migration 0020, d1/related.ts,
 * worker/http/related-jobs.ts): the `claim.related` job stores a claim's list both ways, the page
 * reads it in its one batch, and a claim whose list was never stored falls back to the matcher.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { claimsWithoutRelated, RELATED_KEEP, relatedStatements } from '../../d1/related';
import { computeRelated, RELATED_JOB, sweepRelated } from '../../worker/http/related-jobs';
import { jobHandlers, cronTasks } from '../../worker/jobs/registry';
import { JOBS_QUEUE } from '../../worker/jobs/queue';
import { call, d1Queries, unique } from '../helpers';
import { publishedClaim, unpublishedClaim } from './fixtures';
import { resultCount } from '../../worker/i18n/reader-search';

async function page(id: string, lang = 'en') {
  // `?lang=` varies the page cache key, so each call of a test can read a fresh copy.
  const res = await call(`/claims/${id}?lang=${lang}`, { headers: { Accept: 'text/html' } });
  expect(res.status).toBe(200);
  const html = await res.text();
  const at = html.indexOf('id="related-h"');
  return { queries: d1Queries(res), related: at < 0 ? '' : html.slice(at) };
}

async function storedList(id: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `SELECT related_id FROM claim_related WHERE claim_id = ?1 ORDER BY score DESC`,
  )
    .bind(id)
    .all<{ related_id: string }>();
  return results.map((r) => r.related_id);
}

/** A claim text per test, far from the other tests' texts (one D1 per test file). */
const TOPICS = [
  'levels in the northern dams dropped by forty percent',
  'ferry tickets to the islands doubled in price since March',
  'wheat imports from the south reached a record nine million tonnes',
  'the new hospital wing has eighty empty beds every night',
  'teachers in rural schools earn half of the city salary',
  'electric buses cover one third of the capital routes',
];
let topics = 0;
const topic = () => `${unique('Report')} ${TOPICS[topics++ % TOPICS.length]!}`;

describe('related fact-checks, stored', () => {
  it("reads a page's related claims from its list (never by walking the published claims)", async () => {
    const prepared: string[] = [];
    const db = {
      prepare: (sql: string) => {
        prepared.push(sql);
        return env.DB.prepare(sql);
      },
    } as unknown as D1Database;
    relatedStatements(db, 'x');
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${prepared[0]!}`)
      .bind('x')
      .all<{ detail: string }>();
    expect(results[0]!.detail).toMatch(/^SEARCH r USING PRIMARY KEY \(claim_id=\?\)/);
  });

  it('registers the job and the sweep', () => {
    expect(jobHandlers[RELATED_JOB]).toBeDefined();
    expect(cronTasks.frequent).toContain(sweepRelated);
  });

  it('a page whose list was stored is one D1 round trip and lists the stored claims', async () => {
    const base = topic();
    const a = await publishedClaim({ text: `${base} this summer` });
    const b = await publishedClaim({ text: `${base} this year` });
    const unrelated = await publishedClaim();
    await computeRelated(env, a.id, new Date());
    const p = await page(a.id);
    expect(p.queries).toBe(1);
    expect(p.related).toContain(`href="/claims/${b.id}`);
    expect(p.related).not.toContain(`href="/claims/${a.id}`);
    expect(p.related).not.toContain(`href="/claims/${unrelated.id}`);
  });

  it('a page whose list was never stored asks the matcher (two round trips) and shows the same', async () => {
    const base = topic();
    const a = await publishedClaim({ text: `${base} this summer` });
    const b = await publishedClaim({ text: `${base} this year` });
    const p = await page(a.id);
    expect(p.queries).toBe(2);
    expect(p.related).toContain(`href="/claims/${b.id}`);
  });

  it('is symmetric: computing B puts B on the lists of the claims it matches, and takes it off when it no longer matches', async () => {
    const base = topic();
    const a = await publishedClaim({ text: `${base} this summer` });
    await computeRelated(env, a.id, new Date());
    expect(await storedList(a.id)).toEqual([]);
    const b = await publishedClaim({ text: `${base} this year` });
    const changed = await computeRelated(env, b.id, new Date());
    expect(changed).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await storedList(a.id)).toEqual([b.id]);
    expect(await storedList(b.id)).toEqual([a.id]);
    const p = await page(a.id);
    expect(p.queries).toBe(1);
    expect(p.related).toContain(`href="/claims/${b.id}`);
    // B's text changes to something else: it leaves A's list when its job runs again.
    // (as an edit through a correction would leave it: another text, another hash)
    await env.DB.prepare(`UPDATE claims SET text = ?2, text_hash = ?3 WHERE id = ?1`)
      .bind(
        b.id,
        `${unique('Parliament')} voted on the fisheries bill on Tuesday night`,
        unique('h'),
      )
      .run();
    expect(await claimsWithoutRelated(env.DB, 1000)).toContain(b.id);
    const again = await computeRelated(env, b.id, new Date());
    expect(again).toContain(a.id); // A's page is purged: its list lost B
    expect(await storedList(a.id)).toEqual([]);
    expect(await claimsWithoutRelated(env.DB, 1000)).not.toContain(b.id);
  });

  it('a retracted claim leaves the other pages at once, before any job runs', async () => {
    const base = topic();
    const a = await publishedClaim({ text: `${base} this summer` });
    const b = await publishedClaim({ text: `${base} this year` });
    await computeRelated(env, a.id, new Date());
    expect((await page(a.id, 'en')).related).toContain(`href="/claims/${b.id}`);
    await env.DB.prepare(
      `UPDATE claims SET status = 'retracted', retracted_at = ?2, updated_at = ?2 WHERE id = ?1`,
    )
      .bind(b.id, new Date().toISOString())
      .run();
    const after = await page(a.id, 'fr');
    expect(after.queries).toBe(1);
    expect(after.related).not.toContain(`href="/claims/${b.id}`);
    // Its job then takes it off every list, and keeps its own (its page stays, retracted).
    await computeRelated(env, b.id, new Date());
    expect(await storedList(a.id)).toEqual([]);
    expect(await storedList(b.id)).toEqual([a.id]);
  });

  it('the sweep finds claims without a list; the job through the queue consumer stores it', async () => {
    const base = topic();
    const a = await publishedClaim({ text: `${base} this summer` });
    const b = await publishedClaim({ text: `${base} this year` });
    expect(await claimsWithoutRelated(env.DB, 1000)).toEqual(expect.arrayContaining([a.id, b.id]));
    const batch = createMessageBatch(JOBS_QUEUE, [
      { id: 'r0', timestamp: new Date(), attempts: 1, body: { type: RELATED_JOB, claimId: a.id } },
      {
        id: 'r1',
        timestamp: new Date(),
        attempts: 1,
        body: { type: RELATED_JOB, claimId: 'nope' },
      },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect([...result.explicitAcks].sort()).toEqual(['r0', 'r1']);
    expect(await storedList(a.id)).toEqual([b.id]);
    expect(await claimsWithoutRelated(env.DB, 1000)).not.toContain(a.id);
  });

  it(`keeps at most ${RELATED_KEEP} per claim, the best`, async () => {
    const base = topic();
    const a = await publishedClaim({ text: `${base} this summer` });
    await computeRelated(env, a.id, new Date());
    const others = [];
    for (let i = 0; i < RELATED_KEEP + 2; i++)
      others.push(await publishedClaim({ text: `${base} in year ${2001 + i}` }));
    for (const o of others) await computeRelated(env, o.id, new Date());
    const list = await storedList(a.id);
    expect(list).toHaveLength(RELATED_KEEP);
    for (const id of list) expect(others.map((o) => o.id)).toContain(id);
  });
});

async function listPage(path: string) {
  const res = await call(path, { headers: { Accept: 'text/html', 'Accept-Language': 'en' } });
  expect(res.status).toBe(200);
  return { queries: d1Queries(res), html: await res.text() };
}

const counted = (n: number) => `>${resultCount(n, 'en')}<`;

describe('reader search over published claims only', () => {
  it('finds a claim once published (fixtures move it to published), not before nor after retraction, with the count in the one round trip', async () => {
    const word = unique('zebrafish').toLowerCase();
    const a = await publishedClaim({ text: `${word} stocks in the lake grew by 30% last year` });
    const b = await publishedClaim({ text: `${word} farms doubled their output this spring` });
    const draft = await unpublishedClaim(`${word} exports reached every port of the coast`);
    for (const sort of ['relevance', 'date']) {
      const p = await listPage(`/claims?q=${word}&sort=${sort}`);
      expect(p.queries).toBe(1);
      expect(p.html).toContain(`/claims/${a.id}`);
      expect(p.html).toContain(`/claims/${b.id}`);
      expect(p.html).not.toContain(`/claims/${draft.id}`);
      expect(p.html).toContain(counted(2));
    }
    await env.DB.prepare(`UPDATE claims SET status = 'retracted', retracted_at = ?2 WHERE id = ?1`)
      .bind(b.id, new Date().toISOString())
      .run();
    const after = await listPage(`/claims?q=${word}`);
    expect(after.html).toContain(`/claims/${a.id}`);
    expect(after.html).not.toContain(`/claims/${b.id}`);
    expect(after.html).toContain(counted(1));
    // A new search text replaces the old one in the index.
    const other = unique('walrus').toLowerCase();
    await env.DB.prepare(`UPDATE claims SET search_text = ?2 WHERE id = ?1`)
      .bind(a.id, `${other} stocks grew`)
      .run();
    expect((await listPage(`/claims?q=${word}`)).html).not.toContain(`/claims/${a.id}`);
    expect((await listPage(`/claims?q=${other}&language=en`)).html).toContain(`/claims/${a.id}`);
  });

  it('counts a list from the totals, by language, and by rating from the verdicts side, in one round trip', async () => {
    const claimant = unique('Counted Claimant');
    await publishedClaim({ claimant, rating: 'misleading' });
    await publishedClaim({ claimant, rating: 'misleading', language: 'fr' });
    await publishedClaim({ claimant, rating: 'true' });
    const published = async (where = '1 = 1', ...values: unknown[]) =>
      (await env.DB.prepare(
        `SELECT count(*) AS n FROM claims WHERE status = 'published' AND ${where}`,
      )
        .bind(...values)
        .first<number>('n'))!;
    const all = await listPage('/claims');
    expect(all.queries).toBe(1);
    expect(all.html).toContain(counted(await published()));
    const fr = await listPage('/claims?language=fr');
    expect(fr.queries).toBe(1);
    expect(fr.html).toContain(counted(await published(`language = 'fr'`)));
    const rated = await listPage(
      `/claims?rating=misleading&claimant=${encodeURIComponent(claimant)}`,
    );
    expect(rated.queries).toBe(1);
    expect(rated.html).toContain(counted(2));
    const mine = await listPage(`/claims?claimant=${encodeURIComponent(claimant)}`);
    expect(mine.html).toContain(counted(3));
  });
});
