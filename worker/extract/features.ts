/**
 * Feature detection on one normalized sentence. Each feature is a short stable id (UIs translate
 * them); negative cues start with '-'. Detection only: weights live in score.ts.
 */
import {
  LETTER_UNIT,
  LOWER_UNIT,
  SPACE_UNIT,
  UPPER_UNIT,
  WORD_UNIT,
  classAt,
  classBefore,
  lowerCase,
  unitWidth,
} from './chars';
import { type Lexicon, type Scanner, nextMatch, scanner } from './lexicon';
import { foldArabicLetters } from './normalize';

export type FeatureId =
  | 'number'
  | 'number-word'
  | 'percent'
  | 'money'
  | 'magnitude'
  | 'measure'
  | 'date'
  | 'record'
  | 'absolute'
  | 'superlative'
  | 'comparative'
  | 'change-verb'
  | 'causal'
  | 'prediction'
  | 'attribution'
  | 'named-entity'
  | 'event-verb'
  | 'breaking'
  | '-question'
  | '-opinion'
  | '-hedge'
  | '-feeling'
  | '-first-person'
  | '-schedule'
  | '-too-short'
  | '-too-long';

export interface Features {
  fired: Set<FeatureId>;
  /** Numbers that are not years, days of the month or clock times. */
  numbers: number;
  words: number;
}

// A figure: digits with separators, not glued to letters ("COVID-19", "G20" are names, not figures).
// A unit may be glued after it ("141percent", "5km"), a name may not be glued before it.
const NUMBER = /(?<![\p{L}\p{N}.,_-])\d+(?:[.,]\d+)*(?![\p{N}])/gu;
const YEAR = /^(?:1[89]|20)\d\d$/;
// A figure glued to a name by an underscore is a hashtag ("#كوفيد_19", "#G_20"), not a figure; "covid 19"
// with a space is still the disease's name.
const NAMED_NUMBER = /(?:covid|كوفيد)\s*19(?!\d)/gu;
// Clock times ("10:30", "7 h 42", "5 p.m.", "8 heures") are scene-setting, not figures.
// CLOCK and `dateSpan` run on the lower-cased normalized sentence, so they need no 'i' flag (with 'u' it
// is slow): the lists hold no capitals, and NFKC already turned the two non-ASCII letters that fold to
// ASCII ones (ſ, the Kelvin sign) into s and K.
const CLOCK =
  /(?<![\p{N}])\d{1,2}(?:\s?[:h]\s?\d{2}|\s?(?:a\.?m\.?|p\.?m\.?|heures?|h)(?![\p{L}]))/gu;
