/**
 * What the public may read: claims with status 'published' and their published verdict versions.
 * Every page's reads travel in one db.batch() (one D1 round trip).
 */
import { alsoCheckedStatement, toAlsoChecked, type AlsoChecked } from './external-reviews';
import type { ClaimantType } from '../worker/lib/enums';
import { CLAIM_COLUMNS, toClaim, type Claim, type ClaimRow } from './claims';
import { toRating, type Rating, type RatingRow } from './ratings';
import { ftsQuery } from './search';
import { relatedStatements, toRelatedRead, type RelatedRow } from './related';
import { mapVersions, versionsStatement, type ClaimVersion } from './corrections';
import { publicSourcesStatement, toSource, type Source, type SourceRow } from './sources';
import { toVerdict, VERDICT_COLUMNS, type Verdict, type VerdictRow } from './verdicts';

/** The ratings of the active scale, in display order (for batches). */
export function activeRatingsStatement(db: D1Database): D1PreparedStatement {
  return db.prepare(
    `SELECT r.key, r.value, r.color, r.position, r.labels FROM ratings r
     JOIN rating_scales s ON s.id = r.scale_id WHERE s.active = 1 ORDER BY r.position`,
  );
}

export interface PublicClaimPage {
  claim: Claim;
  sources: Source[];
  /** Published verdict versions, oldest first; the last one is the current verdict. */
  verdicts: Verdict[];
  ratings: Rating[];
  /** The public record (publication, corrections, updates, retraction), oldest first. */
  versions: ClaimVersion[];
  /** Set when an admin removed the (retracted) claim from the public site: its page is 410 Gone. */
  removal: { at: string; reason: string } | null;
  /** Other publishers' reviews matched to this claim (imported ClaimReview), newest first. */
  alsoChecked: AlsoChecked[];
  /**
   * Related fact-checks computed by the `claim.related` job (d1/related.ts): the best three still
   * published, best first; null when the claim's list was never computed.
   */
  related: RelatedRow[] | null;
}

/**
 * A published (or retracted) claim with its public sources, published verdict versions, public
 * record, the active rating scale and the stored related fact-checks, in one round trip. A correction draft beside it is never
 * read here. Null unless the claim was published and has a published verdict.
 */
export async function getPublicClaim(db: D1Database, id: string): Promise<PublicClaimPage | null> {
  const [claim, sources, verdicts, ratings, versions, also, related, run] = await db.batch<unknown>(
    [
      db
        .prepare(
          `SELECT ${CLAIM_COLUMNS}, c.removed_at, c.removed_reason FROM claims c WHERE c.id = ?1 AND c.status IN ('published', 'retracted')`,
        )
        .bind(id),
      publicSourcesStatement(db, id),
      db
        .prepare(
          `SELECT ${VERDICT_COLUMNS} FROM verdicts v LEFT JOIN users u ON u.id = v.author_id
         WHERE v.claim_id = ?1 AND v.published_at IS NOT NULL ORDER BY v.version`,
        )
        .bind(id),
      activeRatingsStatement(db),
      versionsStatement(db, id),
      alsoCheckedStatement(db, id),
      ...relatedStatements(db, id),
    ],
  );
  const row = claim?.results[0] as
    (ClaimRow & { removed_at: string | null; removed_reason: string | null }) | undefined;
  const history = (verdicts?.results as VerdictRow[]).map(toVerdict);
  if (!row || history.length === 0) return null;
  return {
    claim: toClaim(row),
    sources: (sources?.results as SourceRow[]).map(toSource),
    verdicts: history,
    ratings: (ratings?.results as RatingRow[]).map(toRating),
    versions: mapVersions(versions?.results),
    removal: row.removed_at ? { at: row.removed_at, reason: row.removed_reason ?? '' } : null,
    alsoChecked: (also?.results as Parameters<typeof toAlsoChecked>[0][]).map(toAlsoChecked),
    related: toRelatedRead(related, run).items,
  };
}

/** One row of a public list: a published claim and its current published verdict. */
export interface PublicItem {
  seq: number;
  id: string;
  text: string;
  language: string;
  claimant: string | null;
  claimantType: ClaimantType | null;
  claimDate: string | null;
  appearances: string[];
  claimReviewed: string | null;
  publishedAt: string;
  updatedAt: string;
  /** The newest public version (claim_versions) of the claim; the verdict's date when unknown. */
  lastModified: string;
  verdict: {
    id: number;
    version: number;
    ratingKey: string;
    headline: string;
    explanation: string;
    language: string;
    publishedAt: string;
    firstPublishedAt: string;
  };
}

