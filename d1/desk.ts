/**
 * Desk-only reads that core's d1/ modules do not offer: the filtered queue with per-status
 * counts, the article picker, the active scale id and an article's text for claim context.
 */
import type { ClaimStatus } from '../worker/lib/status';
import { CLAIM_COLUMNS, toClaim, type Claim, type ClaimRow } from './claims';
import { ftsQuery } from './search';

export interface QueueFilters {
  status?: ClaimStatus;
  language?: string;
  articleId?: string;
  /** Rating key of the claim's newest verdict version. */
  rating?: string;
  assigneeId?: number;
  /** Free text, matched with the same normalizer and FTS index as /api/v1/search. */
  q?: string;
  /** seq of the last row of the previous page. */
  cursor?: number;
  limit: number;
}

export interface QueueItem extends Claim {
  assigneeName: string | null;
  ratingKey: string | null;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: number | null;
  /** Claims per status under the same filters (status itself ignored). */
  counts: Partial<Record<ClaimStatus, number>>;
}

const LATEST_RATING = `(SELECT v.rating_key FROM verdicts v WHERE v.claim_id = c.id ORDER BY v.version DESC LIMIT 1)`;
// ?1 language, ?2 article, ?3 assignee, ?4 rating, ?5 FTS match: shared by the page and the counts.
const FILTERS = `(?1 IS NULL OR c.language = ?1) AND (?2 IS NULL OR c.article_id = ?2) AND (?3 IS NULL OR c.assignee_id = ?3)
  AND (?4 IS NULL OR ?4 = ${LATEST_RATING})
  AND (?5 IS NULL OR c.seq IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?5))`;

/**
 * One queue page (newest first, cursor paging) and the counts per status, in one round trip.
 * A text query with no searchable word matches nothing rather than everything.
 */
export async function queuePage(db: D1Database, f: QueueFilters): Promise<QueuePage> {
  const match = f.q && f.q.trim() ? (ftsQuery(f.q) ?? '""') : null;
  const shared = [f.language ?? null, f.articleId ?? null, f.assigneeId ?? null, f.rating ?? null, match] as const;
  const [page, counts] = await db.batch<(ClaimRow & { assignee_name: string | null; rating_key: string | null }) | { status: ClaimStatus; n: number }>([
    db
      .prepare(
        `SELECT ${CLAIM_COLUMNS}, u.name AS assignee_name, ${LATEST_RATING} AS rating_key
         FROM claims c LEFT JOIN users u ON u.id = c.assignee_id
         WHERE ${FILTERS} AND (?6 IS NULL OR c.status = ?6) AND (?7 IS NULL OR c.seq < ?7)
         ORDER BY c.seq DESC LIMIT ?8`,
      )
      .bind(...shared, f.status ?? null, f.cursor ?? null, f.limit + 1),
    db.prepare(`SELECT c.status, count(*) AS n FROM claims c WHERE ${FILTERS} GROUP BY c.status`).bind(...shared),
  ]);
  const rows = (page?.results ?? []) as (ClaimRow & { assignee_name: string | null; rating_key: string | null })[];
  const shown = rows.slice(0, f.limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => ({ ...toClaim(row), assigneeName: row.assignee_name, ratingKey: row.rating_key })),
    nextCursor: rows.length > f.limit && last ? last.seq : null,
    counts: Object.fromEntries(((counts?.results ?? []) as { status: ClaimStatus; n: number }[]).map((r) => [r.status, r.n])),
  };
}

export interface ArticleOption {
  id: string;
  title: string | null;
  language: string;
}

/** The newest articles, for the queue's article filter. */
export async function recentArticles(db: D1Database, limit = 50): Promise<ArticleOption[]> {
  const { results } = await db
    .prepare(`SELECT a.id, a.title, a.language FROM articles a ORDER BY a.created_at DESC, a.rowid DESC LIMIT ?1`)
    .bind(limit)
    .all<ArticleOption>();
  return results;
}

export interface ArticleText {
  id: string;
  title: string | null;
  url: string | null;
  language: string;
  direction: 'ltr' | 'rtl';
  body: string;
}

/** Title, language and body of one article (a claim's context in the workspace). */
export async function articleText(db: D1Database, id: string): Promise<ArticleText | null> {
  return db
    .prepare(`SELECT a.id, a.title, a.url, a.language, a.direction, a.body FROM articles a WHERE a.id = ?1`)
    .bind(id)
    .first<ArticleText>();
}

/** Id of the rating scale in use (admin edits write to it). */
export async function activeScaleId(db: D1Database): Promise<string | null> {
  const row = await db.prepare(`SELECT s.id FROM rating_scales s WHERE s.active = 1 ORDER BY s.id LIMIT 1`).first<{ id: string }>();
  return row?.id ?? null;
}