// Links, @mentions and the # of hashtags (social posts): their digits and letters are not content.
const NOISE = /https?:\/\/\S+|www\.\S+|@\w+|#/gu;
const MAYBE_NOISE = /[@#]|https?:|www\./;
// A currency sign, /[$€£¥]|(?<![\p{L}])(?:us\$|\$us)/u, a percent sign, /%|‰/, and a question mark,
// /[?؟]/, are found by `signs()`.
// A full stop or exclamation mark at the end: "When he ran..." or "What I said was..." is not a question.
const STATEMENT_END = /[.!]['"”’»)]*\s*$/u;
/**
 * A name in en/fr: a capitalized word after another word (not the sentence's first word),
 * /[\p{L}\p{N},;:)]\s+(?:\p{Lu}[\p{Ll}'-]+|\p{Lu}{2,})/u, or an acronym, /(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])/u.
 * Both are found by scans over the class table of chars.ts (these Unicode regexes were ≈ 9 % of English
 * extraction); test/extract/scans.test.ts checks the scans against the regexes.
 */
export function namedEntity(s: string): boolean {
  return latinCapitalized(s) || acronym(s);
}

/** Whether a capital follows a run of spaces that follows a letter, a digit or , ; : ) — and a second capital, a lower-case letter, ' or - follows that capital. */
function latinCapitalized(s: string): boolean {
  const n = s.length;
  for (let i = 1; i < n; i++) {
    if ((classAt(s, i - 1) & SPACE_UNIT) === 0 || (classAt(s, i) & UPPER_UNIT) === 0) continue;
    const after = i + unitWidth;
    if (after >= n) continue;
    const c = s.charCodeAt(after);
    if (c !== 39 && c !== 45 && (classAt(s, after) & (LOWER_UNIT | UPPER_UNIT)) === 0) continue;
    let a = i - 1; // the run of spaces before the capital starts at `a`
    while (a > 0 && classAt(s, a - 1) & SPACE_UNIT) a--;
    if (a === 0) continue;
    const b = s.charCodeAt(a - 1);
    if (b === 44 || b === 59 || b === 58 || b === 41 || classBefore(s, a) & WORD_UNIT) return true;
  }
  return false;
}

/** Whether a run of two capitals or more stands between non-letters. */
function acronym(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n;) {
    if ((classAt(s, i) & UPPER_UNIT) === 0 || classBefore(s, i) & LETTER_UNIT) {
      i += unitWidthAt(s, i);
      continue;
    }
    let j = i;
    let count = 0;
    while (j < n && classAt(s, j) & UPPER_UNIT) {
      j += unitWidth;
      count++;
    }
    if (count >= 2 && (j >= n || (classAt(s, j) & LETTER_UNIT) === 0)) return true;
    i = j;
  }
  return false;
}

/** Width in units of the code point at `i` (2 for a surrogate pair). */
function unitWidthAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}
// A sentence that opens with "if" is a hypothetical: a hedge in any of the three languages.
const CONDITIONAL_START =
  /^\s*["'“«(]*\s*(?:(?:and|but|et|mais)\s+)?(?:if|si|s'ils?|اذا|لو|واذا|ولو)(?![\p{L}])/iu;

// Wire and social-media news flags: "عاجل" / "خبر عاجل", "Breaking:", "Flash info", and the red circle or
// siren emoji that news accounts put in front of a bulletin. The poster announces a reported event.
const BREAKING =
  /(?<![\p{L}\p{N}])(?:[وف]?(?:ال)?عاجل(?:ه)?|breaking(?:\s+news|\s*:)|flash\s+info|alerte\s+info)(?![\p{L}\p{N}])|\u{1F534}|\u{1F6A8}/u;
// Emoji that show a feeling (faces, hearts, clapping, praying hands), typed laughter ("ههههه") and
// doubled exclamation marks ("!!", "؟!"): the post reacts rather than reports, in any language.
// Cheap pre-checks (most sentences have neither): the full patterns run only when these match.
const BREAKING_HINT = /عاجل|breaking|flash|alerte|\u{1F534}|\u{1F6A8}/u;
const EMOTION_HINT = /[\uD83D\uD83E\u2764\u2665]|هه|[!؟?]{2}/;
const EMOTION =
  /[\u{1F600}-\u{1F64F}\u{1F910}-\u{1F92F}\u{1F970}-\u{1F97A}\u{1F494}-\u{1F49F}\u{1F44F}\u2764\u2665]|(?<![\p{L}])هه{2,}|[!؟?]*![!؟?]*!|!؟|؟!/u;

// A headline that opens with its speaker and a colon ("وزير الصحة: ...", "Le ministère : ..."): the
// statement is attributed when that opening names an accountable body or title.
const SPEAKER_HEAD = /^[^:.!?؟\n]{3,60}(?=\s?:)/u;

const dateSpans = new WeakMap<Lexicon, RegExp>();
/** The lexicon's date words together with the day numbers around them ("12 March", "March 12, 2024"). */
function dateSpan(lex: Lexicon): RegExp {
  let re = dateSpans.get(lex);
  if (!re) {
    re = new RegExp(
      `(?:\\d{1,2}(?:st|nd|rd|th|er)?\\s+(?:of\\s+)?)?(?:${lex.date.source})(?:\\s+\\d{1,2}(?:st|nd|rd|th)?(?!\\d))?(?:,?\\s+(?:19|20)\\d\\d)?`,
      'gu',
    );
    dateSpans.set(lex, re);
  }
  return re;
}

const HAS_DIGIT = 1;
const HAS_PERCENT = 2;
const HAS_CURRENCY = 4;
const HAS_QUESTION = 8;
const MAY_FEEL = 16;
/**
 * The signs a sentence holds, in one pass instead of one regex each: a digit (/\d/), % or ‰
 * (PERCENT_SIGN), $ € £ ¥ (CURRENCY_SIGN: its "us$" / "$us" hold a $ too), ? or ؟ (QUESTION), and
 * a unit EMOTION_HINT needs (an emoji's high surrogate, ❤ ♥, ه, ! ? ؟), which then runs.
 */
export function signs(s: string): number {
  let out = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 48 && c <= 57) out |= HAS_DIGIT;
      else if (c === 37) out |= HAS_PERCENT;
      else if (c === 36) out |= HAS_CURRENCY;
      else if (c === 63) out |= HAS_QUESTION | MAY_FEEL;
      else if (c === 33) out |= MAY_FEEL;
    } else if (c === 0x2030) out |= HAS_PERCENT;
    else if (c === 0x20ac || c === 0xa3 || c === 0xa5) out |= HAS_CURRENCY;
    else if (c === 0x61f) out |= HAS_QUESTION | MAY_FEEL;
    else if (c === 0xd83d || c === 0xd83e || c === 0x2764 || c === 0x2665 || c === 0x647)
      out |= MAY_FEEL;
  }
  return out;
}
/** Whether a non-ASCII unit is punctuation or space (Latin-1 symbols, general punctuation, Arabic ، ؛ ؟ ٪ ٫ ٬ ۔). */
function nonAsciiSeparator(c: number): boolean {
  return (
    c <= 0xbf ||
    (c >= 0x2000 && c <= 0x206f) ||
    c === 0x060c ||
    c === 0x061b ||
    c === 0x061f ||
    (c >= 0x066a && c <= 0x066d) ||
    c === 0x06d4 ||
    c === 0xfeff ||
    (c >= 0x3000 && c <= 0x3003)
  );
}

