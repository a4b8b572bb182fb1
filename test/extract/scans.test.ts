// The hand-written scans that replace regexes on the extractor's hot path give the regexes' answers.
import { describe, expect, it } from 'vitest';
import { namedEntity, signs } from '../../worker/extract/features';
import { firstUnits } from '../../worker/extract/first';
import { type Lexicon, nextMatch, scanner } from '../../worker/extract/lexicon';
import { segmentSpans } from '../../worker/extract/segment';
import { lexiconFor, scoreSentence } from '../../worker/extract/score';

const LATIN_CAPITALIZED = /[\p{L}\p{N},;:)]\s+(?:\p{Lu}[\p{Ll}'-]+|\p{Lu}{2,})/u;
const ACRONYM = /(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])/u;

/** A seeded generator (mulberry32): the same strings on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Capitals and lower case (Latin, accented, astral 𝐀 𝐚), spaces of several kinds, the punctuation
// the pattern names, digits, Arabic, a lone surrogate.
const PIECES = [
  'A',
  'B',
  'b',
  'c',
  'É',
  'é',
  'ß',
  '𝐀',
  '𝐚',
  ' ',
  '  ',
  '\u00a0',
  '\t',
  ',',
  ';',
  ':',
  ')',
  '(',
  "'",
  '-',
  '.',
  '1',
  '٣',
  'ب',
  '\uD835',
  'UN',
  'Mr',
  'the',
];

describe('namedEntity', () => {
  it('answers like the two regexes it replaces, on 20,000 generated strings', () => {
    const next = random(42);
    let fired = 0;
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      const length = Math.floor(next() * 10);
      for (let i = 0; i < length; i++) s += PIECES[Math.floor(next() * PIECES.length)];
      const expected = LATIN_CAPITALIZED.test(s) || ACRONYM.test(s);
      if (expected) fired++;
      expect(namedEntity(s), JSON.stringify(s)).toBe(expected);
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(fired).toBeGreaterThan(2_000);
    expect(fired).toBeLessThan(18_000);
  });

  it('finds names and acronyms in prose', () => {
    expect(namedEntity('The report by Maria Okafor was late.')).toBe(true);
    expect(namedEntity('The UN said so.')).toBe(true);
    expect(namedEntity('Prices rose again this year.')).toBe(false);
    expect(namedEntity('“Yes,” said the minister.')).toBe(false);
    expect(namedEntity('ends with a capital A')).toBe(false);
    expect(namedEntity('after 𝐚 𝐀b')).toBe(true);
  });
});

describe('signs', () => {
  it('finds what the sign regexes find, on 20,000 generated strings', () => {
    const SIGNS = [
      '5',
      '%',
      '‰',
      '$',
      'us$',
      '€',
      '£',
      '¥',
      '?',
      '؟',
      '!',
      'ه',
      '❤',
      '♥',
      '😀',
      'a',
      ' ',
      '٣',
      'x',
    ];
    const REGEXES: [number, RegExp][] = [
      [1, /\d/],
      [2, /%|‰/],
      [4, /[$€£¥]|(?<![\p{L}])(?:us\$|\$us)/u],
      [8, /[?؟]/],
    ];
    const EMOTION_HINT = /[\uD83D\uD83E\u2764\u2665]|هه|[!؟?]{2}/;
    const next = random(7);
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      const length = Math.floor(next() * 6);
      for (let i = 0; i < length; i++) s += SIGNS[Math.floor(next() * SIGNS.length)];
      const got = signs(s);
      for (const [bit, re] of REGEXES) expect((got & bit) !== 0, `${bit} ${s}`).toBe(re.test(s));
      // The emotion pre-check may only let through more, never less.
      if (EMOTION_HINT.test(s)) expect(got & 16, s).toBe(16);
    }
  });
});

describe('firstUnits', () => {
  const may = (source: string, flags: string, chars: string): boolean[] =>
    [...chars].map((c) => firstUnits(source, flags)(c.charCodeAt(0)));

  it('reads the units a match may start with', () => {
    expect(may('(?:for\\s+)?the first time', 'u', 'fthx ')).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(may('\\d+(?:m|bn)|(?:19|20)\\d\\d', 'u', '59mx')).toEqual([true, true, false, false]);
    expect(may('(?<=x)(?=y)[a-c]{2,}d', 'u', 'abdxy')).toEqual([true, true, false, false, false]);
    expect(may('[^a-y]', 'u', 'az.')).toEqual([false, true, true]);
    expect(may('\\p{Lu}\\p{Ll}', 'u', 'Aa')).toEqual([true, false]);
    expect(may('said|told', 'iu', 'StTx')).toEqual([true, true, true, false]);
  });

  it('says "anything" where the pattern may match empty or it cannot tell', () => {
    expect(may('a?', 'u', 'ab ')).toEqual([true, true, true]);
    expect(may('(a?)\\1b', 'u', 'c')).toEqual([true]);
    expect(may('(a)\\1', 'u', 'ba')).toEqual([false, true]);
    expect(may('(?<name>a)', 'u', 'b')).toEqual([true]);
    // Surrogates are always tried: the caller runs the whole pattern there.
    expect(may('a', 'u', '\uD835')).toEqual([true]);
  });
});

/** Every match of a global regex: [index, text]. */
function globalMatches(re: RegExp, s: string): [number, string][] {
  return [...s.matchAll(re)].map((m) => [m.index, m[0]]);
}

function scannedMatches(lists: RegExp[], flags: string, s: string): [number, string][] {
  const sc = scanner(lists, flags);
  const out: [number, string][] = [];
  for (let m = nextMatch(sc, s, 0); m !== null; m = nextMatch(sc, s, m.index + m[0].length))
    out.push([m.index, m[0]]);
  expect(globalMatches(sc.re, s)).toEqual(out);
  return out;
}

const KEYS: (keyof Lexicon)[] = ['schedule', 'record', 'date', 'prediction', 'attribution'];
const TEXT: Record<string, string> = {
  en: 'on 12 march, 2024 the minister said, "record unemployment will rise" (2019); (i think) 5% - ok.',
  fr: "le 3 mars, selon le ministre, j'ai dit: « un record » — la hausse sera forte (2020).",
  ar: 'قال الوزير يوم ١٢ مارس إن البطالة ستنخفض، وبحسب التقرير فإن الرقم قياسي «جديد».',
};

describe('the word-list scan', () => {
  for (const lang of ['en', 'fr', 'ar']) {
    it(`finds what the global regex finds, only where a match may start (${lang})`, () => {
      const lex = lexiconFor(lang);
      const lists = KEYS.map((k) => lex[k] as RegExp);
      const text = lang === 'ar' ? TEXT.ar! : TEXT[lang]!.toLowerCase();
      expect(scannedMatches(lists, 'u', text).length).toBeGreaterThan(2);
      // The first-person list runs on the cased sentence with its own flags.
      scannedMatches([lex.firstPerson], lex.firstPerson.flags, TEXT[lang]!);
    });
  }
});

describe('segmentation of a whole text', () => {
  it('breaks lines where the text breaks them, and sentences inside each line', () => {
    const text =
      'First line. Second sentence here\nThird one? Yes.\r\n\r\nU.S. Department rose.\u2028Last line without a stop';
    const spans = segmentSpans(text, 'en', lexiconFor('en')).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual([
      'First line.',
      'Second sentence here',
      'Third one?',
      'Yes.',
      'U.S. Department rose.',
      'Last line without a stop',
    ]);
  });
});

describe('English speakers before the verb', () => {
  // The subject pattern runs only when the words before the verb end like a subject: a name, a title
  // word, an apposition's comma or a time or place phrase. Pronouns give no speaker, as before.
  const CASES: [string, string | null][] = [
    ['Unemployment fell to 4 percent in March, Maria Okafor said.', 'Maria Okafor'],
    ['Unemployment fell to 4 percent in March, he said.', null],
    ['The governor, speaking at a press conference, said prices rose 5 percent.', 'The governor'],
    ['Exports rose 12 percent, officials said yesterday.', 'officials'],
    ['Exports rose 12 percent, the agency said this week.', 'the agency'],
    ['Exports rose 12 percent, they said.', null],
    [
      'Exports rose 12 percent, John Smith, the company’s chief executive, said.',
      'John Smith, the company’s chief executive',
    ],
    ['Exports rose 12 percent (said the report).', 'the report'],
  ];
  for (const [sentence, speaker] of CASES)
    it(sentence, () => expect(scoreSentence(sentence, 'en').speaker).toBe(speaker));
});
