import { describe, expect, it } from 'vitest';
import { isNumberToken, quantities } from '../../worker/match/numbers';
import {
  claimProfile,
  claimSimilarity,
  containment,
  MATCH_THRESHOLD,
  sameWord,
  swappedNames,
  trigramDice,
} from '../../worker/match/similarity';

const sim = (a: string, b: string) => claimSimilarity(claimProfile(a), claimProfile(b));

describe('re-ranker: containment', () => {
  const long =
    'قال وزير المالية في مؤتمر صحفي إن الحكومة أنفقت ٢١٢ مليون دولار على دعم الخبز في عام ٢٠٢٣ وإن الدعم سيستمر العام المقبل';
  const fragment = 'أنفقت ٢١٢ مليون دولار على دعم الخبز';

  it('a short fragment inside a long claim matches, though their trigrams differ', () => {
    expect(trigramDice(claimProfile(fragment), claimProfile(long))).toBeLessThan(0.5);
    expect(sim(fragment, long)).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('works the other way: a long submission that contains a short stored claim', () => {
    const claim = 'Leeds planted 40,000 trees last year';
    const submission =
      'I read on a local forum that Leeds planted 40,000 trees last year, and my neighbours say nobody saw a single one in our street';
    expect(sim(submission, claim)).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(sim(claim, submission)).toBe(sim(submission, claim));
  });

  it('is below 1 (kept for the same text) and low for one or two shared words', () => {
    expect(containment(claimProfile(fragment), claimProfile(long))).toBeLessThan(1);
    expect(sim('الخبز', long)).toBeLessThan(MATCH_THRESHOLD);
    expect(
      sim('school meals', 'The government spent 212 million dollars on school meals in 2023'),
    ).toBeLessThan(MATCH_THRESHOLD);
  });

  it('compares words up to a clitic or an ending', () => {
    expect(sameWord('immigrant', 'immigrants')).toBe(true);
    expect(sameWord('بدبي', 'دبي')).toBe(false); // three letters: too short to trust
    expect(sameWord('بمراكش', 'مراكش')).toBe(true);
    expect(sameWord('maroc', 'marocain')).toBe(true);
    expect(sameWord('leeds', 'bristol')).toBe(false);
  });
});

describe('re-ranker: number equivalence', () => {
  it.each([
    ['212 million', 212e6],
    ['212,000,000', 212e6],
    ['٢١٢ مليون', 212e6],
    ['٢١٢٬٠٠٠٬٠٠٠', 212e6],
    ['212 millions', 212e6],
    ['212m', 212e6],
    ['40 000 euros', 40_000],
    ['40\u00a0000 euros', 40_000],
    ['40\u202f000 euros', 40_000],
    ['40k trees', 40_000],
    ['forty thousand', 40_000],
    ['٤٠ ألف', 40_000],
    ['16,2 %', 16.2],
    ['١٦٫٢٪', 16.2],
    ['three million', 3e6],
    ['ثلاثة ملايين', 3e6],
    ['trois millions', 3e6],
    ['مليار دولار', 1e9],
    ['a billion', 1e9],
    ['un milliard', 1e9],
    ['1,2 milliard', 1.2e9],
    ['1.5bn', 1.5e9],
    ['413 Md€', 413e9],
    ['بمليوني طن', 2e6],
    ['خمسمئة إصابة', 500],
    ['سبعة عشر مليون', 17e6],
    ['deux mille vingt-trois', 2023],
    ['quatre-vingt-dix', 90],
    ['30 percent', 30],
    ['30 pour cent', 30],
    ['ثلاثمئة بالمئة', 300],
  ])('%s = %d', (text, value) => {
    expect(quantities(text)).toEqual([value]);
  });

  it('lists every quantity of a claim, years included, and marks number tokens', () => {
    expect(quantities('Three million people left between 2015 and 2020')).toEqual([
      3e6, 2015, 2020,
    ]);
    expect(isNumberToken('ملايين')).toBe(true);
    expect(isNumberToken('2024')).toBe(true);
    expect(isNumberToken('trees')).toBe(false);
  });

  it('re-formatted numbers keep the match; other numbers sink it', () => {
    const claim = 'The government spent 212 million dollars on school meals in 2023.';
    expect(
      sim('The government spent $212,000,000 on school meals in 2023.', claim),
    ).toBeGreaterThan(0.8);
    expect(
      sim(
        'قال وزير المالية إن الحكومة أنفقت 212,000,000 دولار على دعم الخبز في عام 2023.',
        'قال وزير المالية إن الحكومة أنفقت ٢١٢ مليون دولار على دعم الخبز في عام ٢٠٢٣.',
      ),
    ).toBeGreaterThan(0.8);
    expect(
      sim(
        'Le chômage a baissé à 7.1% au premier trimestre',
        'Le chômage a baissé à 7,1 % au premier trimestre',
      ),
    ).toBeGreaterThan(0.8);
    expect(
      sim('Five million people left the country', 'Three million people left the country'),
    ).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('re-ranker: hard negatives', () => {
  it.each([
    [
      'another place (en)',
      'The city of Bristol planted 40,000 trees last year.',
      'The city of Leeds planted 40,000 trees last year.',
    ],
    [
      'another country at the start (en)',
      "Ghana's president said the country paid off its debt to China in 2022.",
      "Kenya's president said the country paid off its debt to China in 2022.",
    ],
    [
      'another place (fr)',
      'Le prix du litre de gazole a dépassé 2 euros à Toulouse en juin 2022.',
      'Le prix du litre de gazole a dépassé 2 euros à Bordeaux en juin 2022.',
    ],
    [
      'another place (ar)',
      'أعلنت وزارة الصحة المغربية تسجيل ٥٠٠ إصابة جديدة بالحصبة في فاس.',
      'أعلنت وزارة الصحة المغربية تسجيل ٥٠٠ إصابة جديدة بالحصبة في مراكش.',
    ],
    [
      'another year (ar)',
      'انخفض سعر صرف الليرة التركية بنسبة ٤٠٪ في عام ٢٠١٨.',
      'انخفض سعر صرف الليرة التركية بنسبة ٤٠٪ في عام ٢٠٢١.',
    ],
    [
      'another number in words (ar)',
      'غادر مليون شخص لبنان منذ بداية الأزمة الاقتصادية.',
      'غادر ثلاثة ملايين شخص لبنان منذ بداية الأزمة الاقتصادية.',
    ],
    [
      'another number in words (fr)',
      'Neuf millions de Français vivent sous le seuil de pauvreté.',
      'Trois millions de Français vivent sous le seuil de pauvreté.',
    ],
  ])('%s sinks below the threshold', (_kind, query, claim) => {
    expect(sim(query, claim)).toBeLessThan(MATCH_THRESHOLD);
  });

  it('a rewording with the same facts stays above it, and a swap is counted only for names', () => {
    expect(
      sim(
        'Last year Leeds city council planted 40,000 trees.',
        'The city of Leeds planted 40,000 trees last year.',
      ),
    ).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(
      swappedNames(
        claimProfile('The city of Leeds planted 40,000 trees last year.'),
        claimProfile('The city of Leeds grew 40,000 trees last year.'),
      ),
    ).toBe(0);
    expect(
      swappedNames(
        claimProfile('The city of Bristol planted 40,000 trees last year.'),
        claimProfile('The city of Leeds planted 40,000 trees last year.'),
      ),
    ).toBe(1);
  });
});
