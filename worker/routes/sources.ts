import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getClaim } from '../../d1/claims';
import { addSource, deleteSource, getSource, updateSource } from '../../d1/sources';
import type { AppEnv } from '../env';
import { actorOf } from '../http/actor';
import { problem, validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { claimsChanged } from '../middleware/purge-changed';
import { IdParam, jsonBody, jsonResponse, problems, SourceBody, SourceSchema } from '../schemas';

/** Sources of a claim: /api/v1/claims/:id/sources. */
export const sources = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
sources.use('*', requireUser());

const SourceParams = IdParam.extend({
  sourceId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'sourceId', in: 'path' } }),
});

async function existingClaim(db: D1Database, id: string) {
  const claim = await getClaim(db, id);
  if (!claim) throw problem(404, 'Claim not found', { code: 'not_found' });
  return claim;
}

sources.openapi(
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
    await existingClaim(c.env.DB, id);
    const source = await addSource(c.env.DB, id, c.req.valid('json'), actorOf(c));
    claimsChanged(c, [id]); // the public claim page lists its sources
    return c.json({ source }, 201);
  },
);

sources.openapi(
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
    const source = await updateSource(c.env.DB, before, c.req.valid('json'), actorOf(c));
    if (!source) throw problem(404, 'Source not found', { code: 'not_found' });
    claimsChanged(c, [id]);
    return c.json({ source }, 200);
  },
);

sources.openapi(
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
    const before = await getSource(c.env.DB, id, sourceId);
    if (!before || !(await deleteSource(c.env.DB, before, actorOf(c))))
      throw problem(404, 'Source not found', { code: 'not_found' });
    claimsChanged(c, [id]);
    return c.body(null, 204);
  },
);
