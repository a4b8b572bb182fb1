/**
 * The quantities a claim states, whatever their notation, so that "212 million", "212,000,000",
 * "٢١٢ مليون", "212 millions" and "212m" compare equal. Pure. Reads digits (Arabic-Indic folded,
 * thousands separators `,` `.` `٬` and the French space / no-break / thin space, decimal `.` `,` `٫`),
 * digit suffixes (40k, 1.5bn, 212m), scale words (thousand, million, billion, mille, milliard,
 * ألف، آلاف، مليون، ملايين، مليار) and number words in en/fr/ar ("three million", "trois millions",
 * "ثلاثة ملايين", "deux mille vingt-trois", "خمسمئة"). Percent words ("percent", "pour cent",
 * "بالمئة") are units, not the number 100.
 */
import { normalizeText } from '../extract/normalize';

const SMALL: Record<string, number> = {};
const SCALE: Record<string, number> = {};
/** Words that are a number only before a scale word ("un million", "a billion", "واحد"). */
const ONLY_BEFORE_SCALE = new Set<string>();

function add(table: Record<string, number>, words: string, value: number) {
  for (const w of words.split(' ')) table[normalizeText(w)] = value;
}
let built = false;
function build() {
  if (built) return;
  built = true;
  const en =
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
      ' ',
    );
  en.forEach((w, i) => add(SMALL, w, i));
  'twenty thirty forty fifty sixty seventy eighty ninety'
    .split(' ')
    .forEach((w, i) => add(SMALL, w, 20 + 10 * i));
  const fr =
    'zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize'.split(
      ' ',
    );
  fr.forEach((w, i) => add(SMALL, w, i));
  add(SMALL, 'une', 1);
  'vingt trente quarante cinquante soixante'
    .split(' ')
    .forEach((w, i) => add(SMALL, w, 20 + 10 * i));
  const arUnits: [string, number][] = [
    ['واحد واحدة', 1],
    ['اثنان اثنين اثنتان اثنتين', 2],
    ['ثلاث ثلاثة', 3],
    ['أربع أربعة', 4],
    ['خمس خمسة', 5],
    ['ست ستة', 6],
    ['سبع سبعة', 7],
    ['ثمان ثماني ثمانية', 8],
    ['تسع تسعة', 9],
    ['عشر عشرة', 10],
  ];
  for (const [w, v] of arUnits) add(SMALL, w, v);
  'عشرون|عشرين ثلاثون|ثلاثين أربعون|أربعين خمسون|خمسين ستون|ستين سبعون|سبعين ثمانون|ثمانين تسعون|تسعين'
    .split(' ')
    .forEach((pair, i) => add(SMALL, pair.replace('|', ' '), 20 + 10 * i));
  // Hundreds written as one word: مئة، مائة، ثلاثمئة، خمسمائة …
  for (const [w, v] of arUnits.slice(2, 9))
    for (const unit of w.split(' ')) {
      const stem = unit.replace(/ة$/, '');
      add(SMALL, `${stem}مئة ${stem}مائة`, v * 100);
    }
  add(SMALL, 'مئتان مئتين مئتي مائتان مائتين مائتي', 200);
  add(SMALL, 'ألفان ألفين ألفي', 2000);
  add(SMALL, 'مليونان مليونين مليوني', 2e6);
  add(SMALL, 'ملياران مليارين ملياري', 2e9);
  add(SCALE, 'hundred hundreds cent cents مئة مائة', 100);
  add(SCALE, 'thousand thousands k mille ألف آلاف الف', 1e3);
  add(SCALE, 'million millions m mn mio مليون ملايين', 1e6);
  add(SCALE, 'billion billions bn milliard milliards md mds mrd مليار مليارات بليون', 1e9);
  for (const w of 'one a un une واحد واحدة'.split(' ')) ONLY_BEFORE_SCALE.add(normalizeText(w));
}

// Percent written as words: the "cent" or "مئة" in them is a unit, not a quantity.
const PERCENT_WORDS = /\b(?:per ?cent|pour ?cent|pourcent)\b|(?:بال|في ال)(?:ميه|مايه)/gu; // after folding: مئة → ميه

