import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getSource } from '../../d1/sources';
import { addClaimSource, editClaimSource, removeClaimSource } from '../domain/sources';
import { claimRefusal } from '../http/refusal-problem';
import type { AppEnv } from '../env';
import { actorOf } from '../http/actor';
import { problem, validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { claimsChanged } from '../middleware/purge-changed';
import { IdParam, jsonBody, jsonResponse, problems, SourceBody, SourceSchema } from '../schemas';

/** Sources of a claim: /api/v1/claims/:id/sources. */
const sourcesBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
sourcesBase.use('*', requireUser());

const SourceParams = IdParam.extend({
  sourceId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'sourceId', in: 'path' } }),
});

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const sources = sourcesBase
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/sources',
      tags: ['sources'],
      summary: 'Add a source to a claim',
      request: { params: IdParam, body: jsonBody(SourceBody) },
      responses: {
        201: jsonResponse(z.object({ source: SourceSchema }), 'Added'),
        ...problems(400, 401, 404, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const result = await addClaimSource(c.env.DB, id, c.req.valid('json'), actorOf(c));
      if (!result.ok) throw claimRefusal(c, result.refusal);
      claimsChanged(c, result.changed);
      return c.json({ source: result.value }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/sources/{sourceId}',
      tags: ['sources'],
      summary: 'Replace a source',
      request: { params: SourceParams, body: jsonBody(SourceBody) },
      responses: {
        200: jsonResponse(z.object({ source: SourceSchema }), 'Updated'),
        ...problems(400, 401, 404, 422),
      },
    }),
    async (c) => {
      const { id, sourceId } = c.req.valid('param');
      const before = await getSource(c.env.DB, id, sourceId);
      if (!before) throw problem(404, 'Source not found', { code: 'not_found' });
      const result = await editClaimSource(c.env.DB, id, sourceId, c.req.valid('json'), actorOf(c));
      if (!result.ok) throw claimRefusal(c, result.refusal);
      claimsChanged(c, result.changed);
      return c.json({ source: result.value }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/sources/{sourceId}',
      tags: ['sources'],
      summary: 'Remove a source (kept in the audit trail)',
      request: { params: SourceParams },
      responses: { 204: { description: 'Removed' }, ...problems(400, 401, 404) },
    }),
    async (c) => {
      const { id, sourceId } = c.req.valid('param');
      if (!(await getSource(c.env.DB, id, sourceId)))
        throw problem(404, 'Source not found', { code: 'not_found' });
      const result = await removeClaimSource(c.env.DB, id, sourceId, actorOf(c));
      if (!result.ok) throw claimRefusal(c, result.refusal);
      claimsChanged(c, result.changed);
      return c.body(null, 204);
    },
  );
