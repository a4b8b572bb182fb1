/** "My work" (/desk/inbox) and the mention links in it (opening one marks it read). */
import { Hono } from 'hono';
import { z } from 'zod';
import { openMention } from '../../../d1/collab';
import { inboxScreen } from '../../../d1/inbox';
import type { AppEnv } from '../../env';
import { deskMessage, deskUi, render, requireDesk } from '../../http/desk-context';
import { addDays, DUE_SOON_DAYS, todayUtc } from '../../lib/collab';
import { ID_PATTERN } from '../../lib/ids';
import { InboxPage } from '../../views/desk/inbox';

export const deskInbox = new Hono<AppEnv>();
deskInbox.use('*', requireDesk());

/** Rows per section; `?mentions=all` shows up to MENTIONS_ALL mentions. */
const CAP = 10;
const MENTIONS_ALL = 100;

deskInbox.get('/', async (c) => {
  const ui = deskUi(c);
  const me = ui.user?.id ?? 0;
  const allMentions = z.literal('all').safeParse(c.req.query('mentions')).success;
  const now = new Date();
  const today = todayUtc(now);
  const inbox = await inboxScreen(c.env.DB, me, addDays(today, DUE_SOON_DAYS), {
    claims: CAP,
    mentions: allMentions ? MENTIONS_ALL : CAP,
  });
  return render(
    c,
    <InboxPage
      ui={ui}
      view={{
        ...inbox,
        links: {
          assigned: `/desk?assignee=${me}`,
          submissions: '/desk?status=submitted',
          mentions: allMentions ? null : '/desk/inbox?mentions=all',
        },
        today,
        now,
      }}
    />,
  );
});

/** A mention in the inbox: marks it read for me, then shows the note in its claim. */
deskInbox.get('/mentions/:noteId', async (c) => {
  const noteId = c.req.param('noteId');
  const me = deskUi(c).user?.id ?? 0;
  const claimId = ID_PATTERN.test(noteId) ? await openMention(c.env.DB, noteId, me) : null;
  if (!claimId) return deskMessage(c, 404, deskUi(c).t('notFound'));
  return c.redirect(`/desk/claims/${claimId}#note-${noteId}`, 303);
});
