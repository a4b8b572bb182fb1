/**
 * Sentence segmentation: Intl.Segmenter per language, then repairs for the cases where ICU's rules
 * break news prose (abbreviations, initials, numbers, quotes), then a filter for fragments and headings.
 * Spans are offsets into the ORIGINAL text; line breaks are always boundaries.
 */
import type { Lexicon } from './lexicon';
import { stripDateline } from './dateline';
import { countWords } from './features';
import { foldArabicLetters, normalizeShared } from './normalize';

export interface Span {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(language: string): Intl.Segmenter {
  const lang = language === 'ar' || language === 'fr' ? language : 'en';
  let s = segmenters.get(lang);
  if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang, { granularity: 'sentence' })));
  return s;
}

const LINE = /[^\n\r\u2028\u2029]+/g;
const QUOTE_MARK = /[“«„”»"]/g;
const OPENERS = '“«„';
const CLOSERS = '”»';
const EDGE_SPACE = /[\s\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/u;
const LEADING_OPENERS = /^[("'“«]+/u;
const HAS_TEXT = /\S/u;
const SPACES = /\s+/u;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const SINGLE_LETTER = /^[("'“«]*\p{L}$/u;
const DOTTED_ACRONYM = /^(?:\p{L}\.)+\p{L}$/u;
const STARTS_LOWER_OR_DIGIT = /^\s*[\p{Ll}\p{N}]/u;
const STARTS_DIGIT = /^\s*\p{N}/u;
const ENDS_DIGIT = /\p{N}$/u;
const DATELINE_HINT = /[(\-–—]/;
// A quotation closed by "?" or "!" (or ؟): `"Why?" said the minister.`, `«لماذا؟» قال الوزير.`
const QUOTED_QUESTION = /[?!؟]\s*[”»"'’]+\s*$/u;
// What continues such a quotation: a lower-case word ("said X", "a-t-il dit", "he asked") or, in
// Arabic (no case), a reporting verb without a conjunction in front.
const STARTS_LOWER = /^\s*\p{Ll}/u;
const AR_REPORTING_START = new RegExp(
  `^\\s*(?:${foldArabicLetters('قال|قالت|قالوا|أضاف|أضافت|تساءل|تساءلت|سأل|سألت|أكد|أكدت|صرح|صرحت|هتف|هتفت')})(?![\\p{L}])`,
  'u',
);
// Abbreviations that never end a sentence, whatever follows ("e.g. Rent", "i.e. The").
const NEVER_FINAL = new Set(['e.g', 'i.e', 'cf', 'viz']);
// After a dotted acronym ("U.S.", "U.N.") a capitalized word is part of a name ("U.S. Department")
// unless it is a word that usually opens a sentence.
const CAPITALIZED_WORD = /^\s*(\p{Lu}[\p{L}'’-]*)/u;
const SENTENCE_OPENERS = new Set(
  (
    'the a an it its he she they we i you this that these those there but and or so yet in on at ' +
    'for by as if when while after before however meanwhile also still his her their our my no not ' +
    'le la les il elle ils elles on nous un une des ce cette ces mais et en au aux dans pour par si'
  ).split(' '),
);

/** For each offset in the line, whether it sits inside a quotation that closes later on the same line. */
function insideQuote(line: string): (at: number) => boolean {
  const ranges: [number, number][] = [];
  let open = -1;
  let straight = -1;
  QUOTE_MARK.lastIndex = 0;
  for (let q = QUOTE_MARK.exec(line); q !== null; q = QUOTE_MARK.exec(line)) {
    const ch = q[0];
    const i = q.index;
    if (OPENERS.includes(ch) && open < 0) open = i;
    else if (CLOSERS.includes(ch) && open >= 0) {
      ranges.push([open, i]);
      open = -1;
    } else if (ch === '"') {
      if (straight < 0) straight = i;
      else {
        ranges.push([straight, i]);
        straight = -1;
      }
    }
  }
  return (at) => ranges.some(([a, b]) => at > a && at <= b);
}

const SPACE = /\s/;
/** The last run of non-space characters of a string (a backward scan: no regex retries). */
function lastToken(s: string): string | undefined {
  let end = s.length;
  while (end > 0 && SPACE.test(s[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !SPACE.test(s[start - 1]!)) start--;
  return end > start ? s.slice(start, end) : undefined;
}

/** Whether ICU's break at `b` (line-relative) is a known fault that must be undone. */
function badBreak(line: string, b: number, lex: Lexicon, quoted: (at: number) => boolean): boolean {
  if (quoted(b)) return true;
  const before = line.slice(Math.max(0, b - 40), b);
  const after = line.slice(b, b + 8);
  if (QUOTED_QUESTION.test(before)) {
    const rest = line.slice(b, b + 40);
    return STARTS_LOWER.test(rest) || AR_REPORTING_START.test(normalizeShared(rest).text);
  }
  const tok = lastToken(before);
  if (!tok || !tok.endsWith('.')) return false;
  const core = tok.slice(0, -1).replace(LEADING_OPENERS, '');
  if (ENDS_DIGIT.test(core) && STARTS_DIGIT.test(after)) return true; // "3. 5" style number split
  if (SINGLE_LETTER.test(core)) return true; // initials: "J. K. Rowling", "د. محمد"
  const key = normalizeShared(core).text.toLowerCase();
  if (lex.titles.has(key)) return true;
  if (lex.abbreviations.has(key) && STARTS_LOWER_OR_DIGIT.test(after)) return true;
  if (NEVER_FINAL.has(key)) return true;
  if (DOTTED_ACRONYM.test(core)) {
    if (STARTS_LOWER_OR_DIGIT.test(after)) return true;
    const next = CAPITALIZED_WORD.exec(line.slice(b, b + 30));
    if (next && !SENTENCE_OPENERS.has(next[1]!.toLowerCase())) return true;
  }
  return false;
}

function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && EDGE_SPACE.test(text[start]!)) start++;
  while (end > start && EDGE_SPACE.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  // A sentence never starts with an agency dateline ("BEIRUT (AP) —", "(Reuters) -"): cut it off.
  // Cheap pre-check: a dateline has a bracket or a dash near the start.
  const head = text.slice(start, Math.min(end, start + 80));
  if (!DATELINE_HINT.test(head)) return { start, end };
  const { cut } = stripDateline(text.slice(start, end));
  return { start: start + cut, end };
}

let breaks = new Int32Array(256);
/**
 * ICU's sentence breaks over the whole text, as offsets (each the end of a segment), in a reused
 * buffer; returns how many. One pass of one break iterator: per line, `segment()` cost more than
 * the breaking itself. A line break is a paragraph separator for ICU (UAX #29 SB4), and no rule looks
 * across one, so the breaks inside a line are those the line alone would give.
 */
function sentenceBreaks(segmenter: Intl.Segmenter, text: string): number {
  let n = 0;
  for (const seg of segmenter.segment(text)) {
    if (n === breaks.length) {
      const bigger = new Int32Array(n * 2);
      bigger.set(breaks);
      breaks = bigger;
    }
    breaks[n++] = seg.index + seg.segment.length;
  }
  return n;
}

/** Sentence spans (before the fragment filter), in order, as offsets into `text`. */
export function segmentSpans(text: string, language: string, lex: Lexicon): Span[] {
  const out: Span[] = [];
  const count = sentenceBreaks(segmenterFor(language), text);
  const ends = breaks;
  let k = 0;
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m !== null; m = LINE.exec(text)) {
    const line = m[0];
    if (!HAS_TEXT.test(line)) continue;
    const lineStart = m.index;
    const lineEnd = lineStart + line.length;
    let quoted: ((at: number) => boolean) | null = null; // built on the first break only
    let from = 0;
    while (k < count && ends[k]! <= lineStart) k++;
    // ICU's breaks inside the line (line-relative), as if the line were segmented alone.
    for (; k < count && ends[k]! < lineEnd; k++) {
      const b = ends[k]! - lineStart;
      quoted ??= insideQuote(line);
      if (badBreak(line, b, lex, quoted)) continue;
      const span = trimmed(text, lineStart + from, lineStart + b);
      if (span) out.push(span);
      from = b;
    }
    const last = trimmed(text, lineStart + from, lineEnd);
    if (last) out.push(last);
  }
  return out;
}

const FINAL_PUNCT = /[.!?؟…。;:]["'”’»)\]]*$/u;
const CAPITALIZED = /^\p{Lu}/u;

/**
 * A span that is not a sentence: fewer than three words, no verb-like word, or a heading
 * (no final punctuation and short or Title Cased). `norm` is the normalized span.
 */
export function isFragment(norm: string, lex: Lexicon): boolean {
  const count = countWords(norm);
  if (count < 3) return true;
  const ended = FINAL_PUNCT.test(norm);
  // Enough words and a full stop read as a sentence even when no verb is recognized
  // (Arabic nominal sentences, verbs the lists don't know).
  if (ended && count >= lex.sentenceWords) return false;
  if (!ended) {
    if (count <= 12) return true;
    const words = norm.split(SPACES).filter((w) => HAS_WORD_CHAR.test(w));
    const caps = words.filter((w) => CAPITALIZED.test(w)).length;
    if (caps / words.length >= 0.6) return true;
  }
  return !lex.verbLike.test(norm) && !lex.attribution.test(norm) && !lex.changeVerb.test(norm);
}
