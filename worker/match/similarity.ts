/**
 * How alike two claim texts are, for finding a claim that was already checked. Pure.
 * The lexical re-ranker of findMatches (d1/matches.ts) scores each retrieved candidate:
 * - text: the larger of the Dice coefficient over character trigrams of the search keys (the
 *   normalized, light-stemmed forms) and containment — the share of the shorter side's words and
 *   quantities found in the longer (a reader's fragment inside a long claim, or a short claim inside
 *   a long submission), discounted for very short sides;
 * - numbers (numbers.ts): "212 million" = "212,000,000" = "٢١٢ مليون"; a number stated by both
 *   but different (another amount, another year) pulls the score down;
 * - names and places: when the two texts are the same sentence but for one swapped name or place
 *   (capitalized in English/French; any Arabic word, there being no capitals), it is another claim.
 */
import { searchKey } from '../extract/normalize';
import { isNumberToken, quantities } from './numbers';

export interface ClaimProfile {
  grams: Map<string, number>;
  size: number;
  numbers: Set<number>;
  /** Search-key tokens in order; quantities (digits, number words) are '#'. */
  seq: string[];
  /** Distinct content tokens (no stop words, no quantities). */
  content: string[];
  /** Search-key forms of the words written with a capital (names, places) in en/fr. */
  capitals: Set<string>;
}

/**
 * Precompute what comparisons need, so a query text is analysed once for many candidates.
 * `key` is the text's search key when the caller has it already (a stored claim's
 * `claims.search_text` is `searchKey(text)`), saving the normalization of every candidate.
 */
export function claimProfile(text: string, key: string = searchKey(text)): ClaimProfile {
  const chars = Array.from(` ${key} `);
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= chars.length; i++) {
    const g = chars[i]! + chars[i + 1]! + chars[i + 2]!;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  const seq = key
    .split(' ')
    .filter(Boolean)
    .map((t) => (isNumberToken(t) ? '#' : t));
  const content = [...new Set(seq.filter((t) => t !== '#' && t.length >= 2 && !STOPWORDS.has(t)))];
  // Quantities and capitals are read on first use: most candidates are ruled out without them.
  let numbers: Set<number> | undefined;
  let capitals: Set<string> | undefined;
  return {
    grams,
    size: Math.max(0, chars.length - 2),
    get numbers() {
      return (numbers ??= new Set(numbersIn(text)));
    },
    seq,
    content,
    get capitals() {
      return (capitals ??= capitalsOf(text));
    },
  };
}

function capitalsOf(text: string): Set<string> {
  const capitals = new Set<string>();
  for (const m of text.normalize('NFKC').matchAll(/\p{Lu}\p{L}*/gu)) {
    const k = searchKey(m[0]);
    if (k && !STOPWORDS.has(k)) capitals.add(k);
  }
  return capitals;
}

/** Dice coefficient of two trigram multisets, 0..1. */
export function trigramDice(a: ClaimProfile, b: ClaimProfile): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.grams.size <= b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams];
  let shared = 0;
  for (const [g, n] of small) shared += Math.min(n, large.get(g) ?? 0);
  return (2 * shared) / (a.size + b.size);
}

/** The quantities a text states, scales and number words applied (see numbers.ts). */
export function numbersIn(text: string): number[] {
  return quantities(text);
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

/** Same word up to a clitic or an ending: "immigrant"/"immigrants", "بدبي"/"دبي", "maroc"/"marocain". */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length < 4) return false;
  if (l.startsWith(s) && l.length - s.length <= 3) return true;
  if (/^[\u0600-\u06FF]/.test(l) && /^[وبلف]/.test(l) && l.slice(1) === s) return true;
  let p = 0;
  while (p < s.length && s[p] === l[p]) p++;
  return p >= 5 && s.length - p <= 3 && l.length - p <= 3;
}

/** What a fully contained side of 1, 2, 3 words or quantities is worth: a word or two is no claim. */
const SHORT_SIDE = [0, 0.35, 0.55, 0.85];

/** How many of `a`'s content words `b` has too. */
function wordsFound(a: ClaimProfile, b: ClaimProfile): number {
  let found = 0;
  for (const t of a.content) if (b.content.some((u) => sameWord(t, u))) found++;
  return found;
}

