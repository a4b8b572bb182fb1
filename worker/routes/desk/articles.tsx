/** Article ingest and triage: paste or link an article, then accept / reject its candidate claims. */
import { Hono } from 'hono';
import { z } from 'zod';
import { getArticleWithClaims } from '../../../d1/articles';
import { reviewCandidates, undoMoves, type MoveReceipt } from '../../domain/claim-workflow';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { claimsChanged } from '../../middleware/purge-changed';
import { ID_PATTERN } from '../../lib/ids';
import { formValidator, type OnInvalid } from '../../middleware/form-validator';
import { Id } from '../../schemas';
import { byScore } from '../../ingest/ingest-article';
import { ArticlePage, type ArticleUndo } from '../../views/desk/article';
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

/** At most this many moved claims ride in a redirect (and come back in one undo form). */
const UNDO_CAP = 100;

/** `ID.version` pairs, the moves an Undo names (hints only: the undo checks each version again). */
function receipts(values: readonly string[]): MoveReceipt[] {
  const out: MoveReceipt[] = [];
  for (const value of values.slice(0, UNDO_CAP)) {
    const [id = '', v = ''] = value.split('.');
    if (ID_PATTERN.test(id) && /^\d{1,9}$/.test(v) && Number(v) > 0)
      out.push({ id, version: Number(v) });
  }
  return out;
}

const UndoForm = z.object({ moves: z.array(z.string().max(40)).transform(receipts) });

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
  const count = (k: string) => Number(c.req.query(k) ?? '0') || 0;
  const moved = receipts((c.req.query('u') ?? '').split(','));
  const n = count('n');
  const text =
    done === 'accepted'
      ? ui.t('doneAccepted', { n })
      : done === 'rejected'
        ? ui.t('doneRejected', { n })
        : null;
  // Right after a triage action: its line with the Undo of the moves the redirect named.
  const undo: ArticleUndo | undefined =
    text && moved.length > 0
      ? { text, moves: moved.map((m) => `${m.id}.${m.version}`) }
      : undefined;
  const superseded = count('s');
  const notice = undo
    ? undefined
    : text
      ? { kind: 'ok' as const, text }
      : done === 'undone'
        ? {
            kind: superseded > 0 ? ('error' as const) : ('ok' as const),
            text: [
              ui.t('undoneCount', { n }),
              superseded > 0 ? ui.t('supersededCount', { n: superseded }) : '',
            ]
              .join(' ')
              .trim(),
          }
        : done === 'none'
          ? { kind: 'error' as const, text: ui.t('noneSelected') }
          : done === 'duplicate'
            ? { kind: 'ok' as const, text: ui.t('duplicateArticle') }
            : done === 'both'
              ? { kind: 'ok' as const, text: ui.t('ingestBothUsed') }
              : undefined;
  // Best score first by default; `?order=doc` lists them in reading order.
  const order = c.req.query('order') === 'doc' ? 'doc' : 'score';
  const inText = [...found.claims].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  const claims = order === 'doc' ? inText : byScore(found.claims);
  return render(
    c,
    <ArticlePage
      ui={ui}
      article={found.article}
      claims={claims}
      order={order}
      notice={notice}
      undo={undo}
    />,
  );
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
  const moved = result.ok ? result.value.moved : [];
  if (result.ok) claimsChanged(c, result.changed);
  const hints = moved
    .slice(0, UNDO_CAP)
    .map((m) => `${m.id}.${m.version}`)
    .join(',');
  return c.redirect(
    `/desk/articles/${id}?done=${action === 'accept' ? 'accepted' : 'rejected'}&n=${moved.length}&u=${hints}`,
    303,
  );
});

/** "Undo" after a triage action: each claim moves back if its version is still the one the move gave it. */
deskArticles.post('/:id/undo', formValidator(UndoForm, selectedNone), async (c) => {
  const id = c.req.param('id');
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const { moves } = c.req.valid('form');
  if (moves.length === 0) return c.redirect(`/desk/articles/${id}?done=none`, 303);
  const result = await undoMoves(c.env.DB, moves, actorOf(c));
  if (!result.ok) return deskMessage(c, 404, deskUi(c).t('notFound'));
  claimsChanged(c, result.changed);
  const { undone, superseded } = result.value;
  return c.redirect(`/desk/articles/${id}?done=undone&n=${undone}&s=${superseded}`, 303);
});