export interface PublicItemRow {
  seq: number;
  id: string;
  text: string;
  language: string;
  claimant: string | null;
  claimant_type: ClaimantType | null;
  claim_date: string | null;
  appearances: string;
  claim_reviewed: string | null;
  published_at: string | null;
  updated_at: string;
  verdict_id: number;
  verdict_version: number;
  rating_key: string;
  headline: string;
  explanation: string;
  verdict_language: string;
  verdict_published_at: string;
  first_published_at: string;
  last_public_at?: string | null;
}

export function toPublicItem(row: PublicItemRow): PublicItem {
  return {
    seq: row.seq,
    id: row.id,
    text: row.text,
    language: row.language,
    claimant: row.claimant,
    claimantType: row.claimant_type,
    claimDate: row.claim_date,
    appearances: JSON.parse(row.appearances) as string[],
    claimReviewed: row.claim_reviewed,
    publishedAt: row.published_at ?? row.verdict_published_at,
    updatedAt: row.updated_at,
    lastModified: [row.last_public_at ?? '', row.verdict_published_at].sort().at(-1)!,
    verdict: {
      id: row.verdict_id,
      version: row.verdict_version,
      ratingKey: row.rating_key,
      headline: row.headline,
      explanation: row.explanation,
      language: row.verdict_language,
      publishedAt: row.verdict_published_at,
      firstPublishedAt: row.first_published_at,
    },
  };
}

// Published claims joined with their newest published verdict version.
export const ITEM_SELECT = `SELECT c.seq, c.id, c.text, c.language, c.claimant, c.claimant_type, c.claim_date, c.appearances, c.claim_reviewed,
    c.published_at, c.updated_at, v.id AS verdict_id, v.version AS verdict_version, v.rating_key, v.headline, v.explanation,
    v.language AS verdict_language, v.published_at AS verdict_published_at,
    (SELECT MIN(v0.published_at) FROM verdicts v0 WHERE v0.claim_id = c.id AND v0.published_at IS NOT NULL) AS first_published_at`;
export const ITEM_JOIN = `JOIN verdicts v ON v.claim_id = c.id
    AND v.version = (SELECT MAX(v1.version) FROM verdicts v1 WHERE v1.claim_id = c.id AND v1.published_at IS NOT NULL)`;

export interface PublicListFilters {
  rating?: string;
  language?: string;
  /** Full-text query (Arabic-aware normalizer, see d1/search.ts). */
  q?: string;
  cursor?: string;
  limit: number;
  /** Published on or after this day (`YYYY-MM-DD`, UTC). */
  from?: string;
  /** Published on or before this day (`YYYY-MM-DD`, UTC). */
  to?: string;
  /** Part of the claimant's name (case-insensitive for Latin letters). */
  claimant?: string;
  /** A search's order: best bm25 first (default) or newest first. Lists are always newest first. */
  sort?: 'relevance' | 'date';
  /** Also count the matches (at most COUNT_CAP + 1 are counted). */
  count?: boolean;
}

/** Counting stops here: a page says "more than 1,000" rather than reading every match. */
export const COUNT_CAP = 1000;

const CURSOR = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)~(\d{1,15})$/;
/** A search page's cursor: the seq of its last hit (`s<seq>`). */
const SEARCH_CURSOR = /^s(\d{1,15})$/;
/** A relevance page's cursor: the bm25 rank and seq of its last hit (`r<rank>~<seq>`). */
const RANK_CURSOR = /^r(-?\d{1,20}(?:\.\d{1,20})?(?:e[-+]?\d{1,3})?)~(\d{1,15})$/;

/** True when a cursor string has the shape this module issues for that kind of page. */
export function isCursor(value: string, kind: 'list' | 'date' | 'relevance'): boolean {
  return (kind === 'list' ? CURSOR : kind === 'date' ? SEARCH_CURSOR : RANK_CURSOR).test(value);
}

/** The day after a `YYYY-MM-DD` day, same format (an inclusive "to" becomes an exclusive bound). */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The page's statement and, when asked, its count. Only the filters that are set become SQL
 * (values stay bound), and every kind of page seeks to its cursor instead of skipping rows: the
 * list walks claims_public (status, published_at, seq) from (published_at, seq) of the last item
 * (by rating: claims_public_rating, with a language claims_public_rating_language, migration 0022);
 * a search reads claims_public_fts, the index of published claims only (migration 0020); by date it
 * walks the hits newest first (FTS5 hands rowids out in descending order and starts below the
 * cursor), so a page reads about `limit` hits whatever its depth; by relevance it ranks the hits
 * (bm25 needs them all, as any ranking does), seeks past (rank, seq) of the last hit, so no hit is
 * skipped or repeated, and counts the ranked hits in the same statement (`total` of each row).
 * Other counts read at most COUNT_CAP + 1 matches, without the cursor, and none of the verdict
 * joins (a published claim has a published verdict); the unfiltered list and a language's list
 * read the trigger-kept totals (claim_status_counts, claim_language_counts).
 */
