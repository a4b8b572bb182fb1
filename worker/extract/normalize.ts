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
    else if (ch === '\u066B') out += '.'; // ARABIC DECIMAL SEPARATOR
    else if (ch === '\u066C') out += ','; // ARABIC THOUSANDS SEPARATOR
    else if (ch === '\u066A') out += '%'; // ARABIC PERCENT SIGN
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
  const nfkc = text.normalize('NFKC').replace(INVISIBLES, '').replace(HARAKAT, '').replace(TATWEEL, '');
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
