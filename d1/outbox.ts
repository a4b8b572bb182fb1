/**
 * The e-mail outbox (migration 0012): one row per message, a delivery log per row. Recipients are
 * references ('submission:<id>', 'user:<id>'), never addresses; worker/notify/ resolves them at
 * delivery. Every write here is one batch with its log row.
 */
import { auditStatement, type Actor } from './audit';
import { newId } from '../worker/lib/ids';

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'dead', 'held', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export type OutboxKind =
  'reader.published' | 'editor.assigned' | 'editor.digest' | 'editor.mention';

export interface OutboxMessage {
  id: string;
  kind: OutboxKind;
  recipientRef: string;
  recipientMasked: string | null;
  locale: string;
  subject: string | null;
  bodyText: string | null;
  bodyHtml: string | null;
  claimId: string | null;
  causedBy: number | null;
  dedupeKey: string;
  status: OutboxStatus;
  transport: string | null;
  attempts: number;
  lastError: string | null;
  enqueuedAt: string | null;
  createdAt: string;
  sentAt: string | null;
}

interface OutboxRow {
  id: string;
  kind: OutboxKind;
  recipient_ref: string;
  recipient_masked: string | null;
  locale: string;
  subject: string | null;
  body_text: string | null;
  body_html: string | null;
  claim_id: string | null;
  caused_by: number | null;
  dedupe_key: string;
  status: OutboxStatus;
  transport: string | null;
  attempts: number;
  last_error: string | null;
  enqueued_at: string | null;
  created_at: string;
  sent_at: string | null;
}

const COLUMNS = `id, kind, recipient_ref, recipient_masked, locale, subject, body_text, body_html, claim_id,
  caused_by, dedupe_key, status, transport, attempts, last_error, enqueued_at, created_at, sent_at`;

