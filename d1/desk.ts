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
import { CLAIM_COLUMNS, claimConditions, toClaim, type Claim, type ClaimRow } from './claims';
import { toRating, type Rating, type RatingRow } from './ratings';
import { ftsQuery } from './search';
import { toUser, type User, type UserRow } from './users';
import { feedbackStatements, toFeedbackSummary, type FeedbackSummary } from './feedback';
import { collabStatements, toCollab, type Collab } from './collab';
import { submissionsStatement, submissionSummaries, type SubmissionSummary } from './submissions';

/** "Work to do": what the queue opens on (candidates are triaged on their article's page). */
export const WORK_STATUSES = ['submitted', 'queued', 'in_review'] as const;
/** The same set as SQL, spelled exactly as the partial indexes of migrations/0010 (so they apply). */
const WORK_SQL = `c.status IN ('submitted', 'queued', 'in_review')`;

/** Orders of the queue: newest first, or by one priority, newest first among equals. */
export const QUEUE_SORTS = ['newest', 'score', 'demand', 'due', 'updated'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** Each sort's key (as in the indexes of migrations/0010) and direction; seq DESC breaks ties. */
const SORT_KEYS: Record<Exclude<QueueSort, 'newest'>, { sql: string; dir: 'ASC' | 'DESC' }> = {
  score: { sql: 'ifnull(c.score, -1)', dir: 'DESC' },
  demand: { sql: 'c.submission_count', dir: 'DESC' },
  due: { sql: `ifnull(c.due_date, '9999-12-31')`, dir: 'ASC' },
  updated: { sql: 'c.updated_at', dir: 'DESC' },
};

export interface QueueFilters {
  /** One status, 'work' (WORK_STATUSES), or undefined for every status. */
  status?: ClaimStatus | 'work';
  language?: string;
  articleId?: string;
  /** Rating key of the claim's newest verdict version. */
  rating?: string;
  /** An account id, or null for unassigned claims. */
  assigneeId?: number | null;
  /** Free text, matched with the same normalizer and FTS index as /api/v1/search. */
  q?: string;
  sort?: QueueSort;
  /** Keyset cursor from `nextCursor`: `seq` (newest) or `<sort key>~<seq>`. */
  cursor?: string;
  limit: number;
  /** Claims to describe beside the page (id, text, status): the ones a bulk action left alone. */
  describe?: readonly string[];
}

export interface QueueItem extends Claim {
  assigneeName: string | null;
  ratingKey: string | null;
  dueDate: string | null;
}

export interface ClaimBrief {
  id: string;
  text: string;
  language: string;
  status: ClaimStatus;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
  /** Claims per status under the same filters (status itself ignored). */
  counts: Partial<Record<ClaimStatus, number>>;
  described: ClaimBrief[];
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

type QueueRow = ClaimRow & {
  assignee_name: string | null;
  rating_key: string | null;
  due_date: string | null;
  sort_key: string | number | null;
};

/**
 * The index that walks the page in its order, when no sharper filter (text, article) has its own
 * index: over the work set the partial indexes of migrations/0010, for one status or for every
 * status the sort indexes of migrations/0018 (`claims_status_<sort>`, `claims_all_<sort>`). Named
 * with INDEXED BY: without table statistics the planner would read every matching claim through
 * claims_status and sort them, instead of stopping after a page. Newest first without the work
 * set needs no name: claims_status (status, seq) or the primary key is exact.
 */
function queueIndex(f: QueueFilters, sort: QueueSort): string | null {
  if (f.q || f.articleId) return null;
  // Newest first within one rating: the rating's claims in seq order (migrations/0021), exact for
  // one status; over the work set or every status it reads the rating's newest claims only.
  if (f.rating && sort === 'newest')
    return f.status && f.status !== 'work' ? 'claims_rating_status' : 'claims_rating_seq';
  if (f.status === 'work') {
    if (sort !== 'newest') return `claims_work_${sort}`;
    return f.assigneeId === null ? 'claims_work_unassigned' : 'claims_work_seq';
  }
  if (sort === 'newest') return null;
  return f.status ? `claims_status_${sort}` : `claims_all_${sort}`;
}

/** Unassigned claims per status: the trigger-kept totals minus the assigned claims. */
const UNASSIGNED_COUNTS_SQL = `SELECT t.status, t.n - ifnull(a.n, 0) AS n FROM claim_status_counts t
  LEFT JOIN (SELECT c.status, count(*) AS n FROM claims c INDEXED BY claims_assignee
    WHERE c.assignee_id IS NOT NULL GROUP BY c.status) a
    ON a.status = t.status
  WHERE t.n - ifnull(a.n, 0) > 0`;

/** The WHERE of the queue: core's filters, plus the work set, "unassigned" and the keyset cursor. */
function queueConditions(f: QueueFilters, match: string | null, page: boolean) {
  const status = f.status === 'work' ? undefined : f.status;
  const where = claimConditions(
    {
      ...f,
      status,
      assigneeId: f.assigneeId ?? undefined,
      match,
      cursor: undefined,
    },
    page,
  );
  const terms = where.sql ? [where.sql.replace(/^WHERE /, '')] : [];
  const params = [...where.params];
  const inWork =
    f.status === 'work' ||
    (status !== undefined && (WORK_STATUSES as readonly string[]).includes(status));
  if (page && inWork) terms.push(WORK_SQL);
  if (f.assigneeId === null) terms.push('c.assignee_id IS NULL');
  const sort = f.sort ?? 'newest';
  if (page && f.cursor) {
    const tilde = f.cursor.lastIndexOf('~');
    const seq = Number(tilde < 0 ? f.cursor : f.cursor.slice(tilde + 1));
    if (sort === 'newest' || tilde < 0) {
      params.push(seq);
      terms.push(`c.seq < ?${params.length}`);
    } else {
      const { sql, dir } = SORT_KEYS[sort];
      const raw = f.cursor.slice(0, tilde);
      params.push(sort === 'score' || sort === 'demand' ? Number(raw) : raw, seq);
      const [k, s] = [params.length - 1, params.length];
      const [ge, gt] = dir === 'DESC' ? ['<=', '<'] : ['>=', '>'];
      // A range seek on the key, then the tie-break on seq inside it.
      terms.push(`${sql} ${ge} ?${k} AND (${sql} ${gt} ?${k} OR c.seq < ?${s})`);
    }
  }
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

/**
 * Everything the queue page shows, in ONE round trip: the page (in the chosen order, keyset
 * paging), the counts per status, the filter choices and the claims to describe. A text query
 * with no searchable word matches nothing rather than everything.
 */
export async function queueScreen(db: D1Database, f: QueueFilters): Promise<QueueScreen> {
  const match = f.q && f.q.trim() ? (ftsQuery(f.q) ?? '""') : null;
  const sort = f.sort ?? 'newest';
  const key = sort === 'newest' ? null : SORT_KEYS[sort];
  const pageWhere = queueConditions(f, match, true);
  const countWhere = queueConditions(f, match, false);
  const order = key ? `${key.sql} ${key.dir}, c.seq DESC` : 'c.seq DESC';
  const describe = (f.describe ?? []).slice(0, 100);
  const indexed = queueIndex(f, sort);
  // Only a language chosen: the counts are the trigger-kept totals per language (migrations/0018).
  const languageOnly =
    !!f.language && !f.articleId && !f.rating && !match && f.assigneeId === undefined;
  // Only "unassigned" chosen: every claim of a status minus the assigned ones (few, read through
  // claims_assignee), instead of counting every unassigned claim.
  const unassignedOnly =
    f.assigneeId === null && !f.language && !f.articleId && !f.rating && !match;
  // A rating chosen: count from the rating's index entries (covering, also with a language and/or
  // an assignee filter), not from each claim row.
  const countIndex =
    f.rating && !match && !f.articleId
      ? f.language && f.assigneeId === undefined
        ? 'INDEXED BY claims_rating_language'
        : 'INDEXED BY claims_rating_status'
      : '';
  const [page, counts, ratings, users, articles, described] = await db.batch<unknown>([
    db
      .prepare(
        `SELECT ${CLAIM_COLUMNS}, u.name AS assignee_name, c.current_rating AS rating_key, c.due_date,
           ${key ? key.sql : 'c.seq'} AS sort_key
         FROM claims c ${indexed ? `INDEXED BY ${indexed}` : ''} LEFT JOIN users u ON u.id = c.assignee_id
         ${pageWhere.sql} ORDER BY ${order} LIMIT ?${pageWhere.params.length + 1}`,
      )
      .bind(...pageWhere.params, f.limit + 1),
    // Without a filter the counts are the trigger-kept totals (migrations/0007_scale.sql), not a
    // read of the whole claims_status index on every page load.
    countWhere.sql === ''
      ? db.prepare(`SELECT status, n FROM claim_status_counts WHERE n > 0`)
      : unassignedOnly
        ? db.prepare(UNASSIGNED_COUNTS_SQL)
        : languageOnly
          ? db
              .prepare(`SELECT status, n FROM claim_language_counts WHERE language = ?1 AND n > 0`)
              .bind(f.language)
          : db
              .prepare(
                `SELECT c.status, count(*) AS n FROM claims c ${countIndex} ${countWhere.sql} GROUP BY c.status`,
              )
              .bind(...countWhere.params),
    db.prepare(RATINGS_SQL),
    db.prepare(ACTIVE_USERS_SQL),
    db.prepare(
      `SELECT a.id, a.title, a.language FROM articles a ORDER BY a.created_at DESC, a.rowid DESC LIMIT 50`,
    ),
    db
      .prepare(
        `SELECT c.id, c.text, c.language, c.status FROM claims c WHERE c.id IN (SELECT value FROM json_each(?1))`,
      )
      .bind(JSON.stringify(describe)),
  ]);
  const rows = (page?.results ?? []) as QueueRow[];
  const shown = rows.slice(0, f.limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => ({
      ...toClaim(row),
      assigneeName: row.assignee_name,
      ratingKey: row.rating_key,
      dueDate: row.due_date,
    })),
    nextCursor:
      rows.length > f.limit && last
        ? key
          ? `${String(last.sort_key)}~${last.seq}`
          : String(last.seq)
        : null,
    counts: Object.fromEntries(
      ((counts?.results ?? []) as { status: ClaimStatus; n: number }[]).map((r) => [r.status, r.n]),
    ),
    ratings: ((ratings?.results ?? []) as RatingRow[]).map(toRating),
    users: ((users?.results ?? []) as UserRow[]).map(toUser),
    articles: (articles?.results ?? []) as ArticleOption[],
    described: (described?.results ?? []) as ClaimBrief[],
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
  /** The readers' submissions behind the claim, newest first (at most READER_SUBMISSIONS). */
  submissions: SubmissionSummary[];
}

/** How many of a claim's submissions the workspace lists. */
export const READER_SUBMISSIONS = 50;

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
    submissionsStatement(db, id, READER_SUBMISSIONS),
    ...collabStatements(db, id),
  ]);
  const detail = toClaimDetail(results.slice(0, CLAIM_DETAIL_STATEMENTS));
  const [article, ratings, users, feedbackCounts, feedbackReasons, submissions, ...collab] =
    results.slice(CLAIM_DETAIL_STATEMENTS);
  if (!detail) return null;
  return {
    detail,
    article: ((article?.results ?? []) as ArticleText[])[0] ?? null,
    ratings: ((ratings?.results ?? []) as RatingRow[]).map(toRating),
    users: ((users?.results ?? []) as UserRow[]).map(toUser),
    feedback: toFeedbackSummary(feedbackCounts, feedbackReasons),
    collab: toCollab(collab),
    submissions: submissionSummaries(submissions),
  };
}

/** Id of the rating scale in use (admin edits write to it). */
export async function activeScaleId(db: D1Database): Promise<string | null> {
  const row = await db
    .prepare(`SELECT s.id FROM rating_scales s WHERE s.active = 1 ORDER BY s.id LIMIT 1`)
    .first<{ id: string }>();
  return row?.id ?? null;
}
