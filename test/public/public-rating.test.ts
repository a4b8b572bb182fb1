// The public list and search filtered by rating (d1/public.ts over claims.public_rating,
// migrations/0022) against the rule written out plainly: the rating of the claim's newest
// *published* verdict version (a draft after it changes nothing until it is published).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createClaim } from '../../d1/claims';
import { listPublic, type PublicListFilters } from '../../d1/public';
import { unique } from '../helpers';

const actor = { userId: null, requestId: 'public-rating' };
const NEWEST_PUBLISHED = `(SELECT v.rating_key FROM verdicts v WHERE v.claim_id = c.id AND v.published_at IS NOT NULL
  ORDER BY v.version DESC LIMIT 1)`;

function verdict(claimId: string, version: number, rating: string, published: string | null) {
  return env.DB.prepare(
    `INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, created_at, published_at)
     VALUES (?1, ?2, ?3, 'h', 'e', 'en', ?4, ?5)`,
  ).bind(claimId, version, rating, new Date().toISOString(), published);
}

/** Published claims with one or two published versions, some with a newer draft; a few unpublished. */
async function dataSet(word: string): Promise<string[]> {
  const ratings = ['false', 'mixed', 'true'];
  const ids: string[] = [];
  for (let i = 0; i < 36; i++) {
    const claim = await createClaim(
      env.DB,
      {
        text: `${unique('rated')} ${word} claim ${i} about the port budget`,
        language: ['en', 'ar', 'fr'][i % 3]!,
        status: 'queued',
      },
      actor,
    );
    ids.push(claim.id);
    const day = `2026-0${1 + (i % 9)}-${String(10 + (i % 17)).padStart(2, '0')}T10:00:00.000Z`;
    const published = i % 7 !== 6;
    const writes = [
      env.DB.prepare(`UPDATE claims SET status = ?2, published_at = ?3 WHERE id = ?1`).bind(
        claim.id,
        published ? 'published' : 'in_review',
        published ? day : null,
      ),
      verdict(claim.id, 1, ratings[i % 3]!, published ? day : null),
    ];
    // A published correction with another rating: the claim moves to it.
    if (published && i % 4 === 1) writes.push(verdict(claim.id, 2, ratings[(i + 1) % 3]!, day));
    // A newer draft with another rating: nothing changes for readers.
    if (published && i % 5 === 2) writes.push(verdict(claim.id, 3, ratings[(i + 2) % 3]!, null));
    await env.DB.batch(writes);
  }
  return ids;
}

/** Every page of a filtered list, following the cursors; and the first page's count. */
async function allPages(f: Omit<PublicListFilters, 'limit'>) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let total: number | null = null;
  for (let n = 0; n < 100; n++) {
    const page = await listPublic(env.DB, { ...f, limit: 4, cursor, count: n === 0 });
    if (n === 0) total = page.total;
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { ids, total };
}

/** The same list written plainly, newest publication first. */
async function plain(rating: string, language?: string, word?: string) {
  const { results } = await env.DB.prepare(
    `SELECT c.id FROM claims c WHERE c.status = 'published' AND ${NEWEST_PUBLISHED} = ?1
       AND (?2 IS NULL OR c.language = ?2) AND (?3 IS NULL OR c.text LIKE '%' || ?3 || '%')
     ORDER BY c.published_at DESC, c.seq DESC`,
  )
    .bind(rating, language ?? null, word ?? null)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

describe('public list and search by rating', () => {
  it('list, count and date-ordered search hold the same claims as "newest published verdict"', async () => {
    const word = unique('harbour').toLowerCase();
    const ids = await dataSet(word);
    let compared = 0;
    for (const rating of ['false', 'mixed', 'true', 'misleading'])
      for (const language of [undefined, 'ar']) {
        const want = await plain(rating, language);
        const list = await allPages({ rating, language });
        expect(list.ids, JSON.stringify({ rating, language })).toEqual(want);
        expect(list.total).toBe(want.length);
        const wantHits = await plain(rating, language, word);
        const search = await allPages({ rating, language, q: word, sort: 'date' });
        expect([...search.ids].sort(), JSON.stringify({ rating, language, word })).toEqual(
          [...wantHits].sort(),
        );
        compared += wantHits.length;
      }
    // Not vacuous: this data set's claims were among the ones compared.
    expect(compared).toBeGreaterThan(20);
    expect(ids.length).toBe(36);
  });

  it('follows publication, drafts, deleted versions and moved verdicts', async () => {
    const claim = await createClaim(
      env.DB,
      { text: `${unique('rated')} the ferry fare rose`, language: 'fr', status: 'queued' },
      actor,
    );
    const rating = async (id = claim.id) =>
      (
        await env.DB.prepare(`SELECT public_rating FROM claims WHERE id = ?1`)
          .bind(id)
          .first<{ public_rating: string | null }>()
      )?.public_rating;
    const now = new Date().toISOString();
    await verdict(claim.id, 1, 'false', null).run();
    expect(await rating()).toBeNull(); // a draft only: nothing published
    await env.DB.prepare(`UPDATE verdicts SET published_at = ?2 WHERE claim_id = ?1`)
      .bind(claim.id, now)
      .run();
    expect(await rating()).toBe('false');
    await verdict(claim.id, 2, 'mixed', null).run();
    expect(await rating()).toBe('false'); // the newer draft is not public
    await env.DB.prepare(
      `UPDATE verdicts SET published_at = ?2 WHERE claim_id = ?1 AND version = 2`,
    )
      .bind(claim.id, now)
      .run();
    expect(await rating()).toBe('mixed');
    await env.DB.prepare(`DELETE FROM verdicts WHERE claim_id = ?1 AND version = 2`)
      .bind(claim.id)
      .run();
    expect(await rating()).toBe('false');
    const other = await createClaim(
      env.DB,
      { text: `${unique('rated')} the bridge toll fell`, language: 'fr', status: 'queued' },
      actor,
    );
    await env.DB.prepare(`UPDATE verdicts SET claim_id = ?2 WHERE claim_id = ?1`)
      .bind(claim.id, other.id)
      .run();
    expect(await rating()).toBeNull();
    expect(await rating(other.id)).toBe('false');
  });
});
