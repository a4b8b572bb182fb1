/** How long a reserved key stays "in progress" before a retry may take it over. */
export const IDEMPOTENCY_LEASE_SECONDS = 60;

export type Reservation =
  /** This request holds the key until `lease` (the fence for completeKey / releaseKey). */
  | { state: 'new'; lease: string }
  | { state: 'replay'; status: number; body: string }
  | { state: 'mismatch' }
  /** Another request holds the key; its lease runs out at `lockedUntil`. */
  | { state: 'in-progress'; lockedUntil: string | null };

interface KeyRow {
  request_hash: string;
  status: number | null;
  response_body: string | null;
  locked_until: string | null;
}

/**
 * Claim an idempotency key for a request, in one round trip:
 * 1. INSERT … ON CONFLICT DO NOTHING RETURNING: exactly one request reserves a new key;
 * 2. otherwise a guarded UPDATE … RETURNING takes over a key still in progress whose lease has
 *    run out (its request crashed or was cut off), for the same request only: of several retries,
 *    the one whose UPDATE matches first wins, the others see the new lease;
 * 3. the SELECT tells the losers what the key holds (an answer to replay, a live lease, or another
 *    request's hash).
 * `lease` doubles as the holder's fence: completeKey / releaseKey only touch the row while it
 * still carries that lease, so a request that lost its key to a takeover cannot overwrite it.
 */
export async function reserveKey(
  db: D1Database,
  scope: string,
  key: string,
  requestHash: string,
  now = new Date(),
): Promise<Reservation> {
  const at = now.toISOString();
  const lease = new Date(now.getTime() + IDEMPOTENCY_LEASE_SECONDS * 1000).toISOString();
  const [inserted, takenOver, existing] = await db.batch<KeyRow & { key?: string }>([
    db
      .prepare(
        `INSERT INTO idempotency_keys (scope, key, request_hash, created_at, locked_until) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT DO NOTHING RETURNING key`,
      )
      .bind(scope, key, requestHash, at, lease),
    db
      .prepare(
        `UPDATE idempotency_keys SET locked_until = ?5
         WHERE scope = ?1 AND key = ?2 AND request_hash = ?3 AND status IS NULL
           AND coalesce(locked_until, '') < ?4
         RETURNING key`,
      )
      .bind(scope, key, requestHash, at, lease),
    db
      .prepare(
        `SELECT request_hash, status, response_body, locked_until FROM idempotency_keys WHERE scope = ?1 AND key = ?2`,
      )
      .bind(scope, key),
  ]);
  // RETURNING yields a row only for the statement that won (D1's meta.changes is not reliable).
  // A fresh insert carries a live lease, so the takeover UPDATE right after it matches nothing.
  if (inserted?.results.length === 1 || takenOver?.results.length === 1)
    return { state: 'new', lease };
  const row = existing?.results[0];
  if (!row || row.request_hash !== requestHash) return { state: 'mismatch' };
  if (row.status === null || row.response_body === null)
    return { state: 'in-progress', lockedUntil: row.locked_until };
  return { state: 'replay', status: row.status, body: row.response_body };
}

/**
 * Store what a replay of a reserved key answers (never a secret: the idempotency middleware
 * strips those first). Only while this request still holds the key (`lease`).
 */
export async function completeKey(
  db: D1Database,
  scope: string,
  key: string,
  lease: string,
  status: number,
  body: string,
): Promise<void> {
  await db
    .prepare(
      `UPDATE idempotency_keys SET status = ?4, response_body = ?5, locked_until = NULL
       WHERE scope = ?1 AND key = ?2 AND status IS NULL AND locked_until = ?3`,
    )
    .bind(scope, key, lease, status, body)
    .run();
}

/** Give a key back (the request failed, so a retry may run it again), if this request holds it. */
export async function releaseKey(
  db: D1Database,
  scope: string,
  key: string,
  lease: string,
): Promise<void> {
  await db
    .prepare(
      `DELETE FROM idempotency_keys WHERE scope = ?1 AND key = ?2 AND status IS NULL AND locked_until = ?3`,
    )
    .bind(scope, key, lease)
    .run();
}

/** Forget keys older than a day (called from the scheduled handler). */
export async function pruneKeys(db: D1Database, olderThan: string): Promise<void> {
  await db.prepare(`DELETE FROM idempotency_keys WHERE created_at < ?1`).bind(olderThan).run();
}
