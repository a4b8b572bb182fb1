import { describe, expect, it } from 'vitest';
import { extractClaims, FEATURE_IDS, scoreSentence } from '../../worker/extract/index';
import { sentenceInputs } from '../../worker/extract/score';
import { BITS, DENSE_IDS, LEVELS, LEVEL_ZERO } from '../../worker/extract/model';
import * as W from '../../worker/extract/model-weights';
import { explainEntry } from '../../worker/i18n/s19-model';
import { unique } from '../helpers';
import { page, post, signIn } from '../desk/desk-helpers';

// Sentences written for this test (not in test/data/extract/): the hard cases the model is for.
const PAIRS: [lang: string, claim: string, notClaim: string][] = [
  [
    'en',
    'Exports of wheat fell 23% to 1.2 million tonnes last year, the farm ministry said.',
    '“Honestly, 23 years in this job and I have never been so tired,” she said.',
  ],
  [
    'en',
    'The hospital treated 4,100 patients for heatstroke in August, twice as many as in 2023.',
    'What would happen if 4,100 more patients arrived next August?',
  ],
  [
    'fr',
    'Le chômage a reculé à 7,3 % au deuxième trimestre, selon l’Insee.',
    '« Franchement, on n’a jamais vu une aussi belle saison », sourit le gérant.',
  ],
  [
    'fr',
    'La région a perdu 1 200 emplois industriels en 2023, d’après la chambre de commerce.',
    'La prochaine réunion du conseil régional aura lieu le 12 mars à 14 h.',
  ],
  [
    'ar',
    'ارتفعت صادرات الفوسفات بنسبة ١٨٪ لتبلغ ٢٫٤ مليار دولار في العام الماضي، بحسب البنك المركزي.',
    'وقال أحد الباعة: «لم أرَ سوقاً بهذا الجمال منذ ٢٠ عاماً».',
  ],
  [
    'ar',
    'وأظهرت أرقام وزارة الصحة أن ٣٢٠٠ طفل أُصيبوا بالحصبة منذ يناير.',
    'هل يمكن أن يصل عدد الإصابات إلى ١٠ آلاف إذا استمر التراجع؟',
  ],
];

describe('learned check-worthiness (model.ts + score.ts)', () => {
  for (const [lang, claim, notClaim] of PAIRS)
    it(`${lang}: a checkable claim outscores ${notClaim.slice(0, 30)}…`, () => {
      expect(scoreSentence(claim, lang).score).toBeGreaterThan(
        scoreSentence(notClaim, lang).score + 0.2,
      );
    });

  it('the shipped weights are the size the model reads, one level character each, and at most 300 KB', () => {
    expect(W.HASHED.length).toBe(1 << BITS);
    let widest = 0;
    for (let i = 0; i < W.HASHED.length; i++)
      widest = Math.max(widest, Math.abs(W.HASHED.charCodeAt(i) - LEVEL_ZERO));
    expect(widest).toBe(LEVELS);
    // Not every weight on one level: the table was trained, not left empty.
    expect(new Set(W.HASHED).size).toBeGreaterThan(LEVELS);
    expect(W.DENSE).toHaveLength(DENSE_IDS.length);
    expect(W.HASHED.length).toBeLessThan(300_000);
    expect(W.ALPHA).toBeGreaterThanOrEqual(0);
    expect(W.ALPHA).toBeLessThan(1);
  });

  it('training inputs fold harakat, letter variants and digits the way search does', () => {
    const plain = sentenceInputs('ارتفع معدل البطالة إلى 7 في المئة', 'ar');
    const vocalized = sentenceInputs('ارتفعَ مُعَدَّلُ البِطالةِ إلى ٧ في المئة', 'ar');
    expect([...vocalized.hashed]).toEqual([...plain.hashed]);
    expect([...vocalized.dense]).toEqual([...plain.dense]);
  });

  it('why: feature ids first (largest push first), then up to three words as the sentence wrote them', () => {
    const sentence =
      'Unemployment fell to 4.1% in October, the lowest since 1971, the statistics office said.';
    const { why } = scoreSentence(sentence, 'en');
    const known = new Set<string>(FEATURE_IDS);
    const ids = why.filter((w) => !w.startsWith('word:'));
    const words = why.filter((w) => w.startsWith('word:')).map((w) => w.slice(5));
    expect(ids.every((w) => known.has(w))).toBe(true);
    expect(ids).toContain('percent');
    expect(why.slice(0, ids.length)).toEqual(ids);
    expect(words.length).toBeLessThanOrEqual(3);
    for (const w of words)
      for (const part of w.split(' ')) expect(sentence.toLowerCase()).toContain(part.toLowerCase());
    // A question gets its negative cue last: it lowered the score.
    const q = scoreSentence('Did unemployment fall to 4.1% in October?', 'en').why;
    expect(q.filter((w) => !w.startsWith('word:')).at(-1)).toBe('-question');
  });

  it('an Arabic word is named as the article wrote it (harakat kept), not in its folded form', () => {
    const sentence = 'وأعلنت وزارة الصِّحَّة أنّ عدد الإصابات ارتفع إلى ١٢٠٠ إصابة في الأسبوع الماضي.';
    const words = scoreSentence(sentence, 'ar')
      .why.filter((w) => w.startsWith('word:'))
      .map((w) => w.slice(5));
    for (const w of words) for (const part of w.split(' ')) expect(sentence).toContain(part);
  });

  it('labels a word entry in en, ar and fr; feature ids keep their labels', () => {
    expect(explainEntry('word:unemployment', 'en')).toMatchObject({
      label: 'word',
      term: 'unemployment',
    });
    expect(explainEntry('word:البطالة', 'ar')).toMatchObject({ label: 'كلمة', term: 'البطالة' });
    expect(explainEntry('word:chômage', 'fr')).toMatchObject({ label: 'mot', term: 'chômage' });
    expect(explainEntry('percent', 'ar')).toMatchObject({ label: 'نسبة مئوية', term: null });
  });

  it('the article page shows the words beside the features, bidi-isolated, in Arabic', async () => {
    const agent = await signIn('editor');
    expect((await post(agent, '/desk/locale', { lang: 'ar', next: '/desk' })).status).toBe(303);
    const text = `${unique('مقدمة ')}.\n\nارتفعت صادرات الفوسفات بنسبة ١٨٪ لتبلغ ٢٫٤ مليار دولار في العام الماضي، بحسب البنك المركزي.`;
    const expected = extractClaims(text, { language: 'ar' }).candidates[0]!;
    const words = expected.why.filter((w) => w.startsWith('word:'));
    expect(words.length).toBeGreaterThan(0);
    const res = await post(agent, '/desk/articles', {
      title: '',
      text,
      url: '',
      language: 'ar',
    });
    expect(res.status).toBe(303);
    const { html } = await page(agent, res.headers.get('Location')!);
    expect(html).toContain('<span class="feature" data-feature="percent">نسبة مئوية</span>');
    const term = words[0]!.slice(5);
    expect(html).toMatch(
      new RegExp(`data-feature="word"[^>]*>كلمة: <span lang="ar" dir="rtl">[^<]*${term}`),
    );
  });
});

