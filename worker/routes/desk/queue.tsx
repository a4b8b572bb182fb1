/** The queue: claims to work on with counts, filters, sorts and keyset paging; bulk triage with Undo. */
import { Hono } from 'hono';
import { z } from 'zod';
import { QUEUE_SORTS, queueScreen } from '../../../d1/desk';
import { activeRatings } from '../../../d1/ratings';
import { editClaim } from '../../domain/claim-edit';
import { moveClaim, undoMoves, type MoveReceipt } from '../../domain/claim-workflow';
import type { Outcome } from '../../domain/outcome';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { deskUi, render, requireDesk, safeNext } from '../../http/desk-context';
import { deskCounts } from '../../i18n/s19-desk';
import { ID_PATTERN } from '../../lib/ids';
import { STATUSES } from '../../lib/status';
import { formValidator } from '../../middleware/form-validator';
import { claimsChanged } from '../../middleware/purge-changed';
import { HexColor, Id, RatingKey } from '../../schemas';
import { swatchClass } from '../../views/desk/bits';
import type { DeskUi } from '../../views/desk/layout';
import { QueuePage, queueHref, type BulkReport, type QueueQuery } from '../../views/desk/queue';

export const deskQueue = new Hono<AppEnv>();

/** Page size of the queue. */
const QUEUE_PAGE_SIZE = 25;
/** At most this many claims in one bulk action (and in the Undo that follows). */
const BULK_CAP = 100;

// Each filter is validated on its own: a bad value is dropped, the others still apply.
const filterSchemas = {
  status: z.enum(['work', 'all', ...STATUSES]),
  language: z.string().regex(/^[a-z]{2,3}$/),
  rating: RatingKey,
  article: Id,
  assignee: z.string().regex(/^(?:me|none|\d{1,9})$/),
  q: z.string().trim().min(1).max(200),
  sort: z.enum(QUEUE_SORTS),
  // `seq`, or `<sort key>~<seq>` (a score, a count, a date or an ISO time).
  cursor: z.string().regex(/^(?:-?[0-9A-Za-z:.+-]{1,40}~)?\d{1,15}$/),
} as const;

function readQuery(get: (k: string) => string | undefined): QueueQuery {
  const out: QueueQuery = {};
  for (const [key, schema] of Object.entries(filterSchemas)) {
    const parsed = schema.safeParse(get(key) ?? undefined);
    if (parsed.success) (out as Record<string, string>)[key] = parsed.data;
  }
  return out;
}

/** `ID.version` pairs (checkbox values, Undo hints); anything else is dropped. */
function receipts(values: readonly string[]): MoveReceipt[] {
  const out: MoveReceipt[] = [];
  for (const value of values.slice(0, BULK_CAP)) {
    const [id = '', v = ''] = value.split('.');
    if (ID_PATTERN.test(id) && /^\d{1,9}$/.test(v) && Number(v) > 0)
      out.push({ id, version: Number(v) });
  }
  return out;
}

const REASONS = ['stale', 'illegal', 'gone', 'refused'] as const;
type Reason = (typeof REASONS)[number];

/** The failures a redirect carries: `ID.reason,…`. */
function failures(value: string | undefined): BulkReport['failed'] {
  const out: BulkReport['failed'] = [];
  for (const part of (value ?? '').split(',').slice(0, BULK_CAP)) {
    const [id = '', reason = ''] = part.split('.');
    if (ID_PATTERN.test(id) && (REASONS as readonly string[]).includes(reason))
      out.push({ id, reason: reason as Reason });
  }
  return out;
}

const BulkForm = z.object({
  action: z.enum(['accept', 'reject', 'assign-me', 'assign']).optional().catch(undefined),
  assignee: z.number().int().positive().max(999_999_999).optional().catch(undefined),
  ids: z.array(z.string().max(40)).transform(receipts),
  back: z.string().max(2000).optional().catch(undefined),
});
const UndoForm = z.object({
  moves: z.array(z.string().max(40)).transform(receipts),
  back: z.string().max(2000).optional().catch(undefined),
});

/** Where a bulk form sends the editor back: the queue URL it was on (desk paths only). */
function backTo(back: string | undefined): string {
  const target = safeNext(back);
  return target.startsWith('/desk?') || target === '/desk' ? target : '/desk';
}

function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base, 'https://x');
  for (const k of ['done', 'n', 'u', 'x', 's']) url.searchParams.delete(k);
  for (const [k, v] of Object.entries(params)) if (v !== '') url.searchParams.set(k, v);
  return url.pathname + url.search;
}

function reasonOf(outcome: Outcome<unknown>): Reason | null {
  if (outcome.ok) return null;
  const kind = outcome.refusal.kind;
  return kind === 'stale' || kind === 'superseded'
    ? 'stale'
    : kind === 'illegal-move' || kind === 'illegal-state'
      ? 'illegal'
      : kind === 'not-found'
        ? 'gone'
        : 'refused';
}

/** Rating colours as classes: our CSP allows no inline styles, so the scale's colours come from here. */
deskQueue.get('/ratings.css', requireDesk(), async (c) => {
  const rules = (await activeRatings(c.env.DB))
    .filter((r) => HexColor.safeParse(r.color).success)
    .map((r) => `.${swatchClass(r.key)} { background-color: ${r.color}; }`);
  return c.body(rules.join('\n'), 200, { 'Content-Type': 'text/css; charset=utf-8' });
});

