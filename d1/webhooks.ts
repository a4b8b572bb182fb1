/**
 * Outgoing webhooks: endpoints (url, events, sealed secrets) and their deliveries (one row per
 * message per endpoint: the record of every attempt). Secrets arrive sealed (worker/lib/reader-keys.ts).
 */
import { newId } from '../worker/lib/ids';
import { auditStatement, type Actor } from './audit';

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  active: boolean;
  /** Set while a rotated-out secret still signs (the overlap window). */
  previousExpiresAt: string | null;
  createdAt: string;
  /** Deliveries by status, for the list. */
  delivered: number;
  failed: number;
  pending: number;
}

/** An endpoint with its sealed secrets: for the sender only, never for an answer. */
export interface EndpointSecrets {
  id: string;
  url: string;
  active: boolean;
  secretEnc: string;
  previousSecretEnc: string | null;
  previousExpiresAt: string | null;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  event: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}

interface EndpointRow {
  id: string;
  url: string;
  description: string | null;
  events: string;
  active: number;
  previous_expires_at: string | null;
  created_at: string;
  delivered: number | null;
  failed: number | null;
  pending: number | null;
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event: string;
  payload: string;
  status: WebhookDelivery['status'];
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  created_at: string;
  last_attempt_at: string | null;
  delivered_at: string | null;
}

function toEndpoint(r: EndpointRow): WebhookEndpoint {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: r.events.split(',').filter(Boolean),
    active: r.active === 1,
    previousExpiresAt: r.previous_expires_at,
    createdAt: r.created_at,
    delivered: r.delivered ?? 0,
    failed: r.failed ?? 0,
    pending: r.pending ?? 0,
  };
}

function toDelivery(r: DeliveryRow): WebhookDelivery {
  return {
    id: r.id,
    endpointId: r.endpoint_id,
    event: r.event,
    payload: r.payload,
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    lastDurationMs: r.last_duration_ms,
    createdAt: r.created_at,
    lastAttemptAt: r.last_attempt_at,
    deliveredAt: r.delivered_at,
  };
}

const ENDPOINT_SELECT = `SELECT e.id, e.url, e.description, e.events, e.active, e.previous_expires_at, e.created_at,
    SUM(d.status = 'delivered') AS delivered, SUM(d.status = 'failed') AS failed, SUM(d.status = 'pending') AS pending
  FROM webhook_endpoints e LEFT JOIN webhook_deliveries d ON d.endpoint_id = e.id`;

/** Every endpoint, newest first, with delivery counts. */
export async function listEndpoints(db: D1Database): Promise<WebhookEndpoint[]> {
  const { results } = await db
    .prepare(`${ENDPOINT_SELECT} GROUP BY e.id ORDER BY e.created_at DESC, e.id`)
    .all<EndpointRow>();
  return results.map(toEndpoint);
}

export async function getEndpoint(db: D1Database, id: string): Promise<WebhookEndpoint | null> {
  const row = await db
    .prepare(`${ENDPOINT_SELECT} WHERE e.id = ?1 GROUP BY e.id`)
    .bind(id)
    .first<EndpointRow>();
  return row ? toEndpoint(row) : null;
}

