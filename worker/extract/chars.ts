/**
 * Character classes of the extractor's scans, by table lookup instead of Unicode regexes:
 * letters and digits ([\p{L}\p{N}]) and digits (\p{N}), per code point (surrogate pairs read as one).
 * The tables are filled lazily, each unit classified once per isolate by the very regexes it replaces.
 */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const NUMERIC = /^\p{N}$/u;
const LETTER = /^\p{L}$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const SPACE = /^\s$/u;
const KNOWN = 1;
/** [\p{L}\p{N}] */
export const WORD_UNIT = 2;
/** \p{N} */
export const NUMBER_UNIT = 4;
/** \p{L} */
export const LETTER_UNIT = 8;
/** \p{Lu} */
export const UPPER_UNIT = 16;
/** \p{Ll} */
export const LOWER_UNIT = 32;
/** \s (under the 'u' flag) */
export const SPACE_UNIT = 64;
const UNIT_CLASS = new Uint8Array(0x10000); // BMP units: 0 = not classified yet
const ASTRAL_CLASS = new Map<number, number>();

function classify(ch: string): number {
  return (
    KNOWN |
    (LETTER_OR_DIGIT.test(ch) ? WORD_UNIT : 0) |
    (NUMERIC.test(ch) ? NUMBER_UNIT : 0) |
    (LETTER.test(ch) ? LETTER_UNIT : 0) |
    (UPPER.test(ch) ? UPPER_UNIT : 0) |
    (LOWER.test(ch) ? LOWER_UNIT : 0) |
    (SPACE.test(ch) ? SPACE_UNIT : 0)
  );
}

/** Length in UTF-16 units of the code point read by the last `classAt` (1 or 2). */
export let unitWidth = 1;

/** The class bits of the code point at `i` (a lone surrogate, or `i` past the end, has none). */
export function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) {
    unitWidth = 1;
    let k = UNIT_CLASS[c]!;
    if (k === 0) UNIT_CLASS[c] = k = classify(String.fromCharCode(c));
    return k;
  }
  const d = s.charCodeAt(i + 1);
  if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
    unitWidth = 2;
    const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
    let k = ASTRAL_CLASS.get(cp);
    if (k === undefined) ASTRAL_CLASS.set(cp, (k = classify(String.fromCodePoint(cp))));
    return k;
  }
  unitWidth = 1;
  return KNOWN;
}

/** The class bits of the code point that ends right before `p` (a surrogate pair read as one; none at 0). */
export function classBefore(s: string, p: number): number {
  if (p <= 0) return 0;
  const c = s.charCodeAt(p - 1);
  if (c >= 0xdc00 && c <= 0xdfff && p >= 2) {
    const h = s.charCodeAt(p - 2);
    if (h >= 0xd800 && h <= 0xdbff) return classAt(s, p - 2);
  }
  return classAt(s, p - 1);
}

/**
 * Whether a match of a pattern that opens with `(?<![\p{L}\p{N}])` may start at `p` under the 'u'
 * flag: `p` is not inside a surrogate pair and the code point before it is no letter or digit.
 */
export function wordMayStart(s: string, p: number): boolean {
  if (p === 0) return true;
  const c = s.charCodeAt(p - 1);
  if (c < 0xd800 || c > 0xdfff) {
    let k = UNIT_CLASS[c]!;
    if (k === 0) UNIT_CLASS[c] = k = classify(String.fromCharCode(c));
    return (k & WORD_UNIT) === 0;
  }
  if (c <= 0xdbff) {
    const d = s.charCodeAt(p);
    return !(d >= 0xdc00 && d <= 0xdfff); // inside a pair: never; a lone high surrogate is no letter
  }
  // c is a low surrogate: the code point before p is the pair ending at p - 1, if there is one.
  if (p >= 2) {
    const h = s.charCodeAt(p - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (classAt(s, p - 2) & WORD_UNIT) === 0;
  }
  return true;
}

let lastText = '';
let lastLower = '';
/** `text.toLowerCase()`, remembered for the last text (features and the model lower the same sentence). */
export function lowerCase(text: string): string {
  if (text !== lastText) {
    lastLower = text.toLowerCase();
    lastText = text;
  }
  return lastLower;
}
