/** Public submissions: each one creates a 'submitted' claim or joins the claim with the same normalized text. */
import { auditStatement, type Actor } from './audit';
import { claimTextHash } from './claims';
import { searchKey } from '../worker/extract/normalize';
import { newId } from '../worker/lib/ids';
import type { ClaimStatus } from '../worker/lib/status';

export interface NewSubmission {
  text: string;
  whereSeenUrl: string | null;
  whereSeenText: string | null;
  why: string | null;
  language: string;
  languageDetected: boolean;
  /** AES-GCM ciphertext of the contact e-mail (never the address itself), or null. */
  contactEmailEnc: string | null;
  trackingHash: string;
  ipHash: string;
}

export interface SubmissionResult {
  id: string;
  claimId: string;
  /** False when the text joined an existing claim (its submission_count went up). */
  newClaim: boolean;
  createdAt: string;
}

/**
 * The claim a submission of text hash ?1 counts against, as SQL: the newest claim with that
 * normalized text (the original when it is a duplicate), else the claim intake once created for
 * that text (an editor may have reworded it since).
 */
const TARGET = `coalesce(
    (SELECT CASE WHEN t.status = 'duplicate' AND t.duplicate_of IS NOT NULL THEN t.duplicate_of ELSE t.id END
       FROM claims t WHERE t.text_hash = ?1 ORDER BY t.seq DESC LIMIT 1),
    (SELECT k.claim_id FROM intake_keys k WHERE k.text_hash = ?1))`;

/**
 * Record a submission. Same normalized text as an existing claim (claims.text_hash): that claim's
 * submission_count goes up; otherwise a new claim with status 'submitted' is created (core's insert,
 * so search_text and text_hash are right). The decision is taken inside ONE batch, by the
 * database: the intake key (migrations/0010) is inserted with ON CONFLICT DO NOTHING and the claim
 * only when this submission's key won, so identical submissions racing each other make one claim.
 */
export async function createSubmission(
  db: D1Database,
  input: NewSubmission,
  actor: Actor,
): Promise<SubmissionResult> {
  const now = new Date().toISOString();
  const id = newId();
  const hash = await claimTextHash(input.text);
  const appearances = input.whereSeenUrl ? [input.whereSeenUrl] : [];
  // The claim this submission creates if no claim has its text yet.
  const claimId = newId();
  const results = await db.batch<{ claim_id: string }>([
    db
      .prepare(
        `INSERT INTO intake_keys (text_hash, claim_id, created_at)
         SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM claims WHERE text_hash = ?1)
         ON CONFLICT (text_hash) DO NOTHING`,
      )
      .bind(hash, claimId, now),
    // The claim, inserted only when the key row just stored names it (columns as in claimInsertStatements).
    db
      .prepare(
        `INSERT INTO claims (id, text, search_text, text_hash, language, claimant, claimant_type, claim_date, appearances,
          article_id, start_offset, end_offset, score, claim_type, speaker, why, status, submission_count, created_by,
          created_at, updated_at, claim_reviewed)
         SELECT ?1, ?2, ?3, ?4, ?5, NULL, NULL, NULL, ?6, NULL, NULL, NULL, NULL, NULL, NULL, '[]', 'submitted', 1, ?7,
          ?8, ?8, NULL
         WHERE EXISTS (SELECT 1 FROM intake_keys k WHERE k.text_hash = ?4 AND k.claim_id = ?1)`,
      )
      .bind(
        claimId,
        input.text,
        searchKey(input.text),
        hash,
        input.language,
        JSON.stringify(appearances),
        actor.userId,
        now,
      ),
    auditStatement(
      db,
      actor,
      'claim.create',
      { type: 'claim', id: claimId },
      null,
      { text: input.text, status: 'submitted' },
      { at: now, onlyIfChanged: true },
    ),
    db
      .prepare(
        `UPDATE claims SET submission_count = submission_count + 1 WHERE id = ${TARGET} AND id <> ?2`,
      )
      .bind(hash, claimId),
    db
      .prepare(
        `INSERT INTO submissions (id, claim_id, text, where_seen_url, where_seen_text, why, language, language_detected,
           contact_email_enc, tracking_hash, ip_hash, created_new_claim, created_at)
         SELECT ?2, target, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, target = ?12, ?13
         FROM (SELECT ${TARGET} AS target)`,
      )
      .bind(
        hash,
        id,
        input.text,
        input.whereSeenUrl,
        input.whereSeenText,
        input.why,
        input.language,
        input.languageDetected ? 1 : 0,
        input.contactEmailEnc,
        input.trackingHash,
        input.ipHash,
        claimId,
        now,
      ),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, before, after, request_id)
         SELECT ?1, ?2, 'submission.create', 'claim', s.claim_id, NULL,
           json_object('submissionId', s.id, 'newClaim', json(CASE s.created_new_claim WHEN 1 THEN 'true' ELSE 'false' END)), ?3
         FROM submissions s WHERE s.id = ?4`,
      )
      .bind(now, actor.userId, actor.requestId, id),
    db.prepare(`SELECT claim_id FROM submissions WHERE id = ?1`).bind(id),
  ]);
  const target = results.at(-1)?.results[0]?.claim_id;
  if (!target) throw new Error('submission insert did not return its claim');
  return { id, claimId: target, newClaim: target === claimId, createdAt: now };
}

/** What a submitter's tracking link shows: their submission and its claim's status, nothing more. */
export interface TrackedSubmission {
  id: string;
  claimId: string;
  text: string;
  language: string;
  createdAt: string;
  hasContact: boolean;
  status: ClaimStatus;
  /** The claim readers can open for this submission (its own, or the original of a duplicate), when published. */
  publishedClaimId: string | null;
}

interface TrackedRow {
  id: string;
  claim_id: string;
  text: string;
  language: string;
  created_at: string;
  has_contact: number;
  status: ClaimStatus;
  duplicate_of: string | null;
  duplicate_status: ClaimStatus | null;
}

function toTracked(row: TrackedRow): TrackedSubmission {
  let publishedClaimId: string | null = null;
  if (row.status === 'published') publishedClaimId = row.claim_id;
  else if (row.status === 'duplicate' && row.duplicate_status === 'published')
    publishedClaimId = row.duplicate_of;
  return {
    id: row.id,
    claimId: row.claim_id,
    text: row.text,
    language: row.language,
    createdAt: row.created_at,
    hasContact: row.has_contact === 1,
    status: row.status,
    publishedClaimId,
  };
}

/** Look a submission up by the SHA-256 of its tracking token. */
export async function getTrackedSubmission(
  db: D1Database,
  trackingHash: string,
): Promise<TrackedSubmission | null> {
  const row = await db
    .prepare(
      `SELECT s.id, s.claim_id, s.text, s.language, s.created_at, (s.contact_email_enc IS NOT NULL) AS has_contact,
         c.status, c.duplicate_of, d.status AS duplicate_status
       FROM submissions s JOIN claims c ON c.id = s.claim_id LEFT JOIN claims d ON d.id = c.duplicate_of
       WHERE s.tracking_hash = ?1`,
    )
    .bind(trackingHash)
    .first<TrackedRow>();
  return row ? toTracked(row) : null;
}

/** Erase the contact e-mail of a submission (the submitter's right). False when there was none. */
export async function deleteContact(
  db: D1Database,
  trackingHash: string,
  actor: Actor,
): Promise<boolean> {
  const now = new Date().toISOString();
  const [update] = await db.batch([
    db
      .prepare(
        `UPDATE submissions SET contact_email_enc = NULL, contact_deleted_at = ?2 WHERE tracking_hash = ?1 AND contact_email_enc IS NOT NULL`,
      )
      .bind(trackingHash, now),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, before, after, request_id)
         SELECT ?1, ?2, 'submission.contact_delete', 'submission', s.id, NULL, NULL, ?3 FROM submissions s
         WHERE changes() = 1 AND s.tracking_hash = ?4`,
      )
      .bind(now, actor.userId, actor.requestId, trackingHash),
  ]);
  return update?.meta.changes === 1;
}