/**
 * Share of `a`'s words and quantities found in `b`, discounted when `a` has very few of them.
 * `words`: wordsFound(a, b) when already known.
 */
function coverage(a: ClaimProfile, b: ClaimProfile, words = wordsFound(a, b)): number {
  let found = words;
  for (const n of a.numbers) if (b.numbers.has(n)) found++;
  const n = a.content.length + a.numbers.size;
  if (n === 0) return 0;
  return (found / n) * (SHORT_SIDE[n] ?? 1);
}

/**
 * An upper bound of coverage(x, y) that reads no quantities of x or y: `shared` is at least the
 * number of quantities both state. With f of its n words found and k quantities of which s ≤ k
 * and s ≤ shared are found, coverage is at most (f + s) / (n + s) ≤ (f + shared) / (n + shared)
 * (the short-side discount is at most 1).
 */
function coverageBound(x: ClaimProfile, words: number, shared: number): number {
  const n = x.content.length + shared;
  return n === 0 ? 0 : (words + shared) / n;
}

/** Score of a text wholly contained in the other: below 1, which is kept for the same text. */
const CONTAINED = 0.95;

/** Containment both ways: a short text inside a long one, whichever is the query. */
export function containment(a: ClaimProfile, b: ClaimProfile): number {
  return CONTAINED * Math.max(coverage(a, b), coverage(b, a));
}

/**
 * Names or places swapped in an otherwise identical sentence: the longest common subsequence of
 * the two token sequences covers at least 75% of the shorter, and between two aligned stretches
 * each side has 1-3 content words of its own, one of them a name (capitalized, in Latin script)
 * or an Arabic word (one for one, or in a sentence at least 85% the same). Quantities are left to numberAgreement.
 */
export function swappedNames(a: ClaimProfile, b: ClaimProfile): number {
  const x = a.seq;
  const y = b.seq;
  if (x.length === 0 || y.length === 0 || x.length * y.length > 40_000) return 0;
  const eq = (i: number, j: number) => sameWord(x[i]!, y[j]!);
  // LCS table, then walk it to list the gaps between aligned tokens.
  const w = y.length + 1;
  const t = new Uint16Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      t[i * w + j] = eq(i, j)
        ? t[(i + 1) * w + j + 1]! + 1
        : Math.max(t[(i + 1) * w + j]!, t[i * w + j + 1]!);
  const cover = t[0]! / Math.min(x.length, y.length);
  if (cover < 0.75) return 0;
  let swaps = 0;
  let gapA: string[] = [];
  let gapB: string[] = [];
  const nameLike = (tok: string, p: ClaimProfile) =>
    /^[\u0600-\u06FF]/.test(tok) ? tok.length >= 3 : p.capitals.has(tok);
  const closeGap = () => {
    const ca = gapA.filter((u) => u !== '#' && !STOPWORDS.has(u));
    const cb = gapB.filter((u) => u !== '#' && !STOPWORDS.has(u));
    const arabic = /^[\u0600-\u06FF]/.test(ca[0] ?? cb[0] ?? '');
    if (
      ca.length > 0 &&
      cb.length > 0 &&
      ca.length <= 3 &&
      cb.length <= 3 &&
      gapA.length <= 5 &&
      gapB.length <= 5 &&
      (ca.some((u) => nameLike(u, a)) || cb.some((u) => nameLike(u, b))) &&
      // Arabic has no capitals: a one-for-one swap, or nearly the whole sentence otherwise the same.
      (!arabic || ca.length === cb.length || cover >= 0.85)
    )
      swaps++;
    gapA = [];
    gapB = [];
  };
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (eq(i, j)) {
      closeGap();
      i++;
      j++;
    } else if (t[(i + 1) * w + j]! >= t[i * w + j + 1]!) gapA.push(x[i++]!);
    else gapB.push(y[j++]!);
  }
  while (i < x.length) gapA.push(x[i++]!);
  while (j < y.length) gapB.push(y[j++]!);
  closeGap();
  return swaps;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Score kept when a name or place was swapped. */
