export interface RateLimitResult {
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  count: number;
  /** Seconds until the window resets (for Retry-After). */
  retryAfter: number;
}

/**
 * Count one hit against `key` in a fixed window and say whether it is within `limit`.
 * One statement (upsert + RETURNING), so concurrent hits cannot both slip under the limit.
 */
export async function hit(
  db: D1Database,
  key: string,
  windowSeconds: number,
  limit: number,
  now = Date.now(),
): Promise<RateLimitResult> {
  const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
  const row = await db
    .prepare(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 RETURNING count`,
    )
    .bind(key, windowStart)
    .first<{ count: number }>();
  const count = row?.count ?? 1;
  return {
    allowed: count <= limit,
    count,
    retryAfter: Math.max(1, windowStart + windowSeconds - Math.floor(now / 1000)),
  };
}

/** Forget a key's counts (a successful sign-in clears the failed attempts of that account). */
export async function clearHits(db: D1Database, key: string): Promise<void> {
  await db.prepare(`DELETE FROM rate_limits WHERE key = ?1`).bind(key).run();
}

/** Drop windows older than `olderThanSeconds` (called from the scheduled handler). */
export async function pruneRateLimits(
  db: D1Database,
  olderThanSeconds: number,
  now = Date.now(),
): Promise<void> {
  await db
    .prepare(`DELETE FROM rate_limits WHERE window_start < ?1`)
    .bind(Math.floor(now / 1000) - olderThanSeconds)
    .run();
}
