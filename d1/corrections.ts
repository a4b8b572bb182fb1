/**
 * The public record of a claim and the drafts beside it (migration 0008): correction and update
 * drafts of a published claim, its numbered public versions, publish requests (second editor)
 * and retraction. Every write is one db.batch() that starts with a version guard, so a claim
 * changed since the caller read it makes the whole batch roll back (`StaleWrite`).
 */
import { searchKey } from '../worker/extract/normalize';
import type { ClaimantType } from '../worker/lib/enums';
import { auditStatement, type Actor } from './audit';
import { claimTextHash, selectClaim, toClaim, type Claim, type ClaimRow } from './claims';
import { readerNoticeStatements } from './outbox';
import type { Source } from './sources';
import type { Verdict } from './verdicts';

/** Public fields a draft may change (the rest of a claim is desk-only or fixed). */
export interface DraftFields {
  text?: string;
  claimant?: string | null;
  claimantType?: ClaimantType | null;
  claimDate?: string | null;
  appearances?: string[];
  claimReviewed?: string | null;
  language?: string;
}
export const DRAFT_FIELDS = [
  'text',
  'claimant',
  'claimantType',
  'claimDate',
  'appearances',
  'claimReviewed',
  'language',
] as const satisfies readonly (keyof DraftFields)[];

