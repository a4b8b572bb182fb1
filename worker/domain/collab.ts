/**
 * Claim collaboration rules, the same for the JSON API and the desk: internal notes with
 * @mentions (append-only), the due date, topic tags and checklist ticks. Bad input is refused
 * with field errors and nothing is written; due date and tags are compare-and-set on what the
 * editor saw, so a concurrent change is refused (stale), never lost.
 */
import type { Actor } from '../../d1/audit';
import {
  claimAndMentionables,
  insertNote,
  setDueDate,
  setTags,
  tickStep,
  type Note,
} from '../../d1/collab';
import {
  isCalendarDate,
  mentionHandles,
  normalizeTags,
  NOTE_MAX,
  TAG_MAX_LEN,
  TAGS_MAX,
  todayUtc,
} from '../lib/collab';
import { refuse, type Outcome } from './outcome';

/** A field error with a stable code (each surface words it) and the names it is about. */
export interface CollabFieldError {
  field: string;
  code:
    | 'empty'
    | 'too_long'
    | 'unknown_mention'
    | 'ambiguous_mention'
    | 'malformed'
    | 'past'
    | 'too_many'
    | 'tag_too_long'
    | 'no_step';
  message: string;
  names?: string[];
  max?: number;
}

export type CollabRefusal =
  { kind: 'not-found' } | { kind: 'invalid'; fields: CollabFieldError[] } | { kind: 'stale' };

const invalid = (e: CollabFieldError) => refuse<CollabRefusal>({ kind: 'invalid', fields: [e] });

export interface NoteAdded {
  note: Note;
  /** Users the note mentions: who a "you were mentioned" notification goes to. */
  mentionedUserIds: number[];
}

/** Append an internal note; every @handle must name exactly one active desk user. */
export async function addNote(
  db: D1Database,
  claimId: string,
  input: { body: string },
  actor: Actor,
): Promise<Outcome<NoteAdded, CollabRefusal>> {
  const body = input.body.trim();
  if (!body) return invalid({ field: 'body', code: 'empty', message: 'Write a note' });
  if (body.length > NOTE_MAX)
    return invalid({
      field: 'body',
      code: 'too_long',
      message: `At most ${NOTE_MAX} characters`,
      max: NOTE_MAX,
    });
  if (actor.userId === null) return refuse({ kind: 'not-found' });
  const handles = mentionHandles(body);
  const { exists, users } = await claimAndMentionables(db, claimId, handles);
  if (!exists) return refuse({ kind: 'not-found' });
  const unknown = handles.filter((h) => !users.some((u) => u.handle === h));
  if (unknown.length)
    return invalid({
      field: 'body',
      code: 'unknown_mention',
      message: `No desk user with the handle ${unknown.map((h) => `@${h}`).join(', ')}`,
      names: unknown.map((h) => `@${h}`),
    });
  const ambiguous = handles.filter((h) => users.filter((u) => u.handle === h).length > 1);
  if (ambiguous.length)
    return invalid({
      field: 'body',
      code: 'ambiguous_mention',
      message: `Several desk users share the handle ${ambiguous.map((h) => `@${h}`).join(', ')}`,
      names: ambiguous.map((h) => `@${h}`),
    });
  const mentionIds = users.map((u) => u.id);
  const note = await insertNote(db, claimId, body, mentionIds, {
    ...actor,
    userId: actor.userId,
  });
  return { ok: true, value: { note, mentionedUserIds: mentionIds }, changed: [] };
}

const outcomeOf = (w: 'ok' | 'stale' | 'not-found'): Outcome<null, CollabRefusal> =>
  w === 'ok' ? { ok: true, value: null, changed: [] } : refuse({ kind: w });

/** Set (YYYY-MM-DD, today or later, UTC) or clear ('') the due date, if it is still `expected`. */
export async function changeDueDate(
  db: D1Database,
  claimId: string,
  input: { dueDate: string; expected: string },
  actor: Actor,
  today = todayUtc(),
): Promise<Outcome<null, CollabRefusal>> {
  const next = input.dueDate.trim();
  if (next && !isCalendarDate(next))
    return invalid({ field: 'dueDate', code: 'malformed', message: 'Use YYYY-MM-DD' });
  if (next && next < today)
    return invalid({ field: 'dueDate', code: 'past', message: 'The date is in the past' });
  const expected = input.expected.trim() || null;
  if ((next || null) === expected) return { ok: true, value: null, changed: [] };
  return outcomeOf(await setDueDate(db, claimId, expected, next || null, actor));
}

/** Replace the topic tags (normalized, at most TAGS_MAX of TAG_MAX_LEN), if they are still `expected`. */
export async function changeTags(
  db: D1Database,
  claimId: string,
  input: { tags: string; expected: string },
  actor: Actor,
): Promise<Outcome<null, CollabRefusal>> {
  const { tags, tooLong } = normalizeTags(input.tags);
  if (tooLong.length)
    return invalid({
      field: 'tags',
      code: 'tag_too_long',
      message: `A tag has at most ${TAG_MAX_LEN} characters`,
      names: tooLong,
      max: TAG_MAX_LEN,
    });
  if (tags.length > TAGS_MAX)
    return invalid({
      field: 'tags',
      code: 'too_many',
      message: `At most ${TAGS_MAX} tags`,
      max: TAGS_MAX,
    });
  const expected = normalizeTags(input.expected).tags;
  if (expected.join(',') === tags.join(',')) return { ok: true, value: null, changed: [] };
  return outcomeOf(await setTags(db, claimId, expected, tags, actor));
}

/** Tick or untick one checklist step (its position and label as the editor saw them). */
export async function toggleStep(
  db: D1Database,
  claimId: string,
  step: { position: number; label: string; done: boolean },
  actor: Actor,
): Promise<Outcome<null, CollabRefusal>> {
  return outcomeOf(await tickStep(db, claimId, step, actor));
}
