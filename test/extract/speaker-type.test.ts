import { describe, expect, it } from 'vitest';
import { FEATURE_IDS, scoreSentence } from '../../worker/extract/index';

describe('speaker of an attributed statement', () => {
  const cases: [string, string, string | null][] = [
    [
      'en',
      'Finance Minister John Smith said the deficit fell to 3% last year.',
      'Finance Minister John Smith',
    ],
    [
      'en',
      '“The deficit fell to 3% last year,” said Finance Minister John Smith.',
      'Finance Minister John Smith',
    ],
    [
      'en',
      'The deficit fell to 3% last year, according to the National Audit Office.',
      'the National Audit Office',
    ],
    [
      'en',
      'The finance minister told parliament that the deficit fell to 3%.',
      'The finance minister',
    ],
    ['en', 'He said the deficit fell to 3% last year.', null],
    [
      'fr',
      "Selon le ministre de l'Économie, la dette a augmenté de 3 %.",
      "le ministre de l'Économie",
    ],
    [
      'fr',
      'Le ministre du Commerce, M. Youssef Chamali, a déclaré que les exportations ont progressé.',
      'Le ministre du Commerce, M. Youssef Chamali',
    ],
    [
      'fr',
      '« La dette a baissé », a affirmé Mme Claire Dubois devant les députés.',
      'Mme Claire Dubois',
    ],
    ['fr', 'Il a déclaré que la dette avait baissé de 2 %.', null],
    [
      'fr',
      'Les exportations ont augmenté de 18 %, a annoncé mercredi 12 mars l’Institut de la statistique.',
      'l’Institut de la statistique',
    ],
    [
      'ar',
      'قال وزير المالية محمد العلي إن العجز بلغ ٤٫٨٪ من الناتج المحلي.',
      'وزير المالية محمد العلي',
    ],
    ['ar', 'وقالَ وزيرُ المالية محمد العلي إنّ العجز بلغ ٤٫٨٪.', 'وزيرُ المالية محمد العلي'],
    ['ar', 'بحسب البنك المركزي، تراجعت الاحتياطيات بمقدار مليار دولار.', 'البنك المركزي'],
    ['ar', 'وأكدت وزارة الصحة في بيان أن عدد الإصابات ارتفع إلى ١٢٠٠ حالة.', 'وزارة الصحة'],
    ['ar', 'وقال إن العجز بلغ ٤٫٨٪ من الناتج المحلي.', null],
  ];
  for (const [lang, sentence, speaker] of cases) {
    it(`${lang}: ${sentence.slice(0, 60)}`, () => {
      const s = scoreSentence(sentence, lang);
      expect(s.speaker).toBe(speaker);
      if (speaker) {
        expect(sentence).toContain(speaker); // cut from the original, harakat and accents intact
        expect(s.why).toContain('attribution');
      }
    });
  }
  it('no attribution, no speaker', () => {
    expect(scoreSentence('Exports rose 18% in 2024.', 'en').speaker).toBeNull();
  });
});

describe('claim type', () => {
  const cases: [string, string, string][] = [
    ['en', 'Exports rose 18.4% in 2024 to $13.1 billion.', 'quantity'],
    ['en', 'It is the highest level ever recorded in the country.', 'comparison'],
    ['en', 'The central bank expects inflation to fall to 2% next year.', 'prediction'],
    ['en', 'The factory closed because of the blockade imposed on the city.', 'causal'],
    ['en', 'The ministry said the water was safe to drink.', 'attributed'],
    ['en', 'Police arrested three men near the border on Monday.', 'event'],
    ['en', 'The sky was grey over the harbour.', 'other'],
    ['ar', 'ارتفعت الصادرات بنسبة ١٨٪ خلال عام ٢٠٢٤.', 'quantity'],
    ['ar', 'سجلت الصادرات رقماً قياسياً غير مسبوق.', 'comparison'],
    ['ar', 'من المتوقع أن يرتفع النمو إلى ٣٪ العام المقبل.', 'prediction'],
    ['ar', 'أغلق المصنع بسبب الحصار المفروض على المدينة.', 'causal'],
    ['ar', 'وأكدت الوزارة أن المياه صالحة للشرب.', 'attributed'],
    ['fr', 'Les exportations ont augmenté de 18 % en 2024.', 'quantity'],
    ['fr', 'Il s’agit du niveau le plus élevé jamais enregistré.', 'comparison'],
    ['fr', "La croissance devrait atteindre 1 % l'an prochain.", 'prediction'],
    ['fr', "L'usine a fermé en raison du blocus imposé à la ville.", 'causal'],
    ['fr', "Le ministère a affirmé que l'eau était potable.", 'attributed'],
  ];
  for (const [lang, sentence, type] of cases) {
    it(`${lang} ${type}: ${sentence.slice(0, 50)}`, () =>
      expect(scoreSentence(sentence, lang).type).toBe(type));
  }
});

describe('score', () => {
  it('is a probability, rounded to three decimals', () => {
    for (const s of [
      '',
      '?',
      'Exports rose 18% to a record $13 billion, the ministry said.',
      'x'.repeat(2000),
    ]) {
      const { score } = scoreSentence(s, 'en');
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(Math.round(score * 1000)).toBe(score * 1000);
    }
  });
  it('a negative cue lowers the score of the same sentence', () => {
    const plain = scoreSentence('Unemployment fell to 4% last year.', 'en').score;
    expect(scoreSentence('Did unemployment fall to 4% last year?', 'en').score).toBeLessThan(plain);
    expect(scoreSentence('I think unemployment fell to 4% last year.', 'en').score).toBeLessThan(
      plain,
    );
  });
});

describe('why ids', () => {
  it('every id a sentence reports is one of FEATURE_IDS (the list UIs translate)', () => {
    const known = new Set<string>(FEATURE_IDS);
    for (const s of [
      'Exports rose 18% to a record $13 billion, the ministry said.',
      'I think, maybe, it will be held on Monday?',
      'قال الوزير إن العجز بلغ ٤٪.',
    ]) {
      // The model adds the words it weighed most as `word:<term>` (shown as "word: term").
      for (const id of scoreSentence(s, 'en').why)
        expect(known.has(id) || id.startsWith('word:')).toBe(true);
    }
    expect(FEATURE_IDS).toContain('-question');
    expect(new Set(FEATURE_IDS).size).toBe(FEATURE_IDS.length);
  });
});
