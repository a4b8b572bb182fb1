import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getClaimDetail } from '../../d1/claim-detail';
import { createClaim, listClaims } from '../../d1/claims';
import { goneIfRemoved } from '../http/removed-claim';
import { editClaim } from '../domain/claim-edit';
import type { AppEnv } from '../env';
import { detectLanguage } from '../extract/language';
import { ifMatchVersion } from '../http/if-match';
import { claimRefusal } from '../http/refusal-problem';
import { actorOf } from '../http/actor';
import { claimEtag } from '../lib/etag';
import { problem, validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { claimsChanged } from '../middleware/purge-changed';
import { embedSoon } from '../match/embed-jobs';
import {
  Appearances,
  Claimant,
  ClaimantType,
  ClaimDetailSchema,
  ClaimReviewed,
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

const claimsBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
claimsBase.use('*', requireUser());

const NewClaim = z.strictObject({
  text: ClaimText,
  language: LanguageTag.optional(),
  claimant: Claimant.optional(),
  claimantType: ClaimantType.optional(),
  claimDate: IsoDate.nullable().optional(),
  appearances: Appearances.optional(),
  claimReviewed: ClaimReviewed.optional(),
  status: z.enum(['candidate', 'queued']).default('queued'),
});

const ClaimPatch = z
  .strictObject({
    text: ClaimText.optional(),
    claimant: Claimant.optional(),
    claimantType: ClaimantType.optional(),
    claimDate: IsoDate.nullable().optional(),
    appearances: Appearances.optional(),
    claimReviewed: ClaimReviewed.optional(),
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
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'Not a cursor from this API')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const claims = claimsBase
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['claims'],
      summary: 'Create a claim (queued by default)',
      request: { body: jsonBody(NewClaim) },
      responses: {
        201: jsonResponse(z.object({ claim: ClaimSchema }), 'Created'),
        ...problems(401, 413, 415, 422),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const detected = detectLanguage(input.text);
      const claim = await createClaim(
        c.env.DB,
        { ...input, language: input.language ?? (detected === 'und' ? 'en' : detected) },
        actorOf(c),
      );
      await embedSoon(claim.id); // semantic index (worker/match/embed-jobs.ts)
      c.header('ETag', claimEtag(claim));
      c.header('Location', `/api/v1/claims/${claim.id}`);
      return c.json({ claim }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['claims'],
      summary: 'List claims, newest first, with cursor paging',
      request: { query: ListQuery },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(ClaimSchema), nextCursor: z.string().nullable() }),
          'A page of claims',
        ),
        ...problems(400, 401),
      },
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
      return c.json(
        {
          items: page.items,
          nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['claims'],
      summary: 'A claim with its sources, verdicts and audit trail (one D1 round trip)',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(ClaimDetailSchema, 'The claim'),
        ...problems(400, 401, 404, 410),
      },
    }),
    async (c) => {
      const detail = await getClaimDetail(c.env.DB, c.req.valid('param').id);
      if (!detail) throw problem(404, 'Claim not found', { code: 'not_found' });
      c.header('ETag', claimEtag(detail.claim));
      if (detail.claim.status === 'retracted') await goneIfRemoved(c.env.DB, detail.claim.id);
      c.header('Cache-Control', 'no-store');
      return c.json(detail, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['claims'],
      summary: 'Edit a claim; If-Match with the ETag is required (optimistic concurrency)',
      request: {
        params: IdParam,
        body: jsonBody(ClaimPatch),
        headers: z.object({ 'if-match': z.string().max(1000).optional() }),
      },
      responses: {
        200: jsonResponse(z.object({ claim: ClaimSchema }), 'Updated'),
        ...problems(400, 401, 404, 412, 422, 428),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const result = await editClaim(
        c.env.DB,
        id,
        c.req.valid('json'),
        ifMatchVersion(c, { required: true }),
        actorOf(c),
      );
      if (!result.ok) throw claimRefusal(c, result.refusal);
      claimsChanged(c, result.changed);
      c.header('ETag', claimEtag(result.value));
      return c.json({ claim: result.value }, 200);
    },
  );
