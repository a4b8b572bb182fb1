/** Article ingest and triage: paste or link an article, then accept / reject its candidate claims. */
import { Hono } from 'hono';
import { z } from 'zod';
import { getArticleWithClaims } from '../../../d1/articles';
import { reviewCandidates } from '../../domain/claim-workflow';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { claimsChanged } from '../../middleware/purge-changed';
import { ID_PATTERN } from '../../lib/ids';
import { formValidator, type OnInvalid } from '../../middleware/form-validator';
import { Id } from '../../schemas';
import { ArticlePage } from '../../views/desk/article';
import { IngestPage } from '../../views/desk/ingest';
import { deskIngest } from './ingest';
import { deskMessage, deskUi, render, requireDesk } from '../../http/desk-context';

export const deskArticles = new Hono<AppEnv>();
deskArticles.use('*', requireDesk());

const ReviewAction = z.enum(['accept', 'reject']);
// Nothing here is an error: a bad button value or a foreign id is dropped, and no action selects nothing.
const ReviewForm = z.object({
  one: z
    .string()
    .transform((v) => v.split(':'))
    .pipe(z.tuple([ReviewAction, Id]))
    .optional()
    .catch(undefined),
  bulk: ReviewAction.optional().catch(undefined),
  ids: z.array(z.string()).transform((ids) => ids.filter((x) => ID_PATTERN.test(x)).slice(0, 100)),
});

const selectedNone: OnInvalid<string> = (c) =>
  c.redirect(`/desk/articles/${c.req.param('id') ?? ''}?done=none`, 303);

deskArticles.get('/new', (c) => render(c, <IngestPage ui={deskUi(c)} />));

deskArticles.route('/', deskIngest);

deskArticles.get('/:id', async (c) => {
  const id = c.req.param('id');
  const ui = deskUi(c);
  const found = ID_PATTERN.test(id) ? await getArticleWithClaims(c.env.DB, id) : null;
  if (!found) return deskMessage(c, 404, ui.t('notFound'));
  const done = c.req.query('done');
  const n = Number(c.req.query('n') ?? '0') || 0;
  const notice =
    done === 'accepted'
      ? { kind: 'ok' as const, text: ui.t('doneAccepted', { n }) }
      : done === 'rejected'
        ? { kind: 'ok' as const, text: ui.t('doneRejected', { n }) }
        : done === 'none'
          ? { kind: 'error' as const, text: ui.t('noneSelected') }
          : done === 'duplicate'
            ? { kind: 'ok' as const, text: ui.t('duplicateArticle') }
            : undefined;
  const claims = [...found.claims].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return render(c, <ArticlePage ui={ui} article={found.article} claims={claims} notice={notice} />);
});

/**
 * One form, two ways: a per-claim button (`one=accept:ID`) or the bulk buttons with ticked
 * checkboxes (`bulk=accept`, `ids=…`). The rules (only this article's candidates move) are
 * reviewCandidates' in worker/domain/claim-workflow.ts.
 */
deskArticles.post('/:id/review', formValidator(ReviewForm, selectedNone), async (c) => {
  const id = c.req.param('id');
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const { one, bulk, ids: ticked } = c.req.valid('form');
  const action = one ? one[0] : (bulk ?? null);
  const ids = one ? [one[1]] : ticked;
  if (!action || ids.length === 0) return c.redirect(`/desk/articles/${id}?done=none`, 303);
  const result = await reviewCandidates(c.env.DB, id, action, ids, actorOf(c));
  const moved = result.ok ? result.value.moved : 0;
  if (result.ok) claimsChanged(c, result.changed);
  return c.redirect(
    `/desk/articles/${id}?done=${action === 'accept' ? 'accepted' : 'rejected'}&n=${moved}`,
    303,
  );
});
