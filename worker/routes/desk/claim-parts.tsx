/** Sources and verdicts of a claim from the workspace forms, with the JSON API's rules. */
import { Hono } from 'hono';
import { z } from 'zod';
import { getClaim } from '../../../d1/claims';
import { addSource, deleteSource, getSource, updateSource, type SourceInput } from '../../../d1/sources';
import { invalidateEmbeds } from '../../embeds/cache';
import type { AppEnv } from '../../env';
import { actorOf } from '../../lib/actor';
import type { SourceFormValues, VerdictFormValues } from '../../views/desk/workspace';
import { SUMMARY_MAX } from '../../lib/limits';
import { addVerdict } from '../../domain/claim-workflow';
import { deskMessage, deskUi, field } from './support';
import { CLAIM_ID, showWorkspace } from './workspace';

export const deskClaimParts = new Hono<AppEnv>();

const HttpUrl = z.url({ protocol: /^https?$/ }).max(2048);
const SourceForm = z.object({
  url: HttpUrl,
  title: z.string().trim().max(300),
  publisher: z.string().trim().max(200),
  excerpt: z.string().trim().max(2000),
  stance: z.enum(['supports', 'refutes', 'context']),
  archivedUrl: z.union([z.literal(''), HttpUrl]),
});

const VerdictForm = z.object({
  ratingKey: z.string().min(1).max(40),
  summary: z.string().trim().min(3).max(SUMMARY_MAX),
  explanation: z.string().trim().min(1).max(20_000),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).max(35),
  correctionNote: z.string().trim().max(1000),
});

type Form = Record<string, string | File | (string | File)[]>;

function readSource(form: Form): SourceFormValues {
  return { url: field(form, 'url'), title: field(form, 'title'), publisher: field(form, 'publisher'), excerpt: field(form, 'excerpt'), stance: field(form, 'stance'), archivedUrl: field(form, 'archivedUrl') };
}

function toInput(v: z.infer<typeof SourceForm>): SourceInput {
  return { url: v.url, title: v.title || null, publisher: v.publisher || null, excerpt: v.excerpt || null, stance: v.stance, archivedUrl: v.archivedUrl || null };
}

deskClaimParts.post('/:id/sources', async (c) => {
  const id = c.req.param('id');
  const values = readSource(await c.req.parseBody({ all: true }));
  const parsed = SourceForm.safeParse(values);
  const claim = CLAIM_ID.test(id) ? await getClaim(c.env.DB, id) : null;
  if (!claim) return deskMessage(c, 404, deskUi(c).t('notFound'));
  if (!parsed.success) {
    return showWorkspace(c, id, { notice: { kind: 'error', text: deskUi(c).t('invalidForm') }, sourceValues: values, sourceErrors: parsed.error.issues.map((i) => String(i.path[0])) }, 422);
  }
  await addSource(c.env.DB, id, toInput(parsed.data), actorOf(c));
  return c.redirect(`/desk/claims/${id}?ok=saved#sources`, 303);
});

deskClaimParts.post('/:id/sources/:sourceId', async (c) => {
  const { id, sourceId } = c.req.param();
  const values = readSource(await c.req.parseBody({ all: true }));
  const parsed = SourceForm.safeParse(values);
  const before = CLAIM_ID.test(id) && /^\d{1,12}$/.test(sourceId) ? await getSource(c.env.DB, id, Number(sourceId)) : null;
  if (!before) return deskMessage(c, 404, deskUi(c).t('notFound'));
  if (!parsed.success) return showWorkspace(c, id, { notice: { kind: 'error', text: deskUi(c).t('invalidForm') } }, 422);
  await updateSource(c.env.DB, before, toInput(parsed.data), actorOf(c));
  return c.redirect(`/desk/claims/${id}?ok=saved#sources`, 303);
});

deskClaimParts.post('/:id/sources/:sourceId/remove', async (c) => {
  const { id, sourceId } = c.req.param();
  const before = CLAIM_ID.test(id) && /^\d{1,12}$/.test(sourceId) ? await getSource(c.env.DB, id, Number(sourceId)) : null;
  if (!before) return deskMessage(c, 404, deskUi(c).t('notFound'));
  await deleteSource(c.env.DB, before, actorOf(c));
  return c.redirect(`/desk/claims/${id}?ok=saved#sources`, 303);
});

/** Same rules as POST /api/v1/claims/:id/verdicts (scale, status, correction note, publish-now). */
deskClaimParts.post('/:id/verdicts', async (c) => {
  const id = c.req.param('id');
  const form = await c.req.parseBody({ all: true });
  const values: VerdictFormValues = {
    ratingKey: field(form, 'ratingKey'),
    summary: field(form, 'summary'),
    explanation: field(form, 'explanation'),
    language: field(form, 'language'),
    correctionNote: field(form, 'correctionNote'),
  };
  const t = deskUi(c).t;
  if (!CLAIM_ID.test(id)) return deskMessage(c, 404, t('notFound'));
  const parsed = VerdictForm.safeParse(values);
  const formErrors = parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0]));
  const refuse = (text: string, status: 409 | 422, errors: string[]) => showWorkspace(c, id, { notice: { kind: 'error', text }, verdictValues: values, verdictErrors: errors }, status);
  if (!parsed.success) return refuse(t('invalidForm'), 422, formErrors);
  const result = await addVerdict(c.env.DB, id, parsed.data, actorOf(c));
  if (!result.ok) {
    const r = result.refusal;
    if (r.kind === 'not-found') return deskMessage(c, 404, t('notFound'));
    if (r.kind === 'invalid') return refuse(t('invalidForm'), 422, r.fields.map((f) => f.field));
    return refuse(t('illegalMove'), 409, []);
  }
  await invalidateEmbeds(c, id);
  return c.redirect(`/desk/claims/${id}?ok=saved#verdict`, 303);
});