function listStatements(
  db: D1Database,
  f: PublicListFilters,
): { list: D1PreparedStatement; count: D1PreparedStatement | null } | null {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (fragment: string, ...values: unknown[]) => {
    where.push(fragment.replace(/\?/g, () => `?${params.push(values.shift()!)}`));
  };
  if (f.language) add('c.language = ?', f.language);
  if (f.from) add('c.published_at >= ?', f.from);
  if (f.to) add('c.published_at < ?', nextDay(f.to));
  if (f.claimant)
    add(`c.claimant LIKE ? ESCAPE '\\'`, `%${f.claimant.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  // The newest published verdict's rating, kept by triggers (migrations/0022) with its indexes.
  if (f.rating) add('c.public_rating = ?', f.rating);
  if (f.q !== undefined) {
    const match = ftsQuery(f.q);
    if (!match) return null;
    // The index holds published claims only; a claim filter joins claims for its columns.
    const filters = where.length > 0;
    const matchAt = params.push(match);
    const hitsFrom = filters
      ? `FROM claims_public_fts CROSS JOIN claims c ON c.seq = claims_public_fts.rowid
         WHERE claims_public_fts MATCH ?${matchAt} AND ${where.join(' AND ')}`
      : `FROM claims_public_fts WHERE claims_public_fts MATCH ?${matchAt}`;
    if (f.sort !== 'date') {
      const base = params.length;
      const seek = f.cursor ? RANK_CURSOR.exec(f.cursor) : null;
      if (seek) params.push(Number(seek[1]), Number(seek[2]));
      const after = seek
        ? `WHERE rank > ?${base + 1} OR (rank = ?${base + 1} AND seq < ?${base + 2})`
        : '';
      const list = db
        .prepare(
          `WITH ranked AS MATERIALIZED (
             SELECT claims_public_fts.rowid AS seq, bm25(claims_public_fts) AS rank ${hitsFrom}),
           hits AS (SELECT seq, rank FROM ranked ${after} ORDER BY rank, seq DESC LIMIT ?${params.length + 1})
           ${ITEM_SELECT}, hits.rank AS rank, (SELECT count(*) FROM ranked) AS total
           FROM hits CROSS JOIN claims c ON c.seq = hits.seq ${ITEM_JOIN}
           ORDER BY hits.rank, c.seq DESC`,
        )
        .bind(...params, f.limit + 1);
      return { list, count: null };
    }
    const count = f.count
      ? db
          .prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 ${hitsFrom} LIMIT ?${params.length + 1})`)
          .bind(...params, COUNT_CAP + 1)
      : null;
    const seek = f.cursor ? SEARCH_CURSOR.exec(f.cursor) : null;
    const below = seek ? `AND claims_public_fts.rowid < ?${params.push(Number(seek[1]))}` : '';
    // Page the full-text hits first; join the verdict columns for one page only.
    const list = db
      .prepare(
        `WITH hits AS (
           SELECT claims_public_fts.rowid AS seq ${hitsFrom} ${below}
           ORDER BY claims_public_fts.rowid DESC LIMIT ?${params.length + 1})
         ${ITEM_SELECT} FROM hits CROSS JOIN claims c ON c.seq = hits.seq ${ITEM_JOIN} ORDER BY c.seq DESC`,
      )
      .bind(...params, f.limit + 1);
    return { list, count };
  }
  let count: D1PreparedStatement | null = null;
  if (f.count) {
    if (where.length === 0)
      count = db.prepare(`SELECT n FROM claim_status_counts WHERE status = 'published'`);
    else if (f.language && where.length === 1)
      count = db
        .prepare(`SELECT n FROM claim_language_counts WHERE language = ?1 AND status = 'published'`)
        .bind(f.language);
    else
      count = db
        .prepare(
          `SELECT COUNT(*) AS n FROM (SELECT 1 FROM claims c WHERE c.status = 'published' AND ${where.join(' AND ')} LIMIT ?${params.length + 1})`,
        )
        .bind(...params, COUNT_CAP + 1);
  }
  where.unshift(`c.status = 'published'`);
  const seek = f.cursor ? CURSOR.exec(f.cursor) : null;
  if (seek) add('(c.published_at, c.seq) < (?, ?)', seek[1], Number(seek[2]));
  const list = db
    .prepare(
      `${ITEM_SELECT} FROM claims c ${ITEM_JOIN}
       WHERE ${where.join(' AND ')}
       ORDER BY c.published_at DESC, c.seq DESC LIMIT ?${params.length + 1}`,
    )
    .bind(...params, f.limit + 1);
  return { list, count };
}

