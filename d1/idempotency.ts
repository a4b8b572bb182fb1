export type Reservation =
  | { state: 'new' }
  | { state: 'replay'; status: number; body: string }
  | { state: 'mismatch' }
  | { state: 'in-progress' };

/**
 * Claim an idempotency key for a request. The INSERT … ON CONFLICT DO NOTHING decides the race:
 * exactly one request reserves a key; the others see the stored row.
 */
export async function reserveKey(
  db: D1Database,
  scope: string,
  key: string,
  requestHash: string,
): Promise<Reservation> {
  const [inserted, existing] = await db.batch<{
    key?: string;
    request_hash: string;
    status: number | null;
    response_body: string | null;
  }>([
    db
      .prepare(
        `INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING RETURNING key`,
      )
      .bind(scope, key, requestHash, new Date().toISOString()),
    db
      .prepare(
        `SELECT request_hash, status, response_body FROM idempotency_keys WHERE scope = ?1 AND key = ?2`,
      )
      .bind(scope, key),
  ]);
  // RETURNING yields a row only when this request inserted the key (D1's meta.changes is not reliable).
  if (inserted?.results.length === 1) return { state: 'new' };
  const row = existing?.results[0];
  if (!row || row.request_hash !== requestHash) return { state: 'mismatch' };
  if (row.status === null || row.response_body === null) return { state: 'in-progress' };
  return { state: 'replay', status: row.status, body: row.response_body };
}

/** Store the response of a reserved key so replays return it. */
export async function completeKey(
  db: D1Database,
  scope: string,
  key: string,
  status: number,
  body: string,
): Promise<void> {
  await db
    .prepare(
      `UPDATE idempotency_keys SET status = ?3, response_body = ?4 WHERE scope = ?1 AND key = ?2`,
    )
    .bind(scope, key, status, body)
    .run();
}

/** Give a key back (the request failed, so a retry may run it again). */
export async function releaseKey(db: D1Database, scope: string, key: string): Promise<void> {
  await db
    .prepare(`DELETE FROM idempotency_keys WHERE scope = ?1 AND key = ?2 AND status IS NULL`)
    .bind(scope, key)
    .run();
}

/** Forget keys older than a day (called from the scheduled handler). */
export async function pruneKeys(db: D1Database, olderThan: string): Promise<void> {
  await db.prepare(`DELETE FROM idempotency_keys WHERE created_at < ?1`).bind(olderThan).run();
}
