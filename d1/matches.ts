import {
  claimProfile,
  claimSimilarity,
  MATCH_THRESHOLD,
  matchTerms,
} from '../worker/match/similarity';
import { claimTextHash } from './claims';

/** A stored claim that may be the same claim as a given text. */
export interface ClaimMatch {
  id: string;
  text: string;
  status: string;
  language: string;
  /** 0..1; 1 for the same text up to harakat, digits, case and spacing. */
  similarity: number;
  /** Rating of the latest published verdict, for published claims. */
  published_rating?: string | null;
}

export interface MatchOptions {
  /** Leave this claim out (the claim whose matches are asked for). */
  excludeId?: string;
  /** Leave out the claims extracted from this article (its own sentences). */
  excludeArticleId?: string;
  /** Only published claims (the public form shows only what has a verdict). */
  publishedOnly?: boolean;
  limit?: number;
  threshold?: number;
}

interface MatchRow {
  text_hash: string;
  id: string;
  text: string;
  status: string;
  language: string;
  published_rating: string | null;
}

/** How many full-text candidates are re-ranked per text. */
const FTS_CANDIDATES = 50;
/**
 * bm25 scores every row that shares a term with the query, so common terms make the OR-query
 * slow on a large table. Terms are taken rarest first until about this many rows would be scored
 * (at least MIN_TERMS of them): rare terms are also what tells a near-duplicate apart.
 */
const ROW_BUDGET = 2000;
const MIN_TERMS = 2;
const MAX_TERMS = 8;

const MATCH_COLUMNS = `c.id, c.text, c.status, c.language, c.text_hash,
  CASE WHEN c.status = 'published' THEN (SELECT v.rating_key FROM verdicts v
    WHERE v.claim_id = c.id AND v.published_at IS NOT NULL ORDER BY v.version DESC LIMIT 1) END AS published_rating`;
const MATCH_FILTERS = `(?1 IS NULL OR c.id <> ?1) AND (?2 IS NULL OR c.article_id IS NOT ?2) AND (?3 = 0 OR c.status = 'published')`;

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/**
 * Stored claims that say the same thing as `text`, most similar first: exact normalized-hash
 * matches, then bm25 full-text candidates (over the query's rarest terms) re-ranked by trigram
 * similarity and agreement of the numbers both texts state. Two D1 round trips.
 */
export async function findMatches(
  db: D1Database,
  text: string,
  opts: MatchOptions = {},
): Promise<ClaimMatch[]> {
  const [matches] = await findMatchesMany(db, [text], opts);
  return matches ?? [];
}

