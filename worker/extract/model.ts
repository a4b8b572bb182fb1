/**
 * The learned part of check-worthiness: a logistic regression over hashed word uni/bi-grams,
 * character 3/4-grams (both on `searchKey` text: harakat, letter variants, digits and accents folded,
 * Arabic article and clitics off, every digit written 0) and the explainable features of
 * features.ts as dense inputs (with the hand-weighted rule sum among them).
 * Trained by `npm run train` (scripts/train.mjs); the weights live in model-weights.ts (generated).
 * The same `modelInputs` serves training and scoring, so the two cannot drift apart.
 */
import type { FeatureId, Features } from './features';
import { searchKey } from './normalize';
import * as W from './model-weights';

/** Hashed inputs share one table of 2^BITS weights. */
export const BITS = 16;
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

/** FNV-1a of a string, seeded by the kind of input ('w' word, 'b' bigram, 'c' character gram). */
function hash(seed: number, s: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & MASK;
}

/** Hashed input of one character n-gram, computed in place (no substring). */
function hashRange(seed: number, s: string, start: number, end: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & MASK;
}

export interface ModelInputs {
  /** Indices into the hashed table (repeats allowed) and the value each contributes. */
  hashed: Int32Array;
  hashedValue: Float32Array;
  /** Words of the sentence as the model saw them, with their hashed uni/bi-gram indices (for the explanation). */
  grams: { term: string; index: number; value: number }[];
  dense: Float32Array;
  original: string;
}

const SEED_WORD = 1;
const SEED_BIGRAM = 2;
const SEED_CHAR = 3;

/**
 * The model's inputs for one sentence. `original` is the sentence as written, `f` its detected
 * features, `ruleZ` the hand-weighted sum of score.ts (before the sigmoid).
 */
export function modelInputs(
  original: string,
  norm: string,
  f: Features,
  ruleZ: number,
  language: string,
): ModelInputs {
  const key = searchKey(original).replace(DIGITS, '0');
  const words = key.length > 0 ? key.split(' ') : [];
  const grams: ModelInputs['grams'] = [];
  const wordValue = 1 / Math.sqrt(words.length * 2 + 1);
  for (let i = 0; i < words.length; i++) {
    grams.push({ term: words[i]!, index: hash(SEED_WORD, words[i]!), value: wordValue });
    const prev = i === 0 ? '<s>' : words[i - 1]!;
    const pair = `${prev} ${words[i]!}`;
    grams.push({ term: pair, index: hash(SEED_BIGRAM, pair), value: wordValue });
  }
  const padded = ` ${key} `;
  const charCount = Math.max(0, padded.length - 2) + Math.max(0, padded.length - 3);
  const hashed = new Int32Array(grams.length + charCount);
  const hashedValue = new Float32Array(hashed.length);
  let n = 0;
  for (const g of grams) {
    hashed[n] = g.index;
    hashedValue[n++] = g.value;
  }
  const charValue = 1 / Math.sqrt(charCount + 1);
  for (let i = 0; i + 3 <= padded.length; i++) {
    hashed[n] = hashRange(SEED_CHAR, padded, i, i + 3);
    hashedValue[n++] = charValue;
    if (i + 4 <= padded.length) {
      hashed[n] = hashRange(SEED_CHAR, padded, i, i + 4);
      hashedValue[n++] = charValue;
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

// Punctuation and quotes around a word as written.
const WORD_EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** A folded term shown as the sentence wrote it: each of its words mapped back to the original word. */
function displayTerm(original: string, term: string): string {
  const raw = original.split(/\s+/).map((w) => w.replace(WORD_EDGES, ''));
  return term
    .split(' ')
    .map((part) => raw.find((w) => searchKey(w).split(' ').includes(part)) ?? part)
    .join(' ');
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
  const best = new Map<string, number>();
  for (const g of inputs.grams) {
    if (g.term.startsWith('<s>') || /\d/.test(g.term)) continue;
    const c = w.hashed[g.index]! * g.value;
    if (c >= WORD_SHOWN && c > (best.get(g.term) ?? 0)) best.set(g.term, c);
  }
  const words = [...best.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([t]) => displayTerm(inputs.original, t));
  return { z: (1 - w.alpha) * z + w.alpha * ruleZ, order, words };
}
