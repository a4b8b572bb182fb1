import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClaim } from '../../d1/claims';
import {
  findMatches,
  findMatchesMany,
  findMatchesOfClaim,
  storedClaimTerms,
} from '../../d1/matches';
import { matchTerms } from '../../worker/match/similarity';
import { fcParams } from '../fc-params';
import { callJson, d1Queries, makeUser, unique } from '../helpers';

const actor = { userId: null, requestId: 'test-matches' };

/** A unique word of letters only (digits would count as numbers in the claims). */
function word(): string {
  return unique('w').replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
}

async function claim(text: string, language = 'en', status: 'queued' | 'candidate' = 'queued') {
  return createClaim(env.DB, { text, language, status }, actor);
}

async function publish(id: string, rating: string) {
  const now = new Date().toISOString();
  await env.DB.batch([
    env.DB.prepare(`UPDATE claims SET status = 'published', published_at = ?2 WHERE id = ?1`).bind(
      id,
      now,
    ),
    env.DB.prepare(
      `INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, created_at, published_at)
       VALUES (?1, 1, ?2, 'Headline', 'Explanation', 'en', ?3, ?3)`,
    ).bind(id, rating, now),
  ]);
}

describe('findMatches', () => {
  it('finds an Arabic claim written with harakat and Arabic-Indic digits from a plain query (exact hash first)', async () => {
    const w = word();
    const stored = await claim(`قالَ الوزيرُ إنّ البطالةَ انخفضت إلى ٧٪ في عام ٢٠٢٥ ${w}`, 'ar');
    const near = await claim(`قال الوزير إن البطالة انخفضت إلى 7% خلال عام 2025 ${w}`, 'ar');
    const found = await findMatches(env.DB, `قال الوزير ان البطاله انخفضت الى 7% في عام 2025 ${w}`);
    expect(found[0]).toMatchObject({
      id: stored.id,
      similarity: 1,
      status: 'queued',
      language: 'ar',
    });
    const second = found.find((m) => m.id === near.id);
    expect(second?.similarity).toBeGreaterThan(0.6);
    expect(second!.similarity).toBeLessThan(1);
  });

  it('ranks the claim with the same number above one with a different number', async () => {
    const w = word();
    const five = await claim(`Inflation in ${w} rose by 5% last year`);
    const seven = await claim(`Inflation in ${w} rose by 7% last year`);
    const found = await findMatches(env.DB, `Last year inflation in ${w} rose by 7%`);
    expect(found[0]?.id).toBe(seven.id);
    const other = found.find((m) => m.id === five.id);
    expect(other === undefined || other.similarity < found[0]!.similarity / 1.5).toBe(true);
  });

  it('leaves out the excluded claim and unrelated claims', async () => {
    const w = word();
    const a = await claim(`The ${w} bridge carries 40,000 cars a day`);
    await claim(`The ${w} museum opened its doors to schoolchildren`);
    const found = await findMatches(env.DB, a.text, { excludeId: a.id });
    expect(found.map((m) => m.id)).not.toContain(a.id);
    expect(found).toHaveLength(0);
  });

  it('with publishedOnly, returns only published claims with their rating', async () => {
    const w = word();
    const draft = await claim(`Le ${w} a doublé ses exportations de blé en un an`, 'fr');
    const pub = await claim(`Le ${w} a doublé ses exportations de blé en une année`, 'fr');
    await publish(pub.id, 'mostly-false');
    const all = await findMatches(env.DB, `Le ${w} a doublé ses exportations de blé en un an`);
    expect(all.map((m) => m.id)).toEqual([draft.id, pub.id]);
    expect(all[0]).not.toHaveProperty('published_rating');
    const published = await findMatches(
      env.DB,
      `Le ${w} a doublé ses exportations de blé en un an`,
      { publishedOnly: true },
    );
    expect(published).toEqual([
      {
        id: pub.id,
        text: pub.text,
        status: 'published',
        language: 'fr',
        similarity: expect.any(Number),
        published_rating: 'mostly-false',
      },
    ]);
  });

  it('returns nothing for a text without words and respects the limit', async () => {
    expect(await findMatches(env.DB, '!!! ...')).toEqual([]);
    const w = word();
    for (let i = 0; i < 4; i++) await claim(`Exports of ${w} grew strongly this year`);
    expect(
      await findMatches(env.DB, `Exports of ${w} grew strongly this year`, { limit: 2 }),
    ).toHaveLength(2);
  });

  it('answers several texts at once, each with its own matches', async () => {
    const w = word();
    const a = await claim(`The ${w} dam holds 3 billion cubic metres of water`);
    const b = await claim(`Il y a 40 000 ${w} inscrits au registre national`, 'fr');
    const [ma, mb, none] = await findMatchesMany(env.DB, [
      a.text,
      b.text,
      `Nothing about ${word()} at all`,
    ]);
    expect(ma?.[0]?.id).toBe(a.id);
    expect(mb?.[0]?.id).toBe(b.id);
    expect(none).toEqual([]);
  });

  it('still finds a near-duplicate among many claims that share its common words', async () => {
    const w = word();
    for (let i = 0; i < 30; i++)
      await claim(`The ${w} council approved the city budget for roads number ${word()}`);
    const target = await claim(
      `The ${w} council approved the city budget of 2.1 billion dollars for ${word()} schools`,
    );
    const found = await findMatches(env.DB, target.text.replace('approved', 'has approved'));
    expect(found[0]?.id).toBe(target.id);
    expect(found[0]!.similarity).toBeGreaterThan(0.8);
  });
});

