import {
  claimProfile,
  claimSimilarity,
  MATCH_THRESHOLD,
  MATCH_TERMS_MAX,
  matchTerms,
  STOPWORD_LIST,
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

/** A stored claim and its matches (the claim itself left out). */
export interface ClaimMatches {
  claim: { id: string; text: string };
  matches: ClaimMatch[];
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
  /** `searchKey(text)`, as stored for the full-text index: not normalized again per candidate. */
  search_text: string;
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

const MATCH_COLUMNS = `c.id, c.text, c.search_text, c.status, c.language, c.text_hash,
  CASE WHEN c.status = 'published' THEN (SELECT v.rating_key FROM verdicts v
    WHERE v.claim_id = c.id AND v.published_at IS NOT NULL ORDER BY v.version DESC LIMIT 1) END AS published_rating`;
const MATCH_FILTERS = `(?1 IS NULL OR c.id <> ?1) AND (?2 IS NULL OR c.article_id IS NOT ?2) AND (?3 = 0 OR c.status = 'published')`;

/**
 * The FTS5 MATCH expression for a text's terms (?4, a JSON array), built inside SQLite so that
 * counting the terms and ranking the candidates need no round trip in between. How many rows
 * contain each term (counting stops past the budget: a very common term costs no more than a rare
 * one); the known terms rarest first (ties in the text's order); the picked ones are a prefix of
 * them: at most MAX_TERMS, and past MIN_TERMS only while the running row count stays within
 * ROW_BUDGET. When the budget left terms out, an AND-group of the MAX_TERMS rarest known terms is
 * OR-ed in: it adds only the few rows that contain every one of them (a shortened or re-worded
 * copy), which bm25 then ranks first. Not all known terms: bm25 first reads the whole posting list
 * of every term in the expression (to count its rows), and the commonest ones are long.
 * No known term: `""`, which matches nothing.
 */
const pickTerms = (source: string, table: FtsTable) => `counts AS (
    SELECT j.key AS k, '"' || replace(j.value, '"', '""') || '"' AS q,
      (SELECT count(*) FROM (SELECT 1 FROM ${table}
         WHERE ${table} MATCH '"' || replace(j.value, '"', '""') || '"' LIMIT ${ROW_BUDGET + 1})) AS n
    FROM ${source} j),
  known AS (SELECT q, row_number() OVER w AS i, sum(n) OVER w AS running FROM counts WHERE n > 0
    WINDOW w AS (ORDER BY n, k)),
  expr AS (SELECT CASE WHEN count(*) FILTER (WHERE picked) < count(*)
      THEN '(' || group_concat(q, ' AND ') FILTER (WHERE i <= ${MAX_TERMS}) || ') OR ' ELSE '' END
      || group_concat(q, ' OR ') FILTER (WHERE picked) AS m
    FROM (SELECT q, i, i <= ${MAX_TERMS} AND (i <= ${MIN_TERMS} OR running <= ${ROW_BUDGET}) AS picked
          FROM known ORDER BY i))`;
/**
 * The full-text index candidates come from: every claim, or the published ones only
 * (claims_public_fts, migration 0020: same search key and tokenizer, kept by triggers on status),
 * so a published-only query ranks and counts among published claims instead of filtering all.
 */
type FtsTable = 'claims_fts' | 'claims_public_fts';
const PICKED = `coalesce((SELECT m FROM expr), '""')`;

/**
 * matchTerms(text, MATCH_TERMS_MAX) of the stored claim ?1, computed inside SQLite from its stored
 * search key, as rows (key, value) in matchTerms' order: the distinct tokens of at least 2
 * characters that are not stopwords (?6, a JSON array), longest first, ties in the order they first
 * occur. Search-key tokens are letters, digits, '.' and ',' only, so splitting on the spaces into
 * a JSON array needs no escaping. Lengths are in code points on both sides (matchTerms counts so).
 */
const CLAIM_TERMS = `src AS (SELECT search_text FROM claims WHERE id = ?1),
  toks AS (SELECT t.value AS v, min(t.key) AS pos
    FROM src, json_each('["' || replace(src.search_text, ' ', '","') || '"]') t
    WHERE length(t.value) >= 2 AND t.value NOT IN (SELECT value FROM json_each(?6)) GROUP BY t.value),
  qterms AS (SELECT row_number() OVER (ORDER BY length(v) DESC, pos) - 1 AS key, v AS value FROM toks
    ORDER BY key LIMIT ${MATCH_TERMS_MAX})`;
const STOPWORDS_JSON = JSON.stringify(STOPWORD_LIST);

/** The terms findMatchesOfClaim asks of the index for a stored claim, in order (to check them). */
export async function storedClaimTerms(db: D1Database, id: string): Promise<string[]> {
  const { results } = await db
    .prepare(`WITH ${CLAIM_TERMS} SELECT value FROM qterms ORDER BY key`)
    .bind(id, null, null, null, null, STOPWORDS_JSON)
    .all<{ value: string }>();
  return results.map((r) => r.value);
}

/**
 * Stored claims that say the same thing as `text`, most similar first: exact normalized-hash
 * matches, then bm25 full-text candidates (over the query's rarest terms) re-ranked by trigram
 * similarity and agreement of the numbers both texts state. One D1 round trip.
 */
export async function findMatches(
  db: D1Database,
  text: string,
  opts: MatchOptions = {},
): Promise<ClaimMatch[]> {
  const [matches] = await findMatchesMany(db, [text], opts);
  return matches ?? [];
}

/** findMatches for several texts (an article's candidates): still one round trip in all. */
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
  const termsOf = texts.map((t) => matchTerms(t, MATCH_TERMS_MAX));
  const withTerms = termsOf.map((terms, i) => ({ terms, i })).filter(({ terms }) => terms.length);

  // One round trip: exact hash matches, and per text its bm25 candidates.
  const [exactResult, ...second] = await db.batch<MatchRow>([
    db
      .prepare(
        `SELECT ${MATCH_COLUMNS} FROM claims c WHERE c.text_hash IN (SELECT value FROM json_each(?4)) AND ${MATCH_FILTERS}
        ORDER BY c.seq DESC LIMIT 500`,
      )
      .bind(...filters, JSON.stringify([...new Set(hashes)])),
    ...withTerms.map(({ terms }) =>
      candidatesStatement(db, opts, { terms: JSON.stringify(terms) }),
    ),
  ]);
  const exact = exactResult?.results ?? [];
  const ftsRows = new Map(withTerms.map(({ i }, k) => [i, second[k]?.results ?? []]));

  return texts.map((text, i) => rerank(text, hashes[i], exact, ftsRows.get(i) ?? [], opts));
}

/**
 * The matches of a stored claim (the claim left out), and its id and text: what findMatches gives
 * for its text, in one D1 round trip without reading the claim first. Its normalized-text hash and
 * its terms come from the stored row (CLAIM_TERMS). Null when there is no such claim.
 */
export async function findMatchesOfClaim(
  db: D1Database,
  id: string,
  opts: Omit<MatchOptions, 'excludeId'> = {},
): Promise<ClaimMatches | null> {
  const options: MatchOptions = { ...opts, excludeId: id };
  const [claimResult, exactResult, candidates] = await db.batch<MatchRow>([
    db.prepare(`SELECT ${MATCH_COLUMNS} FROM claims c WHERE c.id = ?1`).bind(id),
    db
      .prepare(
        `SELECT ${MATCH_COLUMNS} FROM claims c
        WHERE c.text_hash = (SELECT text_hash FROM claims WHERE id = ?1) AND ${MATCH_FILTERS}
        ORDER BY c.seq DESC LIMIT 500`,
      )
      .bind(id, opts.excludeArticleId ?? null, opts.publishedOnly ? 1 : 0),
    candidatesStatement(db, options, { claimId: id }),
  ]);
  const claim = claimResult?.results[0];
  if (!claim) return null;
  const ftsRows = (candidates?.results ?? []).filter((r) => r.id !== id).slice(0, FTS_CANDIDATES);
  return {
    claim: { id: claim.id, text: claim.text },
    matches: rerank(claim.text, claim.text_hash, exactResult?.results ?? [], ftsRows, options),
  };
}

/**
 * One text's exact-hash rows and bm25 candidates → its matches, most similar first. The excluded
 * claim is dropped here (the index-only ranking cannot filter it) and FTS_CANDIDATES re-ranked.
 */
function rerank(
  text: string,
  hash: string | undefined,
  exact: MatchRow[],
  candidates: MatchRow[],
  opts: MatchOptions,
): ClaimMatch[] {
  const threshold = opts.threshold ?? MATCH_THRESHOLD;
  const limit = opts.limit ?? 10;
  const found = new Map<string, ClaimMatch>();
  for (const row of exact) if (row.text_hash === hash) found.set(row.id, toMatch(row, 1));
  const query = claimProfile(text);
  for (const row of candidates.filter((r) => r.id !== opts.excludeId).slice(0, FTS_CANDIDATES)) {
    if (found.has(row.id)) continue;
    const similarity = claimSimilarity(query, claimProfile(row.text, row.search_text), threshold);
    if (similarity >= threshold) found.set(row.id, toMatch(row, similarity));
  }
  return [...found.values()]
    .sort(
      (a, b) =>
        b.similarity - a.similarity ||
        Number(b.status === 'published') - Number(a.status === 'published'),
    )
    .slice(0, limit);
}

/**
 * The bm25 candidates for one MATCH expression. Ranking reads only the FTS index; reading each
 * hit's claim row first (to filter it) cost more than the ranking itself (25-40 ms for ~3,000
 * hits at 100,000 claims, against 5-12 ms). So unless an article's claims are left out, the
 * index ranks FTS_CANDIDATES + 1 hits and only those claim rows are read (the caller drops the
 * excluded claim); published-only reads the published claims' own index. The article filter
 * still filters before ranking.
 */
function candidatesStatement(
  db: D1Database,
  opts: MatchOptions,
  query: { terms: string } | { claimId: string },
) {
  // A text's terms are bound as ?4; a stored claim's are computed from its row (?1 is then the
  // claim, always excluded, and ?6 the stopwords).
  const table: FtsTable = opts.publishedOnly ? 'claims_public_fts' : 'claims_fts';
  const { withTerms, terms, excludeId, extra } =
    'terms' in query
      ? {
          withTerms: `WITH ${pickTerms('json_each(?4)', table)}`,
          terms: query.terms,
          excludeId: opts.excludeId ?? null,
          extra: [],
        }
      : {
          withTerms: `WITH ${CLAIM_TERMS}, ${pickTerms('qterms', table)}`,
          terms: null,
          excludeId: query.claimId,
          extra: [STOPWORDS_JSON],
        };
  if (opts.excludeArticleId === undefined)
    return db
      .prepare(
        `${withTerms},
         top AS (SELECT rowid AS seq, bm25(${table}) AS r FROM ${table}
           WHERE ${table} MATCH ${PICKED} ORDER BY r LIMIT ?5)
         SELECT ${MATCH_COLUMNS} FROM top CROSS JOIN claims c ON c.seq = top.seq ORDER BY top.r`,
      )
      .bind(excludeId, null, 0, terms, FTS_CANDIDATES + 1, ...extra);
  return db
    .prepare(
      `${withTerms}
       SELECT ${MATCH_COLUMNS} FROM ${table} JOIN claims c ON c.seq = ${table}.rowid
       WHERE ${table} MATCH ${PICKED} AND ${MATCH_FILTERS} ORDER BY bm25(${table}) LIMIT ?5`,
    )
    .bind(
      excludeId,
      opts.excludeArticleId ?? null,
      opts.publishedOnly ? 1 : 0,
      terms,
      FTS_CANDIDATES,
      ...extra,
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
