/**
 * The learned part of check-worthiness: a logistic regression over hashed word uni/bi-grams,
 * character 3/4-grams (both on the search form of the words: the normalized sentence of
 * `normalizeWithOffsets` — harakat, tatweel, letter variants, digits and accents folded — lower-cased,
 * split into `tokens`' words, light-stemmed by `searchStem` (Arabic article and clitics off), every
 * digit written 0) and the explainable features of
 * features.ts as dense inputs (with the hand-weighted rule sum among them).
 * Trained by `npm run train` (scripts/train.mjs); the weights live in model-weights.ts (generated).
 * The same `modelInputs` serves training and scoring, so the two cannot drift apart.
 */
import type { FeatureId, Features } from './features';
import * as W from './model-weights';
import { NUMBER_UNIT, WORD_UNIT, classAt, lowerCase, unitWidth } from './chars';

/**
 * Hashed inputs share one table of 2^BITS weights. 2^14 (s21): with 2^12, the words and character
 * grams of three languages collided enough to cost ClaimBuster a cross-validated AP of about 0.006.
 */
export const BITS = 14;
const MASK = (1 << BITS) - 1;

/**
 * A character gram counts CHAR_WEIGHT times a word's share of its own kind (both are divided by the
 * square root of their count): picked by cross-validation (s21; 1 before).
 */
const CHAR_WEIGHT = 2;

/**
 * How the weights file stores the hashed table: one character per weight, an integer level in
 * [-LEVELS, LEVELS] (× SCALE) written as the character LEVEL_ZERO + level ('_' … '}', 'n' is 0, no
 * quote or backslash). One symbol per weight lets gzip see how often each level occurs (base64 of
 * bytes hid it): 2^14 levels of 31 values gzip to about 8 KB, with a cross-validated AP within 0.001
 * of 255 levels.
 */
export const LEVELS = 15;
export const LEVEL_ZERO = 0x6e;

/** Dense inputs, in the order of the weights file's `dense` array. */
export const DENSE_IDS: readonly string[] = [
  'bias',
  'rules',
  'lang-en',
  'lang-fr',
  'lang-ar',
  'numbers',
  'words',
  'quoted',
  'ends-question',
  'ends-colon',
  'number',
  'number-word',
  'percent',
  'money',
  'magnitude',
  'measure',
  'date',
  'record',
  'absolute',
  'superlative',
  'comparative',
  'change-verb',
  'causal',
  'prediction',
  'attribution',
  'named-entity',
  'event-verb',
  'breaking',
  '-question',
  '-opinion',
  '-hedge',
  '-feeling',
  '-first-person',
  '-schedule',
  '-too-short',
  '-too-long',
];
const DENSE_INDEX = new Map(DENSE_IDS.map((id, i) => [id, i]));

