/**
 * Check-worthiness: a hand-weighted sum of explainable features (the rules: BIAS + Σ weight, each
 * weight says why it has its size) blended with a learned logistic regression over words, character
 * n-grams and the same features (model.ts, trained by `npm run train`):
 * score = 1 / (1 + e^-((1 - α) · model + α · rules)), α picked by cross-validation on the training data.
 */
import type { ClaimType } from './types';
import { type Features, type FeatureId, detectFeatures, prepareLexicon } from './features';
import { type Lexicon } from './lexicon';
import { buildAR } from './lexicon-ar';
import { buildEN } from './lexicon-en';
import { buildFR } from './lexicon-fr';
import { normalizeShared } from './normalize';
import { findSpeaker } from './speaker';
import { type ModelInputs, modelInputs, scoreModel } from './model';

const BUILDERS: Record<string, () => Lexicon> = { en: buildEN, fr: buildFR, ar: buildAR };
const LEXICONS = new Map<string, Lexicon>();

/**
 * The lists for a language, built and compiled on first use: start-up stays cheap for the many
 * requests that never extract, and the first extraction in an isolate pays once (see the bench).
 * Unknown languages are scored with the English lists: digits, symbols and capitals still work.
 */
export function lexiconFor(language: string): Lexicon {
  const key = language in BUILDERS ? language : 'en';
  let lex = LEXICONS.get(key);
  if (!lex) {
    lex = BUILDERS[key]!();
    prepareLexicon(lex);
    LEXICONS.set(key, lex);
  }
  return lex;
}

// A plain sentence with no cue sits well below 0.5: most prose is not a checkable claim.
const BIAS = -1.6;

const WEIGHTS: Record<FeatureId, number> = {
  // Figures are the core of what fact-checkers check: a number alone almost makes a claim.
  number: 1.2,
  // "two schools", "half the budget": a count in words is vaguer than a figure.
  'number-word': 0.5,
  // Percentages and money are numbers with a unit someone published: even more checkable.
  percent: 0.8,
  money: 0.6,
  magnitude: 0.6,
  // Nouns for measured things (unemployment, budget, deaths): the sentence is about data.
  measure: 0.5,
  // A date anchors an event in time but is also how schedules and scene-setting read: small.
  date: 0.25,
  // "Record", "first time", "highest since 1994": records are what fact-checkers check first
  // (verifiable, newsworthy and often wrong), so they weigh as much as a figure.
  record: 1.2,
  // "Has never", "not a single": a claim about someone's whole record (it does not make the claim a comparison).
  absolute: 0.6,
  // Bare superlatives ("the best", "biggest") are also how opinion talks: less.
  superlative: 0.6,
  comparative: 0.4,
  // A change verb ("rose", "ارتفع") states a trend that data can confirm or refute.
  'change-verb': 0.8,
  causal: 0.4,
  // Forecasts can't be checked yet; a little credit because they are often quantified.
  prediction: 0.1,
  // Attribution marks reported facts ("said", "according to"): checkable who-said-what.
  attribution: 0.5,
  'named-entity': 0.45,
  'event-verb': 0.5,
  // "عاجل", "Breaking:", 🔴: a news account flags a bulletin, a reported event someone can check: as strong as a figure.
  breaking: 1.2,
  // Questions assert nothing, even with a number in them.
  '-question': -2.0,
  // Opinion, feeling and hedging words mark judgement rather than fact.
  '-opinion': -0.9,
  '-hedge': -0.6,
  '-feeling': -1.0,
  // "I remember when..." anecdotes are personal, rarely checkable.
  // Kept mild: politicians' "I voted for..." is checkable, and quotes are in the first person.
  '-first-person': -0.6,
  // "The summit will be held on Monday": logistics, not claims.
  '-schedule': -1.2,
  // Very short sentences rarely carry a full claim; very long ones are usually several ideas.
  '-too-short': -1.2,
  '-too-long': -0.4,
};

