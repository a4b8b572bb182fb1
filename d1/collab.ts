/**
 * Claim collaboration (migration 0011): internal notes with mentions, due date, topic tags and the
 * checklist. Internal only: nothing here is read by a public page, embed, feed or public API view.
 * Every write is one batch with its audit row (entity `claim`, so it shows in the claim's history).
 */
import { newId } from '../worker/lib/ids';
import { auditStatement, type Actor } from './audit';
import { isGuardFailure } from './corrections';

export interface Note {
  id: string;
  claimId: string;
  authorId: number;
  authorName: string;
  body: string;
  createdAt: string;
  /** Ids of the desk users the note mentions. */
  mentionIds: number[];
}

interface NoteRow {
  id: string;
  claim_id: string;
  author_id: number;
  author_name: string;
  body: string;
  created_at: string;
  mentions: string | null;
}

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    claimId: row.claim_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
    mentionIds: row.mentions ? row.mentions.split(',').map(Number) : [],
  };
}

export interface ChecklistItem {
  position: number;
  label: string;
  doneBy: number | null;
  doneByName: string | null;
  doneAt: string | null;
}

export interface Collab {
  dueDate: string | null;
  tags: string[];
  notes: Note[];
  /** The claim's own checklist, or the current defaults (all unticked) before its first tick. */
  checklist: ChecklistItem[];
  /** Handles of the active desk users (the hint under the note field). */
  handles: string[];
}

const NOTE_COLUMNS = `n.id, n.claim_id, n.author_id, u.name AS author_name, n.body, n.created_at,
  (SELECT group_concat(m.user_id) FROM note_mentions m WHERE m.note_id = n.id) AS mentions`;

const DEFAULTS_SQL = `SELECT value FROM settings WHERE key = 'checklist_defaults'`;

/** The statements of the workspace's collaboration panels (batched with the workspace's reads, d1/desk.ts). */
export function collabStatements(db: D1Database, claimId: string): D1PreparedStatement[] {
  return [
    db.prepare(`SELECT due_date FROM claims WHERE id = ?1`).bind(claimId),
    db.prepare(`SELECT tag FROM claim_tags WHERE claim_id = ?1 ORDER BY tag`).bind(claimId),
    db
      .prepare(
        `SELECT ${NOTE_COLUMNS} FROM claim_notes n JOIN users u ON u.id = n.author_id
         WHERE n.claim_id = ?1 ORDER BY n.created_at, n.rowid LIMIT 200`,
      )
      .bind(claimId),
    db
      .prepare(
        `SELECT k.position, k.label, k.done_by, u.name AS done_by_name, k.done_at FROM claim_checklist k
         LEFT JOIN users u ON u.id = k.done_by WHERE k.claim_id = ?1 ORDER BY k.position`,
      )
      .bind(claimId),
    db.prepare(DEFAULTS_SQL),
    db.prepare(
      `SELECT DISTINCT lower(substr(email, 1, instr(email, '@') - 1)) AS handle FROM users
       WHERE active = 1 ORDER BY handle LIMIT 50`,
    ),
  ];
}

/** Map the results of collabStatements() (null when the claim does not exist). */
export function toCollab(results: D1Result<unknown>[]): Collab | null {
  const [claim, tags, notes, items, defaults, handles] = results;
  const row = claim?.results[0] as { due_date: string | null } | undefined;
  if (!row) return null;
  const own = (items?.results ?? []) as {
    position: number;
    label: string;
    done_by: number | null;
    done_by_name: string | null;
    done_at: string | null;
  }[];
  const checklist: ChecklistItem[] = own.length
    ? own.map((k) => ({
        position: k.position,
        label: k.label,
        doneBy: k.done_by,
        doneByName: k.done_by_name,
        doneAt: k.done_at,
      }))
    : parseDefaults(defaults?.results).map((label, position) => ({
        position,
        label,
        doneBy: null,
        doneByName: null,
        doneAt: null,
      }));
  return {
    dueDate: row.due_date,
    tags: ((tags?.results ?? []) as { tag: string }[]).map((t) => t.tag),
    notes: ((notes?.results ?? []) as NoteRow[]).map(toNote),
    checklist,
    handles: ((handles?.results ?? []) as { handle: string }[]).map((h) => h.handle),
  };
}

/** Notes of a claim, oldest first (the API's list). */
export async function listNotes(db: D1Database, claimId: string): Promise<Note[]> {
  const { results } = await db
    .prepare(
      `SELECT ${NOTE_COLUMNS} FROM claim_notes n JOIN users u ON u.id = n.author_id
       WHERE n.claim_id = ?1 ORDER BY n.created_at, n.rowid LIMIT 500`,
    )
    .bind(claimId)
    .all<NoteRow>();
  return results.map(toNote);
}

