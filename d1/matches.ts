import { claimProfile, claimSimilarity, MATCH_THRESHOLD, matchTerms } from '../worker/match/similarity';
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
  id: string;
  text: string;
  status: string;
  language: string;
  published_rating: string | null;
}

/** How many full-text candidates are re-ranked per text. */
const FTS_CANDIDATES = 50;

const MATCH_COLUMNS = `c.id, c.text, c.status, c.language,
  CASE WHEN c.status = 'published' THEN (SELECT v.rating_key FROM verdicts v
    WHERE v.claim_id = c.id AND v.published_at IS NOT NULL ORDER BY v.version DESC LIMIT 1) END AS published_rating`;
const MATCH_FILTERS = `(?2 IS NULL OR c.id <> ?2) AND (?3 IS NULL OR c.article_id IS NOT ?3) AND (?4 = 0 OR c.status = 'published')`;

/**
 * Stored claims that say the same thing as `text`, most similar first: exact normalized-hash
 * matches, then bm25 full-text candidates re-ranked by trigram similarity and agreement of the
 * numbers both texts state. One D1 round trip.
 */
export async function findMatches(db: D1Database, text: string, opts: MatchOptions = {}): Promise<ClaimMatch[]> {
  const [matches] = await findMatchesMany(db, [text], opts);
  return matches ?? [];
}

/** findMatches for several texts (an article's candidates) in one batch. */
export async function findMatchesMany(db: D1Database, texts: string[], opts: MatchOptions = {}): Promise<ClaimMatch[][]> {
  if (texts.length === 0) return [];
  const filters = [opts.excludeId ?? null, opts.excludeArticleId ?? null, opts.publishedOnly ? 1 : 0] as const;
  const statements: D1PreparedStatement[] = [];
  const plans: Array<{ exact: number; fts: number | null }> = [];
  for (const text of texts) {
    const exact = statements.push(
      db
        .prepare(`SELECT ${MATCH_COLUMNS} FROM claims c WHERE c.text_hash = ?1 AND ${MATCH_FILTERS} ORDER BY c.seq DESC LIMIT 10`)
        .bind(await claimTextHash(text), ...filters),
    ) - 1;
    const terms = matchTerms(text);
    let fts: number | null = null;
    if (terms.length > 0) {
      const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
      fts = statements.push(
        db
          .prepare(
            `SELECT ${MATCH_COLUMNS} FROM claims_fts JOIN claims c ON c.seq = claims_fts.rowid
             WHERE claims_fts MATCH ?1 AND ${MATCH_FILTERS} ORDER BY bm25(claims_fts) LIMIT ?5`,
          )
          .bind(match, ...filters, FTS_CANDIDATES),
      ) - 1;
    }
    plans.push({ exact, fts });
  }
  const results = await db.batch<MatchRow>(statements);
  const threshold = opts.threshold ?? MATCH_THRESHOLD;
  const limit = opts.limit ?? 10;
  return texts.map((text, i) => {
    const plan = plans[i]!;
    const found = new Map<string, ClaimMatch>();
    for (const row of results[plan.exact]?.results ?? []) found.set(row.id, toMatch(row, 1));
    const query = claimProfile(text);
    for (const row of plan.fts === null ? [] : (results[plan.fts]?.results ?? [])) {
      if (found.has(row.id)) continue;
      const similarity = claimSimilarity(query, claimProfile(row.text));
      if (similarity >= threshold) found.set(row.id, toMatch(row, similarity));
    }
    return [...found.values()]
      .sort((a, b) => b.similarity - a.similarity || Number(b.status === 'published') - Number(a.status === 'published'))
      .slice(0, limit);
  });
}

function toMatch(row: MatchRow, similarity: number): ClaimMatch {
  const match: ClaimMatch = { id: row.id, text: row.text, status: row.status, language: row.language, similarity };
  if (row.status === 'published') match.published_rating = row.published_rating;
  return match;
}
