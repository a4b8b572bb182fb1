import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createClaim } from '../../d1/claims';
import { findMatches, findMatchesMany } from '../../d1/matches';
import { unique } from '../helpers';

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