// Longer sentences carry more content: a small, capped credit per word (30 words = +0.6) that
// mostly breaks ties between sentences with the same cues.
const PER_WORD = 0.02;
const MAX_WORDS_CREDITED = 30;
// Extra figures add a little more; capped so that tables of numbers don't dominate.
const EXTRA_NUMBER = 0.2;
const MAX_EXTRA_NUMBERS = 3;

function weightedSum(f: Features): number {
  let z = BIAS;
  for (const id of f.fired) z += WEIGHTS[id];
  z += Math.min(Math.max(f.numbers - 1, 0), MAX_EXTRA_NUMBERS) * EXTRA_NUMBER;
  z += Math.min(f.words, MAX_WORDS_CREDITED) * PER_WORD;
  return z;
}

/** One type per claim, from the most specific cue to the least. */
function claimType(fired: Set<FeatureId>): ClaimType {
  const has = (id: FeatureId): boolean => fired.has(id);
  // A count in words ("three men") types a claim as a quantity only when nothing happened in it.
  const figures =
    has('number') ||
    has('percent') ||
    has('money') ||
    has('magnitude') ||
    (has('number-word') && !has('event-verb'));
  if (has('prediction') && !has('-schedule') && (figures || has('change-verb')))
    return 'prediction';
  if (has('record') || has('superlative')) return 'comparison';
  if (figures) return 'quantity';
  if (has('comparative') && has('change-verb')) return 'comparison';
  if (has('causal')) return 'causal';
  if (has('prediction')) return 'prediction';
  if (has('attribution')) return 'attributed';
  if (has('event-verb') || has('change-verb') || has('date') || has('breaking')) return 'event';
  return 'other';
}

export interface SentenceScore {
  score: number;
  type: ClaimType;
  speaker: string | null;
  /** Feature ids that fired, largest push first, then up to three `word:<term>` entries. */
  why: string[];
}

// Spaces, bidi controls and punctuation left at either end of a speaker cut from the original.
const EDGES =
  /^[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069,،:]+|[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069,،:]+$/gu;

/** A `why` entry naming a word or word pair the model weighed ("word:unemployment"), not a FEATURE_IDS id. */
export const WORD_PREFIX = 'word:';

/** Every `why` id the scorer can emit, in display order (positive cues first): UIs translate these. */
export const FEATURE_IDS = Object.keys(WEIGHTS) as readonly FeatureId[];

/** Score a sentence already normalized with offsets (so the speaker is cut from the original). */
export function scoreNormalized(
  original: string,
  norm: string,
  offsets: Int32Array,
  language: string,
): SentenceScore {
  const f = detectFeatures(norm, lexiconFor(language), language);
  const ruleZ = weightedSum(f);
  const m = scoreModel(original, norm, offsets, f, ruleZ, language);
  const score = Math.round((1 / (1 + Math.exp(-m.z))) * 1000) / 1000;
  let speaker: string | null = null;
  if (f.fired.has('attribution')) {
    const r = findSpeaker(norm, language);
    if (r) {
      const cut = original.slice(offsets[r.start]!, offsets[r.end]!).replace(EDGES, '');
      speaker = cut ? (r.prefix ?? '') + cut : null;
    }
  }
  const why = [...m.order, ...m.words.map((w) => `${WORD_PREFIX}${w}`)];
  return { score, type: claimType(f.fired), speaker, why };
}

/** Check-worthiness of one sentence, its claim type, named speaker and the features that fired. */
export function scoreSentence(sentence: string, language: string): SentenceScore {
  const { text, offsets } = normalizeShared(sentence);
  return scoreNormalized(sentence, text, offsets, language);
}

/** The model's inputs for one sentence (training: scripts/train.mjs uses exactly what scoring uses). */
export function sentenceInputs(sentence: string, language: string): ModelInputs {
  const { text: norm, offsets } = normalizeShared(sentence);
  const f = detectFeatures(norm, lexiconFor(language), language);
  return modelInputs(sentence, norm, offsets, f, weightedSum(f), language);
}
