import { describe, expect, it } from 'vitest';
import {
  claimProfile,
  claimSimilarity,
  matchTerms,
  numberAgreement,
  numbersIn,
  STOPWORD_LIST,
  trigramDice,
} from '../../worker/match/similarity';
import { searchKey } from '../../worker/extract/normalize';

const sim = (a: string, b: string) => claimSimilarity(claimProfile(a), claimProfile(b));

describe('claim similarity', () => {
  it('is 1 for texts equal up to harakat, tatweel, letter variants and digit forms', () => {
    expect(sim('انخفضت البطالة إلى ٧٪ في عام ٢٠٢٥', 'انخفضَتْ البطـالةُ الى 7% في عام 2025')).toBe(1);
  });

  it('scores near-paraphrases high and unrelated texts low', () => {
    expect(
      sim(
        'Unemployment fell to 7% in 2025, the minister said',
        'The minister said unemployment fell to 7% in 2025',
      ),
    ).toBeGreaterThan(0.75);
    expect(
      sim('Unemployment fell to 7% in 2025', 'The bridge will open in March next year'),
    ).toBeLessThan(0.3);
  });

  it('penalizes disagreeing numbers', () => {
    const same = sim('Unemployment fell to 7% in 2025', 'Unemployment fell to 7% in 2025.');
    const differ = sim('Unemployment fell to 5% in 2025', 'Unemployment fell to 7% in 2025');
    expect(same).toBe(1);
    expect(differ).toBeLessThan(0.5);
    const dice = trigramDice(
      claimProfile('Unemployment fell to 5% in 2025'),
      claimProfile('Unemployment fell to 7% in 2025'),
    );
    expect(dice).toBeGreaterThan(0.85); // the texts are close: only the numbers tell them apart
    // Arabic-Indic digits disagreeing with ASCII ones count as different numbers too.
    expect(sim('البطالة ٥٪', 'البطالة 7%')).toBeLessThan(sim('البطالة ٧٪', 'البطالة 7%'));
  });

  it('reads numbers with thousands separators, decimal commas and scale words', () => {
    expect(numbersIn('1,500 jobs and 4.2 million, 3,5 % en 2024, ١٢٠ ألف و ٧٫٥٪')).toEqual([
      1500, 4_200_000, 3.5, 2024, 120_000, 7.5,
    ]);
    expect(numbersIn('1.234.567,5 euros')).toEqual([1234567.5]);
  });

  it('agreement is 1 for the same numbers, 0.85 when one side adds numbers, at most 0.6 on disagreement', () => {
    expect(numberAgreement(new Set(), new Set())).toBe(1);
    expect(numberAgreement(new Set([5, 2025]), new Set([2025, 5]))).toBe(1);
    expect(numberAgreement(new Set([5]), new Set())).toBe(0.85);
    expect(numberAgreement(new Set([7, 2025]), new Set([7]))).toBe(0.85);
    expect(numberAgreement(new Set([5]), new Set([7]))).toBe(0.25);
    expect(numberAgreement(new Set([5, 2025]), new Set([7, 2025]))).toBeCloseTo(0.25 + 0.35 / 3);
  });

  it('picks distinctive query terms, without stop words, in the indexed form', () => {
    const terms = matchTerms('The minister said that unemployment fell to 7% in the third quarter');
    expect(terms).toContain('unemployment');
    expect(terms).not.toContain('the');
    expect(terms).not.toContain('that');
    const ar = matchTerms('قال الوزير إن البطالة انخفضت في الربع الثالث');
    expect(ar).toContain('بطاله'); // article stripped, ta marbuta folded, as in the index
    expect(ar).not.toContain('في');
  });

  it('writes every stop word in its search-key form, so it compares equal to the indexed text', () => {
    expect(STOPWORD_LIST.filter((w) => searchKey(w) !== w)).toEqual([]);
    // Spelled as readers write them, they fold to listed words.
    for (const w of [
      'affirmé',
      'déclaré',
      'été',
      'année',
      'على',
      'إلى',
      'أن',
      'التي',
      'الذين',
      'بنسبة',
    ])
      expect(STOPWORD_LIST, w).toContain(searchKey(w));
  });
});
