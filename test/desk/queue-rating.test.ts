// The desk queue filtered by rating (d1/desk.ts over claims.current_rating, migrations/0021)
// against the rule written out plainly: the rating of the claim's newest verdict version, for
// every status set, language, order and page, with the counts per status.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createClaim } from '../../d1/claims';
import { queueScreen, type QueueFilters, type QueueSort } from '../../d1/desk';
import { makeUser, unique } from '../helpers';

const actor = { userId: null, requestId: 'queue-rating' };
const NEWEST_RATING = `(SELECT v.rating_key FROM verdicts v WHERE v.claim_id = c.id ORDER BY v.version DESC LIMIT 1)`;
const ORDER: Record<QueueSort, string> = {
  newest: 'c.seq DESC',
  score: 'ifnull(c.score, -1) DESC, c.seq DESC',
  demand: 'c.submission_count DESC, c.seq DESC',
  due: `ifnull(c.due_date, '9999-12-31') ASC, c.seq DESC`,
  updated: 'c.updated_at DESC, c.seq DESC',
};
const STATUS_SETS = ['work', undefined, 'queued', 'in_review', 'published'] as const;
const WORK = `('submitted', 'queued', 'in_review')`;

function verdict(claimId: string, version: number, rating: string) {
  return env.DB.prepare(
    `INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, created_at) VALUES (?1, ?2, ?3, 'h', 'e', 'en', ?4)`,
  ).bind(claimId, version, rating, new Date().toISOString());
}

/** Claims in several statuses and languages, with one, two or no verdict versions. */
async function dataSet(): Promise<{ ids: string[]; userId: number }> {
  const { id: userId } = await makeUser('editor');
  const statuses = ['queued', 'in_review', 'published', 'submitted', 'candidate'] as const;
  const ratings = ['false', 'mixed', 'true'];
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    const claim = await createClaim(
      env.DB,
      {
        text: `${unique('rated')} claim ${i} about the budget`,
        language: ['en', 'ar', 'fr'][i % 3]!,
        status: 'queued',
      },
      actor,
    );
    ids.push(claim.id);
    const writes = [
      env.DB.prepare(
        `UPDATE claims SET status = ?2, score = ?3, submission_count = ?4, due_date = ?5, assignee_id = ?6 WHERE id = ?1`,
      ).bind(
        claim.id,
        statuses[i % 5],
        i % 4 === 0 ? null : (i * 37) % 10,
        i % 3,
        i % 2 ? `2026-12-${String(10 + (i % 7)).padStart(2, '0')}` : null,
        i % 3 === 0 ? userId : null,
      ),
    ];
    if (i % 6 !== 5) writes.push(verdict(claim.id, 1, ratings[i % 3]!));
    // A newer version with another rating: the claim moves to that rating.
    if (i % 4 === 1) writes.push(verdict(claim.id, 2, ratings[(i + 1) % 3]!));
    await env.DB.batch(writes);
  }
  return { ids, userId };
}

/** Every page of the queue under `f` (small pages, following the cursor). */
async function allPages(f: Omit<QueueFilters, 'limit'>) {
  const seen: string[] = [];
  let cursor: string | undefined;
  let counts = {};
  for (let n = 0; n < 100; n++) {
    const screen = await queueScreen(env.DB, { ...f, cursor, limit: 4 });
    if (n === 0) counts = screen.counts;
    for (const item of screen.items) {
      expect(item.ratingKey).toBe(f.rating);
      seen.push(item.id);
    }
    if (!screen.nextCursor) return { ids: seen, counts };
    cursor = screen.nextCursor;
  }
  throw new Error('paging did not end');
}

