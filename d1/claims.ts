import { normalizeText, searchKey } from '../worker/extract/normalize';
import { sha256Hex } from '../worker/lib/crypto';
import { newId } from '../worker/lib/ids';
import type { ClaimantType } from '../worker/lib/enums';
import type { ClaimStatus } from '../worker/lib/status';
import { auditStatement, type Actor } from './audit';

export type { ClaimantType };

export interface Claim {
  id: string;
  text: string;
  language: string;
  claimant: string | null;
  claimantType: ClaimantType | null;
  claimDate: string | null;
  appearances: string[];
  /** A neutral short wording of the claim (≤ 75 characters), ClaimReview's claimReviewed. */
  claimReviewed: string | null;
  articleId: string | null;
  start: number | null;
  end: number | null;
  score: number | null;
  claimType: string | null;
  speaker: string | null;
  why: string[];
  status: ClaimStatus;
  duplicateOf: string | null;
  assigneeId: number | null;
  submissionCount: number;
  version: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  retractedAt: string | null;
}

export interface ClaimRow {
  seq: number;
  id: string;
  text: string;
  language: string;
  claimant: string | null;
  claimant_type: ClaimantType | null;
  claim_date: string | null;
  appearances: string;
  claim_reviewed: string | null;
  article_id: string | null;
  start_offset: number | null;
  end_offset: number | null;
  score: number | null;
  claim_type: string | null;
  speaker: string | null;
  why: string;
  status: ClaimStatus;
  duplicate_of: string | null;
  assignee_id: number | null;
  submission_count: number;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  retracted_at: string | null;
}

/** Column list for `SELECT … FROM claims c`. */
export const CLAIM_COLUMNS = `c.seq, c.id, c.text, c.language, c.claimant, c.claimant_type, c.claim_date, c.appearances,
  c.claim_reviewed, c.article_id, c.start_offset, c.end_offset, c.score, c.claim_type, c.speaker, c.why, c.status, c.duplicate_of,
  c.assignee_id, c.submission_count, c.version, c.created_by, c.created_at, c.updated_at, c.published_at, c.retracted_at`;

export function toClaim(row: ClaimRow): Claim {
  return {
    id: row.id,
    text: row.text,
    language: row.language,
    claimant: row.claimant,
    claimantType: row.claimant_type,
    claimDate: row.claim_date,
    appearances: JSON.parse(row.appearances) as string[],
    claimReviewed: row.claim_reviewed,
    articleId: row.article_id,
    start: row.start_offset,
    end: row.end_offset,
    score: row.score,
    claimType: row.claim_type,
    speaker: row.speaker,
    why: JSON.parse(row.why) as string[],
    status: row.status,
    duplicateOf: row.duplicate_of,
    assigneeId: row.assignee_id,
    submissionCount: row.submission_count,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    retractedAt: row.retracted_at,
  };
}

export interface NewClaim {
  text: string;
  language: string;
  status: Extract<ClaimStatus, 'candidate' | 'submitted' | 'queued'>;
  claimant?: string | null;
  claimantType?: ClaimantType | null;
  claimDate?: string | null;
  appearances?: string[];
  claimReviewed?: string | null;
  articleId?: string | null;
  start?: number | null;
  end?: number | null;
  score?: number | null;
  claimType?: string | null;
  speaker?: string | null;
  why?: string[];
  submissionCount?: number;
}

/** Hash of the normalized text: equal for texts that differ only in harakat, digits, case, spacing. */
export function claimTextHash(text: string): Promise<string> {
  return sha256Hex(normalizeText(text));
}

/**
 * The statements that insert a claim and its audit row, for callers that batch several
 * writes together (ingest inserts an article and all its candidates in one batch).
 */
export async function claimInsertStatements(
  db: D1Database,
  input: NewClaim,
  actor: Actor,
  now = new Date().toISOString(),
): Promise<{ id: string; statements: D1PreparedStatement[] }> {
  const id = newId();
  const insert = db
    .prepare(
      `INSERT INTO claims (id, text, search_text, text_hash, language, claimant, claimant_type, claim_date, appearances,
        article_id, start_offset, end_offset, score, claim_type, speaker, why, status, submission_count, created_by,
        created_at, updated_at, claim_reviewed)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20, ?21)`,
    )
    .bind(
      id,
      input.text,
      searchKey(input.text),
      await claimTextHash(input.text),
      input.language,
      input.claimant ?? null,
      input.claimantType ?? null,
      input.claimDate ?? null,
      JSON.stringify(input.appearances ?? []),
      input.articleId ?? null,
      input.start ?? null,
      input.end ?? null,
      input.score ?? null,
      input.claimType ?? null,
      input.speaker ?? null,
      JSON.stringify(input.why ?? []),
      input.status,
      input.submissionCount ?? 0,
      actor.userId,
      now,
      input.claimReviewed ?? null,
    );
  const audit = auditStatement(
    db,
    actor,
    'claim.create',
    { type: 'claim', id },
    null,
    { text: input.text, status: input.status },
    { at: now },
  );
  return { id, statements: [insert, audit] };
}