describe('findMatchesOfClaim (a stored claim, one round trip)', () => {
  // Words that overlap between claims, so that which terms are asked decides the candidates:
  // stopwords, one-letter tokens, repeats, ties in length, numbers, and letters outside the BMP
  // (a Deseret word: one code point is two UTF-16 units).
  const POOL = [
    'the',
    'of',
    'said',
    'minister',
    'ministre',
    'budget',
    'roads',
    'a',
    'x',
    'dam',
    'water',
    'billion',
    '2.1',
    '40',
    '7%',
    'في',
    'من',
    'الوزير',
    'البطالة',
    'انخفضت',
    'سدود',
    'ب',
    'chômage',
    'hausse',
    'selon',
    'et',
    'le',
    '\u{10410}\u{10437}',
    '\u{10410}',
    'ab',
    'cd',
    'ef',
  ];

  it('gives what findMatches gives for its text, the claim left out (any text, both filters)', async () => {
    const w = word();
    const texts = fc.sample(
      fc.array(fc.constantFrom(...POOL), { minLength: 1, maxLength: 16 }).map((ws) => ws.join(' ')),
      { numRuns: 40, seed: 7 },
    );
    const stored = [];
    for (const t of texts) stored.push(await claim(`${t} ${w}`));
    await publish(stored[0]!.id, 'false');
    await publish(stored[1]!.id, 'true');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...stored),
        fc.boolean(),
        fc.integer({ min: 1, max: 12 }),
        async (c, publishedOnly, limit) => {
          const mine = await findMatchesOfClaim(env.DB, c.id, { publishedOnly, limit });
          const byText = await findMatches(env.DB, c.text, {
            excludeId: c.id,
            publishedOnly,
            limit,
          });
          expect(mine).toEqual({ claim: { id: c.id, text: c.text }, matches: byText });
        },
      ),
      fcParams(40),
    );
  });

  it('derives, inside SQLite, exactly the terms matchTerms picks from the text', async () => {
    const w = word();
    // Ties in length are kept in the order they first occur: only the first twelve are asked.
    const tail = w.slice(-8);
    const tied = Array.from({ length: 13 }, (_, k) => 'mlkjihgfedcba'[k]! + tail); // not in alphabetical order
    const fixed = [
      `${tied.join(' ')} ${tied[3]} the x`,
      `قالَ الوزيرُ في مؤتمر صحفي إنّ نسبة البطالة بلغت ٧٪ في ${w}`,
      `Selon le ministre, le chômage a baissé de 16,2 % à 40 000 ${w}`,
      `\u{10410}\u{10437} \u{10410} ab ${w}`,
      '!!! ...',
    ];
    const random = fc.sample(
      fc
        .array(fc.constantFrom(...POOL, ...tied), { minLength: 0, maxLength: 30 })
        .map((ws) => ws.join(' ')),
      fcParams(60).numRuns,
    );
    for (const text of [...fixed, ...random]) {
      const stored = await claim(text || 'x');
      expect(await storedClaimTerms(env.DB, stored.id)).toEqual(matchTerms(stored.text, 12));
    }
    expect(matchTerms(fixed[0]!, 12)).toEqual(tied.slice(0, 12));
  });

  it('finds exact copies by the stored hash, and is null for a claim that does not exist', async () => {
    const w = word();
    const a = await claim(`قالَ الوزيرُ إنّ عدد السدود بلغ ٤٠ سداً ${w}`, 'ar');
    const b = await claim(`قال الوزير إن عدد السدود بلغ 40 سدا ${w}`, 'ar');
    const found = await findMatchesOfClaim(env.DB, a.id);
    expect(found?.matches[0]).toMatchObject({ id: b.id, similarity: 1 });
    expect(found?.matches.map((m) => m.id)).not.toContain(a.id);
    expect(await findMatchesOfClaim(env.DB, 'clm_doesnotexist0000000000')).toBeNull();
  });

  it('answers GET /api/v1/claims/:id/matches in one D1 round trip after the session, 404 for no claim', async () => {
    const editor = await makeUser('editor');
    const w = word();
    const a = await claim(`The ${w} reservoir holds 3 billion cubic metres of water`);
    const b = await claim(`The ${w} reservoir holds 3 billion cubic meters of water this year`);
    const { res, body } = await callJson(`/api/v1/claims/${a.id}/matches`, { token: editor.token });
    expect(res.status).toBe(200);
    expect(body.claim).toEqual({ id: a.id, text: a.text });
    expect(body.matches[0].id).toBe(b.id);
    expect(body.matches).toEqual(await findMatches(env.DB, a.text, { excludeId: a.id }));
    expect(d1Queries(res)).toBe(2); // the session, then the claim and its matches in one batch
    const missing = await callJson('/api/v1/claims/zzzzzzzzzzzzzzzz/matches', {
      token: editor.token,
    });
    expect(missing.res.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });
});
