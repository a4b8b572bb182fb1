/** Sources and verdicts of a claim from the workspace forms, with the JSON API's rules. */
import { fieldMessages, refusalFieldMessages } from '../../i18n/desk';
import { Hono, type Context } from 'hono';
import { getClaim } from '../../../d1/claims';
import { getSource } from '../../../d1/sources';
import { addClaimSource, editClaimSource, removeClaimSource } from '../../domain/sources';
import type { Refusal } from '../../domain/outcome';
import { addVerdict } from '../../domain/verdicts';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { ID_PATTERN } from '../../lib/ids';
import { formValidator, typedValues, type OnInvalid } from '../../middleware/form-validator';
import { SourceBody, VerdictBody } from '../../schemas';
import type { SourceFormValues, VerdictFormValues } from '../../views/desk/workspace';
import { claimsChanged } from '../../middleware/purge-changed';
import { deskMessage, deskUi } from '../../http/desk-context';
import { showWorkspace } from '../../http/desk-workspace';
import { refusalText } from '../../http/desk-refusal';

export const deskClaimParts = new Hono<AppEnv>();

const SOURCE_KEYS = [
  'url',
  'title',
  'publisher',
  'excerpt',
  'stance',
  'archivedUrl',
] as const satisfies readonly (keyof SourceFormValues)[];
const VERDICT_KEYS = [
  'ratingKey',
  'headline',
  'explanation',
  'language',
  'correctionNote',
] as const satisfies readonly (keyof VerdictFormValues)[];

const invalid = (c: Context<AppEnv>) => ({
  kind: 'error' as const,
  text: deskUi(c).t('invalidForm'),
});

// A refused form: a claim that does not exist is a 404 before anything else.
const refuseSource: OnInvalid<string> = async (c, errors, values) => {
  const id = c.req.param('id') ?? '';
  const sourceId = c.req.param('sourceId');
  const exists =
    ID_PATTERN.test(id) &&
    (sourceId === undefined
      ? await getClaim(c.env.DB, id)
      : /^\d{1,12}$/.test(sourceId) && (await getSource(c.env.DB, id, Number(sourceId))));
  if (!exists) return deskMessage(c, 404, deskUi(c).t('notFound'));
  if (sourceId !== undefined) return showWorkspace(c, id, { notice: invalid(c) }, 422);
  return showWorkspace(
    c,
    id,
    {
      sourceValues: typedValues(values, SOURCE_KEYS),
      sourceErrors: fieldMessages(deskUi(c).t, errors),
    },
    422,
  );
};

const refuseVerdict: OnInvalid<string> = (c, errors, values) => {
  const id = c.req.param('id') ?? '';
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  return showWorkspace(
    c,
    id,
    {
      verdictValues: typedValues(values, VERDICT_KEYS),
      verdictErrors: fieldMessages(deskUi(c).t, errors),
    },
    422,
  );
};

deskClaimParts.post('/:id/sources', formValidator(SourceBody, refuseSource), async (c) => {
  const id = c.req.param('id');
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const result = await addClaimSource(c.env.DB, id, c.req.valid('form'), actorOf(c));
  if (!result.ok) return sourceRefused(c, id, result.refusal);
  claimsChanged(c, result.changed);
  return c.redirect(`/desk/claims/${id}?ok=saved#sources`, 303);
});

deskClaimParts.post(
  '/:id/sources/:sourceId',
  formValidator(SourceBody, refuseSource),
  async (c) => {
    const { id, sourceId } = c.req.param();
    const before =
      ID_PATTERN.test(id) && /^\d{1,12}$/.test(sourceId)
        ? await getSource(c.env.DB, id, Number(sourceId))
        : null;
    if (!before) return deskMessage(c, 404, deskUi(c).t('notFound'));
    const result = await editClaimSource(c.env.DB, id, before.id, c.req.valid('form'), actorOf(c));
    if (!result.ok) return sourceRefused(c, id, result.refusal);
    claimsChanged(c, result.changed);
    return c.redirect(`/desk/claims/${id}?ok=saved#sources`, 303);
  },
);

deskClaimParts.post('/:id/sources/:sourceId/remove', async (c) => {
  const { id, sourceId } = c.req.param();
  const before =
    ID_PATTERN.test(id) && /^\d{1,12}$/.test(sourceId)
      ? await getSource(c.env.DB, id, Number(sourceId))
      : null;
  if (!before) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const result = await removeClaimSource(c.env.DB, id, before.id, actorOf(c));
  if (!result.ok) return sourceRefused(c, id, result.refusal);
  claimsChanged(c, result.changed);
  return c.redirect(`/desk/claims/${id}?ok=saved#sources`, 303);
});

/** A source change the rules refused: the workspace again, saying why. */
function sourceRefused(c: Context<AppEnv>, id: string, refusal: Refusal) {
  if (refusal.kind === 'not-found') return deskMessage(c, 404, deskUi(c).t('notFound'));
  if (refusal.kind === 'stale') return c.redirect(`/desk/claims/${id}?ok=stale`, 303);
  const text = refusalText(deskUi(c).t, refusal);
  return showWorkspace(
    c,
    id,
    { notice: { kind: 'error', text } },
    refusal.kind === 'forbidden' ? 403 : refusal.kind === 'invalid' ? 422 : 409,
  );
}

/** Same rules as POST /api/v1/claims/:id/verdicts (scale, status, correction note, publish-now). */
deskClaimParts.post('/:id/verdicts', formValidator(VerdictBody, refuseVerdict), async (c) => {
  const id = c.req.param('id');
  const input = c.req.valid('form');
  const values: VerdictFormValues = { ...input, correctionNote: input.correctionNote ?? '' };
  const t = deskUi(c).t;
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, t('notFound'));
  const refuse = (text: string | null, status: 409 | 422, errors: Record<string, string>) =>
    showWorkspace(
      c,
      id,
      {
        notice: text === null ? undefined : { kind: 'error', text },
        verdictValues: values,
        verdictErrors: errors,
      },
      status,
    );
  const result = await addVerdict(c.env.DB, id, input, actorOf(c));
  if (!result.ok) {
    const r = result.refusal;
    if (r.kind === 'not-found') return deskMessage(c, 404, t('notFound'));
    if (r.kind === 'invalid') return refuse(null, 422, refusalFieldMessages(t, r.fields));
    if (r.kind === 'stale') return c.redirect(`/desk/claims/${id}?ok=stale`, 303);
    return refuse(refusalText(t, r), 409, {});
  }
  claimsChanged(c, result.changed);
  return c.redirect(`/desk/claims/${id}?ok=saved#verdict`, 303);
});