/** Register an endpoint with its sealed secret; audited in the same batch. */
export async function createEndpoint(
  db: D1Database,
  input: { url: string; description: string | null; events: string[]; secretEnc: string },
  actor: Actor,
): Promise<WebhookEndpoint> {
  const id = newId();
  const now = new Date().toISOString();
  await db.batch([
    db
      .prepare(
        `INSERT INTO webhook_endpoints (id, url, description, events, secret_enc, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
      )
      .bind(
        id,
        input.url,
        input.description,
        `,${input.events.join(',')},`,
        input.secretEnc,
        actor.userId,
        now,
      ),
    auditStatement(db, actor, 'webhook.create', { type: 'webhook', id }, null, {
      url: input.url,
      events: input.events,
    }),
  ]);
  const stored = await getEndpoint(db, id);
  if (!stored) throw new Error('webhook endpoint insert did not return the row');
  return stored;
}

/** Delete an endpoint and its delivery log; false when there was none. */
export async function deleteEndpoint(db: D1Database, id: string, actor: Actor): Promise<boolean> {
  const [, , audit] = await db.batch([
    db.prepare(`DELETE FROM webhook_deliveries WHERE endpoint_id = ?1`).bind(id),
    db.prepare(`DELETE FROM webhook_endpoints WHERE id = ?1`).bind(id),
    auditStatement(db, actor, 'webhook.delete', { type: 'webhook', id }, null, null, {
      onlyIfChanged: true,
    }),
  ]);
  return (audit?.results.length ?? 0) === 1;
}

/** Rotate: the new sealed secret signs from now on, the old one too until `previousExpiresAt`. */
export async function rotateEndpointSecret(
  db: D1Database,
  id: string,
  secretEnc: string,
  previousExpiresAt: string,
  actor: Actor,
): Promise<boolean> {
  const [, audit] = await db.batch([
    db
      .prepare(
        `UPDATE webhook_endpoints SET previous_secret_enc = secret_enc, secret_enc = ?2, previous_expires_at = ?3
         WHERE id = ?1`,
      )
      .bind(id, secretEnc, previousExpiresAt),
    auditStatement(
      db,
      actor,
      'webhook.rotate',
      { type: 'webhook', id },
      null,
      { previousExpiresAt },
      { onlyIfChanged: true },
    ),
  ]);
  return (audit?.results.length ?? 0) === 1;
}

export async function getEndpointSecrets(
  db: D1Database,
  id: string,
): Promise<EndpointSecrets | null> {
  const row = await db
    .prepare(
      `SELECT id, url, active, secret_enc, previous_secret_enc, previous_expires_at FROM webhook_endpoints WHERE id = ?1`,
    )
    .bind(id)
    .first<{
      id: string;
      url: string;
      active: number;
      secret_enc: string;
      previous_secret_enc: string | null;
      previous_expires_at: string | null;
    }>();
  return row
    ? {
        id: row.id,
        url: row.url,
        active: row.active === 1,
        secretEnc: row.secret_enc,
        previousSecretEnc: row.previous_secret_enc,
        previousExpiresAt: row.previous_expires_at,
      }
    : null;
}

/**
 * One pending delivery per active endpoint subscribed to `event`, in one statement; returns the
 * new delivery ids (the Standard Webhooks message ids).
 */
export async function insertEventDeliveries(
  db: D1Database,
  event: string,
  payload: string,
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `INSERT INTO webhook_deliveries (id, endpoint_id, event, payload, created_at)
       SELECT 'msg_' || lower(hex(randomblob(12))), e.id, ?1, ?2, ?3
       FROM webhook_endpoints e WHERE e.active = 1 AND instr(e.events, ',' || ?1 || ',') > 0
       RETURNING id`,
    )
    .bind(event, payload, new Date().toISOString())
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

export async function getDelivery(db: D1Database, id: string): Promise<WebhookDelivery | null> {
  const row = await db
    .prepare(`SELECT * FROM webhook_deliveries WHERE id = ?1`)
    .bind(id)
    .first<DeliveryRow>();
  return row ? toDelivery(row) : null;
}

/** The newest deliveries of one endpoint. */
export async function listDeliveries(
  db: D1Database,
  endpointId: string,
  limit = 50,
): Promise<WebhookDelivery[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM webhook_deliveries WHERE endpoint_id = ?1 ORDER BY created_at DESC, id LIMIT ?2`,
    )
    .bind(endpointId, limit)
    .all<DeliveryRow>();
  return results.map(toDelivery);
}

/** Record one attempt (its answer, error and duration); delivered when `ok`. */
export async function recordAttempt(
  db: D1Database,
  id: string,
  attempt: { ok: boolean; statusCode: number | null; error: string | null; durationMs: number },
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .prepare(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = ?2, last_error = ?3,
         last_duration_ms = ?4, last_attempt_at = ?5,
         status = CASE WHEN ?6 = 1 THEN 'delivered' ELSE status END,
         delivered_at = CASE WHEN ?6 = 1 THEN ?5 ELSE delivered_at END
       WHERE id = ?1`,
    )
    .bind(id, attempt.statusCode, attempt.error, attempt.durationMs, now, attempt.ok ? 1 : 0)
    .run();
}

/** Give up on a delivery (retries exhausted or a refused URL). */
export async function markDeliveryFailed(
  db: D1Database,
  id: string,
  error?: string,
): Promise<void> {
  await db
    .prepare(
      `UPDATE webhook_deliveries SET status = 'failed', last_error = COALESCE(?2, last_error)
       WHERE id = ?1 AND status = 'pending'`,
    )
    .bind(id, error ?? null)
    .run();
}

/** Put a delivery back to pending (same id, as the spec asks of a resend); audited. */
export async function resetDelivery(
  db: D1Database,
  endpointId: string,
  id: string,
  actor: Actor,
): Promise<boolean> {
  const [, audit] = await db.batch([
    db
      .prepare(
        `UPDATE webhook_deliveries SET status = 'pending', delivered_at = NULL WHERE id = ?1 AND endpoint_id = ?2`,
      )
      .bind(id, endpointId),
    auditStatement(
      db,
      actor,
      'webhook.redeliver',
      { type: 'webhook', id: endpointId },
      null,
      { delivery: id },
      { onlyIfChanged: true },
    ),
  ]);
  return (audit?.results.length ?? 0) === 1;
}

/** Pending deliveries never attempted since before `olderThan` (their message was lost). */
export async function strandedDeliveries(db: D1Database, olderThan: string): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM webhook_deliveries WHERE status = 'pending' AND attempts = 0 AND created_at < ?1
       ORDER BY created_at LIMIT 100`,
    )
    .bind(olderThan)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}