/** Create one claim (with its audit row) in one batch and return it as stored. */
export async function createClaim(db: D1Database, input: NewClaim, actor: Actor): Promise<Claim> {
  const { id, statements } = await claimInsertStatements(db, input, actor);
  const results = await db.batch<ClaimRow>([...statements, selectClaim(db, id)]);
  const row = results.at(-1)?.results[0];
  if (!row) throw new Error('claim insert did not return the row');
  return toClaim(row);
}

/** SELECT one claim by public id (for batches). */
export function selectClaim(db: D1Database, id: string): D1PreparedStatement {
  return db.prepare(`SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id = ?1`).bind(id);
}

export async function getClaim(db: D1Database, id: string): Promise<Claim | null> {
  const row = await selectClaim(db, id).first<ClaimRow>();
  return row ? toClaim(row) : null;
}

/** Claims whose normalized text hashes to the same value (exact duplicates), newest first. */
export async function findByTextHash(
  db: D1Database,
  textHash: string,
  limit = 10,
): Promise<Claim[]> {
  const { results } = await db
    .prepare(
      `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.text_hash = ?1 ORDER BY c.seq DESC LIMIT ?2`,
    )
    .bind(textHash, limit)
    .all<ClaimRow>();
  return results.map(toClaim);
}

export interface ClaimFilters {
  status?: ClaimStatus;
  language?: string;
  articleId?: string;
  rating?: string;
  assigneeId?: number;
  /** Opaque cursor from a previous page (the last row's seq). */
  cursor?: number;
  limit: number;
}

/** Filters shared by the API list and the desk queue, plus an FTS5 MATCH expression for the queue. */
export interface ClaimConditions extends Omit<ClaimFilters, 'limit'> {
  match?: string | null;
}

/**
 * WHERE conditions for the filters that are set, with numbered parameters (alias `c`). Only
 * constant SQL fragments are joined (values stay bound), so SQLite can use the index of each
 * filter present instead of walking every claim past `?n IS NULL OR …` conditions. `page: false`
 * leaves out status and cursor (the desk's per-status counts).
 */
export function claimConditions(
  f: ClaimConditions,
  page = true,
): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (fragment: string, value: unknown) => {
    params.push(value);
    where.push(fragment.replaceAll('?', `?${params.length}`));
  };
  if (page && f.status) add('c.status = ?', f.status);
  if (f.language) add('c.language = ?', f.language);
  if (f.articleId) add('c.article_id = ?', f.articleId);
  if (f.assigneeId !== undefined) add('c.assignee_id = ?', f.assigneeId);
  // The newest verdict version's rating, kept by triggers (migrations/0021), read from its indexes.
  if (f.rating) add('c.current_rating = ?', f.rating);
  if (f.match !== undefined && f.match !== null)
    add('c.seq IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)', f.match);
  if (page && f.cursor !== undefined) add('c.seq < ?', f.cursor);
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * One page of claims, newest first (by insertion order, stable under concurrent inserts),
 * and the cursor of the next page. `rating` filters on the latest verdict's rating.
 */
export async function listClaims(
  db: D1Database,
  f: ClaimFilters,
): Promise<{ items: Claim[]; nextCursor: number | null }> {
  const where = claimConditions(f);
  const { results } = await db
    .prepare(
      `SELECT ${CLAIM_COLUMNS} FROM claims c ${where.sql} ORDER BY c.seq DESC LIMIT ?${where.params.length + 1}`,
    )
    .bind(...where.params, f.limit + 1)
    .all<ClaimRow>();
  const page = results.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map(toClaim),
    nextCursor: results.length > f.limit && last ? last.seq : null,
  };
}

export interface ClaimPatch {
  text?: string;
  claimant?: string | null;
  claimantType?: ClaimantType | null;
  claimDate?: string | null;
  appearances?: string[];
  claimReviewed?: string | null;
  language?: string;
  assigneeId?: number | null;
}

