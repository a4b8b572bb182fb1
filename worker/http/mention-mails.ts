import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { notifyMentioned } from '../notify/editors';

/** After a note is saved (desk form or API): "you were mentioned" e-mails, never to its author. */
export async function mentionMails(
  c: Context<AppEnv>,
  claimId: string,
  added: { note: { id: string | number }; mentionedUserIds: readonly number[] },
): Promise<void> {
  const by = c.get('session')?.userId;
  if (by === undefined) return;
  const userIds = added.mentionedUserIds.filter((id) => id !== by);
  if (userIds.length === 0) return;
  await notifyMentioned(c.env, { claimId, noteId: added.note.id, userIds, by });
}
