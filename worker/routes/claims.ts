import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getClaimDetail } from '../../d1/claim-detail';
import { createClaim, getClaim, listClaims, updateClaim, type Claim } from '../../d1/claims';
import { moveClaim } from '../domain/claim-workflow';
import type { AppEnv } from '../env';
import { detectLanguage } from '../extract/index';
import { invalidateEmbeds } from './embeds/cache';
import { actorOf } from '../lib/actor';
import { problem, validationHook } from '../lib/problem';
import { refusalProblem } from '../lib/refusal-problem';
import { requireUser } from '../middleware/auth';
import {
  Appearances,
  Claimant,
  ClaimantType,
  ClaimDetailSchema,
  ClaimSchema,
  ClaimText,
  IdParam,
  IsoDate,
  jsonBody,
  jsonResponse,
  LanguageTag,
  problems,
  StatusField,
} from '../schemas';

export const claims = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
claims.use('*', requireUser());

const NewClaim = z.strictObject({
  text: ClaimText,
  language: LanguageTag.optional(),
  claimant: Claimant.optional(),
  claimantType: ClaimantType.optional(),
  claimDate: IsoDate.nullable().optional(),
  appearances: Appearances.optional(),
  status: z.enum(['candidate', 'queued']).default('queued'),
});

const ClaimPatch = z
  .strictObject({
    text: ClaimText.optional(),
    claimant: Claimant.optional(),
    claimantType: ClaimantType.optional(),
    claimDate: IsoDate.nullable().optional(),
    appearances: Appearances.optional(),
    language: LanguageTag.optional(),
    assigneeId: z.number().int().positive().nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'Nothing to change');

const ListQuery = z.object({
  status: StatusField.optional(),
  language: LanguageTag.optional(),
  article: z.string().max(64).optional(),
  rating: z.string().max(40).optional(),
  assignee: z.coerce.number().int().positive().optional(),
  cursor: z.string().regex(/^\d{1,15}$/, 'Not a cursor from this API').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

const Transition = z.strictObject({
  to: StatusField,
  duplicateOf: z.string().max(64).optional(),
  note: z.string().trim().max(1000).optional(),
});

/** Strong ETag of a claim's editable state. */
export function claimEtag(claim: Pick<Claim, 'version'>): string {
  return `"v${claim.version}"`;
}

/** Version number named by an If-Match header (`"v3"` or `W/"v3"`), or null. */
function versionFromIfMatch(header: string | undefined): number | null {
  const m = header?.trim().match(/^(?:W\/)?"v(\d+)"$/);
  return m ? Number(m[1]) : null;
}

claims.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['claims'],
    summary: 'Create a claim (queued by default)',
    request: { body: jsonBody(NewClaim) },
    responses: { 201: jsonResponse(z.object({ claim: ClaimSchema }), 'Created'), ...problems(401, 413, 415, 422) },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const detected = detectLanguage(input.text);
    const claim = await createClaim(
      c.env.DB,
      { ...input, language: input.language ?? (detected === 'und' ? 'en' : detected) },
      actorOf(c),
    );
    c.header('ETag', claimEtag(claim));
    c.header('Location', `/api/v1/claims/${claim.id}`);
    return c.json({ claim }, 201);
  },
);

claims.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['claims'],
    summary: 'List claims, newest first, with cursor paging',
    request: { query: ListQuery },
    responses: { 200: jsonResponse(z.object({ items: z.array(ClaimSchema), nextCursor: z.string().nullable() }), 'A page of claims'), ...problems(400, 401) },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const page = await listClaims(c.env.DB, {
      status: q.status,
      language: q.language,
      articleId: q.article,
      rating: q.rating,
      assigneeId: q.assignee,
      cursor: q.cursor ? Number(q.cursor) : undefined,
      limit: q.limit,
    });
    return c.json({ items: page.items, nextCursor: page.nextCursor === null ? null : String(page.nextCursor) }, 200);
  },
);

claims.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['claims'],
    summary: 'A claim with its sources, verdicts and audit trail (one D1 round trip)',
    request: { params: IdParam },
    responses: {
      200: jsonResponse(ClaimDetailSchema, 'The claim'),
      ...problems(400, 401, 404),
    },
  }),
  async (c) => {
    const detail = await getClaimDetail(c.env.DB, c.req.valid('param').id);
    if (!detail) throw problem(404, 'Claim not found', { code: 'not_found' });
    c.header('ETag', claimEtag(detail.claim));
    c.header('Cache-Control', 'no-store');
    return c.json(detail, 200);
  },
);

claims.openapi(
  createRoute({
    method: 'patch',
    path: '/{id}',
    tags: ['claims'],
    summary: 'Edit a claim; If-Match with the ETag is required (optimistic concurrency)',
    request: { params: IdParam, body: jsonBody(ClaimPatch), headers: z.object({ 'if-match': z.string().max(40).optional() }) },
    responses: { 200: jsonResponse(z.object({ claim: ClaimSchema }), 'Updated'), ...problems(400, 401, 404, 412, 422, 428) },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const expected = versionFromIfMatch(c.req.header('If-Match'));
    if (expected === null) {
      throw problem(428, 'If-Match required', {
        detail: 'Send the ETag you read in If-Match so a concurrent edit is not overwritten.',
        code: 'precondition_required',
        errors: [{ field: 'header.If-Match', message: 'Required: the ETag of the version you edited, e.g. "v3"' }],
      });
    }
    const before = await getClaim(c.env.DB, id);
    if (!before) throw problem(404, 'Claim not found', { code: 'not_found' });
    const result = before.version === expected ? await updateClaim(c.env.DB, id, expected, c.req.valid('json'), before, actorOf(c)) : { ok: false as const, current: before };
    if (!result.ok) {
      const current = result.current ?? before;
      c.header('ETag', claimEtag(current));
      throw problem(412, 'The claim changed since you read it', {
        detail: `You edited version ${expected}; the current version is ${current.version}. Merge your change into it and retry.`,
        code: 'version_conflict',
        current,
      });
    }
    await invalidateEmbeds(c, id);
    c.header('ETag', claimEtag(result.claim));
    return c.json({ claim: result.claim }, 200);
  },
);

claims.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/transition',
    tags: ['claims'],
    summary: 'Move a claim through the status machine',
    request: { params: IdParam, body: jsonBody(Transition) },
    responses: { 200: jsonResponse(z.object({ claim: ClaimSchema }), 'Moved'), ...problems(400, 401, 404, 409, 412, 422) },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { to, duplicateOf, note } = c.req.valid('json');
    const result = await moveClaim(c.env.DB, id, to, { expectedVersion: versionFromIfMatch(c.req.header('If-Match')), duplicateOf, note }, actorOf(c));
    if (!result.ok) throw refusalProblem(result.refusal);
    await invalidateEmbeds(c, id);
    c.header('ETag', claimEtag(result.value));
    return c.json({ claim: result.value }, 200);
  },
);
