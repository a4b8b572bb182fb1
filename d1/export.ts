/**
 * The export's reads: published (or retracted, unless removed from the site) claims with their
 * current public verdict, in `seq` order, one keyset page at a time (`seq > after`, never OFFSET),
 * filtered by the date the claim was published.
 */
import {
  activeRatingsStatement,
  ITEM_JOIN,
  ITEM_SELECT,
  toPublicItem,
  type PublicItem,
  type PublicItemRow,
} from './public';
import { toRating, type Rating, type RatingRow } from './ratings';

export interface ExportFilters {
  status: 'published' | 'retracted';
  /** Inclusive first day (YYYY-MM-DD) of publication. */
  from?: string;
  /** Inclusive last day (YYYY-MM-DD) of publication. */
  to?: string;
}

export interface ExportPage {
  items: PublicItem[];
  ratings: Rating[];
  /** The `seq` to continue after; null on the last page. */
  next: number | null;
}

/** One page of the export after `after` (0 for the first page). */
export async function exportPage(
  db: D1Database,
  f: ExportFilters,
  after: number,
  limit: number,
): Promise<ExportPage> {
  const [ratings, rows] = await db.batch<unknown>([
    activeRatingsStatement(db),
    db
      .prepare(
        `${ITEM_SELECT},
           (SELECT MAX(cv.published_at) FROM claim_versions cv WHERE cv.claim_id = c.id) AS last_public_at
         FROM claims c ${ITEM_JOIN}
         WHERE c.status = ?1 AND c.removed_at IS NULL AND c.seq > ?2
           AND (?3 IS NULL OR c.published_at >= ?3)
           AND (?4 IS NULL OR c.published_at < date(?4, '+1 day'))
         ORDER BY c.seq LIMIT ?5`,
      )
      .bind(f.status, after, f.from ?? null, f.to ?? null, limit + 1),
  ]);
  const results = (rows?.results as PublicItemRow[]).map(toPublicItem);
  const items = results.slice(0, limit);
  return {
    items,
    ratings: (ratings?.results as RatingRow[]).map(toRating),
    next: results.length > limit ? items.at(-1)!.seq : null,
  };
}
