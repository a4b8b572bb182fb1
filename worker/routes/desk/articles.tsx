/** Article ingest and triage: paste or link an article, then accept / reject its candidate claims. */
import { Hono } from 'hono';
import { getArticleWithClaims } from '../../../d1/articles';
import { getClaim, transitionClaim } from '../../../d1/claims';
import { invalidateEmbeds } from '../../embeds/cache';
import type { AppEnv } from '../../env';
import { actorOf } from '../../lib/actor';
import { ArticlePage } from '../../views/desk/article';
import { IngestPage } from '../../views/desk/ingest';
import { deskIngest } from './ingest';
import { deskMessage, deskUi, field, fields, render, requireDesk } from './support';

export const deskArticles = new Hono<AppEnv>();
deskArticles.use('*', requireDesk());

const ARTICLE_ID = /^[0-9a-z]{8,32}$/;

deskArticles.get('/new', (c) => render(c, <IngestPage ui={deskUi(c)} />));

deskArticles.route('/', deskIngest);

deskArticles.get('/:id', async (c) => {
  const id = c.req.param('id');
  const ui = deskUi(c);
  const found = ARTICLE_ID.test(id) ? await getArticleWithClaims(c.env.DB, id) : null;
  if (!found) return deskMessage(c, 404, ui.t('notFound'));
  const done = c.req.query('done');
  const n = Number(c.req.query('n') ?? '0') || 0;
  const notice =
    done === 'accepted' ? { kind: 'ok' as const, text: ui.t('doneAccepted', { n }) }
    : done === 'rejected' ? { kind: 'ok' as const, text: ui.t('doneRejected', { n }) }
    : done === 'none' ? { kind: 'error' as const, text: ui.t('noneSelected') }
    : done === 'duplicate' ? { kind: 'ok' as const, text: ui.t('duplicateArticle') }
    : undefined;
  const claims = [...found.claims].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return render(c, <ArticlePage ui={ui} article={found.article} claims={claims} notice={notice} />);
});

/**
 * One form, two ways: a per-claim button (`one=accept:ID`) or the bulk buttons with ticked
 * checkboxes (`bulk=accept`, `ids=…`). Only this article's claims still in `candidate` move;
 * each move is core's transitionClaim (guarded by version, audited).
 */
deskArticles.post('/:id/review', async (c) => {
  const id = c.req.param('id');
  if (!ARTICLE_ID.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const form = await c.req.parseBody({ all: true });
  const one = field(form, 'one').match(/^(accept|reject):([0-9a-z]{8,32})$/);
  const bulk = field(form, 'bulk');
  const action = one ? one[1] : bulk === 'accept' || bulk === 'reject' ? bulk : null;
  const ids = one ? [one[2]!] : fields(form, 'ids').filter((x) => ARTICLE_ID.test(x)).slice(0, 100);
  if (!action || ids.length === 0) return c.redirect(`/desk/articles/${id}?done=none`, 303);
  const to = action === 'accept' ? 'queued' : 'rejected';
  let moved = 0;
  for (const claimId of new Set(ids)) {
    const claim = await getClaim(c.env.DB, claimId);
    if (!claim || claim.articleId !== id || claim.status !== 'candidate') continue;
    const result = await transitionClaim(c.env.DB, claim, to, {}, actorOf(c));
    if (!result.ok) continue;
    moved++;
    await invalidateEmbeds(c, claim.id);
  }
  return c.redirect(`/desk/articles/${id}?done=${action === 'accept' ? 'accepted' : 'rejected'}&n=${moved}`, 303);
});