function toMessage(r: OutboxRow): OutboxMessage {
  return {
    id: r.id,
    kind: r.kind,
    recipientRef: r.recipient_ref,
    recipientMasked: r.recipient_masked,
    locale: r.locale,
    subject: r.subject,
    bodyText: r.body_text,
    bodyHtml: r.body_html,
    claimId: r.claim_id,
    causedBy: r.caused_by,
    dedupeKey: r.dedupe_key,
    status: r.status,
    transport: r.transport,
    attempts: r.attempts,
    lastError: r.last_error,
    enqueuedAt: r.enqueued_at,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

function logStatement(
  db: D1Database,
  id: string,
  at: string,
  event: string,
  detail: string | null = null,
): D1PreparedStatement {
  return db
    .prepare(`INSERT INTO outbox_log (outbox_id, at, event, detail) VALUES (?1, ?2, ?3, ?4)`)
    .bind(id, at, event, detail);
}

/**
 * The reader notices of a first publication, for the publication batch: one row per submission
 * with a contact address, of this claim or of a duplicate of it. The dedupe key is the
 * submission, so publishing again (or correcting) never writes a second one.
 */
export function readerNoticeStatements(
  db: D1Database,
  claimId: string,
  now: string,
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO outbox (id, kind, recipient_ref, locale, claim_id, dedupe_key, created_at)
         SELECT 'm' || lower(hex(randomblob(8))), 'reader.published', 'submission:' || s.id,
           CASE WHEN s.language IN ('ar', 'en', 'fr') THEN s.language ELSE 'en' END, ?1,
           'reader.published:' || s.id, ?2
         FROM submissions s JOIN claims c ON c.id = s.claim_id
         WHERE s.contact_email_enc IS NOT NULL AND (s.claim_id = ?1 OR c.duplicate_of = ?1)
         ON CONFLICT (dedupe_key) DO NOTHING`,
      )
      .bind(claimId, now),
    db
      .prepare(
        `INSERT INTO outbox_log (outbox_id, at, event)
         SELECT o.id, ?2, 'queued' FROM outbox o
         WHERE o.claim_id = ?1 AND o.kind = 'reader.published' AND o.created_at = ?2`,
      )
      .bind(claimId, now),
  ];
}

/**
 * An editor's message composed at delivery (the origin and the names are read then): an
 * assignment or a mention, to `userId`, in their interface language. Nothing is written when
 * the dedupe key is known, or when the recipient is the editor who caused it.
 */
export function userMessageStatements(
  db: D1Database,
  m: {
    kind: OutboxKind;
    userId: number;
    claimId: string;
    dedupeKey: string;
    causedBy: number | null;
  },
  now: string,
): D1PreparedStatement[] {
  const id = `m${newId().toLowerCase()}`;
  return [
    db
      .prepare(
        `INSERT INTO outbox (id, kind, recipient_ref, locale, claim_id, caused_by, dedupe_key, created_at)
         SELECT ?1, ?2, 'user:' || u.id, COALESCE(u.locale, 'en'), ?4, ?5, ?6, ?7 FROM users u
         WHERE u.id = ?3 AND u.active = 1 AND u.id IS NOT ?5
         ON CONFLICT (dedupe_key) DO NOTHING`,
      )
      .bind(id, m.kind, m.userId, m.claimId, m.causedBy, m.dedupeKey, now),
    db
      .prepare(
        `INSERT INTO outbox_log (outbox_id, at, event) SELECT id, ?2, 'queued' FROM outbox WHERE id = ?1`,
      )
      .bind(id, now),
  ];
}

/** A message composed when it is written (editors' mails): insert unless its dedupe key exists. */
export interface ComposedMessage {
  kind: OutboxKind;
  recipientRef: string;
  recipientMasked: string;
  locale: string;
  subject: string;
  bodyText: string;
  bodyHtml?: string | null;
  claimId?: string | null;
  dedupeKey: string;
}

/** Statements that write one composed message (nothing when its dedupe key is known). */
export function messageStatements(
  db: D1Database,
  m: ComposedMessage,
  now: string,
): D1PreparedStatement[] {
  const id = `m${newId().toLowerCase()}`;
  return [
    db
      .prepare(
        `INSERT INTO outbox (id, kind, recipient_ref, recipient_masked, locale, subject, body_text, body_html,
           claim_id, dedupe_key, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (dedupe_key) DO NOTHING`,
      )
      .bind(
        id,
        m.kind,
        m.recipientRef,
        m.recipientMasked,
        m.locale,
        m.subject,
        m.bodyText,
        m.bodyHtml ?? null,
        m.claimId ?? null,
        m.dedupeKey,
        now,
      ),
    db
      .prepare(
        `INSERT INTO outbox_log (outbox_id, at, event) SELECT id, ?2, 'queued' FROM outbox WHERE id = ?1`,
      )
      .bind(id, now),
  ];
}

/** Mark rows that no job was put on the queue for (or whose job was lost before `before`); returns their ids. */
export async function claimForEnqueue(
  db: D1Database,
  now: string,
  before: string | null,
  limit = 50,
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `UPDATE outbox SET enqueued_at = ?1 WHERE id IN (
         SELECT id FROM outbox WHERE status = 'queued'
           AND (enqueued_at IS NULL OR (?2 IS NOT NULL AND enqueued_at < ?2)) LIMIT ?3)
       RETURNING id`,
    )
    .bind(now, before, limit)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

/**
 * Take a message for delivery: only a queued or failed one that no other delivery holds. The
 * lease ends at `until`; null means there is nothing to do (sent, dead, held, or being sent).
 */
export async function leaseMessage(
  db: D1Database,
  id: string,
  now: string,
  until: string,
): Promise<OutboxMessage | null> {
  const row = await db
    .prepare(
      `UPDATE outbox SET lease_until = ?3 WHERE id = ?1 AND status IN ('queued', 'failed')
         AND (lease_until IS NULL OR lease_until < ?2)
       RETURNING ${COLUMNS}`,
    )
    .bind(id, now, until)
    .first<OutboxRow>();
  return row ? toMessage(row) : null;
}

/** Store what a message says once composed at delivery (reader notices). */
export async function saveComposed(
  db: D1Database,
  id: string,
  c: { subject: string; bodyText: string; bodyHtml: string | null; recipientMasked: string },
): Promise<void> {
  await db
    .prepare(
      `UPDATE outbox SET subject = ?2, body_text = ?3, body_html = ?4, recipient_masked = ?5 WHERE id = ?1`,
    )
    .bind(id, c.subject, c.bodyText, c.bodyHtml, c.recipientMasked)
    .run();
}

/**
 * A delivered message: sent, its log row, and for a reader notice the address erased from the
 * submission in the same batch (the address is kept for nothing else).
 */
export async function markSent(
  db: D1Database,
  m: Pick<OutboxMessage, 'id' | 'recipientRef'>,
  transport: string,
  now: string,
): Promise<void> {
  const statements = [
    db
      .prepare(
        `UPDATE outbox SET status = 'sent', transport = ?2, sent_at = ?3, attempts = attempts + 1,
           last_error = NULL, lease_until = NULL WHERE id = ?1`,
      )
      .bind(m.id, transport, now),
    logStatement(db, m.id, now, 'sent', transport),
  ];
  if (m.recipientRef.startsWith('submission:')) {
    statements.push(
      db
        .prepare(
          `UPDATE submissions SET contact_email_enc = NULL, contact_deleted_at = ?2
           WHERE id = ?1 AND contact_email_enc IS NOT NULL`,
        )
        .bind(m.recipientRef.slice('submission:'.length), now),
    );
  }
  await db.batch(statements);
}

/** A refused delivery: one more attempt, the error kept (it never holds the address). */
export async function markFailed(
  db: D1Database,
  id: string,
  error: string,
  now: string,
): Promise<void> {
  await db.batch([
    db
      .prepare(
        `UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?2, lease_until = NULL
         WHERE id = ?1 AND status IN ('queued', 'failed')`,
      )
      .bind(id, error.slice(0, 500)),
    logStatement(db, id, now, 'failed', error.slice(0, 500)),
  ]);
}

/** Not sent and not to be retried by itself: 'held' (no mailer configured) or 'cancelled' (no recipient any more). */
export async function markStopped(
  db: D1Database,
  id: string,
  status: 'held' | 'cancelled',
  reason: string,
  now: string,
): Promise<void> {
  await db.batch([
    db
      .prepare(
        `UPDATE outbox SET status = ?2, last_error = ?3, lease_until = NULL WHERE id = ?1 AND status IN ('queued', 'failed')`,
      )
      .bind(id, status, reason),
    logStatement(db, id, now, status, reason),
  ]);
}

/** The dead-letter queue's hand-off: retries are exhausted. */
export async function markDead(db: D1Database, id: string, now: string): Promise<void> {
  await db.batch([
    db
      .prepare(
        `UPDATE outbox SET status = 'dead', lease_until = NULL WHERE id = ?1 AND status IN ('queued', 'failed')`,
      )
      .bind(id),
    logStatement(db, id, now, 'dead'),
  ]);
}

/** "Retry" in the desk: a failed, dead or held message goes back to the queue (audited). False when it is not one. */
export async function requeueMessage(
  db: D1Database,
  id: string,
  actor: Actor,
  now: string,
): Promise<boolean> {
  const [update] = await db.batch([
    db
      .prepare(
        `UPDATE outbox SET status = 'queued', enqueued_at = ?2, lease_until = NULL
         WHERE id = ?1 AND status IN ('failed', 'dead', 'held') RETURNING id`,
      )
      .bind(id, now),
    db
      .prepare(
        `INSERT INTO outbox_log (outbox_id, at, event) SELECT ?1, ?2, 'retry' WHERE changes() = 1`,
      )
      .bind(id, now),
    auditStatement(db, actor, 'outbox.retry', { type: 'outbox', id }, null, null, {
      at: now,
      onlyIfChanged: true,
    }),
  ]);
  return (update?.results.length ?? 0) === 1;
}

/** The newest messages for the desk list. */
export async function listOutbox(db: D1Database, limit = 100): Promise<OutboxMessage[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM outbox ORDER BY created_at DESC, id LIMIT ?1`)
    .bind(limit)
    .all<OutboxRow>();
  return results.map(toMessage);
}

export interface OutboxLogEntry {
  at: string;
  event: string;
  detail: string | null;
}

/** One message and its delivery log, one round trip. */
export async function getOutboxMessage(
  db: D1Database,
  id: string,
): Promise<{ message: OutboxMessage; log: OutboxLogEntry[] } | null> {
  const [msg, log] = await db.batch([
    db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE id = ?1`).bind(id),
    db
      .prepare(`SELECT at, event, detail FROM outbox_log WHERE outbox_id = ?1 ORDER BY id`)
      .bind(id),
  ]);
  const row = msg?.results[0] as OutboxRow | undefined;
  if (!row) return null;
  return { message: toMessage(row), log: (log?.results ?? []) as OutboxLogEntry[] };
}

/** The encrypted contact of a submission (null once deleted). */
export async function contactOfSubmission(
  db: D1Database,
  submissionId: string,
): Promise<string | null> {
  const row = await db
    .prepare(`SELECT contact_email_enc FROM submissions WHERE id = ?1`)
    .bind(submissionId)
    .first<{ contact_email_enc: string | null }>();
  return row?.contact_email_enc ?? null;
}

/** Erase every contact address older than `before` (the 90-day limit); returns how many. */
export async function expireContacts(db: D1Database, before: string, now: string): Promise<number> {
  const { results } = await db
    .prepare(
      `UPDATE submissions SET contact_email_enc = NULL, contact_deleted_at = ?2
       WHERE contact_email_enc IS NOT NULL AND created_at < ?1 RETURNING id`,
    )
    .bind(before, now)
    .all<{ id: string }>();
  return results.length;
}

/** An editor to write to: address, name, UI locale; null when inactive or e-mail is off. */
export async function mailableUser(
  db: D1Database,
  userId: number,
): Promise<{ id: number; email: string; name: string; locale: string | null } | null> {
  return db
    .prepare(
      `SELECT u.id, u.email, u.name, u.locale FROM users u
       WHERE u.id = ?1 AND u.active = 1
         AND NOT EXISTS (SELECT 1 FROM user_mail_prefs p WHERE p.user_id = u.id AND p.mail_off = 1)`,
    )
    .bind(userId)
    .first();
}

/** Whether an editor turned e-mail off. */
export async function isMailOff(db: D1Database, userId: number): Promise<boolean> {
  const row = await db
    .prepare(`SELECT mail_off FROM user_mail_prefs WHERE user_id = ?1`)
    .bind(userId)
    .first<{ mail_off: number }>();
  return row?.mail_off === 1;
}

/** Turn an editor's e-mail on or off (audited). */
export async function setMailOff(
  db: D1Database,
  userId: number,
  off: boolean,
  actor: Actor,
): Promise<void> {
  const now = new Date().toISOString();
  await db.batch([
    db
      .prepare(
        `INSERT INTO user_mail_prefs (user_id, mail_off, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (user_id) DO UPDATE SET mail_off = excluded.mail_off, updated_at = excluded.updated_at`,
      )
      .bind(userId, off ? 1 : 0, now),
    auditStatement(db, actor, 'user.mail_pref', { type: 'user', id: String(userId) }, null, {
      mailOff: off,
    }),
  ]);
}

export interface DigestLine {
  assigneeId: number;
  claimId: string;
  text: string;
  status: string;
  dueDate: string | null;
}

/**
 * The daily digest's lines: open claims assigned to active editors with e-mail on that are in
 * review or due by `today` (YYYY-MM-DD), by editor then deadline.
 */
export async function digestLines(db: D1Database, today: string): Promise<DigestLine[]> {
  const { results } = await db
    .prepare(
      `SELECT c.assignee_id, c.id, c.text, c.status, c.due_date FROM claims c JOIN users u ON u.id = c.assignee_id
       WHERE u.active = 1
         AND NOT EXISTS (SELECT 1 FROM user_mail_prefs p WHERE p.user_id = u.id AND p.mail_off = 1)
         AND (c.status = 'in_review'
           OR (c.due_date IS NOT NULL AND c.due_date <= ?1 AND c.status IN ('candidate', 'submitted', 'queued')))
       ORDER BY c.assignee_id, c.due_date IS NULL, c.due_date, c.seq
       LIMIT 5000`,
    )
    .bind(today)
    .all<{
      assignee_id: number;
      id: string;
      text: string;
      status: string;
      due_date: string | null;
    }>();
  return results.map((r) => ({
    assigneeId: r.assignee_id,
    claimId: r.id,
    text: r.text,
    status: r.status,
    dueDate: r.due_date,
  }));
}