async function plain(f: Omit<QueueFilters, 'limit'>) {
  const status =
    f.status === 'work' ? `AND c.status IN ${WORK}` : f.status ? `AND c.status = ?3` : '';
  const assignee =
    f.assigneeId === undefined ? '' : `AND c.assignee_id IS ${f.assigneeId ?? 'NULL'}`;
  const { results } = await env.DB.prepare(
    `SELECT c.id FROM claims c WHERE ${NEWEST_RATING} = ?1 AND (?2 IS NULL OR c.language = ?2) ${status} ${assignee}
     ORDER BY ${ORDER[f.sort ?? 'newest']}`,
  )
    .bind(f.rating, f.language ?? null, ...(status.includes('?3') ? [f.status] : []))
    .all<{ id: string }>();
  const counted = await env.DB.prepare(
    `SELECT c.status, count(*) AS n FROM claims c WHERE ${NEWEST_RATING} = ?1 AND (?2 IS NULL OR c.language = ?2) ${assignee} GROUP BY c.status`,
  )
    .bind(f.rating, f.language ?? null)
    .all<{ status: string; n: number }>();
  return {
    ids: results.map((r) => r.id),
    counts: Object.fromEntries(counted.results.map((r) => [r.status, r.n])),
  };
}

describe('desk queue filtered by rating', () => {
  it('lists and counts the same claims as "rating of the newest verdict", in every order and page', async () => {
    const { ids, userId } = await dataSet();
    let compared = 0;
    for (const rating of ['false', 'mixed', 'true', 'misleading'])
      for (const status of STATUS_SETS)
        for (const language of [undefined, 'ar'])
          for (const sort of ['newest', 'score', 'due'] as const) {
            const f = { rating, status, language, sort };
            const got = await allPages(f);
            const want = await plain(f);
            expect(got, JSON.stringify(f)).toEqual(want);
            compared += want.ids.filter((id) => ids.includes(id)).length;
          }
    // With "unassigned" or one assignee (the counts read the same covering index).
    for (const rating of ['false', 'mixed'])
      for (const assigneeId of [null, userId])
        for (const language of [undefined, 'fr'])
          for (const status of ['work', undefined] as const) {
            const f = { rating, status, language, assigneeId };
            expect(await allPages(f), JSON.stringify(f)).toEqual(await plain(f));
          }
    // Not vacuous: the data set's claims were among the ones compared.
    expect(compared).toBeGreaterThan(100);
  });

  it('follows new versions, deleted drafts and moved verdicts', async () => {
    const claim = await createClaim(
      env.DB,
      { text: `${unique('rated')} the tax rose`, language: 'fr', status: 'queued' },
      actor,
    );
    const rating = async () =>
      (
        await env.DB.prepare(`SELECT current_rating FROM claims WHERE id = ?1`)
          .bind(claim.id)
          .first<{ current_rating: string | null }>()
      )?.current_rating;
    const listed = async (r: string) =>
      (await allPages({ rating: r, status: 'queued', language: 'fr' })).ids.includes(claim.id);
    expect(await rating()).toBeNull();
    await verdict(claim.id, 1, 'false').run();
    expect(await rating()).toBe('false');
    expect(await listed('false')).toBe(true);
    // A draft version 2 rated 'mixed' is the newest version: the claim moves.
    await verdict(claim.id, 2, 'mixed').run();
    expect(await rating()).toBe('mixed');
    expect(await listed('false')).toBe(false);
    expect(await listed('mixed')).toBe(true);
    // The draft deleted (as d1/corrections.ts discards one): back to version 1's rating.
    await env.DB.prepare(`DELETE FROM verdicts WHERE claim_id = ?1 AND version = 2`)
      .bind(claim.id)
      .run();
    expect(await rating()).toBe('false');
    expect(await listed('false')).toBe(true);
    // A verdict moved to another claim: both claims are recomputed.
    const other = await createClaim(
      env.DB,
      { text: `${unique('rated')} the rent fell`, language: 'fr', status: 'queued' },
      actor,
    );
    await env.DB.prepare(`UPDATE verdicts SET claim_id = ?2 WHERE claim_id = ?1`)
      .bind(claim.id, other.id)
      .run();
    expect(await rating()).toBeNull();
    const moved = await env.DB.prepare(`SELECT current_rating FROM claims WHERE id = ?1`)
      .bind(other.id)
      .first<{ current_rating: string }>();
    expect(moved?.current_rating).toBe('false');
  });
});