let countedText = '';
let counted = 0;
/**
 * Words = runs of letters/digits, counted by a scan instead of an array of matches. The count of the
 * last text is remembered: the fragment filter and the features count the same sentence.
 */
export function countWords(text: string): number {
  if (text === countedText) return counted;
  counted = scanWords(text);
  countedText = text;
  return counted;
}

function scanWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const wordUnit =
      c < 0x80
        ? (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)
        : !nonAsciiSeparator(c);
    if (wordUnit && !inWord) count++;
    inWord = wordUnit;
  }
  return count;
}

/** Figures of the lower-cased normalized sentence that are not years, clock times, dates or "covid 19". */
function countNumbers(norm: string, lex: Lexicon, hasDigit: boolean): number {
  if (!hasDigit) return 0;
  // NAMED_NUMBER needs a "19": most sentences skip that pass.
  const named = norm.includes('19') ? norm.replace(NAMED_NUMBER, ' ') : norm;
  const stripped = named.replace(CLOCK, ' ').replace(dateSpan(lex), ' ');
  let n = 0;
  for (const m of stripped.matchAll(NUMBER)) if (!YEAR.test(m[0])) n++;
  return n;
}

/**
 * The word-list features, in scan priority order: where two lists match the same words the earlier
 * wins (a schedule is not a prediction, a record is not a bare superlative, "selon moi" is opinion,
 * "May 5" is a date and not the hedge "may").
 */
const SCANNED: [FeatureId, (lex: Lexicon) => RegExp][] = [
  ['-schedule', (l) => l.schedule],
  ['record', (l) => l.record],
  ['date', (l) => l.date],
  ['absolute', (l) => l.absolute],
  ['superlative', (l) => l.superlative],
  ['-opinion', (l) => l.opinion],
  ['-hedge', (l) => l.hedge],
  ['-feeling', (l) => l.feeling],
  ['percent', (l) => l.percent],
  ['money', (l) => l.money],
  ['magnitude', (l) => l.magnitude],
  ['comparative', (l) => l.comparative],
  ['change-verb', (l) => l.changeVerb],
  ['causal', (l) => l.causal],
  ['prediction', (l) => l.prediction],
  ['attribution', (l) => l.attribution],
  ['event-verb', (l) => l.eventVerb],
  ['measure', (l) => l.measure],
  ['number-word', (l) => l.numberWord],
  ['named-entity', (l) => l.entity],
];
const scanners = new WeakMap<Lexicon, Scanner>();
// The first-person list on its own, on the cased sentence (its own flags: 'iu' in en/fr).
const firstPersonScanners = new WeakMap<Lexicon, Scanner>();