const SWAP_FACTOR = 0.5;

/**
 * Overall similarity of two claims, 0..1 (three decimals). With a `floor` (the caller's threshold),
 * a pair that cannot reach it is answered early with a value below the floor (not its exact
 * score): first from an upper bound that reads no quantities of `b` (trigrams, and containment
 * counting every quantity of `a` as found: those of `b` are only read when the bound passes), then
 * before the name/place check (the costliest step, an alignment of both token sequences), which
 * can only lower the score. At or above the floor the answer is exact. `a` is the side compared
 * with many others (its quantities are read once).
 */
export function claimSimilarity(a: ClaimProfile, b: ClaimProfile, floor = 0): number {
  const dice = trigramDice(a, b);
  const wordsA = wordsFound(a, b);
  const wordsB = wordsFound(b, a);
  if (floor > 0) {
    const shared = a.numbers.size;
    const bound = Math.max(
      dice,
      CONTAINED * Math.max(coverageBound(a, wordsA, shared), coverageBound(b, wordsB, shared)),
    );
    if (round3(bound) < floor) return round3(bound);
  }
  const text = Math.max(dice, CONTAINED * Math.max(coverage(a, b, wordsA), coverage(b, a, wordsB)));
  const unswapped = Math.min(1, text * numberAgreement(a.numbers, b.numbers));
  if (round3(unswapped) < floor) return round3(unswapped);
  return round3(swappedNames(a, b) > 0 ? unswapped * SWAP_FACTOR : unswapped);
}

/**
 * Below this, a stored claim is not offered as a possible match. Calibrated on the tune half of the
 * matching set (test/data/matching/, `npm run eval -- matching --split tune`): the highest recall
 * whose precision is at least 0.98, translations left out.
 */
export const MATCH_THRESHOLD = 0.475;

// Words too common to help find a match: they would make the FTS OR-query touch most rows. Written
// in their search-key form (searchKey(): no accents, Arabic letter variants folded, the article
// stripped: "التي" is "تي"), so they compare equal to the indexed text with no folding at start-up;
// test/match/similarity.test.ts checks that each is its own search key.
const STOPWORDS = new Set(
  (
    'the a an of to in on at for and or but is are was were be been has have had that this these those it its by with from as not ' +
    'will would said says than more less over about into after before there their they he she his her we our you your who which ' +
    // reporting verbs: nearly every claim has one, so they find nothing in particular
    'according told claimed stated added affirme declare selon dit ajoute قال قالت اكد اكدت اضاف وفقا حسب ' +
    'le la les un une des du de d l et ou en au aux dans par pour sur que qui est sont ont ete il elle ils ce cette ces se sa son ses ne pas plus ' +
    'في من علي الي عن ان هذا هذه ذلك تي ذي ذين كان كانت قد ما لا او ثم مع بين عند كل هو هي هم انه بعد قبل حتي ' +
    // words of nearly every statistic: they tell no claim apart
    'بنسبه خلال عام نحو حوالي سنويا يوميا percent per year years ans annee pourcent'
  ).split(' '),
);

/** The stopwords, as search-key tokens (d1/matches.ts binds them to derive a stored claim's terms). */
export const STOPWORD_LIST: readonly string[] = [...STOPWORDS];

/** How many terms of a text query the full-text index (d1/matches.ts). */
export const MATCH_TERMS_MAX = 12;

/**
 * Search-key tokens worth querying the full-text index with, most distinctive first (longest; ties
 * in the order they first occur). Lengths count code points, as SQLite's length() does: d1/matches.ts
 * derives the same terms from a stored claim inside SQLite.
 */
export function matchTerms(text: string, max = 24): string[] {
  const seen = new Map<string, number>();
  for (const t of searchKey(text).split(' ')) {
    if (seen.has(t) || STOPWORDS.has(t)) continue;
    const length = codePoints(t);
    if (length >= 2) seen.set(t, length);
  }
  return [...seen]
    .sort((x, y) => y[1] - x[1])
    .slice(0, max)
    .map(([t]) => t);
}

/** Length in code points (a UTF-16 length, less one per surrogate pair). */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
