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
  /** Internal key of the claim: with `rank`, the position to continue after (see searchClaims). */
  seq: number;
}

/** Where the previous page stopped: the rank and seq of its last hit. */
export interface SearchCursor {
  rank: number;
  seq: number;
}

/**
 * Full-text search over claims, best bm25 first (ties: newest first), optionally only one status
 * or language. Pages by keyset, never OFFSET: the next page is the hits ranked after the previous
 * page's last (rank, seq), so a deep page costs what page 1 costs. bm25 scores depend on the whole
 * index, so a claim added between two pages may shift ranks slightly; seq keeps ties ordered.
 */
export async function searchClaims(
  db: D1Database,
  query: string,
  opts: { limit: number; cursor?: SearchCursor; status?: string; language?: string } = {
    limit: 20,
  },
): Promise<SearchHit[]> {
  const match = ftsQuery(query);
  if (!match) return [];
  const where = ['claims_fts MATCH ?1'];
  const params: unknown[] = [match];
  const add = (fragment: string) => where.push(fragment.replaceAll('?', `?${params.length}`));
  if (opts.status) {
    params.push(opts.status);
    add('c.status = ?');
  }
  if (opts.language) {
    params.push(opts.language);
    add('c.language = ?');
  }
  let after = '';
  if (opts.cursor) {
    params.push(opts.cursor.rank, opts.cursor.seq);
    const r = params.length - 1;
    after = `WHERE rank > ?${r} OR (rank = ?${r} AND seq < ?${r + 1})`;
  }
  const { results } = await db
    .prepare(
      `SELECT * FROM (
         SELECT ${CLAIM_COLUMNS}, bm25(claims_fts) AS rank FROM claims_fts
         CROSS JOIN claims c ON c.seq = claims_fts.rowid WHERE ${where.join(' AND ')})
       ${after} ORDER BY rank, seq DESC LIMIT ?${params.length + 1}`,
    )
    .bind(...params, opts.limit)
    .all<ClaimRow & { rank: number }>();
  return results.map((row) => ({ claim: toClaim(row), rank: row.rank, seq: row.seq }));
}
