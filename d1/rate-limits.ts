export interface RateLimitResult {
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  count: number;
  /** Seconds until the window resets (for Retry-After). */
  retryAfter: number;
}

/** A fixed-window counter: `limit` hits per `windowSeconds` under `key`. */
export interface RateWindow {
  key: string;
  windowSeconds: number;
  limit: number;
}

const HIT_SQL = `INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, 1)
  ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 RETURNING count`;

function windowStartOf(windowSeconds: number, now: number): number {
  return Math.floor(now / 1000 / windowSeconds) * windowSeconds;
}

function resultOf(w: RateWindow, count: number, now: number): RateLimitResult {
  const windowStart = windowStartOf(w.windowSeconds, now);
  return {
    allowed: count <= w.limit,
    count,
    retryAfter: Math.max(1, windowStart + w.windowSeconds - Math.floor(now / 1000)),
  };
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
  const [result] = await hitAll(db, [{ key, windowSeconds, limit }], now);
  return result!;
}

/**
 * Count one hit against each window, in one round trip (one batch of upserts with RETURNING);
 * the results are in the order of `windows`.
 */
export async function hitAll(
  db: D1Database,
  windows: RateWindow[],
  now = Date.now(),
): Promise<RateLimitResult[]> {
  const results = await db.batch<{ count: number }>(
    windows.map((w) => db.prepare(HIT_SQL).bind(w.key, windowStartOf(w.windowSeconds, now))),
  );
  return windows.map((w, i) => resultOf(w, results[i]?.results[0]?.count ?? 1, now));
}

/** Forget a key's counts (a successful sign-in clears the failed attempts it was counted in). */
export async function clearHits(db: D1Database, ...keys: string[]): Promise<void> {
  await db.batch(keys.map((k) => db.prepare(`DELETE FROM rate_limits WHERE key = ?1`).bind(k)));
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