export interface Mentionable {
  id: number;
  name: string;
  handle: string;
}

/**
 * Whether the claim exists, and the active desk users whose handle (e-mail before the @,
 * lower-cased) is one of `handles`: one round trip.
 */
export async function claimAndMentionables(
  db: D1Database,
  claimId: string,
  handles: string[],
): Promise<{ exists: boolean; users: Mentionable[] }> {
  const [claim, users] = await db.batch<unknown>([
    db.prepare(`SELECT 1 AS one FROM claims WHERE id = ?1`).bind(claimId),
    db
      .prepare(
        `SELECT id, name, handle FROM (
           SELECT id, name, lower(substr(email, 1, instr(email, '@') - 1)) AS handle FROM users WHERE active = 1
         ) WHERE handle IN (SELECT value FROM json_each(?1)) ORDER BY id`,
      )
      .bind(JSON.stringify(handles)),
  ]);
  return {
    exists: (claim?.results.length ?? 0) > 0,
    users: (users?.results ?? []) as Mentionable[],
  };
}

/**
 * Append a note, its mentions and its audit row in one batch. Returns the note with the ids of
 * the users it mentions (what a "you were mentioned" notification needs, after this batch).
 */
export async function insertNote(
  db: D1Database,
  claimId: string,
  body: string,
  mentionIds: number[],
  actor: Actor & { userId: number },
): Promise<Note> {
  const id = newId();
  const now = new Date().toISOString();
  const statements = [
    db
      .prepare(
        `INSERT INTO claim_notes (id, claim_id, author_id, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5)`,
      )
      .bind(id, claimId, actor.userId, body, now),
    auditStatement(
      db,
      actor,
      'note.add',
      { type: 'claim', id: claimId },
      null,
      { note: id, mentions: mentionIds, length: body.length },
      { at: now },
    ),
  ];
  if (mentionIds.length)
    statements.splice(
      1,
      0,
      db
        .prepare(`INSERT INTO note_mentions (note_id, user_id) SELECT ?1, value FROM json_each(?2)`)
        .bind(id, JSON.stringify(mentionIds)),
    );
  const results = await db.batch<NoteRow>([
    ...statements,
    db
      .prepare(
        `SELECT ${NOTE_COLUMNS} FROM claim_notes n JOIN users u ON u.id = n.author_id WHERE n.id = ?1`,
      )
      .bind(id),
  ]);
  const row = results.at(-1)?.results[0];
  if (!row) throw new Error('note insert did not return the row');
  return toNote(row);
}

export type GuardedWrite = 'ok' | 'stale' | 'not-found';

/**
 * Set or clear the due date only if it is still `expected` (what the editor saw): a compare-and-set
 * on the value, so a colleague's concurrent change is never overwritten silently. The claim's
 * version is not bumped (the due date is internal, not part of the claim's public face).
 */
export async function setDueDate(
  db: D1Database,
  claimId: string,
  expected: string | null,
  next: string | null,
  actor: Actor,
): Promise<GuardedWrite> {
  const results = await db.batch([
    db
      .prepare(`UPDATE claims SET due_date = ?2 WHERE id = ?1 AND due_date IS ?3`)
      .bind(claimId, next, expected),
    auditStatement(
      db,
      actor,
      'claim.due',
      { type: 'claim', id: claimId },
      { dueDate: expected },
      { dueDate: next },
      { onlyIfChanged: true },
    ),
  ]);
  if ((results[1]?.results.length ?? 0) === 1) return 'ok';
  const row = await db.prepare(`SELECT 1 AS one FROM claims WHERE id = ?1`).bind(claimId).first();
  return row ? 'stale' : 'not-found';
}

/**
 * Replace the tags only if they are still `expected`: the batch opens with a write_guard insert
 * whose CHECK fails unless the stored set equals the one the editor saw, rolling everything back.
 */
