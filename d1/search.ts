import { searchKey } from '../worker/extract/normalize';
import { CLAIM_COLUMNS, toClaim, type Claim, type ClaimRow } from './claims';

/**
 * Turn a user query into an FTS5 MATCH expression: the query goes through the same normalizer
 * as the indexed text, and each token becomes a quoted string (so FTS operators in user input
 * are inert). All tokens must appear (AND). Returns null for a query with no word in it.
 */
export function ftsQuery(query: string, mode: 'all' | 'any' = 'all'): string | null {
  const terms = searchKey(query).split(' ').filter(Boolean).slice(0, 32);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(mode === 'all' ? ' ' : ' OR ');
}

export interface SearchHit {
  claim: Claim;
  rank: number;
}

/** Full-text search over claims, best bm25 first, optionally only published ones. */
export async function searchClaims(
  db: D1Database,
  query: string,
  opts: { limit: number; offset?: number; status?: string; language?: string } = { limit: 20 },
): Promise<SearchHit[]> {
  const match = ftsQuery(query);
  if (!match) return [];
  const { results } = await db
    .prepare(
      `SELECT ${CLAIM_COLUMNS}, bm25(claims_fts) AS rank FROM claims_fts
       JOIN claims c ON c.seq = claims_fts.rowid
       WHERE claims_fts MATCH ?1 AND (?2 IS NULL OR c.status = ?2) AND (?3 IS NULL OR c.language = ?3)
       ORDER BY rank LIMIT ?4 OFFSET ?5`,
    )
    .bind(match, opts.status ?? null, opts.language ?? null, opts.limit, opts.offset ?? 0)
    .all<ClaimRow & { rank: number }>();
  return results.map((row) => ({ claim: toClaim(row), rank: row.rank }));
}
