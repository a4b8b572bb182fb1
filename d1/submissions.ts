/** Public submissions: each one creates a 'submitted' claim or joins the claim with the same normalized text. */
import { auditStatement, type Actor } from './audit';
import { claimInsertStatements, claimTextHash, findByTextHash, type Claim } from './claims';
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

/** The claim a repeat submission should count against: the original of a duplicate, else the newest. */
function target(claims: Claim[]): string | null {
  const first = claims[0];
  if (!first) return null;
  return first.status === 'duplicate' && first.duplicateOf ? first.duplicateOf : first.id;
}

/**
 * Record a submission. Same normalized text as an existing claim (claims.text_hash): that claim's
 * submission_count goes up; otherwise a new claim with status 'submitted' is created (core's insert,
 * so search_text and text_hash are right). The writes and the audit row are one batch.
 */
export async function createSubmission(
  db: D1Database,
  input: NewSubmission,
  actor: Actor,
): Promise<SubmissionResult> {
  const now = new Date().toISOString();
  const id = newId();
  const existing = target(await findByTextHash(db, await claimTextHash(input.text), 1));
  let claimId: string;
  const statements: D1PreparedStatement[] = [];
  if (existing) {
    claimId = existing;
    statements.push(
      db
        .prepare(`UPDATE claims SET submission_count = submission_count + 1 WHERE id = ?1`)
        .bind(existing),
    );
  } else {
    const appearances = input.whereSeenUrl ? [input.whereSeenUrl] : [];
    const insert = await claimInsertStatements(
      db,
      {
        text: input.text,
        language: input.language,
        status: 'submitted',
        submissionCount: 1,
        appearances,
      },
      actor,
      now,
    );
    claimId = insert.id;
    statements.push(...insert.statements);
  }
  statements.push(
    db
      .prepare(
        `INSERT INTO submissions (id, claim_id, text, where_seen_url, where_seen_text, why, language, language_detected,
           contact_email_enc, tracking_hash, ip_hash, created_new_claim, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)`,
      )
      .bind(
        id,
        claimId,
        input.text,
        input.whereSeenUrl,
        input.whereSeenText,
        input.why,
        input.language,
        input.languageDetected ? 1 : 0,
        input.contactEmailEnc,
        input.trackingHash,
        input.ipHash,
        existing ? 0 : 1,
        now,
      ),
    auditStatement(
      db,
      actor,
      'submission.create',
      { type: 'claim', id: claimId },
      null,
      { submissionId: id, newClaim: !existing },
      { at: now },
    ),
  );
  await db.batch(statements);
  return { id, claimId, newClaim: !existing, createdAt: now };
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

/** The submissions behind a claim, newest first (for the desk). */
export async function submissionsForClaim(
  db: D1Database,
  claimId: string,
  limit = 50,
): Promise<SubmissionSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT id, text, where_seen_url, where_seen_text, why, language, (contact_email_enc IS NOT NULL) AS has_contact, created_at
       FROM submissions WHERE claim_id = ?1 ORDER BY created_at DESC, id LIMIT ?2`,
    )
    .bind(claimId, limit)
    .all<{
      id: string;
      text: string;
      where_seen_url: string | null;
      where_seen_text: string | null;
      why: string | null;
      language: string;
      has_contact: number;
      created_at: string;
    }>();
  return results.map((r) => ({
    id: r.id,
    text: r.text,
    whereSeenUrl: r.where_seen_url,
    whereSeenText: r.where_seen_text,
    why: r.why,
    language: r.language,
    hasContact: r.has_contact === 1,
    createdAt: r.created_at,
  }));
}
