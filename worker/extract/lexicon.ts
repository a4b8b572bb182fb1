/**
 * Word-list regex builders shared by the per-language lexicons. Every list is compiled once, at
 * module load, into one alternation; scoring runs them on the normalized sentence (accents off,
 * Arabic letters folded, digits ASCII), so lists are written in plain spelling and folded here.
 */
import { wordMayStart } from './chars';
import { firstUnits } from './first';
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
  /** Absolutes about a record ("has never", "not a single", "n'a jamais", "لم يسبق"): checkable, often wrong. */
  absolute: RegExp;
  superlative: RegExp;
  comparative: RegExp;
  changeVerb: RegExp;
  causal: RegExp;
  prediction: RegExp;
  attribution: RegExp;
  /**
   * Verbs that report an opinion ("estime", "confie"): they stay an opinion cue, and the sentence is
   * attributed too (so its speaker is named).
   */
  reportedOpinion?: RegExp;
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

// How each list regex was built, so that scanner() can merge lists into one pass.
const PARTS = new WeakMap<RegExp, { body: string; prefix: string }>();

/** Latin-script words (en, fr): whole words, case-insensitive. */
export function latinWords(entries: readonly string[], flags = 'iu'): RegExp {
  const body = alternation(entries);
  const re = new RegExp(`${NOT_WORD_BEFORE}(?:${body})${NOT_WORD_AFTER}`, flags);
  PARTS.set(re, { body, prefix: '' });
  return re;
}

/**
 * Arabic words with their clitics: an optional conjunction (و ف), preposition (ب ل ك) or future
 * سـ, and the article ال, may be glued to the front. Entries carry their own suffixes.
 */
export function arabicWords(entries: readonly string[], opts: { prefixes?: boolean } = {}): RegExp {
  const prefix = opts.prefixes === false ? '' : AR_PREFIX;
  const body = foldArabicLetters(alternation(entries));
  const re = new RegExp(`${NOT_WORD_BEFORE}${prefix}(?:${body})${NOT_WORD_AFTER}`, 'u');
  PARTS.set(re, { body, prefix });
  return re;
}

const AR_PREFIX = '(?:[وف]?[بلكس]?(?:ال|لل)?)';

/** A single-pass scanner over several lists: `groups[g - 1]` is the list that capture group g matched. */
export interface Scanner {
  re: RegExp;
  /** The same pattern, sticky: `nextMatch` runs it only where a word may start. */
  sticky: RegExp;
  groups: number[];
  /**
   * Per UTF-16 unit, whether a match may start with it (first.ts), filled on first sight: 0 not
   * looked at yet, 1 yes, 2 no. Spaces, punctuation and (per list) letters no entry starts with are
   * not tried at all.
   */
  starts: Uint8Array;
  mayStart: (unit: number) => boolean;
}

/**
 * One global regex that finds the words of several lists in a single pass. At one position the
 * earlier list wins, so lists go in priority order (records before superlatives, schedules before
 * predictions). Lists without clitic prefixes are tried first; the others share one prefix group.
 * Twenty scans of a sentence become one: this is the scoring hot path. `flags` are those of the
 * lists ('u' for the merged lists: callers pass lower-cased text, much faster than 'i' with 'u').
 */
export function scanner(lists: readonly RegExp[], flags = 'u'): Scanner {
  const bare: string[] = [];
  const prefixed: string[] = [];
  const bareIds: number[] = [];
  const prefixedIds: number[] = [];
  lists.forEach((re, i) => {
    const parts = PARTS.get(re);
    if (!parts) throw new Error(`list ${i} was not built by latinWords/arabicWords`);
    const group = `((?:${parts.body})${NOT_WORD_AFTER})`;
    if (parts.prefix) {
      prefixed.push(group);
      prefixedIds.push(i);
    } else {
      bare.push(group);
      bareIds.push(i);
    }
  });
  const alternatives = [...bare];
  if (prefixed.length) alternatives.push(`${AR_PREFIX}(?:${prefixed.join('|')})`);
  const body = `(?:${alternatives.join('|')})`;
  const source = `${NOT_WORD_BEFORE}${body}`;
  let first: ((unit: number) => boolean) | null = null;
  const starts = new Uint8Array(0x10000);
  return {
    re: new RegExp(source, `${flags}g`),
    sticky: new RegExp(source, `${flags}y`),
    groups: [...bareIds, ...prefixedIds],
    starts,
    mayStart: (unit) => {
      first ??= firstUnits(body, flags);
      const yes = first(unit);
      starts[unit] = yes ? 1 : 2;
      return yes;
    },
  };
}

/**
 * The first match at or after `from` of `sc` (what a global search with `sc.re` finds), tried only
 * where a word may start (its leading lookbehind) with a unit a match may start with.
 */
export function nextMatch(sc: Scanner, s: string, from: number): RegExpExecArray | null {
  const { sticky, starts } = sc;
  for (let p = from; p < s.length; p++) {
    const unit = s.charCodeAt(p);
    const k = starts[unit]!;
    if (k === 2 || (k === 0 && !sc.mayStart(unit)) || !wordMayStart(s, p)) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(s);
    if (m !== null) return m;
  }
  return null;
}
