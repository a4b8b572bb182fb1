import fc from 'fast-check';
import { fcParams } from '../fc-params';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../worker/extract/index';

interface Expectation {
  text: string;
  /** Figures and records (by a unique fragment): they must fill the first places, in any order. */
  top: string[];
  /** Opinion, scene-setting and questions: the last places. */
  bottom: string[];
  /** Headline, byline, captions: never candidates. */
  absent: string[];
}

const AR: Expectation = {
  text: [
    'الصادرات تسجل رقماً قياسياً',
    'عمّان – وكالات',
    'أعلنت دائرة الإحصاءات العامة يوم الأربعاء ١٢ آذار/مارس ٢٠٢٥ أن الصادرات الوطنية ارتفعت بنسبة ١٨٫٤٪ خلال عام ٢٠٢٤ لتبلغ ٩٫٣ مليار دينار. وهو أعلى مستوى تسجله الصادرات في تاريخ المملكة، بحسب الدائرة.',
    'وقال وزير الصناعة والتجارة يوسف الشمالي في مؤتمر صحفي إن صادرات الأسمدة والأدوية وحدها زادت بمقدار ٩٥٠ مليون دينار. وأضاف أن عدد الأسواق التي تصل إليها المنتجات الوطنية ارتفع إلى ١٤٠ سوقاً.',
    'وقال الشمالي للصحفيين: “لقد تجاوزنا كلَّ التوقعات، وهذا إنجـــاز للجميع”.',
    'كانت قاعة المؤتمر مكتظة بالصحفيين والكاميرات منذ الصباح الباكر.',
    'ويرى رجل الأعمال سامر حدّاد أن «هذه أرقام رائعة ونحن فخورون بما أنجزه القطاع الخاص».',
    'فهل تستمر هذه الطفرة في العام المقبل؟',
    'تصوير: محمد أبو غوش',
  ].join('\n\n'),
  top: ['ارتفعت بنسبة ١٨٫٤٪', 'أعلى مستوى تسجله', 'زادت بمقدار ٩٥٠ مليون', 'ارتفع إلى ١٤٠'],
  bottom: ['قاعة المؤتمر مكتظة', 'هذه أرقام رائعة', 'فهل تستمر'],
  absent: ['الصادرات تسجل رقماً قياسياً', 'عمّان – وكالات', 'تصوير'],
};

const EN: Expectation = {
  text: [
    'Exports Hit Record High',
    'By Hannah Cole',
    'National exports rose 18.4% in 2024 to $13.1 billion, the statistics department said on Wednesday, March 12. It is the highest level ever recorded, according to the department.',
    'Trade Minister Yusuf Shamali told reporters that fertiliser and medicine exports alone grew by $950 million. He added that the number of export markets had risen to 140.',
    'The conference hall was packed with cameras from early morning.',
    '“These are wonderful numbers and we are proud of the private sector,” said businessman Samer Haddad.',
    'Will the boom last into next year?',
    'Photo: Mark Evans / Reuters',
  ].join('\n\n'),
  top: ['rose 18.4%', 'highest level ever', 'grew by $950 million', 'risen to 140'],
  bottom: ['conference hall was packed', 'These are wonderful numbers', 'Will the boom last'],
  absent: ['Exports Hit Record High', 'By Hannah Cole', 'Photo: Mark Evans'],
};