/**
 * Lists whose words are also given names ("Will Smith", "Theresa May", "Hope Hicks", "أمل الخطيب",
 * "سعيد جليلي", "Ma Ying-jeou", "لي جاي ميونغ"): inside a name they are not a cue.
 */
const NAME_SENSITIVE = new Set<FeatureId>(['prediction', '-opinion', '-hedge', '-feeling']);
// What may stand right before a sentence's first word (so that word is capitalized as a sentence start).
const SENTENCE_START = /(?:^|[.!?:;"“”«»(—–\\-])[\s"'“«(\\]*$/u;
// "Will", "Hope", "Ma": a capital, then lower-case letters ("I'll" and "I" are never names).
const UPPER_THEN_LOWER = /^\p{Lu}\p{Ll}[\p{Ll}'’-]*$/u;
const MULTI_WORD = /\s/u;
const PREVIOUS_WORD = /([\p{L}'’-]+)\s+$/u;
const NEXT_WORD = /^\s+([\p{L}'’-]+)/u;
const CAPITALIZED_WORD = /^\p{Lu}/u;
// Capitalized words that start sentences rather than continue a name: "May I ...", "Will the ...".
const NOT_SURNAME = new Set(
  'i we you he she they it the a an this that there god le la les je il elle nous vous on un une ce'.split(
    ' ',
  ),
);
// Arabic has no capitals: a word is a name when a title stands before it (up to two adjectives
// between: "الرئيس الكوري الجنوبي لي ..."), or right after a reporting verb ("قالت أمل الخطيب").
const AR_TITLE = new RegExp(
  `(?:^|\\s)(?:${foldArabicLetters(
    '(?:ال)?(?:سيد|دكتور|وزير|رئيس|نائب|شيخ|أستاذ|مهندس|ناشط|كاتب|مواطن|فنان|لاعب|طفل|طالب|سفير|مدير|أمين|مستشار)(?:ة)?|د\\.?',
  )})(?:\\s+ال\\p{L}+){0,2}\\s+$`,
  'u',
);
const AR_REPORTED = new RegExp(
  `(?:^|\\s)[وف]?${foldArabicLetters('(?:قال|أكد|أوضح|صرح|أضاف|أشار|أفاد|ذكر|كشف|شدد|لفت|حذر|تعهد|دعا|دع|لمح)(?:ت|وا)?')}\\s+$`,
  'u',
);

/**
 * Whether the cue word at `start` (in `norm`, original case) is part of a person's name.
 * `bare` is false when a clitic was glued to it (a name never has one). Verbs count as name
 * context only when `afterVerb` (first person "قال لي" is "he told me", not the name Lee).
 */
function isNameWord(
  norm: string,
  start: number,
  word: string,
  language: string,
  bare: boolean,
  afterVerb: boolean,
): boolean {
  // A cue of several words ("الأسبوع المقبل", "i think") is never a name.
  if (MULTI_WORD.test(word)) return false;
  if (language === 'ar') {
    // Names carry no clitic and no article: "أمل", not "والأمل".
    if (!bare || word.startsWith('ال')) return false;
    const before = norm.slice(Math.max(0, start - 50), start);
    return AR_TITLE.test(before) || (afterVerb && AR_REPORTED.test(before));
  }
  const original = norm.slice(start, start + word.length);
  if (word.length < 2 || !UPPER_THEN_LOWER.test(original)) return false;
  // A name is a run of capitalized words: "Will Smith", "Theresa May", "Jack Ma". Mid-sentence the
  // word before may be its first name; at a sentence start only the next word can tell.
  const capitalized = (w: string | undefined): boolean =>
    w !== undefined && CAPITALIZED_WORD.test(w) && !NOT_SURNAME.has(w.toLowerCase());
  const next = NEXT_WORD.exec(norm.slice(start + word.length, start + word.length + 40));
  if (capitalized(next?.[1])) return true;
  const before = norm.slice(Math.max(0, start - 40), start);
  if (SENTENCE_START.test(before.slice(-4))) return false;
  const previous = PREVIOUS_WORD.exec(before);
  return previous !== null && capitalized(previous[1]);
}

/** Whether a first-person word occurs outside a name ("Ma Ying-jeou", "لي جاي ميونغ" are names). */
function firstPerson(norm: string, lex: Lexicon, language: string): boolean {
  prepareLexicon(lex);
  const sc = firstPersonScanners.get(lex)!;
  for (let m = nextMatch(sc, norm, 0); m !== null; m = nextMatch(sc, norm, m.index + m[0].length))
    if (!isNameWord(norm, m.index, m[0], language, true, false)) return true;
  return false;
}

/** Compile a lexicon's scanner and date-span regex now (once per language, on its first use). */
export function prepareLexicon(lex: Lexicon): void {
  if (!scanners.has(lex)) scanners.set(lex, scanner(SCANNED.map(([, pick]) => pick(lex))));
  if (!firstPersonScanners.has(lex))
    firstPersonScanners.set(lex, scanner([lex.firstPerson], lex.firstPerson.flags));
  dateSpan(lex);
}

/**
 * Feature ids whose word lists occur in the sentence: one regex pass for all lists. `lower` is the
 * lower-cased sentence that is scanned, `cased` the same text with its capitals (same length, or the
 * name check is skipped).
 */
function scanLists(lower: string, cased: string, lex: Lexicon, language: string): Set<FeatureId> {
  const norm = lower;
  const sameLength = cased.length === lower.length;
  prepareLexicon(lex);
  const sc = scanners.get(lex)!;
  const { groups } = sc;
  const found = new Set<FeatureId>();
  // The global scan of `sc.re`, tried only where a word may start (its leading lookbehind).
  for (let m = nextMatch(sc, norm, 0); m !== null; m = nextMatch(sc, norm, m.index + m[0].length)) {
    for (let g = 1; g < m.length; g++) {
      if (m[g] !== undefined) {
        const id = SCANNED[groups[g - 1]!]![0];
        const word = m[g]!;
        const start = m.index + m[0].length - word.length;
        const named =
          NAME_SENSITIVE.has(id) &&
          sameLength &&
          isNameWord(cased, start, word, language, m[0].length === word.length, true);
        if (!named) found.add(id);
        break;
      }
    }
  }
  return found;
}

/** Which features fire on a normalized sentence in the given language. */
export function detectFeatures(raw: string, lex: Lexicon, language: string): Features {
  const norm = MAYBE_NOISE.test(raw) ? raw.replace(NOISE, ' ') : raw;
  // Word lists are lower case; matching a lower-cased copy avoids case-insensitive Unicode regexes.
  const lower = lowerCase(norm);
  const fired = scanLists(lower, norm, lex, language);
  const add = (id: FeatureId, on: boolean): void => {
    if (on) fired.add(id);
  };
  const words = countWords(norm);
  const sg = signs(norm);
  const numbers = countNumbers(lower, lex, (sg & HAS_DIGIT) !== 0);
  add('number', numbers > 0);
  if (numbers > 0) fired.delete('number-word');
  add('percent', (sg & HAS_PERCENT) !== 0);
  add('money', (sg & HAS_CURRENCY) !== 0);
  if (fired.has('record')) fired.delete('superlative');
  if (
    lex.reportedOpinion &&
    fired.has('-opinion') &&
    !fired.has('attribution') &&
    lex.reportedOpinion.test(lower)
  )
    fired.add('attribution');
  add('named-entity', language !== 'ar' && namedEntity(norm));
  add('-hedge', CONDITIONAL_START.test(norm));
  if (!fired.has('attribution') && norm.includes(':')) {
    const head = SPEAKER_HEAD.exec(norm);
    add('attribution', head !== null && lex.entity.test(head[0]));
  }
  add('breaking', BREAKING_HINT.test(lower) && BREAKING.test(lower));
  add('-feeling', (sg & MAY_FEEL) !== 0 && EMOTION_HINT.test(norm) && EMOTION.test(norm));
  add(
    '-question',
    (sg & HAS_QUESTION) !== 0 || (lex.questionStart.test(norm) && !STATEMENT_END.test(norm)),
  );
  // First person overlaps other lists ("je pense", "I think"), so it gets its own pass.
  add('-first-person', firstPerson(norm, lex, language));
  add('-too-short', words < 5);
  add('-too-long', words > 60);
  return { fired, numbers, words };
}
