/**
 * Feature detection on one normalized sentence. Each feature is a short stable id (UIs translate
 * them); negative cues start with '-'. Detection only: weights live in score.ts.
 */
import type { Lexicon } from './lexicon';

export type FeatureId =
  | 'number' | 'number-word' | 'percent' | 'money' | 'magnitude' | 'measure' | 'date' | 'record' | 'superlative' | 'comparative'
  | 'change-verb' | 'causal' | 'prediction' | 'attribution' | 'named-entity' | 'event-verb'
  | '-question' | '-opinion' | '-hedge' | '-feeling' | '-first-person' | '-schedule' | '-too-short' | '-too-long';

export interface Features {
  fired: Set<FeatureId>;
  /** Numbers that are not years, days of the month or clock times. */
  numbers: number;
  words: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
// A figure: digits with separators, not glued to letters ("COVID-19", "G20" are names, not figures).
const NUMBER = /(?<![\p{L}\p{N}.,-])\d+(?:[.,]\d+)*(?![\p{L}\p{N}])/gu;
const YEAR = /^(?:1[89]|20)\d\d$/;
// Clock times ("10:30", "7 h 42", "5 p.m.", "8 heures") are scene-setting, not figures.
const CLOCK = /(?<![\p{N}])\d{1,2}(?:\s?[:h]\s?\d{2}|\s?(?:a\.?m\.?|p\.?m\.?|heures?|h)(?![\p{L}]))/giu;
// Links, @mentions and the # of hashtags (social posts): their digits and letters are not content.
const NOISE = /https?:\/\/\S+|www\.\S+|@\w+|#/gu;
const CURRENCY_SIGN = /[$€£¥]|(?<![\p{L}])(?:us\$|\$us)/u;
const PERCENT_SIGN = /%|‰/;
const QUESTION = /[?؟]/;
const LATIN_CAPITALIZED = /(?<=[\p{L}\p{N},;:)]\s+)(?:\p{Lu}[\p{Ll}'-]+|\p{Lu}{2,})/u;
const ACRONYM = /(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])/u;

const dateSpans = new WeakMap<Lexicon, RegExp>();
/** The lexicon's date words together with the day numbers around them ("12 March", "March 12, 2024"). */
function dateSpan(lex: Lexicon): RegExp {
  let re = dateSpans.get(lex);
  if (!re) {
    re = new RegExp(`(?:\\d{1,2}(?:st|nd|rd|th|er)?\\s+(?:of\\s+)?)?(?:${lex.date.source})(?:\\s+\\d{1,2}(?:st|nd|rd|th)?(?!\\d))?(?:,?\\s+(?:19|20)\\d\\d)?`, 'giu');
    dateSpans.set(lex, re);
  }
  return re;
}

function countNumbers(norm: string, lex: Lexicon): number {
  const stripped = norm.replace(CLOCK, ' ').replace(dateSpan(lex), ' ');
  let n = 0;
  for (const m of stripped.matchAll(NUMBER)) if (!YEAR.test(m[0])) n++;
  return n;
}

/** Which features fire on a normalized sentence in the given language. */
export function detectFeatures(raw: string, lex: Lexicon, language: string): Features {
  const norm = raw.replace(NOISE, ' ');
  const fired = new Set<FeatureId>();
  const add = (id: FeatureId, on: boolean): void => {
    if (on) fired.add(id);
  };
  const words = norm.match(WORD)?.length ?? 0;
  const numbers = countNumbers(norm, lex);
  add('number', numbers > 0);
  add('number-word', numbers === 0 && lex.numberWord.test(norm));
  add('percent', PERCENT_SIGN.test(norm) || lex.percent.test(norm));
  add('money', CURRENCY_SIGN.test(norm) || lex.money.test(norm));
  add('magnitude', lex.magnitude.test(norm));
  add('measure', lex.measure.test(norm));
  add('date', lex.date.test(norm));
  add('record', lex.record.test(norm));
  add('superlative', !fired.has('record') && lex.superlative.test(norm));
  add('comparative', lex.comparative.test(norm));
  add('change-verb', lex.changeVerb.test(norm));
  add('causal', lex.causal.test(norm));
  add('prediction', lex.prediction.test(norm));
  add('attribution', lex.attribution.test(norm));
  add('event-verb', lex.eventVerb.test(norm));
  const entity = lex.entity.test(norm) || (language !== 'ar' && (LATIN_CAPITALIZED.test(norm) || ACRONYM.test(norm)));
  add('named-entity', entity);
  add('-question', QUESTION.test(norm) || lex.questionStart.test(norm));
  add('-opinion', lex.opinion.test(norm));
  add('-hedge', lex.hedge.test(norm));
  add('-feeling', lex.feeling.test(norm));
  add('-first-person', lex.firstPerson.test(norm));
  add('-schedule', lex.schedule.test(norm));
  add('-too-short', words < 6);
  add('-too-long', words > 60);
  return { fired, numbers, words };
}
