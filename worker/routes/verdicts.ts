import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getClaimDetail } from '../../d1/claim-detail';
import { activeRatings } from '../../d1/ratings';
import { appendVerdict } from '../../d1/verdicts';
import type { AppEnv } from '../env';
import { invalidateEmbeds } from './embeds/cache';
import { actorOf } from '../lib/actor';
import { problem, validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { IdParam, jsonBody, jsonResponse, LanguageTag, problems, VerdictSchema } from '../schemas';

/** ClaimReview's `claimReviewed`/short summary limit. */
export const SUMMARY_MAX = 75;

/** Verdicts of a claim: /api/v1/claims/:id/verdicts (append-only versions). */
export const verdicts = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
verdicts.use('*', requireUser());

const VerdictBody = z.strictObject({
  ratingKey: z.string().min(1).max(40),
  summary: z.string().trim().min(3).max(SUMMARY_MAX, `At most ${SUMMARY_MAX} characters (ClaimReview)`),
  explanation: z.string().trim().min(1).max(20_000),
  language: LanguageTag,
  correctionNote: z.string().trim().min(3).max(1000).optional(),
});

verdicts.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/verdicts',
    tags: ['verdicts'],
    summary: 'Append a verdict version; on a published claim it is a public correction',
    request: { params: IdParam, body: jsonBody(VerdictBody) },
    responses: { 201: jsonResponse(z.object({ verdict: VerdictSchema }), 'Appended'), ...problems(400, 401, 404, 409, 422) },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const [detail, ratings] = await Promise.all([getClaimDetail(c.env.DB, id), activeRatings(c.env.DB)]);
    if (!detail) throw problem(404, 'Claim not found', { code: 'not_found' });
    if (!ratings.some((r) => r.key === input.ratingKey)) {
      throw problem(422, 'Invalid request', {
        code: 'validation_failed',
        errors: [{ field: 'json.ratingKey', message: `Not on the rating scale; one of: ${ratings.map((r) => r.key).join(', ')}` }],
      });
    }
    const { status } = detail.claim;
    if (!['queued', 'in_review', 'published'].includes(status)) {
      throw problem(409, 'This claim cannot take a verdict', { detail: `A ${status} claim must be queued first.`, code: 'illegal_state' });
    }
    const isCorrection = detail.publishedVerdict !== null;
    if (isCorrection && !input.correctionNote) {
      throw problem(422, 'Invalid request', {
        detail: 'This claim has a published verdict: a new version is a correction and needs a public note.',
        code: 'validation_failed',
        errors: [{ field: 'json.correctionNote', message: 'Required for a correction to a published verdict' }],
      });
    }
    const verdict = await appendVerdict(
      c.env.DB,
      id,
      { ...input, correctionNote: input.correctionNote ?? null, publishNow: status === 'published' },
      actorOf(c),
    );
    await invalidateEmbeds(c, id);
    return c.json({ verdict }, 201);
  },
);