/** A submission as editors see it (the contact stays encrypted; `hasContact` says whether there is one). */
export interface SubmissionSummary {
  id: string;
  text: string;
  whereSeenUrl: string | null;
  whereSeenText: string | null;
  why: string | null;
  language: string;
  hasContact: boolean;
  createdAt: string;
}

interface SubmissionSummaryRow {
  id: string;
  text: string;
  where_seen_url: string | null;
  where_seen_text: string | null;
  why: string | null;
  language: string;
  has_contact: number;
  created_at: string;
}

/** The submissions behind a claim, newest first, as one statement (for a batch). Never the contact itself. */
export function submissionsStatement(
  db: D1Database,
  claimId: string,
  limit = 50,
): D1PreparedStatement {
  return db
    .prepare(
      `SELECT id, text, where_seen_url, where_seen_text, why, language, (contact_email_enc IS NOT NULL) AS has_contact, created_at
       FROM submissions WHERE claim_id = ?1 ORDER BY created_at DESC, id LIMIT ?2`,
    )
    .bind(claimId, limit);
}

export function toSubmissionSummary(r: SubmissionSummaryRow): SubmissionSummary {
  return {
    id: r.id,
    text: r.text,
    whereSeenUrl: r.where_seen_url,
    whereSeenText: r.where_seen_text,
    why: r.why,
    language: r.language,
    hasContact: r.has_contact === 1,
    createdAt: r.created_at,
  };
}

/** The submissions behind a claim, newest first (for the desk). */
export async function submissionsForClaim(
  db: D1Database,
  claimId: string,
  limit = 50,
): Promise<SubmissionSummary[]> {
  const { results } = await submissionsStatement(db, claimId, limit).all<SubmissionSummaryRow>();
  return results.map(toSubmissionSummary);
}

/** The rows of submissionsStatement() read in a batch. */
export function submissionSummaries(result: D1Result<unknown> | undefined): SubmissionSummary[] {
  return ((result?.results ?? []) as SubmissionSummaryRow[]).map(toSubmissionSummary);
}