export async function setTags(
  db: D1Database,
  claimId: string,
  expected: string[],
  next: string[],
  actor: Actor,
): Promise<GuardedWrite> {
  const exists = await db
    .prepare(`SELECT 1 AS one FROM claims WHERE id = ?1`)
    .bind(claimId)
    .first();
  if (!exists) return 'not-found';
  try {
    await db.batch([
      db
        .prepare(
          `INSERT OR REPLACE INTO write_guard (id, ok) SELECT 1,
             (SELECT json_group_array(tag) FROM (SELECT tag FROM claim_tags WHERE claim_id = ?1 ORDER BY tag))
             = (SELECT json_group_array(value) FROM (SELECT value FROM json_each(?2) ORDER BY value))`,
        )
        .bind(claimId, JSON.stringify(expected)),
      db.prepare(`DELETE FROM claim_tags WHERE claim_id = ?1`).bind(claimId),
      db
        .prepare(`INSERT INTO claim_tags (claim_id, tag) SELECT ?1, value FROM json_each(?2)`)
        .bind(claimId, JSON.stringify(next)),
      auditStatement(
        db,
        actor,
        'claim.tags',
        { type: 'claim', id: claimId },
        { tags: expected },
        {
          tags: next,
        },
      ),
    ]);
    return 'ok';
  } catch (error) {
    if (isGuardFailure(error)) return 'stale';
    throw error;
  }
}

/**
 * Tick or untick one checklist step. The claim's checklist is first copied from the defaults if it
 * has none yet (same batch); the step changes only if it still has `label` and is in the other
 * state, so two editors ticking the same step write one audit row, not two.
 */
export async function tickStep(
  db: D1Database,
  claimId: string,
  step: { position: number; label: string; done: boolean },
  actor: Actor,
): Promise<GuardedWrite> {
  const now = new Date().toISOString();
  const results = await db.batch([
    db
      .prepare(
        `INSERT INTO claim_checklist (claim_id, position, label)
         SELECT ?1, CAST(d.key AS INTEGER), d.value FROM json_each(COALESCE((${DEFAULTS_SQL}), '[]')) d
         WHERE EXISTS (SELECT 1 FROM claims WHERE id = ?1)
           AND NOT EXISTS (SELECT 1 FROM claim_checklist WHERE claim_id = ?1)`,
      )
      .bind(claimId),
    db
      .prepare(
        `UPDATE claim_checklist SET done_by = ?4, done_at = ?5
         WHERE claim_id = ?1 AND position = ?2 AND label = ?3 AND (done_at IS NULL) = ?6`,
      )
      .bind(
        claimId,
        step.position,
        step.label,
        step.done ? actor.userId : null,
        step.done ? now : null,
        step.done ? 1 : 0,
      ),
    auditStatement(
      db,
      actor,
      step.done ? 'checklist.tick' : 'checklist.untick',
      { type: 'claim', id: claimId },
      null,
      { step: step.label },
      { onlyIfChanged: true, at: now },
    ),
  ]);
  if ((results[2]?.results.length ?? 0) === 1) return 'ok';
  const row = await db.prepare(`SELECT 1 AS one FROM claims WHERE id = ?1`).bind(claimId).first();
  return row ? 'stale' : 'not-found';
}

function parseDefaults(rows: unknown[] | undefined): string[] {
  const value = (rows?.[0] as { value?: string } | undefined)?.value;
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/** The admin's default checklist steps. */
export async function getChecklistDefaults(db: D1Database): Promise<string[]> {
  const { results } = await db.prepare(DEFAULTS_SQL).all();
  return parseDefaults(results);
}

/** Save the default checklist steps with the settings audit row, one batch. */
export async function saveChecklistDefaults(
  db: D1Database,
  steps: string[],
  actor: Actor,
): Promise<void> {
  const before = await getChecklistDefaults(db);
  await db.batch([
    db
      .prepare(
        `INSERT INTO settings (key, value) VALUES ('checklist_defaults', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .bind(JSON.stringify(steps)),
    auditStatement(
      db,
      actor,
      'settings.checklist',
      { type: 'settings', id: 'newsroom' },
      { checklistDefaults: before },
      { checklistDefaults: steps },
    ),
  ]);
}

/** Mark the signed-in user's mention in a note read; answers the note's claim (null: no such mention). */
export async function openMention(
  db: D1Database,
  noteId: string,
  userId: number,
): Promise<string | null> {
  const [, claim] = await db.batch<{ claim_id: string }>([
    db
      .prepare(
        `UPDATE note_mentions SET read_at = ?3 WHERE note_id = ?1 AND user_id = ?2 AND read_at IS NULL`,
      )
      .bind(noteId, userId, new Date().toISOString()),
    db
      .prepare(
        `SELECT n.claim_id FROM claim_notes n JOIN note_mentions m ON m.note_id = n.id
         WHERE n.id = ?1 AND m.user_id = ?2`,
      )
      .bind(noteId, userId),
  ]);
  return claim?.results[0]?.claim_id ?? null;
}