// Opening quotation marks and dashes of a quoted statement (straight, curly, angle, low-9).
const QUOTED = /^[\s(\-–—]*["“”«»„'‘]|["“”«»„][^"“”«»„]{12,}["“”«»„]/u;
const ENDS_QUESTION = /[?؟]["'”’»)\s]*$/u;
const ENDS_COLON = /:\s*$/;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over a string, continuing from `h` (seeded by the kind of input: 'w' word, 'b' bigram, 'c' character gram). */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

export interface ModelInputs {
  /** Indices into the hashed table (repeats allowed) and the value each contributes. */
  hashed: Int32Array;
  hashedValue: Float32Array;
  /** For each hashed input, the word (index into `grams` / 2) whose letters it lies in, or -1. */
  owner: Int16Array;
  /** Word uni/bi-grams with their hashed index and, for the explanation, where they stand in the original. */
  grams: { index: number; value: number; start: number; end: number; numeric: boolean }[];
  dense: Float32Array;
  original: string;
}

const SEED_WORD = 1;
const SEED_BIGRAM = 2;
const SEED_CHAR = 3;

// The words are those of `tokens()` in normalize.ts, /[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu (letters and
// digits, decimals kept whole), found by a scan over a per-unit class table (chars.ts) instead of a regex.
const AR_WAW = 0x648;
const AR_FEH = 0x641;
const AR_BEH = 0x628;
const AR_KAF = 0x643;
const AR_ALEF = 0x627;
const AR_LAM = 0x644;
/**
 * `searchStem` (normalize.ts) of the word [from, to) with Arabic letters: how many units come off its
 * start (the first of وال فال بال كال لل ال, when two letters or more remain).
 */
function arabicCut(s: string, from: number, to: number): number {
  const c0 = s.charCodeAt(from);
  const c1 = s.charCodeAt(from + 1);
  let cut = 0;
  if (
    (c0 === AR_WAW || c0 === AR_FEH || c0 === AR_BEH || c0 === AR_KAF) &&
    c1 === AR_ALEF &&
    s.charCodeAt(from + 2) === AR_LAM
  )
    cut = 3;
  else if ((c0 === AR_LAM && c1 === AR_LAM) || (c0 === AR_ALEF && c1 === AR_LAM)) cut = 2;
  return cut > 0 && to - from - cut >= 2 ? cut : 0;
}

/**
 * The inputs of one sentence, written into reusable buffers (scoring allocates no typed array per
 * sentence). `modelInputs` copies them out for callers that keep them (training).
 */
class Buffers {
  hashed = new Int32Array(512);
  hashedValue = new Float32Array(512);
  owner = new Int16Array(512);
  /** Per word: hashed word and bigram index, start/end in the original, numeric (word or the pair). */
  wordIndex = new Int32Array(64);
  bigramIndex = new Int32Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  numeric = new Uint8Array(64);
  bigramNumeric = new Uint8Array(64);
  /** Per word: where it stands in `units`. */
  wordFrom = new Int32Array(64);
  wordTo = new Int32Array(64);
  dense = new Float32Array(DENSE_IDS.length);
  /** The units of " w0 w1 … wn " (character grams). */
  units = new Uint16Array(512);
  /** Number of hashed inputs and of words. */
  n = 0;
  words = 0;
  wordValue = 0;
  original = '';

  /** Room for `size` words (called before a sentence is filled: the contents are not kept). */
  growWords(size: number): void {
    if (size <= this.start.length) return;
    const cap = Math.max(size, this.start.length * 2);
    this.wordIndex = new Int32Array(cap);
    this.bigramIndex = new Int32Array(cap);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.numeric = new Uint8Array(cap);
    this.bigramNumeric = new Uint8Array(cap);
    this.wordFrom = new Int32Array(cap);
    this.wordTo = new Int32Array(cap);
  }

  growHashed(size: number): void {
    if (size <= this.hashed.length) return;
    const cap = Math.max(size, this.hashed.length * 2);
    this.hashed = new Int32Array(cap);
    this.hashedValue = new Float32Array(cap);
    this.owner = new Int16Array(cap);
  }
}
const scratch = new Buffers();

/** FNV-1a over units [from, to) of a buffer, continuing from `h`. */
function fnvUnits(h: number, units: Uint16Array, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ units[i]!, FNV_PRIME);
  return h;
}
const BIGRAM_START = fnv((FNV_OFFSET ^ SEED_BIGRAM) >>> 0, '<s>');

function fill(
  b: Buffers,
  original: string,
  norm: string,
  offsets: Int32Array,
  f: Features,
  ruleZ: number,
  language: string,
): void {
  const lower = lowerCase(norm);
  const length = lower.length;
  // At most one word per unit, and " w0 w1 … " never longer than twice the sentence plus two.
  b.growWords(length + 1);
  if (b.units.length < length * 2 + 2) b.units = new Uint16Array(length * 2 + 2);
  // The character grams run over " w0 w1 … wn " (the key with a space at each end): each word is
  // written into this buffer as the model sees it (stemmed, digits 0) and hashed from there.
  const padded = b.units;
  padded[0] = 32;
  let u = 1;
  let count = 0;
  // Word spans in `lower` (indices, as the regex gave them) go through `offsets` to the original.
  for (let i = 0; i < length;) {
    if ((classAt(lower, i) & WORD_UNIT) === 0) {
      i += unitWidth;
      continue;
    }
    const from = i;
    let arabic = false;
    while (i < length && classAt(lower, i) & WORD_UNIT) {
      const c = lower.charCodeAt(i);
      if (c >= 0x600 && c <= 0x6ff) arabic = true;
      i += unitWidth;
    }
    // Decimal parts: "[.,]" then one or more digits, as often as they follow.
    for (;;) {
      const sep = lower.charCodeAt(i);
      if ((sep !== 46 && sep !== 44) || i + 1 >= length) break;
      if ((classAt(lower, i + 1) & NUMBER_UNIT) === 0) break;
      i++;
      while (i < length && classAt(lower, i) & NUMBER_UNIT) {
        const c = lower.charCodeAt(i);
        if (c >= 0x600 && c <= 0x6ff) arabic = true;
        i += unitWidth;
      }
    }
    const from2 = arabic ? from + arabicCut(lower, from, i) : from;
    const u0 = u;
    let numeric = false;
    for (let k = from2; k < i; k++) {
      let c = lower.charCodeAt(k);
      if (c >= 48 && c <= 57) {
        numeric = true;
        c = 48;
      }
      padded[u++] = c;
    }
    b.wordFrom[count] = u0;
    b.wordTo[count] = u;
    padded[u++] = 32;
    b.start[count] = offsets[from]!;
    b.end[count] = offsets[i]!;
    b.numeric[count] = numeric ? 1 : 0;
    count++;
  }
  b.words = count;
  b.original = original;
  const wordValue = 1 / Math.sqrt(count * 2 + 1);
  b.wordValue = wordValue;
  let prevHash = BIGRAM_START;
  const wordSeed = (FNV_OFFSET ^ SEED_WORD) >>> 0;
  const bigramSeed = (FNV_OFFSET ^ SEED_BIGRAM) >>> 0;
  for (let i = 0; i < count; i++) {
    const from = b.wordFrom[i]!;
    const to = b.wordTo[i]!;
    b.wordIndex[i] = fnvUnits(wordSeed, padded, from, to) & MASK;
    b.bigramIndex[i] = fnvUnits(Math.imul(prevHash ^ 32, FNV_PRIME), padded, from, to) & MASK;
    b.bigramNumeric[i] = b.numeric[i]! === 1 || i === 0 || b.numeric[i - 1] === 1 ? 1 : 0;
    prevHash = fnvUnits(bigramSeed, padded, from, to);
  }
  let last = u;
  if (count === 0) {
    padded[1] = 32; // no words: "  "
    last = 2;
  }
  const charCount = Math.max(0, last - 2) + Math.max(0, last - 3);
  b.growHashed(count * 2 + charCount);
  const { hashed, hashedValue, owner } = b;
  const wordValue32 = Math.fround(wordValue);
  let n = 0;
  for (let i = 0; i < count; i++) {
    hashed[n] = b.wordIndex[i]!;
    owner[n] = Math.min(i, 0x7fff);
    hashedValue[n++] = wordValue32;
    hashed[n] = b.bigramIndex[i]!;
    owner[n] = -1;
    hashedValue[n++] = wordValue32;
  }
  const charValue = Math.fround(CHAR_WEIGHT / Math.sqrt(charCount + 1));
  const seed = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
  let word = -1; // the word that padded[i] belongs to (-1 on a space)
  for (let i = 0; i + 3 <= last; i++) {
    const c0 = padded[i]!;
    if (c0 === 32) word++;
    // The 3-gram and the 4-gram starting at i in one pass of FNV-1a.
    const c1 = padded[i + 1]!;
    const c2 = padded[i + 2]!;
    let h = Math.imul(seed ^ c0, FNV_PRIME);
    h = Math.imul(h ^ c1, FNV_PRIME);
    h = Math.imul(h ^ c2, FNV_PRIME);
    let inside = c0 !== 32 && c1 !== 32 && c2 !== 32;
    hashed[n] = h & MASK;
    owner[n] = inside ? Math.min(word, 0x7fff) : -1;
    hashedValue[n++] = charValue;
    if (i + 3 < last) {
      const c3 = padded[i + 3]!;
      h = Math.imul(h ^ c3, FNV_PRIME);
      if (c3 === 32) inside = false;
      hashed[n] = h & MASK;
      owner[n] = inside ? Math.min(word, 0x7fff) : -1;
      hashedValue[n++] = charValue;
    }
  }
  b.n = n;
  const dense = b.dense;
  dense.fill(0);
  dense[0] = 1;
  dense[1] = ruleZ / 4;
  dense[DENSE_INDEX.get(`lang-${language}`) ?? 2] = 1;
  dense[5] = Math.min(f.numbers, 4) / 4;
  dense[6] = Math.min(f.words, 40) / 40;
  dense[7] = QUOTED.test(norm) ? 1 : 0;
  dense[8] = ENDS_QUESTION.test(norm) ? 1 : 0;
  dense[9] = ENDS_COLON.test(norm) ? 1 : 0;
  for (const id of f.fired) {
    const i = DENSE_INDEX.get(id);
    if (i !== undefined) dense[i] = 1;
  }
}

/**
 * The model's inputs for one sentence. `original` is the sentence as written, `norm`/`offsets` its
 * normalized copy (normalizeWithOffsets), `f` its detected features, `ruleZ` the hand-weighted sum of
 * score.ts (before the sigmoid). Scoring uses the same `fill` without copying out (`scoreModel`).
 */
export function modelInputs(
  original: string,
  norm: string,
  offsets: Int32Array,
  f: Features,
  ruleZ: number,
  language: string,
): ModelInputs {
  const b = scratch;
  fill(b, original, norm, offsets, f, ruleZ, language);
  const grams: ModelInputs['grams'] = [];
  const value = b.wordValue;
  for (let i = 0; i < b.words; i++) {
    const start = b.start[i]!;
    const end = b.end[i]!;
    grams.push({ index: b.wordIndex[i]!, value, start, end, numeric: b.numeric[i] === 1 });
    grams.push({
      index: b.bigramIndex[i]!,
      value,
      start: i === 0 ? start : b.start[i - 1]!,
      end,
      numeric: b.bigramNumeric[i] === 1,
    });
  }
  return {
    hashed: b.hashed.slice(0, b.n),
    hashedValue: b.hashedValue.slice(0, b.n),
    owner: b.owner.slice(0, b.n),
    grams,
    dense: b.dense.slice(),
    original,
  };
}

interface Loaded {
  hashed: Float32Array;
  dense: Float32Array;
  alpha: number;
}
let loaded: Loaded | null = null;

/** The weights, decoded from the bundled file on first use in an isolate (then kept). */
function weights(): Loaded {
  if (loaded) return loaded;
  const levels = W.HASHED;
  const hashed = new Float32Array(1 << BITS);
  for (let i = 0; i < levels.length && i < hashed.length; i++)
    hashed[i] = (levels.charCodeAt(i) - LEVEL_ZERO) * W.SCALE;
  const dense = new Float32Array(DENSE_IDS.length);
  dense.set(W.DENSE.slice(0, dense.length));
  loaded = { hashed, dense, alpha: W.ALPHA };
  return loaded;
}

export interface ModelScore {
  /** log-odds of the blend: (1 - alpha) · model + alpha · rules */
  z: number;
  /** The explainable features ordered by what they added to the model's log-odds (largest first). */
  order: FeatureId[];
  /** Up to three words or word pairs that pushed the score up most (as the model saw them). */
  words: string[];
}

/** Minimum push (log-odds) for a word to be named in the explanation. */
const WORD_SHOWN = 0.15;

/** What scoring reads: the buffers `fill` writes, or a `ModelInputs` seen through the same shape. */
interface InputView {
  hashed: Int32Array;
  hashedValue: Float32Array;
  owner: Int16Array;
  /** Hashed inputs used (a prefix of the arrays) and words. */
  n: number;
  words: number;
  /** Per word: its span in the original and whether it is a figure. */
  start: Int32Array;
  end: Int32Array;
  numeric: Uint8Array;
  dense: Float32Array;
  original: string;
}

let pushBuffer = new Float64Array(64);

function scoreView(v: InputView, ruleZ: number, fired: Set<FeatureId>): ModelScore {
  const w = weights();
  const table = w.hashed;
  let z = 0;
  for (let i = 0; i < v.dense.length; i++) z += v.dense[i]! * w.dense[i]!;
  const { hashed, hashedValue, owner, n } = v;
  if (pushBuffer.length < v.words) pushBuffer = new Float64Array(v.words * 2);
  const push = pushBuffer;
  push.fill(0, 0, v.words);
  // The words that pushed most: each word's own weight plus its character grams, shown as the
  // original wrote it (its span of the sentence). Figures and one- or two-letter words are left out.
  for (let i = 0; i < n; i++) {
    const term = table[hashed[i]!]! * hashedValue[i]!;
    z += term;
    const o = owner[i]!;
    if (o >= 0) push[o] = push[o]! + term;
  }
  const contribution = (id: FeatureId): number => {
    const i = DENSE_INDEX.get(id);
    return i === undefined ? 0 : w.dense[i]!;
  };
  const order = [...fired].sort((a, b) => contribution(b) - contribution(a));
  let best: Map<string, number> | null = null;
  for (let i = 0; i < v.words; i++) {
    const p = push[i]!;
    if (v.numeric[i] === 1 || p < WORD_SHOWN || v.end[i]! - v.start[i]! < 3) continue;
    const term = v.original.slice(v.start[i], v.end[i]);
    best ??= new Map();
    if (p > (best.get(term) ?? 0)) best.set(term, p);
  }
  const words = best
    ? [...best.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([t]) => t)
    : [];
  return { z: (1 - w.alpha) * z + w.alpha * ruleZ, order, words };
}

/** The blended score of inputs built by `modelInputs`. */
export function modelScore(inputs: ModelInputs, ruleZ: number, fired: Set<FeatureId>): ModelScore {
  const words = inputs.grams.length / 2;
  const start = new Int32Array(words);
  const end = new Int32Array(words);
  const numeric = new Uint8Array(words);
  for (let i = 0; i < words; i++) {
    const g = inputs.grams[i * 2]!;
    start[i] = g.start;
    end[i] = g.end;
    numeric[i] = g.numeric ? 1 : 0;
  }
  const { hashed, hashedValue, owner, dense, original } = inputs;
  return scoreView(
    { hashed, hashedValue, owner, n: hashed.length, words, start, end, numeric, dense, original },
    ruleZ,
    fired,
  );
}

/**
 * Score one sentence: `modelInputs` then `modelScore`, without copying the inputs out of the reused
 * buffers (the scoring hot path).
 */
export function scoreModel(
  original: string,
  norm: string,
  offsets: Int32Array,
  f: Features,
  ruleZ: number,
  language: string,
): ModelScore {
  fill(scratch, original, norm, offsets, f, ruleZ, language);
  return scoreView(scratch, ruleZ, f.fired);
}
