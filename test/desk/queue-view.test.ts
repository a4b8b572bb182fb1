import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createClaim } from '../../d1/claims';
import { queueScreen, type QueueFilters } from '../../d1/desk';
import type { ClaimStatus } from '../../worker/lib/status';
import { unique } from '../helpers';
import { page, post, signIn } from './desk-helpers';

const actor = { userId: null, requestId: 'queue-view' };

function claimLinks(html: string): string[] {
  return [...html.matchAll(/href="\/desk\/claims\/([0-9a-z]+)" class="claim-link"/g)].map(
    (m) => m[1]!,
  );
}

function word(prefix: string): string {
  return unique(prefix)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** A claim with the given queue fields, written directly (test setup). */
async function claim(
  w: string,
  status: Extract<ClaimStatus, 'candidate' | 'submitted' | 'queued'>,
  set: { score?: number | null; demand?: number; due?: string | null; updated?: string } = {},
) {
  const c = await createClaim(
    env.DB,
    { text: `The ${w} figure ${unique('n')} rose`, language: 'en', status },
    actor,
  );
  await env.DB.prepare(
    `UPDATE claims SET score = ?2, submission_count = ?3, due_date = ?4, updated_at = coalesce(?5, updated_at) WHERE id = ?1`,
  )
    .bind(c.id, set.score ?? null, set.demand ?? 0, set.due ?? null, set.updated ?? null)
    .run();
  return c.id;
}

async function setStatus(id: string, status: ClaimStatus) {
  await env.DB.prepare(`UPDATE claims SET status = ?2 WHERE id = ?1`).bind(id, status).run();
}

/** Every id of a query, walking the pages two at a time through the keyset cursor. */
async function walk(f: Omit<QueueFilters, 'limit' | 'cursor'>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const p = await queueScreen(env.DB, { ...f, cursor, limit: 2 });
    ids.push(...p.items.map((c) => c.id));
    if (p.nextCursor === null) return ids;
    cursor = p.nextCursor;
  }
  throw new Error('paging did not end');
}

describe('desk queue: what it opens on, sorts, URL filters', () => {
  it('opens on work to do (submitted, queued, in review); All and each status stay one click away', async () => {
    const agent = await signIn('editor');
    const w = word('gnu');
    const submitted = await claim(w, 'submitted');
    const queued = await claim(w, 'queued');
    const review = await claim(w, 'queued');
    await setStatus(review, 'in_review');
    const candidate = await claim(w, 'candidate');
    const published = await claim(w, 'queued');
    await setStatus(published, 'published');
    const rejected = await claim(w, 'queued');
    await setStatus(rejected, 'rejected');

    const { html } = await page(agent, `/desk?q=${w}`);
    expect(claimLinks(html).sort()).toEqual([submitted, queued, review].sort());
    expect(html).toMatch(
      /<a href="\/desk\?q=[a-z]+" aria-current="page"[^>]*>To do <span class="count">3<\/span>/,
    );
    expect(html).toMatch(
      /href="\/desk\?q=[a-z]+&amp;status=all"[^>]*>All <span class="count">6<\/span>/,
    );
    const all = await page(agent, `/desk?status=all&q=${w}`);
    expect(claimLinks(all.html).sort()).toEqual(
      [submitted, queued, review, candidate, published, rejected].sort(),
    );
    expect(claimLinks((await page(agent, `/desk?status=rejected&q=${w}`)).html)).toEqual([
      rejected,
    ]);
    // A bad value is dropped, never an error.
    expect((await page(agent, `/desk?status=nope&sort=nope&cursor=x~y&q=${w}`)).status).toBe(200);
  });

  it('sorts by check-worthiness, reader demand, due date (nulls last) and last change, paging by keyset', async () => {
    const w = word('ibex');
    const a = await claim(w, 'queued', {
      score: 0.2,
      demand: 5,
      due: '2026-12-01',
      updated: '2026-01-03T00:00:00.000Z',
    });
    const b = await claim(w, 'submitted', {
      score: 0.9,
      demand: 1,
      due: null,
      updated: '2026-01-01T00:00:00.000Z',
    });
    const c = await claim(w, 'queued', {
      score: null,
      demand: 3,
      due: '2026-11-01',
      updated: '2026-01-02T00:00:00.000Z',
    });
    const d = await claim(w, 'queued', {
      score: 0.9,
      demand: 3,
      due: null,
      updated: '2026-01-02T00:00:00.000Z',
    });
    const base = { status: 'work' as const, q: w };
    expect(await walk({ ...base, sort: 'newest' })).toEqual([d, c, b, a]);
    expect(await walk({ ...base, sort: 'score' })).toEqual([d, b, a, c]);
    expect(await walk({ ...base, sort: 'demand' })).toEqual([a, d, c, b]);
    expect(await walk({ ...base, sort: 'due' })).toEqual([c, a, d, b]);
    expect(await walk({ ...base, sort: 'updated' })).toEqual([a, d, c, b]);
    // Without a text filter the same orders come from the partial indexes (INDEXED BY).
    const noText = await walk({ status: 'queued', sort: 'score' });
    expect(noText.filter((id) => [a, c, d].includes(id))).toEqual([d, a, c]);

    // The same through the page: the sort lives in the URL, the next link carries the cursor.
    const agent = await signIn('editor');
    const sorted = await page(agent, `/desk?q=${w}&sort=due`);
    expect(claimLinks(sorted.html)).toEqual([c, a, d, b]);
    expect(sorted.html).toMatch(/<option value="due" selected="">Due date<\/option>/);
  });

  it('filters by assignee (me, unassigned, someone) and language from the URL', async () => {
    const agent = await signIn('editor');
    const w = word('kudu');
    const mine = await claim(w, 'queued');
    const free = await claim(w, 'queued');
    await post(agent, `/desk/claims/${mine}/assign`, {
      version: '1',
      assignee: String(agent.user.id),
    });
    expect(claimLinks((await page(agent, `/desk?q=${w}&assignee=me`)).html)).toEqual([mine]);
    expect(claimLinks((await page(agent, `/desk?q=${w}&assignee=none`)).html)).toEqual([free]);
    expect(claimLinks((await page(agent, `/desk?q=${w}&assignee=${agent.user.id}`)).html)).toEqual([
      mine,
    ]);
    expect(claimLinks((await page(agent, `/desk?q=${w}&language=ar`)).html)).toEqual([]);
    // "Assigned to me" is the signed-in editor's: another editor's bookmark shows their own.
    const other = await signIn('editor');
    expect(claimLinks((await page(other, `/desk?q=${w}&assignee=me`)).html)).toEqual([]);
  });

  it('shows relative times with the exact time in title, reader demand per row, a skip link to the claims', async () => {
    const agent = await signIn('editor');
    const w = word('oryx');
    const hourAgo = new Date(Date.now() - 3 * 3600_000).toISOString();
    await claim(w, 'submitted', { demand: 7, updated: hourAgo });
    const { html } = await page(agent, `/desk?q=${w}`);
    expect(html).toContain(
      `<time datetime="${hourAgo}" title="${hourAgo.slice(0, 16).replace('T', ' ')} UTC">3 hr. ago</time>`,
    );
    expect(html).toMatch(/<span title="7 reader submissions">7<\/span>/);
    expect(html).toContain('<a class="skip-link" href="#claims">Skip to claims</a>');
    expect(html).toContain('id="claims"');
    expect(html).toMatch(/<script src="\/js\/desk-queue\.js" defer="" nonce="[^"]+"><\/script>/);
  });
});