// A digit group: 1,234,567.5 | 1.234.567,5 | 40 000 | 3,5 | 212 — with an optional letter suffix (40k, 1.5bn).
const TOKEN =
  /(\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3})+|(?: \d{3})+)(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)(k|m|mn|bn|md)?(?![\p{L}\p{N}])|[\p{L}]+/gu;

function digitValue(s: string): number {
  let t = s;
  if (/^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/.test(t)) t = t.replace(/ /g, '').replace(',', '.');
  else if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d+$/.test(t)) t = t.replace(',', '.');
  return Number(t);
}

/** A number word or scale word, also behind the Arabic clitics و / ب / ل (وثلاثة، بمليوني). */
function wordValue(word: string): { small?: number; scale?: number } | null {
  build();
  for (const w of /^[\u0600-\u06FF]/.test(word)
    ? [word, word.replace(/^(?:و|ب|ل|وب)/, '')]
    : [word]) {
    if (w in SCALE) return { scale: SCALE[w] };
    if (w in SMALL) return { small: SMALL[w] };
  }
  return null;
}

/** Rounds to 9 significant digits, so 1.5e9 and 1,500,000,000 are one key. */
export function numberKey(n: number): number {
  return Number(n.toPrecision(9));
}

/** The quantities of a text in order of appearance (scales applied, words read). */
export function quantities(text: string): number[] {
  const norm = normalizeText(text).replace(PERCENT_WORDS, ' % ');
  const out: number[] = [];
  // Running value of a number being read: `total` (done scales) + `current` (below the next scale).
  let total = 0;
  let current = 0;
  let open = false; // reading a number
  let pendingSmall: number | null = null; // "one" / "un" / "واحد": a number only before a scale
  let prev = 0;
  const flush = () => {
    if (open) out.push(numberKey(total + current));
    total = 0;
    current = 0;
    open = false;
    pendingSmall = null;
  };
  for (const m of norm.matchAll(TOKEN)) {
    const [whole, digits, suffix] = m;
    if (digits !== undefined) {
      flush();
      const v = digitValue(digits);
      if (!Number.isFinite(v)) continue;
      if (suffix) {
        out.push(numberKey(v * (SCALE[suffix] ?? 1)));
        continue;
      }
      current = v;
      open = true;
      prev = v;
      continue;
    }
    const w = wordValue(whole);
    if (!w) {
      flush();
      continue;
    }
    if (w.scale !== undefined) {
      // A bare "m" or "k" word is a letter, not a scale, unless it follows a number.
      if (!open && pendingSmall === null && whole.length <= 2) continue;
      const base = open ? current : (pendingSmall ?? 1);
      if (w.scale === 100) {
        current = (base || 1) * 100;
      } else {
        total += (base || 1) * w.scale;
        current = 0;
      }
      open = true;
      pendingSmall = null;
      continue;
    }
    const small = w.small!;
    if (!open && ONLY_BEFORE_SCALE.has(whole)) {
      pendingSmall = small;
      continue;
    }
    if (open && prev === 4 && small === 20)
      current += 76; // quatre-vingt(s): 4 + 76 = 80
    else if (open && current > 0 && current < 10 && small === 10)
      current += 10; // سبعة عشر: 7 + 10
    else if (open && current % 100 === 0 && current > 0 && small < 100) current += small;
    else if (
      open &&
      current >= 20 &&
      current % 10 === 0 &&
      (small < 10 || (small < 20 && (current === 60 || current === 80)))
    )
      current += small; // vingt-trois, soixante-dix, quatre-vingt-dix
    else if (open && current > 0 && current < 10 && small >= 20 && small < 100)
      current += small; // ثلاثة وعشرون: 3 + 20
    else if (open && current === 0 && total > 0) current = small;
    else {
      flush();
      current = small;
      open = true;
    }
    prev = small;
  }
  flush();
  return out;
}

/** Whether a search-key token is part of a number (digits, a number or scale word): compared as a quantity. */
export function isNumberToken(token: string): boolean {
  if (/^\d/.test(token)) return true;
  if (token.length <= 2) return false;
  return wordValue(token) !== null;
}
