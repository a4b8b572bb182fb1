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
import { searchStem } from './normalize';
import * as W from './model-weights';

/** Hashed inputs share one table of 2^BITS weights. */
export const BITS = 12;
const MASK = (1 << BITS) - 1;

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
const DIGITS = /\d/g;
const DIGIT = /\d/;

/** FNV-1a of a string, seeded by the kind of input ('w' word, 'b' bigram, 'c' character gram). */
function hash(seed: number, s: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & MASK;
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

// The words of `tokens()` in normalize.ts (letters and digits, decimals kept whole).
const WORD = /[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu;
const ARABIC = /[\u0600-\u06FF]/;

/**
 * The model's inputs for one sentence. `original` is the sentence as written, `norm`/`offsets` its
 * normalized copy (normalizeWithOffsets), `f` its detected features, `ruleZ` the hand-weighted sum of
 * score.ts (before the sigmoid).
 */
export function modelInputs(
  original: string,
  norm: string,
  offsets: Int32Array,
  f: Features,
  ruleZ: number,
  language: string,
): ModelInputs {
  const lower = norm.toLowerCase();
  const words: string[] = [];
  const grams: ModelInputs['grams'] = [];
  WORD.lastIndex = 0;
  let prev = '<s>';
  let prevStart = -1;
  const spans: number[] = [];
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
    let w = ARABIC.test(m[0]) ? searchStem(m[0]) : m[0];
    const numeric = DIGIT.test(w);
    if (numeric) w = w.replace(DIGITS, '0');
    words.push(w);
    spans.push(m.index, m.index + m[0].length, numeric ? 1 : 0);
  }
  const wordValue = 1 / Math.sqrt(words.length * 2 + 1);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const start = offsets[spans[i * 3]!]!;
    const end = offsets[spans[i * 3 + 1]!]!;
    const numeric = spans[i * 3 + 2] === 1;
    grams.push({ index: hash(SEED_WORD, w), value: wordValue, start, end, numeric });
    grams.push({
      index: hash(SEED_BIGRAM, `${prev} ${w}`),
      value: wordValue,
      start: prevStart < 0 ? start : prevStart,
      end,
      numeric: numeric || prevStart < 0 || (i > 0 && spans[i * 3 - 1] === 1),
    });
    prev = w;
    prevStart = start;
  }
  const key = words.join(' ');
  const padded = ` ${key} `;
  const charCount = Math.max(0, padded.length - 2) + Math.max(0, padded.length - 3);
  const hashed = new Int32Array(grams.length + charCount);
  const hashedValue = new Float32Array(hashed.length);
  const owner = new Int16Array(hashed.length).fill(-1);
  let n = 0;
  for (let g = 0; g < grams.length; g++) {
    hashed[n] = grams[g]!.index;
    if (g % 2 === 0) owner[n] = Math.min(g / 2, 0x7fff);
    hashedValue[n++] = grams[g]!.value;
  }
  const charValue = 1 / Math.sqrt(charCount + 1);
  let word = -1; // the word that padded[i] belongs to (-1 on a space)
  for (let i = 0; i + 3 <= padded.length; i++) {
    if (padded.charCodeAt(i) === 32) word++;
    // The 3-gram and the 4-gram starting at i in one pass of FNV-1a.
    let h = (0x811c9dc5 ^ SEED_CHAR) >>> 0;
    let inside = padded.charCodeAt(i) !== 32;
    for (let k = 0; k < 4 && i + k < padded.length; k++) {
      const c = padded.charCodeAt(i + k);
      if (k > 0 && c === 32) inside = false;
      h ^= c;
      h = Math.imul(h, 0x01000193);
      if (k >= 2) {
        hashed[n] = h & MASK;
        if (inside) owner[n] = Math.min(word, 0x7fff);
        hashedValue[n++] = charValue;
      }
    }
  }
  const dense = new Float32Array(DENSE_IDS.length);
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
  return {
    hashed: hashed.subarray(0, n),
    hashedValue: hashedValue.subarray(0, n),
    owner: owner.subarray(0, n),
    grams,
    dense,
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
  const bytes = atob(W.HASHED);
  const hashed = new Float32Array(1 << BITS);
  for (let i = 0; i < bytes.length && i < hashed.length; i++) {
    const b = bytes.charCodeAt(i);
    hashed[i] = (b > 127 ? b - 256 : b) * W.SCALE;
  }
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

export function modelScore(inputs: ModelInputs, ruleZ: number, fired: Set<FeatureId>): ModelScore {
  const w = weights();
  let z = 0;
  for (let i = 0; i < inputs.dense.length; i++) z += inputs.dense[i]! * w.dense[i]!;
  const { hashed, hashedValue } = inputs;
  for (let i = 0; i < hashed.length; i++) z += w.hashed[hashed[i]!]! * hashedValue[i]!;
  const contribution = (id: FeatureId): number => {
    const i = DENSE_INDEX.get(id);
    return i === undefined ? 0 : w.dense[i]!;
  };
  const order = [...fired].sort((a, b) => contribution(b) - contribution(a));
  // The words that pushed most: each word's own weight plus its character grams, shown as the
  // original wrote it (its span of the sentence). Figures and one- or two-letter words are left out.
  const { owner, grams } = inputs;
  const push = new Float64Array(grams.length / 2);
  for (let i = 0; i < hashed.length; i++) {
    const o = owner[i]!;
    if (o >= 0) push[o] = push[o]! + w.hashed[hashed[i]!]! * hashedValue[i]!;
  }
  const best = new Map<string, number>();
  for (let i = 0; i < push.length; i++) {
    const g = grams[i * 2]!;
    if (g.numeric || push[i]! < WORD_SHOWN || g.end - g.start < 3) continue;
    const term = inputs.original.slice(g.start, g.end);
    if (push[i]! > (best.get(term) ?? 0)) best.set(term, push[i]!);
  }
  const words = [...best.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([t]) => t);
  return { z: (1 - w.alpha) * z + w.alpha * ruleZ, order, words };
}
