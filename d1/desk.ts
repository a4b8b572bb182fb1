/**
 * Desk-only reads that core's d1/ modules do not offer: the filtered queue with per-status
 * counts, the article picker, the active scale id and an article's text for claim context.
 */
import type { ClaimStatus } from '../worker/lib/status';
import {
  CLAIM_DETAIL_STATEMENTS,
  claimDetailStatements,
  toClaimDetail,
  type ClaimDetail,
} from './claim-detail';
import {
  CLAIM_COLUMNS,
  claimConditions,
  LATEST_RATING,
  toClaim,
  type Claim,
  type ClaimRow,
} from './claims';
import { toRating, type Rating, type RatingRow } from './ratings';
import { ftsQuery } from './search';
import { toUser, type User, type UserRow } from './users';
import { feedbackStatements, toFeedbackSummary, type FeedbackSummary } from './feedback';
import { collabStatements, toCollab, type Collab } from './collab';

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

const RATINGS_SQL = `SELECT r.key, r.value, r.color, r.position, r.labels FROM ratings r
  JOIN rating_scales s ON s.id = r.scale_id WHERE s.active = 1 ORDER BY r.position`;
const ACTIVE_USERS_SQL = `SELECT id, email, name, role, locale, active, created_at FROM users WHERE active = 1 ORDER BY name, id`;

export interface QueueScreen extends QueuePage {
  /** Ratings of the active scale, users that can be assigned, recent articles: the filter choices. */
  ratings: Rating[];
  users: User[];
  articles: ArticleOption[];
}

/**
 * Everything the queue page shows, in ONE round trip: the page (newest first, cursor paging),
 * the counts per status, and the filter choices. A text query with no searchable word matches
 * nothing rather than everything.
 */
export async function queueScreen(db: D1Database, f: QueueFilters): Promise<QueueScreen> {
  const match = f.q && f.q.trim() ? (ftsQuery(f.q) ?? '""') : null;
  const pageWhere = claimConditions({ ...f, match });
  const countWhere = claimConditions({ ...f, match }, false);
  const [page, counts, ratings, users, articles] = await db.batch<unknown>([
    db
      .prepare(
        `SELECT ${CLAIM_COLUMNS}, u.name AS assignee_name, ${LATEST_RATING} AS rating_key
         FROM claims c LEFT JOIN users u ON u.id = c.assignee_id
         ${pageWhere.sql} ORDER BY c.seq DESC LIMIT ?${pageWhere.params.length + 1}`,
      )
      .bind(...pageWhere.params, f.limit + 1),
    // Without a filter the counts are the trigger-kept totals (migrations/0007_scale.sql), not a
    // read of the whole claims_status index on every page load.
    countWhere.sql === ''
      ? db.prepare(`SELECT status, n FROM claim_status_counts WHERE n > 0`)
      : db
          .prepare(
            `SELECT c.status, count(*) AS n FROM claims c ${countWhere.sql} GROUP BY c.status`,
          )
          .bind(...countWhere.params),
    db.prepare(RATINGS_SQL),
    db.prepare(ACTIVE_USERS_SQL),
    db.prepare(
      `SELECT a.id, a.title, a.language FROM articles a ORDER BY a.created_at DESC, a.rowid DESC LIMIT 50`,
    ),
  ]);
  const rows = (page?.results ?? []) as (ClaimRow & {
    assignee_name: string | null;
    rating_key: string | null;
  })[];
  const shown = rows.slice(0, f.limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => ({
      ...toClaim(row),
      assigneeName: row.assignee_name,
      ratingKey: row.rating_key,
    })),
    nextCursor: rows.length > f.limit && last ? last.seq : null,
    counts: Object.fromEntries(
      ((counts?.results ?? []) as { status: ClaimStatus; n: number }[]).map((r) => [r.status, r.n]),
    ),
    ratings: ((ratings?.results ?? []) as RatingRow[]).map(toRating),
    users: ((users?.results ?? []) as UserRow[]).map(toUser),
    articles: (articles?.results ?? []) as ArticleOption[],
  };
}

export interface ArticleOption {
  id: string;
  title: string | null;
  language: string;
}

export interface ArticleText {
  id: string;
  title: string | null;
  url: string | null;
  language: string;
  direction: 'ltr' | 'rtl';
  body: string;
}

export interface WorkspaceData {
  detail: ClaimDetail;
  /** The article the claim was extracted from, if any (for its context). */
  article: ArticleText | null;
  ratings: Rating[];
  /** Active users (assignment choices). */
  users: User[];
  /** What readers said on the public claim page. */
  feedback: FeedbackSummary;
  /** Internal notes, due date, tags, checklist (d1/collab.ts). */
  collab: Collab | null;
}

/**
 * The claim workspace in ONE round trip: the same four reads as getClaimDetail (claim, sources,
 * verdict history, audit trail, with core's statements and mappers) plus the article text, the
 * rating scale and the assignable users.
 */
export async function workspaceData(db: D1Database, id: string): Promise<WorkspaceData | null> {
  const results = await db.batch<unknown>([
    ...claimDetailStatements(db, id),
    db
      .prepare(
        `SELECT a.id, a.title, a.url, a.language, a.direction, a.body FROM articles a WHERE a.id = (SELECT article_id FROM claims WHERE id = ?1)`,
      )
      .bind(id),
    db.prepare(RATINGS_SQL),
    db.prepare(ACTIVE_USERS_SQL),
    ...feedbackStatements(db, id, 5),
    ...collabStatements(db, id),
  ]);
  const detail = toClaimDetail(results.slice(0, CLAIM_DETAIL_STATEMENTS));
  const [article, ratings, users, feedbackCounts, feedbackReasons, ...collab] =
    results.slice(CLAIM_DETAIL_STATEMENTS);
  if (!detail) return null;
  return {
    detail,
    article: ((article?.results ?? []) as ArticleText[])[0] ?? null,
    ratings: ((ratings?.results ?? []) as RatingRow[]).map(toRating),
    users: ((users?.results ?? []) as UserRow[]).map(toUser),
    feedback: toFeedbackSummary(feedbackCounts, feedbackReasons),
    collab: toCollab(collab),
  };
}

/** Id of the rating scale in use (admin edits write to it). */
export async function activeScaleId(db: D1Database): Promise<string | null> {
  const row = await db
    .prepare(`SELECT s.id FROM rating_scales s WHERE s.active = 1 ORDER BY s.id LIMIT 1`)
    .first<{ id: string }>();
  return row?.id ?? null;
}
