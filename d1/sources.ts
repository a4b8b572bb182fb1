import type { Stance } from '../worker/lib/enums';
import { auditStatement, type Actor } from './audit';
import { touchClaimStatement } from './claims';

export type { Stance };

export interface Source {
  id: number;
  claimId: string;
  url: string;
  title: string | null;
  publisher: string | null;
  excerpt: string | null;
  stance: Stance;
  archivedUrl: string | null;
  addedBy: number | null;
  createdAt: string;
  updatedAt: string;
  /** In a correction draft of a published claim: 'add' (not public yet), 'remove' (still public). */
  draft: 'add' | 'remove' | null;
}

export interface SourceRow {
  id: number;
  claim_id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  excerpt: string | null;
  stance: Stance;
  archived_url: string | null;
  added_by: number | null;
  created_at: string;
  updated_at: string;
  draft: 'add' | 'remove' | null;
}

const COLUMNS = `id, claim_id, url, title, publisher, excerpt, stance, archived_url, added_by, created_at, updated_at, draft`;

export function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    claimId: row.claim_id,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    excerpt: row.excerpt,
    stance: row.stance,
    archivedUrl: row.archived_url,
    addedBy: row.added_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    draft: row.draft,
  };
}

export type SourceInput = Pick<
  Source,
  'url' | 'title' | 'publisher' | 'excerpt' | 'stance' | 'archivedUrl'
>;

/** Sources of a claim in the order they were added, draft ones included (for batches). */
export function sourcesStatement(db: D1Database, claimId: string): D1PreparedStatement {
  return db.prepare(`SELECT ${COLUMNS} FROM sources WHERE claim_id = ?1 ORDER BY id`).bind(claimId);
}

/** The sources readers see: public ones (a draft's additions wait for its publication). */
export function publicSourcesStatement(db: D1Database, claimId: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM sources WHERE claim_id = ?1 AND (draft IS NULL OR draft = 'remove') ORDER BY id`,
    )
    .bind(claimId);
}

export async function getSource(
  db: D1Database,
  claimId: string,
  id: number,
): Promise<Source | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM sources WHERE claim_id = ?1 AND id = ?2`)
    .bind(claimId, id)
    .first<SourceRow>();
  return row ? toSource(row) : null;
}

/**
 * Add a source; the row, the claim's updated_at and the audit row travel in one batch.
 * `draft: 'add'` adds it to a correction draft (public once the draft is published).
 */
export async function addSource(
  db: D1Database,
  claimId: string,
  input: SourceInput,
  actor: Actor,
  draft: 'add' | null = null,
): Promise<Source> {
  const now = new Date().toISOString();
  const results = await db.batch<SourceRow>([
    db
      .prepare(
        `INSERT INTO sources (claim_id, url, title, publisher, excerpt, stance, archived_url, added_by, created_at, updated_at, draft)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10) RETURNING ${COLUMNS}`,
      )
      .bind(
        claimId,
        input.url,
        input.title,
        input.publisher,
        input.excerpt,
        input.stance,
        input.archivedUrl,
        actor.userId,
        now,
        draft,
      ),
    auditStatement(
      db,
      actor,
      'source.add',
      { type: 'claim', id: claimId },
      null,
      draft ? { ...input, draft } : input,
      { at: now },
    ),
    touchClaimStatement(db, claimId, now),
  ]);
  const row = results[0]?.results[0];
  if (!row) throw new Error('source insert did not return the row');
  return toSource(row);
}

/** Replace the editable fields of a source. Returns null when it does not exist. */
export async function updateSource(
  db: D1Database,
  before: Source,
  input: SourceInput,
  actor: Actor,
): Promise<Source | null> {
  const now = new Date().toISOString();
  const results = await db.batch<SourceRow>([
    db
      .prepare(
        `UPDATE sources SET url = ?3, title = ?4, publisher = ?5, excerpt = ?6, stance = ?7, archived_url = ?8, updated_at = ?9
         WHERE claim_id = ?1 AND id = ?2 RETURNING ${COLUMNS}`,
      )
      .bind(
        before.claimId,
        before.id,
        input.url,
        input.title,
        input.publisher,
        input.excerpt,
        input.stance,
        input.archivedUrl,
        now,
      ),
    auditStatement(
      db,
      actor,
      'source.update',
      { type: 'claim', id: before.claimId },
      before,
      input,
      { onlyIfChanged: true, at: now },
    ),
    touchClaimStatement(db, before.claimId, now),
  ]);
  const row = results[0]?.results[0];
  return row ? toSource(row) : null;
}

/** Remove a source (the audit row keeps what it was). Returns false when it was already gone. */
export async function deleteSource(db: D1Database, before: Source, actor: Actor): Promise<boolean> {
  const now = new Date().toISOString();
  const results = await db.batch([
    db
      .prepare(`DELETE FROM sources WHERE claim_id = ?1 AND id = ?2 RETURNING id`)
      .bind(before.claimId, before.id),
    auditStatement(
      db,
      actor,
      'source.remove',
      { type: 'claim', id: before.claimId },
      before,
      null,
      { onlyIfChanged: true, at: now },
    ),
    touchClaimStatement(db, before.claimId, now),
  ]);
  return results[0]?.results.length === 1;
}

/**
 * In a correction draft: withdraw a public source (it stays public until the draft is
 * published) or, for an edit, withdraw it and add its edited copy, in one batch.
 */
export async function withdrawSourceInDraft(
  db: D1Database,
  before: Source,
  replacement: SourceInput | null,
  actor: Actor,
): Promise<Source | null> {
  const now = new Date().toISOString();
  const statements = [
    db
      .prepare(
        `UPDATE sources SET draft = 'remove' WHERE claim_id = ?1 AND id = ?2 AND draft IS NULL RETURNING id`,
      )
      .bind(before.claimId, before.id),
    auditStatement(
      db,
      actor,
      replacement ? 'source.update' : 'source.remove',
      { type: 'claim', id: before.claimId },
      before,
      replacement ? { ...replacement, draft: 'add' } : { draft: 'remove' },
      { onlyIfChanged: true, at: now },
    ),
  ];
  if (replacement) {
    statements.push(
      db
        .prepare(
          `INSERT INTO sources (claim_id, url, title, publisher, excerpt, stance, archived_url, added_by, created_at, updated_at, draft)
           SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, 'add' WHERE changes() = 1 RETURNING ${COLUMNS}`,
        )
        .bind(
          before.claimId,
          replacement.url,
          replacement.title,
          replacement.publisher,
          replacement.excerpt,
          replacement.stance,
          replacement.archivedUrl,
          actor.userId,
          now,
        ),
    );
  }
  statements.push(touchClaimStatement(db, before.claimId, now));
  const results = await db.batch<SourceRow>(statements);
  if (results[0]?.results.length !== 1) return null;
  const added = replacement ? results[2]?.results[0] : undefined;
  return added ? toSource(added) : { ...before, draft: 'remove' };
}