/** findMatches for several texts (an article's candidates): still two round trips in all. */
export async function findMatchesMany(
  db: D1Database,
  texts: string[],
  opts: MatchOptions = {},
): Promise<ClaimMatch[][]> {
  if (texts.length === 0) return [];
  const filters = [
    opts.excludeId ?? null,
    opts.excludeArticleId ?? null,
    opts.publishedOnly ? 1 : 0,
  ] as const;
  const hashes = await Promise.all(texts.map(claimTextHash));
  const termsOf = texts.map((t) => matchTerms(t, 12));
  const allTerms = [...new Set(termsOf.flat())];

  // Round trip 1: exact hash matches, and how many rows contain each query term.
  const first = await db.batch<MatchRow | { term: string; n: number }>([
    db
      .prepare(
        `SELECT ${MATCH_COLUMNS} FROM claims c WHERE c.text_hash IN (SELECT value FROM json_each(?4)) AND ${MATCH_FILTERS}
        ORDER BY c.seq DESC LIMIT 500`,
      )
      .bind(...filters, JSON.stringify([...new Set(hashes)])),
    ...(allTerms.length === 0
      ? []
      : [
          db
            .prepare(
              // Counting stops past the budget: a very common term costs no more than a rare one.
              `SELECT j.value AS term, (SELECT count(*) FROM (SELECT 1 FROM claims_fts
                 WHERE claims_fts MATCH '"' || replace(j.value, '"', '""') || '"' LIMIT ?2)) AS n
               FROM json_each(?1) j`,
            )
            .bind(JSON.stringify(allTerms), ROW_BUDGET + 1),
        ]),
  ]);
  const exact = (first[0]?.results ?? []) as MatchRow[];
  const rows = new Map<string, number>();
  for (const { term, n } of (first[1]?.results ?? []) as Array<{ term: string; n: number }>)
    rows.set(term, n);

  // Round trip 2: bm25 candidates over each text's rarest terms. When the budget left terms out,
  // an AND-group of all the text's known terms is OR-ed in: it adds only the few rows that
  // contain every one of them (a shortened or re-worded copy), which bm25 then ranks first.
  const plans = termsOf.map((terms) => {
    const known = terms
      .filter((t) => (rows.get(t) ?? 0) > 0)
      .sort((a, b) => rows.get(a)! - rows.get(b)!);
    const picked: string[] = [];
    let budget = 0;
    for (const t of known) {
      const n = rows.get(t)!;
      if (picked.length >= MAX_TERMS || (picked.length >= MIN_TERMS && budget + n > ROW_BUDGET))
        break;
      picked.push(t);
      budget += n;
    }
    if (picked.length === 0) return '';
    const any = picked.map(quote).join(' OR ');
    return picked.length < known.length ? `(${known.map(quote).join(' AND ')}) OR ${any}` : any;
  });
  const withTerms = plans.map((p, i) => ({ p, i })).filter(({ p }) => p !== '');
  const second =
    withTerms.length === 0
      ? []
      : await db.batch<MatchRow>(withTerms.map(({ p }) => candidatesStatement(db, p, opts)));
  const ftsRows = new Map(
    withTerms.map(({ i }, k) => [
      i,
      (second[k]?.results ?? []).filter((r) => r.id !== opts.excludeId).slice(0, FTS_CANDIDATES),
    ]),
  );

  const threshold = opts.threshold ?? MATCH_THRESHOLD;
  const limit = opts.limit ?? 10;
  return texts.map((text, i) => {
    const found = new Map<string, ClaimMatch>();
    for (const row of exact) if (row.text_hash === hashes[i]) found.set(row.id, toMatch(row, 1));
    const query = claimProfile(text);
    for (const row of ftsRows.get(i) ?? []) {
      if (found.has(row.id)) continue;
      const similarity = claimSimilarity(query, claimProfile(row.text));
      if (similarity >= threshold) found.set(row.id, toMatch(row, similarity));
    }
    return [...found.values()]
      .sort(
        (a, b) =>
          b.similarity - a.similarity ||
          Number(b.status === 'published') - Number(a.status === 'published'),
      )
      .slice(0, limit);
  });
}

/**
 * The bm25 candidates for one MATCH expression. Ranking reads only the FTS index; reading each
 * hit's claim row first (to filter it) cost more than the ranking itself (25-40 ms for ~3,000
 * hits at 100,000 claims, against 5-12 ms). So when the only filter is one excluded claim, the
 * index ranks FTS_CANDIDATES + 1 hits and only those claim rows are read (the caller drops the
 * excluded one); the article and published-only filters still filter before ranking.
 */
function candidatesStatement(db: D1Database, match: string, opts: MatchOptions) {
  if (!opts.publishedOnly && opts.excludeArticleId === undefined)
    return db
      .prepare(
        `WITH top AS (SELECT rowid AS seq, bm25(claims_fts) AS r FROM claims_fts
           WHERE claims_fts MATCH ?1 ORDER BY r LIMIT ?2)
         SELECT ${MATCH_COLUMNS} FROM top CROSS JOIN claims c ON c.seq = top.seq ORDER BY top.r`,
      )
      .bind(match, FTS_CANDIDATES + 1);
  return db
    .prepare(
      `SELECT ${MATCH_COLUMNS} FROM claims_fts JOIN claims c ON c.seq = claims_fts.rowid
       WHERE claims_fts MATCH ?4 AND ${MATCH_FILTERS} ORDER BY bm25(claims_fts) LIMIT ?5`,
    )
    .bind(
      opts.excludeId ?? null,
      opts.excludeArticleId ?? null,
      opts.publishedOnly ? 1 : 0,
      match,
      FTS_CANDIDATES,
    );
}

function toMatch(row: MatchRow, similarity: number): ClaimMatch {
  const match: ClaimMatch = {
    id: row.id,
    text: row.text,
    status: row.status,
    language: row.language,
    similarity,
  };
  if (row.status === 'published') match.published_rating = row.published_rating;
  return match;
}
