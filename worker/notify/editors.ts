/**
 * Editors' e-mail that other parts of the desk cause: "assigned to you" (domain/claim-edit.ts)
 * and "mentioned you" (notes with @mentions: call `notifyMentioned` after the note is written,
 * or put `mentionStatements` into the note's own batch and let the write's flush enqueue them).
 */
import type { Actor } from '../../d1/audit';
import { userMessageStatements } from '../../d1/outbox';
import type { Bindings } from '../env';
import { enqueuePending } from './deliver';

/**
 * After an assignment: "assigned to you" for the new assignee, unless they assigned themselves.
 * One message per claim version (the dedupe key), so a replayed request writes nothing.
 */
export async function noteAssignment(
  db: D1Database,
  claim: { id: string; version: number; assigneeId: number | null },
  previousAssignee: number | null,
  actor: Actor,
): Promise<void> {
  const to = claim.assigneeId;
  if (to === null || to === previousAssignee || to === actor.userId) return;
  await db.batch(
    userMessageStatements(
      db,
      {
        kind: 'editor.assigned',
        userId: to,
        claimId: claim.id,
        dedupeKey: `editor.assigned:${claim.id}:${claim.version}`,
        causedBy: actor.userId,
      },
      new Date().toISOString(),
    ),
  );
}

export interface Mention {
  claimId: string;
  /** The note's id: one message per note and person. */
  noteId: string | number;
  userIds: readonly number[];
  /** The editor who wrote the note (never written to about their own mention). */
  by: number;
}

/** The outbox statements of a note's mentions, for the note's own batch. */
export function mentionStatements(db: D1Database, m: Mention, now: string): D1PreparedStatement[] {
  return [...new Set(m.userIds)].flatMap((userId) =>
    userMessageStatements(
      db,
      {
        kind: 'editor.mention',
        userId,
        claimId: m.claimId,
        dedupeKey: `editor.mention:${m.noteId}:${userId}`,
        causedBy: m.by,
      },
      now,
    ),
  );
}

/** Write and enqueue the mention e-mails of a note (idempotent per note and person). Returns how many jobs were queued. */
export async function notifyMentioned(
  env: Pick<Bindings, 'DB' | 'JOBS'>,
  m: Mention,
): Promise<number> {
  const statements = mentionStatements(env.DB, m, new Date().toISOString());
  if (statements.length > 0) await env.DB.batch(statements);
  return enqueuePending(env);
}
