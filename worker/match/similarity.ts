/**
 * How alike two claim texts are, for finding a claim that was already checked. Pure.
 * Text similarity is the Dice coefficient over character trigrams of the search key (the
 * normalized, light-stemmed form: harakat, letter variants, Arabic-Indic digits and Latin
 * accents folded). Numbers then weigh in: "unemployment is 5%" and "unemployment is 7%"
 * share almost every trigram but are different claims, so disagreeing numbers pull the score down.
 */
import { normalizeText, searchKey } from '../extract/normalize';

export interface ClaimProfile {
  grams: Map<string, number>;
  size: number;
  numbers: Set<number>;
}

/** Precompute what comparisons need, so a query text is analysed once for many candidates. */
export function claimProfile(text: string): ClaimProfile {
  const chars = Array.from(` ${searchKey(text)} `);
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= chars.length; i++) {
    const g = chars[i]! + chars[i + 1]! + chars[i + 2]!;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return { grams, size: Math.max(0, chars.length - 2), numbers: new Set(numbersIn(text)) };
}

/** Dice coefficient of two trigram multisets, 0..1. */
export function trigramDice(a: ClaimProfile, b: ClaimProfile): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.grams.size <= b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams];
  let shared = 0;
  for (const [g, n] of small) shared += Math.min(n, large.get(g) ?? 0);
  return (2 * shared) / (a.size + b.size);
}

/**
 * The numeric values written in a text (Arabic-Indic digits included). "1,000" and "1 000"-style
 * groups are thousands; a single comma followed by other than three digits is a decimal comma.
 */
export function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of normalizeText(text).matchAll(/(?<!\p{L})\d+(?:[.,]\d+)*/gu)) {
    let s = m[0];
    if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s))
      s = s.replace(/,/g, ''); // 1,234,567.5
    else if (/^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$/.test(s))
      s = s.replace(/\./g, '').replace(',', '.'); // 1.234.567,5
    else if (/^\d+,\d+$/.test(s)) s = s.replace(',', '.'); // 3,5 (decimal comma)
    const n = Number(s);
    if (Number.isFinite(n)) out.push(n);
  }
  return out;
}

/**
 * 1 when both texts state the same numbers (or none); 0.85 when one states numbers the other
 * leaves out (more specific, not contradicting); at most 0.6 as soon as they disagree
 * (each states a number the other does not), less the fewer they share.
 */
export function numberAgreement(a: Set<number>, b: Set<number>): number {
  let shared = 0;
  for (const n of a) if (b.has(n)) shared++;
  if (shared === a.size && shared === b.size) return 1;
  if (shared === a.size || shared === b.size) return 0.85;
  const jaccard = shared / (a.size + b.size - shared);
  return 0.25 + 0.35 * jaccard;
}

/** Overall similarity of two claims, 0..1 (three decimals). */
export function claimSimilarity(a: ClaimProfile, b: ClaimProfile): number {
  return Math.round(trigramDice(a, b) * numberAgreement(a.numbers, b.numbers) * 1000) / 1000;
}

/** Below this, a stored claim is not offered as a possible match. */
export const MATCH_THRESHOLD = 0.5;

// Words too common to help find a match: they would make the FTS OR-query touch most rows.
const STOPWORDS = new Set(
  (
    'the a an of to in on at for and or but is are was were be been has have had that this these those it its by with from as not ' +
    'will would said says than more less over about into after before there their they he she his her we our you your who which ' +
    // reporting verbs: nearly every claim has one, so they find nothing in particular
    'according told claimed stated added affirme affirmé déclaré selon dit ajouté قال قالت أكد أكدت أضاف وفقا حسب ' +
    'le la les un une des du de d l et ou en au aux dans par pour sur que qui est sont a ont été il elle ils ce cette ces se sa son ses ne pas plus ' +
    'في من على إلى عن أن إن هذا هذه ذلك التي الذي الذين كان كانت قد ما لا أو ثم مع بين عند كل هو هي هم إنه بعد قبل حتى'
  )
    .split(' ')
    .map(searchKey), // the same folding as the indexed text, so they compare equal
);

/** Search-key tokens worth querying the full-text index with, most distinctive first (longest). */
export function matchTerms(text: string, max = 24): string[] {
  const seen = new Set<string>();
  for (const t of searchKey(text).split(' ')) {
    if (t.length < 2 || STOPWORDS.has(t) || seen.has(t)) continue;
    seen.add(t);
  }
  return [...seen].sort((x, y) => y.length - x.length).slice(0, max);
}
