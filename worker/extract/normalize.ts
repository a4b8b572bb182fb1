/**
 * Text normalization shared by search, matching and extraction.
 * Pure functions, no I/O. Arabic first: harakat, tatweel and letter variants
 * are folded so that a plain query finds a vocalized text and the reverse.
 */

// Arabic harakat, Quranic annotation marks and superscript alef.
const HARAKAT = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;
// Zero-width characters, bidi controls and the BOM.
const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/g;

const DIGIT_BASES = [0x0660, 0x06f0]; // Arabic-Indic, Extended (Persian/Urdu) digits

/** Map Arabic-Indic and Persian digits, and the Arabic decimal/thousands/percent signs, to ASCII. */
export function foldDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const base = DIGIT_BASES.find((b) => code >= b && code <= b + 9);
    if (base !== undefined) out += String(code - base);
    else if (ch === '\u066B')
      out += '.'; // ARABIC DECIMAL SEPARATOR
    else if (ch === '\u066C')
      out += ','; // ARABIC THOUSANDS SEPARATOR
    else if (ch === '\u066A')
      out += '%'; // ARABIC PERCENT SIGN
    else out += ch;
  }
  return out;
}

/** Fold Arabic letter variants: أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي. */
export function foldArabicLetters(text: string): string {
  return text
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064A');
}

/**
 * Canonical form of a text for comparison: NFKC, invisibles removed, harakat and
 * tatweel stripped, Arabic letters folded, digits mapped to ASCII, Latin case folded,
 * whitespace collapsed. Keeps punctuation (extraction needs it).
 */
export function normalizeText(text: string): string {
  const nfkc = text
    .normalize('NFKC')
    .replace(INVISIBLES, '')
    .replace(HARAKAT, '')
    .replace(TATWEEL, '');
  return foldDigits(foldArabicLetters(nfkc)).toLowerCase().replace(/\s+/g, ' ').trim();
}

// Arabic clitic prefixes (conjunction/preposition + article) stripped for search keys.
const AR_PREFIX = /^(?:وال|فال|بال|كال|لل|ال)/;
// Latin diacritics: compare "élection" with "election".
const COMBINING = /[\u0300-\u036f]/g;

/** Light stem of one normalized token: Arabic article and clitics off, Latin accents off. */
export function searchStem(token: string): string {
  if (/[\u0600-\u06FF]/.test(token)) {
    const stripped = token.replace(AR_PREFIX, '');
    return stripped.length >= 2 ? stripped : token;
  }
  return token.normalize('NFD').replace(COMBINING, '');
}

/** Word tokens of a text after normalization (letters and digits, Unicode aware). */
export function tokens(text: string): string[] {
  return normalizeText(text).match(/[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu) ?? [];
}

/**
 * The form stored in the FTS index and used for queries: normalized, light-stemmed
 * tokens joined by spaces. The same function runs on both sides, so they agree.
 */
export function searchKey(text: string): string {
  return tokens(text).map(searchStem).join(' ');
}

/** A normalized copy of a text and, for each of its UTF-16 units, the offset of the original unit it came from. */
export interface OffsetText {
  text: string;
  /** offsets[i] = index in the original of text[i]; offsets[text.length] = original length. */
  offsets: Int32Array;
}

const APOSTROPHES = new Set([0x2019, 0x2018, 0x02bc, 0x2032, 0x00b4]);
// Units removed from the scoring copy: invisibles, bidi controls, tatweel, harakat, combining accents.
const DROPPED = new RegExp(
  `^(?:${INVISIBLES.source}|${TATWEEL.source}|${HARAKAT.source}|[\\u0300-\\u036F])$`,
);

function foldUnit(code: number): string {
  const ch = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) return ch; // surrogate halves pass through untouched
  if (DROPPED.test(ch)) return '';
  if (APOSTROPHES.has(code)) return "'";
  const digits = foldDigits(ch);
  if (digits !== ch) return digits;
  // NFKC, then Latin accents off (so "élevé" and a decomposed "élevé" both read "eleve"), then Arabic letters folded.
  const nfkc = ch.normalize('NFKC');
  const noAccents = /[\u00C0-\u024F\u1E00-\u1EFF]/.test(nfkc)
    ? nfkc.normalize('NFD').replace(COMBINING, '')
    : nfkc;
  return foldArabicLetters(foldDigits(noAccents));
}

