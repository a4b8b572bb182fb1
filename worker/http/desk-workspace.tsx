/** Loads everything the claim workspace shows (two D1 round trips at once) and renders it (also after a refused form). */
import type { Context } from 'hono';
import { workspaceData } from '../../d1/desk';
import { matcherFor } from '../match/matcher';
import type { AppEnv } from '../env';
import { WorkspacePage, type WorkspaceExtras } from '../views/desk/workspace';
import { deskMessage, deskUi, render } from './desk-context';
import { collabTranslator, type CollabKey } from '../i18n/desk-collab';
import { todayUtc } from '../lib/collab';
import { ID_PATTERN } from '../lib/ids';
import { publicationView } from './publication-model';
import { getRemoval } from '../../d1/removal';
import { removalStrings } from '../i18n/s19-reader';

/** `?collab=` after a team form's redirect: its notice. */
const COLLAB_NOTICES: Record<string, CollabKey> = {
  note: 'noteAdded',
  due: 'dueSaved',
  tags: 'tagsSaved',
  checklist: 'checklistSaved',
};

export async function showWorkspace(
  c: Context<AppEnv>,
  id: string,
  extras: WorkspaceExtras = {},
  status: 200 | 403 | 409 | 422 = 200,
) {
  const db = c.env.DB;
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  // The workspace's read and the matcher's (which reads the claim's text itself) go out together.
  const [data, found] = await Promise.all([
    workspaceData(db, id),
    matcherFor(db, c.env).findForClaim(id, { limit: 5 }),
  ]);
  if (!data) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const { detail } = data;
  const { collab } = data;
  const matches = found?.matches ?? [];
  // Only a retracted claim can be removed from the public site: read its removal then.
  const removal =
    detail.claim.status === 'retracted' ? await getRemoval(db, detail.claim.id) : null;
  const ui = deskUi(c);
  const done = c.req.method === 'GET' ? COLLAB_NOTICES[c.req.query('collab') ?? ''] : undefined;
  const removalDone = c.req.method === 'GET' ? c.req.query('removal') : undefined;
  const removalText =
    removalDone === 'removed'
      ? removalStrings(ui.locale).deskDoneRemoved
      : removalDone === 'restored'
        ? removalStrings(ui.locale).deskDoneRestored
        : undefined;
  const notice =
    extras.notice ??
    (done ? { kind: 'ok' as const, text: collabTranslator(ui.locale)(done) } : undefined) ??
    (removalText ? { kind: 'ok' as const, text: removalText } : undefined);
  const now = new Date();
  return render(
    c,
    <WorkspacePage
      ui={ui}
      publication={{ ...publicationView(detail, ui.user), removal }}
      detail={detail}
      ratings={data.ratings}
      users={data.users}
      matches={matches}
      article={data.article}
      feedback={data.feedback}
      extras={notice ? { ...extras, notice } : extras}
      collab={{
        dueDate: collab?.dueDate ?? null,
        tags: collab?.tags ?? [],
        notes: collab?.notes ?? [],
        checklist: collab?.checklist ?? [],
        handles: collab?.handles ?? [],
        today: todayUtc(now),
        now,
      }}
      submissions={data.submissions}
    />,
    status,
  );
}