describe('model inputs stay byte-identical (model-weights.ts was trained on them)', () => {
  // FNV-1a over every hashed index, value (float32 bits), owner, dense input and word gram of
  // `sentenceInputs`. The digests were taken from the code the current weights were trained with
  // (s21: 2^14 buckets, character grams weighted 2). A change here means the weights no longer fit:
  // run `npm run train` and update the digests in the same commit.
  const SENTENCES: [string, string, string][] = [
    [
      'en',
      'Unemployment fell to 3.8% in March, the statistics office said on Tuesday.',
      '7d24b531',
    ],
    ['fr', 'Le chômage a baissé de 2,1 % en 2024, selon l’Insee.', '1be3fa40'],
    ['ar', 'وقال وزير المالية إن العجز بلغ ٥٫٢ مليار دولار والاقتصاد نما بنسبة ٣٪.', '86c1e694'],
    ['ar', 'ارتفعَ مُعَدَّلُ البِطالةِ للمرة الثالثة على التوالي', 'bc4f1a7f'],
    ['en', '𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠: COVID-19 cases rose 12,5.3 İİ', 'd691a0ad'],
    ['en', '...', '4ff54ce4'],
  ];
  const bits = new Uint32Array(1);
  const f32 = new Float32Array(bits.buffer);
  function digest(x: ReturnType<typeof sentenceInputs>): string {
    let h = 0x811c9dc5;
    const mix = (v: number): void => {
      h = Math.imul(h ^ (v | 0), 0x01000193);
    };
    for (const v of x.hashed) mix(v);
    for (const v of x.hashedValue) {
      f32[0] = v;
      mix(bits[0]!);
    }
    for (const v of x.owner) mix(v);
    for (const v of x.dense) {
      f32[0] = v;
      mix(bits[0]!);
    }
    for (const g of x.grams) {
      mix(g.index);
      mix(g.start);
      mix(g.end);
      mix(g.numeric ? 1 : 0);
    }
    return (h >>> 0).toString(16);
  }

  it.each(SENTENCES)('%s: %s', (lang, sentence, expected) => {
    expect(digest(sentenceInputs(sentence, lang))).toBe(expected);
  });

  it('scoring reads the same inputs as training (reused buffers, no copy)', () => {
    const first = sentenceInputs(SENTENCES[0]![1], 'en');
    // Scoring other sentences in between must not change inputs already handed out.
    scoreSentence(SENTENCES[2]![1], 'ar');
    scoreSentence('word '.repeat(400), 'en');
    expect(digest(first)).toBe(SENTENCES[0]![2]);
    expect(digest(sentenceInputs(SENTENCES[0]![1], 'en'))).toBe(SENTENCES[0]![2]);
  });
});
