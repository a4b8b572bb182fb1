import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { REASON_MAX, removeFromSite, restoreToSite } from '../domain/removal';
import { effectiveRole } from '../domain/tokens';
import type { AppEnv } from '../env';
import { actorOf } from '../http/actor';
import { ifMatchVersion } from '../http/if-match';
import { claimRefusal } from '../http/refusal-problem';
import { claimEtag } from '../lib/etag';
import { validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { claimsChanged } from '../middleware/purge-changed';
import { ClaimSchema, IdParam, jsonBody, jsonResponse, problems, text } from '../schemas';

/**
 * Retracted-and-removed: /api/v1/claims/:id/removal (admins). POST takes a retracted fact-check off
 * the public site (its page answers 410 Gone with the date and reason); DELETE puts it back.
 */
const removalBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
removalBase.use('/:id/removal', requireUser());

// Optional in the schema so that a missing header is the 428 of ifMatchVersion(), not a 400;
// the OpenAPI document marks it required (IF_MATCH_REQUIRED in schemas/openapi-extras.ts).
const IfMatchRequired = z.object({
  'if-match': z
    .string()
    .max(1000)
    .optional()
    .openapi({ description: 'The ETag of the claim version you read (428 without it)' }),
});
const ClaimOut = z.object({ claim: ClaimSchema });
const Reason = text()
  .trim()
  .max(REASON_MAX)
  .openapi({ description: 'Why it was removed: readers see it on the 410 page' });

export const removal = removalBase
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/removal',
      tags: ['corrections'],
      summary:
        'Remove a retracted fact-check from the public site (admins; a public reason; its page answers 410 Gone)',
      request: {
        params: IdParam,
        headers: IfMatchRequired,
        body: jsonBody(z.strictObject({ reason: Reason })),
      },
      responses: {
        200: jsonResponse(ClaimOut, 'Removed'),
        ...problems(400, 401, 403, 404, 409, 412, 422, 428),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const expectedVersion = ifMatchVersion(c, { required: true });
      const { reason } = c.req.valid('json');
      const isAdmin = effectiveRole(c.get('session')!) === 'admin';
      const result = await removeFromSite(
        c.env.DB,
        id,
        { expectedVersion, reason, isAdmin },
        actorOf(c),
      );
      if (!result.ok) throw claimRefusal(c, result.refusal);
      claimsChanged(c, result.changed);
      c.header('ETag', claimEtag(result.value));
      return c.json({ claim: result.value }, 200);
    },
  )

  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/removal',
      tags: ['corrections'],
      summary: 'Restore a removed fact-check: its retracted page is public again (admins)',
      request: { params: IdParam, headers: IfMatchRequired },
      responses: {
        200: jsonResponse(ClaimOut, 'Restored'),
        ...problems(400, 401, 403, 404, 409, 412, 428),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const expectedVersion = ifMatchVersion(c, { required: true });
      const isAdmin = effectiveRole(c.get('session')!) === 'admin';
      const result = await restoreToSite(c.env.DB, id, { expectedVersion, isAdmin }, actorOf(c));
      if (!result.ok) throw claimRefusal(c, result.refusal);
      claimsChanged(c, result.changed);
      c.header('ETag', claimEtag(result.value));
      return c.json({ claim: result.value }, 200);
    },
  );
