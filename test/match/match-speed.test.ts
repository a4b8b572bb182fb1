// The shortcuts that keep matching fast (d1/matches.ts, worker/match/similarity.ts) change no answer:
// the early exits of claimSimilarity below a floor, the stored search key reused as the profile's
// key, the AND-group of the rarest terms only, and a query with nothing to search for.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createClaim } from '../../d1/claims';
import { findMatches } from '../../d1/matches';
import { searchKey } from '../../worker/extract/normalize';
import {
  claimProfile,
  claimSimilarity,
  MATCH_THRESHOLD,
  matchTerms,
} from '../../worker/match/similarity';
import { unique } from '../helpers';

const actor = { userId: null, requestId: 'test-match-speed' };

/** A unique word of letters only (digits would count as numbers in the claims). */
function word(): string {
  return unique('w').replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
}

// Pairs on both sides of the threshold: rewordings, fragments, other numbers, swapped names,
// other languages, unrelated claims.
const PAIRS: [string, string][] = [
  [
    'Unemployment fell to 5% in 2025, the minister said',
    'The minister said unemployment dropped to 5% in 2025',
  ],
  ['Unemployment fell to 5% in 2025', 'Unemployment fell to 7% in 2025'],
  [
    'The city of Leeds planted 40,000 trees last year.',
    'The city of Bristol planted 40,000 trees last year.',
  ],
  ['40,000 trees', 'The city of Leeds planted 40,000 trees last year.'],
  [
    'Le chômage a baissé à 7 % en 2025 selon le ministre',
    'Selon le ministre, le chômage est tombé à 7 % en 2025',
  ],
  [
    'قال الوزير إن البطالة انخفضت إلى 7% في عام 2025',
    'قال الوزير إن البطالة انخفضت إلى ٧٪ عام ٢٠٢٥',
  ],
  ['قال الوزير إن البطالة في دبي انخفضت', 'قال الوزير إن البطالة في الرياض انخفضت'],
  ['Exports grew by 212 million dollars', 'Exports grew by 212,000,000 dollars in March'],
  ['The mayor opened a new bridge', 'Inflation rose to 9 percent in the capital'],
  ['Three million people voted', 'trois millions de personnes ont voté'],
  ['Vaccination coverage hit 90% among children', 'Coverage of vaccination among children hit 90%'],
  ['Crime dropped by 12% in the north', 'Crime dropped by 12% in the south since 2020'],
];

describe('claimSimilarity with a floor', () => {
  it('answers exactly at or above the floor and below it otherwise, either way round', () => {
    const scores: number[] = [];
    for (const [x, y] of PAIRS)
      for (const [a, b] of [
        [x, y],
        [y, x],
      ] as const) {
        const exact = claimSimilarity(claimProfile(a), claimProfile(b));
        scores.push(exact);
        for (const floor of [MATCH_THRESHOLD, 0.3, 0.6, 0.9]) {
          const fast = claimSimilarity(claimProfile(a), claimProfile(b), floor);
          if (exact >= floor) expect(fast, `${a} | ${b} @ ${floor}`).toBe(exact);
          else expect(fast, `${a} | ${b} @ ${floor}`).toBeLessThan(floor);
        }
      }
    // The pairs do reach both sides of the threshold.
    expect(scores.some((s) => s >= MATCH_THRESHOLD)).toBe(true);
    expect(scores.some((s) => s < MATCH_THRESHOLD)).toBe(true);
  });

  it('a profile built on the stored search key is the profile of the text', () => {
    for (const [text] of PAIRS) {
      const stored = claimProfile(text, searchKey(text));
      const fresh = claimProfile(text);
      expect(stored.seq).toEqual(fresh.seq);
      expect([...stored.numbers]).toEqual([...fresh.numbers]);
      expect([...stored.capitals]).toEqual([...fresh.capitals]);
      expect(claimSimilarity(fresh, stored)).toBe(1);
    }
  });
});

describe('findMatches retrieval shortcuts', () => {
  it('a query of stop words only searches nothing and finds nothing but its exact copy', async () => {
    const text = 'The and of to, le la les de, في من على';
    expect(matchTerms(text)).toEqual([]);
    const stored = await createClaim(env.DB, { text, language: 'en', status: 'queued' }, actor);
    // Its exact copy is found by its hash; any other text of stop words finds nothing.
    const found = await findMatches(env.DB, text);
    expect(found.map((m) => [m.id, m.similarity])).toEqual([[stored.id, 1]]);
    expect(await findMatches(env.DB, 'the of and in on at que qui في على')).toEqual([]);
  });

  it('finds a long claim of many common words among thousands of claims sharing them', async () => {
    const [name, place, thing] = [word(), word(), word()];
    const target = await createClaim(
      env.DB,
      {
        text: `The government minister ${name} said the national budget for ${thing} in ${place} grew by a large margin this year`,
        language: 'en',
        status: 'queued',
      },
      actor,
    );
    // Newer claims, more than the row budget of the full-text query, all with the target's common words.
    const now = new Date().toISOString();
    for (let chunk = 0; chunk < 5; chunk++) {
      const fillers = Array.from({ length: 600 }, (_, i) => {
        const text = `The government minister said the national budget grew by a large margin this year ${word()} ${chunk * 600 + i}`;
        return [unique('fill'), text, searchKey(text), unique('hash')];
      });
      await env.DB.prepare(
        `INSERT INTO claims (id, text, search_text, text_hash, language, status, created_at, updated_at)
         SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, 'en', 'candidate', ?2, ?2 FROM json_each(?1)`,
      )
        .bind(JSON.stringify(fillers), now)
        .run();
    }
    const found = await findMatches(
      env.DB,
      `Minister ${name} said the budget for ${thing} in ${place} grew by a large margin this year`,
    );
    expect(found[0]?.id).toBe(target.id);
    expect(found[0]!.similarity).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // A shorter copy still finds it among them.
    const shortened = await findMatches(
      env.DB,
      `the national budget for ${thing} in ${place} grew by a large margin`,
    );
    expect(shortened.map((m) => m.id)).toContain(target.id);
  });
});