deskQueue.get('/', requireDesk(), async (c) => {
  const query = readQuery((k) => c.req.query(k));
  // An article's claims are mostly candidates: from its page the queue shows all of them.
  if (query.article && !query.status) query.status = 'all';
  const ui = deskUi(c);
  const status = query.status ?? 'work';
  const assignee = query.assignee;
  const failed = failures(c.req.query('x'));
  const screen = await queueScreen(c.env.DB, {
    status: status === 'all' ? undefined : status,
    language: query.language,
    rating: query.rating,
    articleId: query.article,
    assigneeId:
      assignee === 'me'
        ? (ui.user?.id ?? 0)
        : assignee === 'none'
          ? null
          : assignee
            ? Number(assignee)
            : undefined,
    q: query.q,
    sort: query.sort as (typeof QUEUE_SORTS)[number] | undefined,
    cursor: query.cursor,
    limit: QUEUE_PAGE_SIZE,
    describe: failed.map((f) => f.id),
  });
  return render(
    c,
    <QueuePage
      ui={ui}
      query={query}
      page={screen}
      ratings={screen.ratings}
      users={screen.users}
      articles={screen.articles}
      now={new Date().toISOString()}
      report={bulkReport((k) => c.req.query(k), ui, failed, query)}
    />,
  );
});

/** The notice after a bulk action or its undo, from the redirect's query (hints only). */
function bulkReport(
  get: (k: string) => string | undefined,
  ui: DeskUi,
  failed: BulkReport['failed'],
  query: QueueQuery,
): BulkReport | undefined {
  const done = get('done');
  if (!done) return undefined;
  const n = Number(get('n') ?? '0') || 0;
  const superseded = Number(get('s') ?? '0') || 0;
  const texts: Record<string, string> = {
    accepted: ui.t('doneAccepted', { n }),
    rejected: ui.t('doneRejected', { n }),
    assigned: deskCounts(ui.locale).count('claimsAssigned', n),
    undone: [
      ui.t('undoneCount', { n }),
      superseded > 0 ? ui.t('supersededCount', { n: superseded }) : '',
    ]
      .join(' ')
      .trim(),
    none: ui.t('noneSelected'),
  };
  const text = texts[done];
  if (text === undefined) return undefined;
  const moves =
    done === 'accepted' || done === 'rejected'
      ? receipts((get('u') ?? '').split(',')).map((m) => `${m.id}.${m.version}`)
      : [];
  return { text, moves, failed, back: queueHref(query) };
}

deskQueue.post(
  '/bulk',
  requireDesk(),
  formValidator(BulkForm, (c) => c.redirect('/desk?done=none', 303)),
  async (c) => {
    const form = c.req.valid('form');
    const back = backTo(form.back);
    const picked = form.ids;
    const ui = deskUi(c);
    if (!form.action || picked.length === 0)
      return c.redirect(withParams(back, { done: 'none' }), 303);
    const db = c.env.DB;
    const actor = actorOf(c);
    const moved: MoveReceipt[] = [];
    const failed: string[] = [];
    const changed: string[] = [];
    const seen = new Set<string>();
    for (const { id, version } of picked) {
      if (seen.has(id)) continue;
      seen.add(id);
      const outcome =
        form.action === 'accept' || form.action === 'reject'
          ? await moveClaim(
              db,
              id,
              form.action === 'accept' ? 'queued' : 'rejected',
              { expectedVersion: version },
              actor,
            )
          : await editClaim(
              db,
              id,
              {
                assigneeId:
                  form.action === 'assign-me' ? (ui.user?.id ?? null) : (form.assignee ?? null),
              },
              version,
              actor,
            );
      const reason = reasonOf(outcome);
      if (outcome.ok) {
        changed.push(...outcome.changed);
        moved.push({ id, version: outcome.value.version });
      } else failed.push(`${id}.${reason ?? 'refused'}`);
    }
    claimsChanged(c, changed);
    const isMove = form.action === 'accept' || form.action === 'reject';
    return c.redirect(
      withParams(back, {
        done:
          form.action === 'accept'
            ? 'accepted'
            : form.action === 'reject'
              ? 'rejected'
              : 'assigned',
        n: String(moved.length),
        u: isMove ? moved.map((m) => `${m.id}.${m.version}`).join(',') : '',
        x: failed.join(','),
      }),
      303,
    );
  },
);

/** "Undo" after a bulk move: each claim moves back if its version is still the one the move gave it. */
deskQueue.post(
  '/bulk/undo',
  requireDesk(),
  formValidator(UndoForm, (c) => c.redirect('/desk?done=none', 303)),
  async (c) => {
    const { moves, back: raw } = c.req.valid('form');
    const back = backTo(raw);
    if (moves.length === 0) return c.redirect(withParams(back, { done: 'none' }), 303);
    const result = await undoMoves(c.env.DB, moves, actorOf(c));
    if (result.ok) claimsChanged(c, result.changed);
    const { undone, superseded } = result.ok
      ? result.value
      : { undone: 0, superseded: moves.length };
    return c.redirect(
      withParams(back, { done: 'undone', n: String(undone), s: String(superseded) }),
      303,
    );
  },
);
