/**
 * STAND-INS for Workers AI and Vectorize, selected by `EMBEDDER=standin` (local development and
 * tests, which cannot reach Workers AI). They exercise the plumbing — queue, index, merge,
 * fallback — deterministically; they are NOT a language model and understand nothing.
 *
 * The embedder is a hashed bag of words: the text's search-key words (worker/extract/normalize),
 * minus a few function words, each word first mapped through a tiny ar/en/fr concept list (so that
 * a translated test pair about unemployment in Tunisia shares its words), hashed into 256 signed
 * buckets, scaled to unit length. The index keeps vectors in D1 (claim_embeddings.vector) and
 * answers a query by scanning them all: fine for a demo desk, not for 100,000 claims.
 */
import { allVectors, dropVectors, storeVectors } from '../../d1/embeddings';
import { searchKey } from '../extract/normalize';
import type { Embedder, VectorIndex } from './embed';

const DIMENSIONS = 256;

/** Concept → words in ar/en/fr (raw; folded through searchKey on first use). */
const CONCEPTS: Record<string, string[]> = {
  unemployment: ['unemployment', 'jobless', 'chômage', 'البطالة'],
  inflation: ['inflation', 'التضخم'],
  rise: [
    'rose',
    'rise',
    'rises',
    'increased',
    'climbed',
    'augmenté',
    'atteint',
    'grimpé',
    'ارتفع',
    'ارتفعت',
    'بلغ',
    'بلغت',
  ],
  fall: ['fell', 'fall', 'dropped', 'decreased', 'baissé', 'chuté', 'انخفض', 'انخفضت', 'تراجع'],
  tunisia: ['tunisia', 'tunisie', 'تونس'],
  morocco: ['morocco', 'maroc', 'المغرب'],
  egypt: ['egypt', 'égypte', 'مصر'],
  government: ['government', 'gouvernement', 'الحكومة'],
  prices: ['prices', 'price', 'prix', 'الأسعار', 'أسعار'],
  bread: ['bread', 'pain', 'الخبز', 'خبز'],
  million: ['million', 'millions', 'مليون', 'ملايين'],
  doubled: ['doubled', 'doublé', 'تضاعف', 'تضاعفت'],
  schools: ['schools', 'school', 'écoles', 'école', 'المدارس', 'مدارس'],
};

/** Words that carry no meaning for matching, in search-key form. */
const STOP_WORDS = [
  'the',
  'a',
  'an',
  'of',
  'in',
  'to',
  'by',
  'is',
  'was',
  'has',
  'have',
  'and',
  'on',
  'at',
  'for',
  'le',
  'la',
  'les',
  'l',
  'de',
  'des',
  'du',
  'd',
  'en',
  'a',
  'est',
  'et',
  'un',
  'une',
  'au',
  'aux',
  'pour',
  'cent',
  'percent',
  'pourcent',
  'المئة',
  'بالمئة',
  'بالمائة',
  'في',
  'من',
  'إلى',
  'الى',
  'على',
  'عام',
  'سنة',
  'year',
  'an',
  'annee',
];

let lexicon: { concept: Map<string, string>; stop: Set<string> } | undefined;

/** Built on first use: nothing heavy at module load (ARCHITECTURE "Start-up"). */
function standInLexicon() {
  if (lexicon) return lexicon;
  const concept = new Map<string, string>();
  for (const [name, words] of Object.entries(CONCEPTS))
    for (const w of words) concept.set(searchKey(w), name);
  lexicon = { concept, stop: new Set(STOP_WORDS.map(searchKey)) };
  return lexicon;
}

/** FNV-1a, 32 bits. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The stand-in vector of one text (unit length; all zeros for a text without words). */
export function standInVector(text: string): number[] {
  const { concept, stop } = standInLexicon();
  const v = new Array<number>(DIMENSIONS).fill(0);
  for (const word of searchKey(text).split(' ')) {
    if (!word || stop.has(word)) continue;
    const h = fnv1a(concept.get(word) ?? word);
    v[h % DIMENSIONS]! += h & 0x80000000 ? -1 : 1;
  }
  const norm = Math.hypot(...v);
  return norm === 0 ? v : v.map((x) => x / norm);
}

export function standInEmbedder(): Embedder {
  return {
    model: 'standin-hashed-words-v1',
    threshold: 0.6,
    async embed(texts) {
      return texts.map(standInVector);
    },
  };
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length && i < b.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** The stand-in index over claim_embeddings.vector (brute force). */
export function d1VectorIndex(db: D1Database): VectorIndex {
  return {
    upsert: (items) => storeVectors(db, items),
    async remove(ids) {
      if (ids.length > 0) await dropVectors(db, ids);
    },
    async query(values, topK) {
      return (await allVectors(db))
        .map((row) => ({ id: row.id, score: dot(values, row.values) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, topK);
    },
  };
}
