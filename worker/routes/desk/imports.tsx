/** Desk admin: ClaimReview import (/desk/import): source form → preview → confirmed commit. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { getImport, recentImports } from '../../../d1/external-reviews';
import { activeRatings } from '../../../d1/ratings';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { deskMessage, deskUi, render, requireDesk } from '../../http/desk-context';
import { importTranslator, type ImportKey } from '../../i18n/s19-import';
import {
  commitImport,
  previewImport,
  type ImportRefusal,
} from '../../integrations/claimreview-import-flow';
import { ID_PATTERN } from '../../lib/ids';
import { ratingLabel } from '../../lib/ratings';
import { formValidator, type OnInvalid } from '../../middleware/form-validator';
import { claimsChanged } from '../../middleware/purge-changed';
import { HttpUrl, text } from '../../schemas/fields';
import { ImportPreviewPage, ImportStartPage } from '../../views/desk/imports';

export const deskImports = new Hono<AppEnv>();
deskImports.use('*', requireDesk('admin'));

const mOf = (c: Context<AppEnv>) => importTranslator(deskUi(c).locale);

async function startPage(
  c: Context<AppEnv>,
  extras: Omit<Parameters<typeof ImportStartPage>[0], 'ui' | 'm' | 'recent'> = {},
  status: 200 | 422 = 200,
) {
  const recent = await recentImports(c.env.DB);
  return render(
    c,
    <ImportStartPage ui={deskUi(c)} m={mOf(c)} recent={recent} {...extras} />,
    status,
  );
}

deskImports.get('/', (c) => startPage(c));

const SourceForm = z.object({
  url: HttpUrl.nullable().optional(),
  document: text().nullable().optional(),
});

const refuseSource: OnInvalid<string> = (c, errors, values) =>
  startPage(
    c,
    {
      notice: { kind: 'error', text: mOf(c)('needSource') },
      values: { url: values.url, document: values.document },
      errors: Object.keys(errors),
    },
    422,
  );

function reasonOf(m: ReturnType<typeof importTranslator>, r: ImportRefusal): string {
  if (r.kind !== 'unreadable') return m('reason_other');
  const key = `reason_${r.code}` as ImportKey;
  return [
    'reason_not_json_ld',
    'reason_no_claim_review',
    'reason_too_many_items',
    'reason_document_too_large',
    'reason_article_too_large',
  ].includes(key)
    ? m(key)
    : m('reason_other');
}

deskImports.post('/', formValidator(SourceForm, refuseSource), async (c) => {
  const input = c.req.valid('form');
  const m = mOf(c);
  if (!input.url === !input.document)
    return startPage(
      c,
      {
        notice: { kind: 'error', text: m('needSource') },
        values: { url: input.url ?? '', document: input.document ?? '' },
        errors: ['url', 'document'],
      },
      422,
    );
  const result = await previewImport(c.env, input, actorOf(c), c.req.url);
  if (!result.ok)
    return startPage(
      c,
      {
        notice: {
          kind: 'error',
          text: m('sourceRefused', { reason: reasonOf(m, result.refusal) }),
        },
        values: { url: input.url ?? '', document: input.document ?? '' },
        errors: [result.refusal.kind === 'unreadable' ? result.refusal.field : 'document'],
      },
      422,
    );
  return c.redirect(`/desk/import/${result.value.id}`, 303);
});

async function previewPage(
  c: Context<AppEnv>,
  id: string,
  extras: Omit<Parameters<typeof ImportPreviewPage>[0], 'ui' | 'm' | 'imp' | 'ratings'> = {},
  status: 200 | 409 | 422 = 200,
) {
  const [imp, scale] = await Promise.all([getImport(c.env.DB, id), activeRatings(c.env.DB)]);
  if (!imp) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const locale = deskUi(c).locale;
  const ratings = scale.map((r) => ({ key: r.key, label: ratingLabel(r, locale) }));
  return render(
    c,
    <ImportPreviewPage ui={deskUi(c)} m={mOf(c)} imp={imp} ratings={ratings} {...extras} />,
    status,
  );
}

deskImports.get('/:id', (c) => {
  const id = c.req.param('id');
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const m = mOf(c);
  return previewPage(
    c,
    id,
    c.req.query('ok') === 'committed' ? { notice: { kind: 'ok', text: m('committedTitle') } } : {},
  );
});

const CommitForm = z.object({
  map: z.array(z.string().max(40)).max(1000),
  claim: z.array(z.string().max(40)).max(1000),
  include: z.array(z.string().max(6)).max(1000),
});

const refuseCommit: OnInvalid<'/:id/commit'> = (c) =>
  deskMessage(c, 422, deskUi(c).t('invalidForm'));

deskImports.post('/:id/commit', formValidator(CommitForm, refuseCommit), async (c) => {
  const id = c.req.param('id');
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const form = c.req.valid('form');
  const imp = await getImport(c.env.DB, id);
  if (!imp) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const include = new Set(form.include.map(Number).filter(Number.isInteger));
  const result = await commitImport(
    c.env,
    id,
    {
      mappings: new Map(imp.labels.map((_, i) => [i, form.map[i] ?? ''])),
      claims: new Map(
        imp.items.map((_, i) => {
          const v = form.claim[i] ?? 'none';
          return [i, v === 'none' ? null : v];
        }),
      ),
      skip: new Set(imp.items.map((_, i) => i).filter((i) => !include.has(i))),
    },
    actorOf(c),
  );
  const m = mOf(c);
  if (!result.ok) {
    const r = result.refusal;
    if (r.kind === 'conflict')
      return previewPage(c, id, { notice: { kind: 'error', text: m('alreadyCommitted') } }, 409);
    const itemErrors = new Map<number, string>();
    if (r.kind === 'invalid')
      for (const f of r.fields) {
        const [, i, what] = /^items\.(\d+)\.(\w+)$/.exec(f.field) ?? [];
        if (i === undefined) continue;
        const item = imp.items[Number(i)]!;
        itemErrors.set(
          Number(i),
          what === 'rating'
            ? m('unmapped', { label: item.rating.label, publisher: item.publisher.name })
            : f.message,
        );
      }
    return previewPage(
      c,
      id,
      {
        notice: { kind: 'error', text: m('commitRefused') },
        chosen: { map: form.map, claim: form.claim, include },
        itemErrors,
      },
      422,
    );
  }
  claimsChanged(c, result.changed);
  return c.redirect(`/desk/import/${id}?ok=committed`, 303);
});