// Per-UTF-16-unit fold table, filled lazily (each unit is folded once per isolate):
// KIND 0 = not seen yet, 1 = unchanged, 2 = replaced by REPLACEMENT[code] (possibly '').
const KIND = new Uint8Array(0x10000);
const REPLACEMENT = new Map<number, string>();
function kindOf(code: number): number {
  const folded = foldUnit(code);
  const kind = folded === String.fromCharCode(code) ? 1 : 2;
  if (kind === 2) {
    REPLACEMENT.set(code, folded);
    if (folded.length === 1) REPLACE_ONE[code] = folded.charCodeAt(0) + 1;
  }
  KIND[code] = kind;
  return kind;
}

let sharedOffsets = new Int32Array(1024);
let sharedUnits = new Uint16Array(1024);
// Replacement of a unit as one unit (REPLACE_ONE[code] + 1; 0: none or several units), for the fast path.
const REPLACE_ONE = new Uint32Array(0x10000);
const CHUNK = 4096;

/** The first `n` units of a buffer as a string. */
function decode(units: Uint16Array, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += CHUNK)
    out += String.fromCharCode.apply(
      null,
      units.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[],
    );
  return out;
}

/**
 * `normalizeWithOffsets` writing its offsets into one buffer that the next call reuses (extraction's
 * hot path: the offsets are read before the next sentence is normalized). `offsets` may be longer
 * than `text.length + 1`; only that prefix is meaningful. A text with nothing to fold is returned as
 * is; otherwise the folded units are written into a buffer and decoded once.
 */
export function normalizeShared(input: string): OffsetText {
  const length = input.length;
  if (sharedOffsets.length < length + 1)
    sharedOffsets = new Int32Array(Math.max(length + 1, sharedOffsets.length * 2));
  if (sharedUnits.length < length + 1)
    sharedUnits = new Uint16Array(Math.max(length + 1, sharedUnits.length * 2));
  let offsets = sharedOffsets;
  let units = sharedUnits;
  let changed = false;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const code = input.charCodeAt(i);
    if (code < 0x80 || (KIND[code]! || kindOf(code)) === 1) {
      units[n] = code;
      offsets[n++] = i;
      continue;
    }
    changed = true;
    const one = REPLACE_ONE[code]!;
    if (one !== 0) {
      units[n] = one - 1;
      offsets[n++] = i;
      continue;
    }
    const rep = REPLACEMENT.get(code)!;
    // Room for this replacement, one unit per remaining input unit, and the final offset.
    if (n + rep.length + (length - i) > offsets.length) {
      const size = offsets.length * 2 + rep.length;
      const biggerOffsets = new Int32Array(size);
      biggerOffsets.set(offsets);
      sharedOffsets = offsets = biggerOffsets;
      const biggerUnits = new Uint16Array(size);
      biggerUnits.set(units);
      sharedUnits = units = biggerUnits;
    }
    for (let k = 0; k < rep.length; k++) {
      units[n] = rep.charCodeAt(k);
      offsets[n++] = i;
    }
  }
  offsets[n] = length;
  return { text: changed ? decode(units, n) : input, offsets };
}

/**
 * Normalize for scoring while remembering where every unit came from: NFKC (per character),
 * invisibles, bidi controls, harakat, tatweel and combining accents removed, Arabic letters and
 * digits folded, typographic apostrophes made ASCII. Case and whitespace are kept, so offsets map
 * back into the original and capitalization still means something. Linear: unchanged runs are
 * copied as slices, one table lookup per unit.
 */
export function normalizeWithOffsets(input: string): OffsetText {
  const { text, offsets } = normalizeShared(input);
  return { text, offsets: offsets.slice(0, text.length + 1) };
}
