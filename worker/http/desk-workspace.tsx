/** Loads everything the claim workspace shows (two D1 round trips) and renders it (also after a refused form). */
import type { Context } from 'hono';
import { workspaceData } from '../../d1/desk';
import { findMatches } from '../../d1/matches';
import type { AppEnv } from '../env';
import { WorkspacePage, type WorkspaceExtras } from '../views/desk/workspace';
import { deskMessage, deskUi, render } from './desk-context';
import { ID_PATTERN } from '../lib/ids';
import { publicationView } from './publication-model';

export async function showWorkspace(
  c: Context<AppEnv>,
  id: string,
  extras: WorkspaceExtras = {},
  status: 200 | 403 | 409 | 422 = 200,
) {
  const db = c.env.DB;
  const data = ID_PATTERN.test(id) ? await workspaceData(db, id) : null;
  if (!data) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const { detail } = data;
  const matches = await findMatches(db, detail.claim.text, {
    excludeId: detail.claim.id,
    limit: 5,
  });
  const ui = deskUi(c);
  return render(
    c,
    <WorkspacePage
      ui={ui}
      publication={publicationView(detail, ui.user)}
      detail={detail}
      ratings={data.ratings}
      users={data.users}
      matches={matches}
      article={data.article}
      feedback={data.feedback}
      submissions={data.submissions}
      extras={extras}
    />,
    status,
  );
}
