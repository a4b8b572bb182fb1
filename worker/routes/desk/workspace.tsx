/** Loads everything the claim workspace shows and renders it (also after a refused form). */
import type { Context } from 'hono';
import { getClaimDetail } from '../../../d1/claim-detail';
import { articleText } from '../../../d1/desk';
import { findMatches } from '../../../d1/matches';
import { activeRatings } from '../../../d1/ratings';
import { listUsers } from '../../../d1/users';
import type { AppEnv } from '../../env';
import { WorkspacePage, type WorkspaceExtras } from '../../views/desk/workspace';
import { deskMessage, deskUi, render } from './support';

/** Claim ids are newId() values. */
export const CLAIM_ID = /^[0-9a-z]{8,32}$/;

export async function showWorkspace(c: Context<AppEnv>, id: string, extras: WorkspaceExtras = {}, status: 200 | 409 | 422 = 200) {
  const db = c.env.DB;
  const [detail, ratings, users] = await Promise.all([CLAIM_ID.test(id) ? getClaimDetail(db, id) : null, activeRatings(db), listUsers(db)]);
  if (!detail) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const { claim } = detail;
  const [matches, article] = await Promise.all([
    findMatches(db, claim.text, { excludeId: claim.id, limit: 5 }),
    claim.articleId ? articleText(db, claim.articleId) : null,
  ]);
  return render(
    c,
    <WorkspacePage ui={deskUi(c)} detail={detail} ratings={ratings} users={users.filter((u) => u.active)} matches={matches} article={article} extras={extras} />,
    status,
  );
}