export interface PublicListPage {
  items: PublicItem[];
  nextCursor: string | null;
  ratings: Rating[];
  /** How many claims match (at most `countCap` + 1), when asked; null otherwise. */
  total: number | null;
  /** Where this page's count stopped (COUNT_CAP). */
  countCap: number;
}

/** One page of published claims (newest first; for a query, the best or the newest hits first), the scale and, when asked, the count, in one round trip. */
export async function listPublic(db: D1Database, f: PublicListFilters): Promise<PublicListPage> {
  const s = listStatements(db, f);
  const statements = [activeRatingsStatement(db)];
  if (s) statements.push(s.list);
  if (s?.count) statements.push(s.count);
  const [ratings, rows, counted] = await db.batch<unknown>(statements);
  const results = (rows?.results ?? []) as (PublicItemRow & { rank?: number; total?: number })[];
  const page = results.slice(0, f.limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (results.length > f.limit && last)
    nextCursor =
      f.q === undefined
        ? `${last.published_at ?? last.verdict_published_at}~${last.seq}`
        : f.sort === 'date'
          ? `s${last.seq}`
          : `r${last.rank}~${last.seq}`;
  const n = s?.count
    ? (counted?.results[0] as { n: number } | undefined)?.n
    : results[0]?.total !== undefined
      ? Math.min(results[0].total, COUNT_CAP + 1)
      : undefined;
  return {
    items: page.map(toPublicItem),
    nextCursor,
    ratings: (ratings?.results as RatingRow[]).map(toRating),
    total: f.count ? (n ?? 0) : null,
    countCap: COUNT_CAP,
  };
}

/** A feed page's cursor: published_at and id of the last verdict of the page before. */
const FEED_CURSOR = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)~(\d{1,15})$/;

/** True when a feed cursor has the shape feedItems() issues. */
export function isFeedCursor(value: string): boolean {
  return FEED_CURSOR.test(value);
}

export interface FeedPage {
  items: PublicItem[];
  /** Cursor of the next (older) page; null on the last page. */
  nextCursor: string | null;
  ratings: Rating[];
}

/**
 * One page of the feeds: published claims by the publication of their current verdict, newest
 * first, starting after `before` (a cursor from the page before). Walks verdicts_published and
 * seeks to the cursor (never OFFSET), so a walk of every page lists each published claim once.
 */
export async function feedItems(db: D1Database, limit: number, before?: string): Promise<FeedPage> {
  const seek = before ? FEED_CURSOR.exec(before) : null;
  const [ratings, rows] = await db.batch<unknown>([
    activeRatingsStatement(db),
    // CROSS JOIN keeps verdicts the outer loop; rows stop after `limit` + 1 current, public versions.
    db
      .prepare(
        `${ITEM_SELECT},
           (SELECT MAX(cv.published_at) FROM claim_versions cv WHERE cv.claim_id = c.id) AS last_public_at
         FROM verdicts v CROSS JOIN claims c ON c.id = v.claim_id
         WHERE v.published_at IS NOT NULL AND c.status = 'published'
           AND v.version = (SELECT MAX(v1.version) FROM verdicts v1 WHERE v1.claim_id = c.id AND v1.published_at IS NOT NULL)
           ${seek ? 'AND (v.published_at, v.id) < (?2, ?3)' : ''}
         ORDER BY v.published_at DESC, v.id DESC LIMIT ?1`,
      )
      .bind(limit + 1, ...(seek ? [seek[1], Number(seek[2])] : [])),
  ]);
  const results = (rows?.results as PublicItemRow[]).map(toPublicItem);
  const items = results.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      results.length > limit && last ? `${last.verdict.publishedAt}~${last.verdict.id}` : null,
    ratings: (ratings?.results as RatingRow[]).map(toRating),
  };
}

/**
 * Published claims that look like `text` (any of its words, best bm25 first), for "this may
 * already be checked". A fallback for when no matcher is configured.
 */
export async function publishedLike(
  db: D1Database,
  text: string,
  limit: number,
): Promise<{ items: PublicItem[]; ratings: Rating[] }> {
  const match = ftsQuery(text, 'any');
  if (!match) return { items: [], ratings: [] };
  const [ratings, rows] = await db.batch<unknown>([
    activeRatingsStatement(db),
    db
      .prepare(
        `${ITEM_SELECT} FROM claims_fts JOIN claims c ON c.seq = claims_fts.rowid ${ITEM_JOIN}
         WHERE claims_fts MATCH ?1 AND c.status = 'published' ORDER BY bm25(claims_fts) LIMIT ?2`,
      )
      .bind(match, limit),
  ]);
  return {
    items: (rows?.results as PublicItemRow[]).map(toPublicItem),
    ratings: (ratings?.results as RatingRow[]).map(toRating),
  };
}
