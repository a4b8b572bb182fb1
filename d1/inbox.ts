/** "My work" (/desk/inbox): four short lists for one desk user, in one round trip. */
import type { ClaimStatus } from '../worker/lib/status';

/** Statuses of claims still to be worked on. */
const OPEN = `('candidate', 'submitted', 'queued', 'in_review')`;

export interface InboxClaim {
  id: string;
  text: string;
  language: string;
  status: ClaimStatus;
  dueDate: string | null;
  submissionCount: number;
  createdAt: string;
  assigneeId: number | null;
}

export interface InboxMention {
  noteId: string;
  claimId: string;
  claimText: string;
  claimLanguage: string;
  authorName: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface InboxList<T> {
  items: T[];
  /** More than the cap matched (the "see all" link says so). */
  more: boolean;
}

export interface Inbox {
  assigned: InboxList<InboxClaim>;
  due: InboxList<InboxClaim>;
  mentions: InboxList<InboxMention>;
  submissions: InboxList<InboxClaim>;
}

interface ClaimRow {
  id: string;
  text: string;
  language: string;
  status: ClaimStatus;
  due_date: string | null;
  submission_count: number;
  created_at: string;
  assignee_id: number | null;
}

interface MentionRow {
  note_id: string;
  claim_id: string;
  claim_text: string;
  claim_language: string;
  author_name: string;
  body: string;
  created_at: string;
  read_at: string | null;
}

const COLUMNS = `c.id, c.text, c.language, c.status, c.due_date, c.submission_count, c.created_at, c.assignee_id`;

function list<R, T>(rows: unknown[] | undefined, cap: number, map: (r: R) => T): InboxList<T> {
  const all = (rows ?? []) as R[];
  return { items: all.slice(0, cap).map(map), more: all.length > cap };
}

const toItem = (r: ClaimRow): InboxClaim => ({
  id: r.id,
  text: r.text,
  language: r.language,
  status: r.status,
  dueDate: r.due_date,
  submissionCount: r.submission_count,
  createdAt: r.created_at,
  assigneeId: r.assignee_id,
});

/**
 * The inbox of `userId`: open claims assigned to them (earliest due first), open claims due by
 * `dueBy` (theirs or unassigned, overdue included), notes mentioning them (unread first, newest
 * first) and submitted claims not yet triaged (newest first). Each list holds up to its cap.
 */
export async function inboxScreen(
  db: D1Database,
  userId: number,
  dueBy: string,
  caps: { claims: number; mentions: number },
): Promise<Inbox> {
  const n = caps.claims + 1;
  const [assigned, due, mentions, submissions] = await db.batch<unknown>([
    db
      .prepare(
        `SELECT ${COLUMNS} FROM claims c WHERE c.assignee_id = ?1 AND c.status IN ${OPEN}
         ORDER BY c.due_date IS NULL, c.due_date, c.seq DESC LIMIT ?2`,
      )
      .bind(userId, n),
    db
      .prepare(
        `SELECT ${COLUMNS} FROM claims c
         WHERE c.due_date IS NOT NULL AND c.due_date <= ?2 AND c.status IN ${OPEN}
           AND (c.assignee_id = ?1 OR c.assignee_id IS NULL)
         ORDER BY c.due_date, c.seq LIMIT ?3`,
      )
      .bind(userId, dueBy, n),
    db
      .prepare(
        `SELECT n.id AS note_id, n.claim_id, c.text AS claim_text, c.language AS claim_language,
           u.name AS author_name, n.body, n.created_at, m.read_at
         FROM note_mentions m JOIN claim_notes n ON n.id = m.note_id
         JOIN claims c ON c.id = n.claim_id JOIN users u ON u.id = n.author_id
         WHERE m.user_id = ?1 ORDER BY m.read_at IS NOT NULL, n.created_at DESC LIMIT ?2`,
      )
      .bind(userId, caps.mentions + 1),
    db
      .prepare(
        `SELECT ${COLUMNS} FROM claims c WHERE c.status = 'submitted' ORDER BY c.seq DESC LIMIT ?1`,
      )
      .bind(n),
  ]);
  return {
    assigned: list(assigned?.results, caps.claims, toItem),
    due: list(due?.results, caps.claims, toItem),
    mentions: list(mentions?.results, caps.mentions, (r: MentionRow) => ({
      noteId: r.note_id,
      claimId: r.claim_id,
      claimText: r.claim_text,
      claimLanguage: r.claim_language,
      authorName: r.author_name,
      body: r.body,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    submissions: list(submissions?.results, caps.claims, toItem),
  };
}