const FR: Expectation = {
  text: [
    'Les exportations battent un record',
    'Par Claire Moreau',
    'Les exportations nationales ont augmenté de 18,4 % en 2024 pour atteindre 13,1 milliards d’euros, a annoncé mercredi 12 mars l’Institut de la statistique. Il s’agit du niveau le plus élevé jamais enregistré, selon l’Institut.',
    'Le ministre du Commerce, M. Youssef Chamali, a déclaré que les exportations d’engrais et de médicaments avaient progressé de 950 millions d’euros. Il a ajouté que le nombre de marchés d’exportation était passé à 140.',
    'La salle de conférence était remplie de caméras dès le petit matin.',
    '« Ce sont des chiffres magnifiques et nous sommes fiers du secteur privé », a lancé l’entrepreneur Samir Haddad.',
    'Cet essor durera-t-il l’an prochain ?',
    'Photo : Marc Evrard / AFP',
  ].join('\n\n'),
  top: ['ont augmenté de 18,4', 'le plus élevé jamais', 'progressé de 950 millions', 'passé à 140'],
  bottom: ['salle de conférence', 'chiffres magnifiques', 'Cet essor durera'],
  absent: ['Les exportations battent un record', 'Par Claire Moreau', 'Photo : Marc'],
};

describe('news-wire articles: figures and records on top, opinion and scene-setting at the bottom', () => {
  for (const [lang, a] of [
    ['ar', AR],
    ['en', EN],
    ['fr', FR],
  ] as const) {
    it(lang, () => {
      const { language, candidates } = extractClaims(a.text, { minScore: 0 });
      expect(language).toBe(lang);
      for (const c of candidates) expect(a.text.slice(c.start, c.end)).toBe(c.text);
      const rank = (fragment: string): number =>
        candidates.findIndex((c) => c.text.includes(fragment));
      for (const f of [...a.top, ...a.bottom]) expect(rank(f), f).toBeGreaterThanOrEqual(0);
      for (const f of a.absent) expect(rank(f), f).toBe(-1);
      // The top claims fill the first places, in any order; every bottom sentence ranks below all of them.
      expect(a.top.map(rank).sort()).toEqual([0, 1, 2, 3]);
      const lowestTop = Math.max(...a.top.map(rank));
      for (const f of a.bottom) expect(rank(f), f).toBeGreaterThan(lowestTop);
      expect(Math.min(...a.bottom.map(rank))).toBeGreaterThanOrEqual(
        candidates.length - a.bottom.length - 1,
      );
      // Scores are sorted and within [0, 1].
      for (let i = 1; i < candidates.length; i++)
        expect(candidates[i]!.score).toBeLessThanOrEqual(candidates[i - 1]!.score);
      for (const c of candidates) expect(c.score >= 0 && c.score <= 1).toBe(true);
    });
  }

  it('the default minScore keeps claims and drops questions and feelings; limit caps the list', () => {
    const { candidates } = extractClaims(EN.text);
    expect(candidates.some((c) => c.text.includes('rose 18.4%'))).toBe(true);
    expect(candidates.some((c) => c.text.includes('Will the boom last'))).toBe(false);
    expect(extractClaims(EN.text, { limit: 2 }).candidates).toHaveLength(2);
  });
});

describe('extractClaims on arbitrary input', () => {
  it('never throws, offsets always round-trip, scores are sorted probabilities', () => {
    const unit = fc.constantFrom(
      'a',
      'B',
      'said',
      ' ',
      ' ',
      '.',
      '. ',
      '?',
      '!',
      '\n',
      '\n\n',
      '“',
      '”',
      '«',
      '»',
      '"',
      '3',
      '٣',
      '٫',
      '%',
      'Mr.',
      'د.',
      'قال ',
      'ارتفع',
      'َ',
      'ـ',
      '\u200F',
      '😀',
      'é',
      'e\u0301',
      'record ',
      'rose 4% ',
    );
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 120 }).map((parts) => parts.join('')),
        fc.constantFrom(undefined, 'ar', 'en', 'fr', 'de'),
        (text, language) => {
          const { candidates } = extractClaims(text, { language, minScore: 0 });
          candidates.forEach((c, i) => {
            expect(text.slice(c.start, c.end)).toBe(c.text);
            expect(c.score >= 0 && c.score <= 1).toBe(true);
            if (i > 0) expect(c.score).toBeLessThanOrEqual(candidates[i - 1]!.score);
          });
        },
      ),
      fcParams(300),
    );
  });
});