export interface ClaimDraft {
  claimId: string;
  fields: DraftFields;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Everything a reader sees of a claim at one public version. */
export interface PublicSnapshot {
  text: string;
  claimant: string | null;
  claimantType: ClaimantType | null;
  claimDate: string | null;
  appearances: string[];
  claimReviewed: string | null;
  language: string;
  verdict: {
    ratingKey: string;
    headline: string;
    explanation: string;
    language: string;
    version: number;
  } | null;
  sources: { url: string; title: string | null; publisher: string | null; stance: string }[];
}

/** The public face of a claim with these fields, sources and verdict. */
export function publicSnapshot(
  claim: Claim,
  sources: readonly Source[],
  verdict: Verdict | null,
): PublicSnapshot {
  return {
    text: claim.text,
    claimant: claim.claimant,
    claimantType: claim.claimantType,
    claimDate: claim.claimDate,
    appearances: claim.appearances,
    claimReviewed: claim.claimReviewed,
    language: claim.language,
    verdict: verdict
      ? {
          ratingKey: verdict.ratingKey,
          headline: verdict.headline,
          explanation: verdict.explanation,
          language: verdict.language,
          version: verdict.version,
        }
      : null,
    sources: sources.map((s) => ({
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      stance: s.stance,
    })),
  };
}

export type VersionKind = 'publication' | 'correction' | 'update' | 'retraction';

export interface ClaimVersion {
  id: number;
  claimId: string;
  number: number;
  kind: VersionKind;
  note: string | null;
  snapshot: PublicSnapshot;
  publishedAt: string;
  editorId: number | null;
  editorName: string | null;
  approverId: number | null;
  approverName: string | null;
}

export interface PublishRequest {
  claimId: string;
  claimVersion: number;
  note: string | null;
  requestedBy: number;
  requestedByName: string | null;
  requestedAt: string;
}

interface DraftRow {
  claim_id: string;
  fields: string;
  created_by: number | null;
  created_by_name: string | null;
  created_at: string;
  updated_at: string;
}
interface VersionRow {
  id: number;
  claim_id: string;
  number: number;
  kind: VersionKind;
  note: string | null;
  snapshot: string;
  published_at: string;
  editor_id: number | null;
  editor_name: string | null;
  approver_id: number | null;
  approver_name: string | null;
}
interface RequestRow {
  claim_id: string;
  claim_version: number;
  note: string | null;
  requested_by: number;
  requested_by_name: string | null;
  requested_at: string;
}

export function toDraft(row: DraftRow): ClaimDraft {
  return {
    claimId: row.claim_id,
    fields: JSON.parse(row.fields) as DraftFields,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toVersion(row: VersionRow): ClaimVersion {
  const raw = JSON.parse(row.snapshot) as PublicSnapshot;
  return {
    id: row.id,
    claimId: row.claim_id,
    number: row.number,
    kind: row.kind,
    note: row.note,
    snapshot: { ...raw, appearances: raw.appearances ?? [], sources: raw.sources ?? [] },
    publishedAt: row.published_at,
    editorId: row.editor_id,
    editorName: row.editor_name,
    approverId: row.approver_id,
    approverName: row.approver_name,
  };
}

export function toPublishRequest(row: RequestRow): PublishRequest {
  return {
    claimId: row.claim_id,
    claimVersion: row.claim_version,
    note: row.note,
    requestedBy: row.requested_by,
    requestedByName: row.requested_by_name,
    requestedAt: row.requested_at,
  };
}

/** The open draft of a claim, if any (for batches). */
export function draftStatement(db: D1Database, claimId: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT d.claim_id, d.fields, d.created_by, u.name AS created_by_name, d.created_at, d.updated_at
       FROM claim_drafts d LEFT JOIN users u ON u.id = d.created_by WHERE d.claim_id = ?1`,
    )
    .bind(claimId);
}

/** The public versions of a claim, oldest first (for batches). */
export function versionsStatement(db: D1Database, claimId: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT cv.id, cv.claim_id, cv.number, cv.kind, cv.note, cv.snapshot, cv.published_at,
         cv.editor_id, e.name AS editor_name, cv.approver_id, a.name AS approver_name
       FROM claim_versions cv LEFT JOIN users e ON e.id = cv.editor_id LEFT JOIN users a ON a.id = cv.approver_id
       WHERE cv.claim_id = ?1 ORDER BY cv.number`,
    )
    .bind(claimId);
}

/** The pending publish request of a claim, if any (for batches). */
export function publishRequestStatement(db: D1Database, claimId: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT r.claim_id, r.claim_version, r.note, r.requested_by, u.name AS requested_by_name, r.requested_at
       FROM publish_requests r LEFT JOIN users u ON u.id = r.requested_by WHERE r.claim_id = ?1`,
    )
    .bind(claimId);
}

export function mapDraft(results: unknown[] | undefined): ClaimDraft | null {
  const row = results?.[0] as DraftRow | undefined;
  return row ? toDraft(row) : null;
}
export function mapVersions(results: unknown[] | undefined): ClaimVersion[] {
  return ((results ?? []) as VersionRow[]).map(toVersion);
}
export function mapPublishRequest(results: unknown[] | undefined): PublishRequest | null {
  const row = results?.[0] as RequestRow | undefined;
  return row ? toPublishRequest(row) : null;
}

/**
 * The first statement of a guarded batch: fails (CHECK constraint of write_guard), and so rolls
 * the whole batch back, unless the claim is still at `version`.
 */
export function versionGuard(
  db: D1Database,
  claimId: string,
  version: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR REPLACE INTO write_guard (id, ok)
       SELECT 1, EXISTS (SELECT 1 FROM claims WHERE id = ?1 AND version = ?2)`,
    )
    .bind(claimId, version);
}

/** True for the error a failed versionGuard() raises. */
export function isGuardFailure(error: unknown): boolean {
  const message = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : '';
  return /CHECK constraint failed/i.test(message) && /\bok\b/.test(message);
}

export type GuardedResult = { ok: true; claim: Claim } | { ok: false; current: Claim | null };

/** Run a guarded batch whose last statement selects the claim; a failed guard is a stale write. */
async function runGuarded(
  db: D1Database,
  claimId: string,
  statements: D1PreparedStatement[],
): Promise<GuardedResult> {
  try {
    const results = await db.batch<ClaimRow>([...statements, selectClaim(db, claimId)]);
    const row = results.at(-1)?.results[0];
    if (!row) return { ok: false, current: null };
    return { ok: true, claim: toClaim(row) };
  } catch (error) {
    if (!isGuardFailure(error)) throw error;
    const row = await selectClaim(db, claimId).first<ClaimRow>();
    return { ok: false, current: row ? toClaim(row) : null };
  }
}

function bumpStatement(db: D1Database, claimId: string, now: string): D1PreparedStatement {
  return db
    .prepare(`UPDATE claims SET version = version + 1, updated_at = ?2 WHERE id = ?1`)
    .bind(claimId, now);
}

/** Statements that throw a draft away: its fields, draft verdict versions, draft sources, request. */
function discardStatements(db: D1Database, claimId: string): D1PreparedStatement[] {
  return [
    db.prepare(`DELETE FROM claim_drafts WHERE claim_id = ?1`).bind(claimId),
    db
      .prepare(
        `DELETE FROM verdicts WHERE claim_id = ?1 AND published_at IS NULL
           AND version > (SELECT COALESCE(MAX(version), 0) FROM verdicts WHERE claim_id = ?1 AND published_at IS NOT NULL)`,
      )
      .bind(claimId),
    db.prepare(`DELETE FROM sources WHERE claim_id = ?1 AND draft = 'add'`).bind(claimId),
    db
      .prepare(`UPDATE sources SET draft = NULL WHERE claim_id = ?1 AND draft = 'remove'`)
      .bind(claimId),
    db.prepare(`DELETE FROM publish_requests WHERE claim_id = ?1`).bind(claimId),
  ];
}

/** Open a draft beside a published claim at `version` (bumps the version; audited). */
export function startDraft(db: D1Database, claim: Claim, actor: Actor): Promise<GuardedResult> {
  const now = new Date().toISOString();
  return runGuarded(db, claim.id, [
    versionGuard(db, claim.id, claim.version),
    db
      .prepare(
        `INSERT INTO claim_drafts (claim_id, fields, created_by, created_at, updated_at) VALUES (?1, '{}', ?2, ?3, ?3)`,
      )
      .bind(claim.id, actor.userId, now),
    bumpStatement(db, claim.id, now),
    auditStatement(db, actor, 'draft.start', { type: 'claim', id: claim.id }, null, null, {
      at: now,
    }),
  ]);
}

/**
 * Change the draft's public fields (already merged by the caller) and, in the same batch,
 * whatever applies to the claim row directly (the assignee), guarded by `version`.
 */
export function updateDraftFields(
  db: D1Database,
  claim: Claim,
  version: number,
  fields: DraftFields,
  direct: { assigneeId?: number | null },
  audit: { before: unknown; after: unknown },
  actor: Actor,
): Promise<GuardedResult> {
  const now = new Date().toISOString();
  return runGuarded(db, claim.id, [
    versionGuard(db, claim.id, version),
    db
      .prepare(`UPDATE claim_drafts SET fields = ?2, updated_at = ?3 WHERE claim_id = ?1`)
      .bind(claim.id, JSON.stringify(fields), now),
    db
      .prepare(
        `UPDATE claims SET version = version + 1, updated_at = ?2,
           assignee_id = CASE WHEN ?3 THEN ?4 ELSE assignee_id END WHERE id = ?1`,
      )
      .bind(claim.id, now, 'assigneeId' in direct ? 1 : 0, direct.assigneeId ?? null),
    auditStatement(
      db,
      actor,
      'draft.update',
      { type: 'claim', id: claim.id },
      audit.before,
      audit.after,
      {
        at: now,
      },
    ),
  ]);
}

/** Throw a draft away (guarded by `version`; audited). */
export function discardDraft(
  db: D1Database,
  claimId: string,
  version: number,
  actor: Actor,
): Promise<GuardedResult> {
  const now = new Date().toISOString();
  return runGuarded(db, claimId, [
    versionGuard(db, claimId, version),
    ...discardStatements(db, claimId),
    bumpStatement(db, claimId, now),
    auditStatement(db, actor, 'draft.discard', { type: 'claim', id: claimId }, null, null, {
      at: now,
    }),
  ]);
}

export interface PublishVersion {
  kind: VersionKind;
  note: string | null;
  snapshot: PublicSnapshot;
  /** The verdict version that becomes public (the draft's newest), if it is not public yet. */
  verdictId: number | null;
  editorId: number | null;
  approverId: number | null;
}

function versionInsert(
  db: D1Database,
  claimId: string,
  v: PublishVersion,
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO claim_versions (claim_id, number, kind, note, snapshot, published_at, editor_id, approver_id)
       SELECT ?1, COALESCE(MAX(number), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7 FROM claim_versions WHERE claim_id = ?1`,
    )
    .bind(claimId, v.kind, v.note, JSON.stringify(v.snapshot), now, v.editorId, v.approverId);
}

function verdictPublish(db: D1Database, v: PublishVersion, now: string): D1PreparedStatement[] {
  return v.verdictId === null
    ? []
    : [
        db
          .prepare(`UPDATE verdicts SET published_at = ?2 WHERE id = ?1 AND published_at IS NULL`)
          .bind(v.verdictId, now),
      ];
}

/**
 * First publication (in review → published): the claim, its newest verdict and its first public
 * version, one batch guarded by `version`.
 */
export function publishClaim(
  db: D1Database,
  claim: Claim,
  version: number,
  v: PublishVersion,
  actor: Actor,
): Promise<GuardedResult> {
  const now = new Date().toISOString();
  return runGuarded(db, claim.id, [
    versionGuard(db, claim.id, version),
    db
      .prepare(
        `UPDATE claims SET status = 'published', published_at = ?2, version = version + 1, updated_at = ?2,
           claim_reviewed = ?3 WHERE id = ?1`,
      )
      .bind(claim.id, now, v.snapshot.claimReviewed),
    ...verdictPublish(db, v, now),
    db.prepare(`UPDATE sources SET draft = NULL WHERE claim_id = ?1`).bind(claim.id),
    versionInsert(db, claim.id, v, now),
    db.prepare(`DELETE FROM publish_requests WHERE claim_id = ?1`).bind(claim.id),
    // The one e-mail readers who left an address were promised (d1/outbox.ts).
    ...readerNoticeStatements(db, claim.id, now),
    auditStatement(
      db,
      actor,
      'claim.transition',
      { type: 'claim', id: claim.id },
      { status: claim.status },
      { status: 'published', editorId: v.editorId, approverId: v.approverId ?? undefined },
      { at: now },
    ),
  ]);
}

/**
 * Publish a correction or update: the draft's fields, sources and verdict replace the public
 * ones and a new public version records the note, all in one batch guarded by `version`.
 */
export async function publishDraft(
  db: D1Database,
  claim: Claim,
  version: number,
  v: PublishVersion,
  actor: Actor,
): Promise<GuardedResult> {
  const now = new Date().toISOString();
  const s = v.snapshot;
  return runGuarded(db, claim.id, [
    versionGuard(db, claim.id, version),
    db
      .prepare(
        `UPDATE claims SET text = ?2, search_text = ?3, text_hash = ?4, claimant = ?5, claimant_type = ?6,
           claim_date = ?7, appearances = ?8, claim_reviewed = ?9, language = ?10,
           version = version + 1, updated_at = ?11 WHERE id = ?1`,
      )
      .bind(
        claim.id,
        s.text,
        searchKey(s.text),
        await claimTextHash(s.text),
        s.claimant,
        s.claimantType,
        s.claimDate,
        JSON.stringify(s.appearances),
        s.claimReviewed,
        s.language,
        now,
      ),
    ...verdictPublish(db, v, now),
    db.prepare(`DELETE FROM sources WHERE claim_id = ?1 AND draft = 'remove'`).bind(claim.id),
    db
      .prepare(`UPDATE sources SET draft = NULL WHERE claim_id = ?1 AND draft = 'add'`)
      .bind(claim.id),
    versionInsert(db, claim.id, v, now),
    db.prepare(`DELETE FROM claim_drafts WHERE claim_id = ?1`).bind(claim.id),
    db.prepare(`DELETE FROM publish_requests WHERE claim_id = ?1`).bind(claim.id),
    auditStatement(
      db,
      actor,
      v.kind === 'correction' ? 'claim.correct' : 'claim.update-public',
      { type: 'claim', id: claim.id },
      null,
      { note: v.note, editorId: v.editorId, approverId: v.approverId ?? undefined },
      { at: now },
    ),
  ]);
}

/** Retract a published claim: status, the retraction version with its note, any draft gone. */
export function retractClaim(
  db: D1Database,
  claim: Claim,
  version: number,
  v: PublishVersion,
  actor: Actor,
): Promise<GuardedResult> {
  const now = new Date().toISOString();
  return runGuarded(db, claim.id, [
    versionGuard(db, claim.id, version),
    db
      .prepare(
        `UPDATE claims SET status = 'retracted', retracted_at = ?2, version = version + 1, updated_at = ?2 WHERE id = ?1`,
      )
      .bind(claim.id, now),
    ...discardStatements(db, claim.id),
    versionInsert(db, claim.id, v, now),
    auditStatement(
      db,
      actor,
      'claim.retract',
      { type: 'claim', id: claim.id },
      { status: claim.status },
      { status: 'retracted', note: v.note },
      { at: now },
    ),
  ]);
}

/** Ask a second editor to publish the claim as it is at `version` (replaces an older request). */
export function requestPublication(
  db: D1Database,
  claimId: string,
  version: number,
  note: string | null,
  actor: Actor & { userId: number },
): Promise<GuardedResult> {
  const now = new Date().toISOString();
  return runGuarded(db, claimId, [
    versionGuard(db, claimId, version),
    db
      .prepare(
        `INSERT OR REPLACE INTO publish_requests (claim_id, claim_version, note, requested_by, requested_at)
         VALUES (?1, ?2, ?3, ?4, ?5)`,
      )
      .bind(claimId, version, note, actor.userId, now),
    auditStatement(
      db,
      actor,
      'publish.request',
      { type: 'claim', id: claimId },
      null,
      { version, note: note ?? undefined },
      { at: now },
    ),
  ]);
}

/** Withdraw a publish request (the requester or an admin). */
export function withdrawPublishRequest(
  db: D1Database,
  claimId: string,
  version: number,
  actor: Actor,
): Promise<GuardedResult> {
  const now = new Date().toISOString();
  return runGuarded(db, claimId, [
    versionGuard(db, claimId, version),
    db.prepare(`DELETE FROM publish_requests WHERE claim_id = ?1`).bind(claimId),
    auditStatement(db, actor, 'publish.withdraw', { type: 'claim', id: claimId }, null, null, {
      at: now,
    }),
  ]);
}

/** Mark a source as added in the draft ('add') or to be withdrawn by it ('remove'). */
export function setSourceDraftStatement(
  db: D1Database,
  claimId: string,
  sourceId: number,
  draft: 'add' | 'remove' | null,
): D1PreparedStatement {
  return db
    .prepare(`UPDATE sources SET draft = ?3 WHERE claim_id = ?1 AND id = ?2`)
    .bind(claimId, sourceId, draft);
}

/** A claim's status and whether it has an open draft (one query). */
export async function getDraftState(
  db: D1Database,
  claimId: string,
): Promise<{ status: Claim['status']; hasDraft: boolean } | null> {
  const row = await db
    .prepare(
      `SELECT c.status, EXISTS (SELECT 1 FROM claim_drafts d WHERE d.claim_id = c.id) AS has_draft
       FROM claims c WHERE c.id = ?1`,
    )
    .bind(claimId)
    .first<{ status: Claim['status']; has_draft: number }>();
  return row ? { status: row.status, hasDraft: row.has_draft === 1 } : null;
}
