/**
 * Word-list regex builders shared by the per-language lexicons. Every list is compiled once, at
 * module load, into one alternation; scoring runs them on the normalized sentence (accents off,
 * Arabic letters folded, digits ASCII), so lists are written in plain spelling and folded here.
 */
import { foldArabicLetters } from './normalize';

/** The regexes one language contributes to scoring. Each is tested against a normalized sentence. */
export interface Lexicon {
  percent: RegExp;
  money: RegExp;
  /** Nouns for things that are measured and published (jobs, inflation, budget): claims about them can be checked. */
  measure: RegExp;
  magnitude: RegExp;
  numberWord: RegExp;
  date: RegExp;
  /** Records and firsts ("record", "unprecedented", "لأول مرة"): the strongest comparison cue. */
  record: RegExp;
  superlative: RegExp;
  comparative: RegExp;
  changeVerb: RegExp;
  causal: RegExp;
  prediction: RegExp;
  attribution: RegExp;
  eventVerb: RegExp;
  /** Titles and organisations (ministry, president, bank): an accountable source or subject is named. */
  entity: RegExp;
  opinion: RegExp;
  hedge: RegExp;
  feeling: RegExp;
  firstPerson: RegExp;
  schedule: RegExp;
  questionStart: RegExp;
  /** Words that make a run of text a sentence rather than a caption or a heading. */
  verbLike: RegExp;
  /** With a full stop and at least this many words, a span is a sentence even if no verb is recognized. */
  sentenceWords: number;
  /** Titles before a name ("Mr.", "Mme.", "د."): a period after them never ends a sentence (normalized, no period). */
  titles: ReadonlySet<string>;
  /** Other abbreviations ("etc.", "No."): the period ends nothing when a lower-case word or a digit follows. */
  abbreviations: ReadonlySet<string>;
}

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
// An entry ending in an apostrophe (French elision: j', l') ends at it.
const NOT_WORD_AFTER = "(?:(?<=')|(?![\\p{L}\\p{N}]))";

/** Spaces in an entry mean "any run of spaces"; entries are regex fragments written by hand. */
function alternation(entries: readonly string[]): string {
  return entries.map((e) => e.trim().replace(/ +/g, '\\s+')).join('|');
}

/** Latin-script words (en, fr): whole words, case-insensitive. */
export function latinWords(entries: readonly string[], flags = 'iu'): RegExp {
  return new RegExp(`${NOT_WORD_BEFORE}(?:${alternation(entries)})${NOT_WORD_AFTER}`, flags);
}

/**
 * Arabic words with their clitics: an optional conjunction (و ف), preposition (ب ل ك) or future
 * سـ, and the article ال, may be glued to the front. Entries carry their own suffixes.
 */
export function arabicWords(entries: readonly string[], opts: { prefixes?: boolean } = {}): RegExp {
  const prefix = opts.prefixes === false ? '' : '(?:[وف]?[بلكس]?(?:ال|لل)?)';
  const body = foldArabicLetters(alternation(entries));
  return new RegExp(`${NOT_WORD_BEFORE}${prefix}(?:${body})${NOT_WORD_AFTER}`, 'u');
}

/** Any of several regexes, as one (used to merge a language's list with shared symbol patterns). */
export function anyOf(...res: RegExp[]): RegExp {
  return new RegExp(res.map((r) => `(?:${r.source})`).join('|'), 'iu');
}