export type WriteResult = { ok: true; claim: Claim } | { ok: false; current: Claim | null };

/**
 * Apply a patch only if the stored version is still `expectedVersion` (optimistic concurrency).
 * The update, its audit row (written only if the update won) and the read-back are one batch.
 */
export async function updateClaim(
  db: D1Database,
  id: string,
  expectedVersion: number,
  patch: ClaimPatch,
  before: Claim,
  actor: Actor,
): Promise<WriteResult> {
  const now = new Date().toISOString();
  const next = { ...before, ...patch };
  const update = db
    .prepare(
      `UPDATE claims SET text = ?3, search_text = ?4, text_hash = ?5, claimant = ?6, claimant_type = ?7, claim_date = ?8,
         appearances = ?9, language = ?10, assignee_id = ?11, version = version + 1, updated_at = ?12,
         claim_reviewed = ?13
       WHERE id = ?1 AND version = ?2`,
    )
    .bind(
      id,
      expectedVersion,
      next.text,
      searchKey(next.text),
      await claimTextHash(next.text),
      next.claimant,
      next.claimantType,
      next.claimDate,
      JSON.stringify(next.appearances),
      next.language,
      next.assigneeId,
      now,
      next.claimReviewed,
    );
  const changed = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof Claim]]));
  const audit = auditStatement(db, actor, 'claim.update', { type: 'claim', id }, changed, patch, {
    onlyIfChanged: true,
    at: now,
  });
  const results = await db.batch<ClaimRow>([update, audit, selectClaim(db, id)]);
  const row = results[2]?.results[0];
  const current = row ? toClaim(row) : null;
  // The audit row is written only if the guarded UPDATE won: its RETURNING row is the signal.
  return results[1]?.results.length === 1 && current
    ? { ok: true, claim: current }
    : { ok: false, current };
}

/**
 * Move a claim to another status if it is still in `from` at `expectedVersion`. Publishing also
 * makes the latest verdict public; all of it, with the audit row, in one batch. `duplicate_of`
 * is set by a move to `duplicate` and cleared by any other move (the link is removable). The
 * audit row records what an undo needs (d1/claim-undo.ts): the old status and duplicate link,
 * and the version the move produced.
 */
export async function transitionClaim(
  db: D1Database,
  claim: Claim,
  to: ClaimStatus,
  opts: { duplicateOf?: string | null; note?: string | null },
  actor: Actor,
): Promise<WriteResult> {
  const now = new Date().toISOString();
  const statements = [
    db
      .prepare(
        `UPDATE claims SET status = ?3, duplicate_of = CASE WHEN ?3 = 'duplicate' THEN ?4 END, version = version + 1, updated_at = ?5,
           published_at = CASE WHEN ?3 = 'published' THEN ?5 ELSE published_at END
         WHERE id = ?1 AND version = ?2 AND status = ?6`,
      )
      .bind(claim.id, claim.version, to, opts.duplicateOf ?? null, now, claim.status),
    auditStatement(
      db,
      actor,
      'claim.transition',
      { type: 'claim', id: claim.id },
      { status: claim.status, duplicateOf: claim.duplicateOf ?? undefined },
      {
        status: to,
        duplicateOf: to === 'duplicate' ? (opts.duplicateOf ?? undefined) : undefined,
        note: opts.note ?? undefined,
        version: claim.version + 1,
      },
      { onlyIfChanged: true, at: now },
    ),
  ];
  if (to === 'published') {
    // changes() here counts the audit insert just above: 1 only if the transition won.
    statements.push(
      db
        .prepare(
          `UPDATE verdicts SET published_at = ?2 WHERE changes() = 1 AND published_at IS NULL
             AND claim_id = ?1 AND version = (SELECT MAX(version) FROM verdicts WHERE claim_id = ?1)`,
        )
        .bind(claim.id, now),
    );
  }
  statements.push(selectClaim(db, claim.id));
  const results = await db.batch<ClaimRow>(statements);
  const row = results.at(-1)?.results[0];
  const current = row ? toClaim(row) : null;
  return results[1]?.results.length === 1 && current
    ? { ok: true, claim: current }
    : { ok: false, current };
}

/** Mark a claim's last-change time (sources and verdicts change what readers see). */
export function touchClaimStatement(db: D1Database, id: string, now: string): D1PreparedStatement {
  return db.prepare(`UPDATE claims SET updated_at = ?2 WHERE id = ?1`).bind(id, now);
}
