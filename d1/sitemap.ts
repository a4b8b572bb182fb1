/**
 * What the sitemap lists: every claim whose page is public (published, or retracted and not
 * removed), walked by seq (new claims land at the end, so earlier pages stay put) in pages
 * bounded by seq.
 */

/** Most URLs one sitemap file may hold (the protocol's ceiling). */
export const SITEMAP_MAX_URLS = 50_000;

// A retracted claim keeps its page unless an admin removed it (410 Gone, migration 0016).
const PUBLIC_PAGE = `c.status IN ('published', 'retracted') AND c.removed_at IS NULL`;

export interface SitemapIndex {
  /** The first seq of each page, ascending (empty when no claim is public). */
  starts: number[];
  /** The newest public change of any claim (claim_versions), or null. */
  lastModified: string | null;
}

/** Page boundaries for pages of `size` claims and the newest public change, in one round trip. */
export async function sitemapIndex(db: D1Database, size: number): Promise<SitemapIndex> {
  const [starts, newest] = await db.batch<unknown>([
    db
      .prepare(
        `SELECT seq FROM (SELECT c.seq, ROW_NUMBER() OVER (ORDER BY c.seq) AS rn FROM claims c WHERE ${PUBLIC_PAGE})
         WHERE (rn - 1) % ?1 = 0 ORDER BY seq`,
      )
      .bind(size),
    db.prepare(
      `SELECT MAX(at) AS at FROM (SELECT MAX(published_at) AS at FROM claim_versions
       UNION ALL SELECT MAX(published_at) FROM claims c WHERE ${PUBLIC_PAGE})`,
    ),
  ]);
  return {
    starts: ((starts?.results ?? []) as { seq: number }[]).map((r) => r.seq),
    lastModified: (newest?.results[0] as { at: string | null } | undefined)?.at ?? null,
  };
}

export interface SitemapEntry {
  id: string;
  /** The claim's last public change (its newest public version). */
  lastModified: string;
}

/** Public claims with `from` ≤ seq < `to`, by seq (at most SITEMAP_MAX_URLS). */
export async function sitemapPage(
  db: D1Database,
  from: number,
  to: number | null,
): Promise<SitemapEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT c.id, COALESCE((SELECT MAX(cv.published_at) FROM claim_versions cv WHERE cv.claim_id = c.id),
         c.published_at, c.updated_at) AS last_modified
       FROM claims c WHERE ${PUBLIC_PAGE} AND c.seq >= ?1 AND c.seq < ?2 ORDER BY c.seq LIMIT ?3`,
    )
    .bind(from, to ?? Number.MAX_SAFE_INTEGER, SITEMAP_MAX_URLS)
    .all<{ id: string; last_modified: string }>();
  return results.map((r) => ({ id: r.id, lastModified: r.last_modified }));
}
