import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { addVerdict } from '../domain/verdicts';
import type { AppEnv } from '../env';
import { actorOf } from '../http/actor';
import { validationHook } from '../lib/problem';
import { refusalProblem } from '../http/refusal-problem';
import { requireUser } from '../middleware/auth';
import { claimsChanged } from '../middleware/purge-changed';
import { IdParam, jsonBody, jsonResponse, problems, VerdictBody, VerdictSchema } from '../schemas';

/** Verdicts of a claim: /api/v1/claims/:id/verdicts (append-only versions). */
const verdictsBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
verdictsBase.use('*', requireUser());

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const verdicts = verdictsBase.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/verdicts',
    tags: ['verdicts'],
    summary: 'Append a verdict version; on a published claim it is a public correction',
    request: { params: IdParam, body: jsonBody(VerdictBody) },
    responses: {
      201: jsonResponse(z.object({ verdict: VerdictSchema }), 'Appended'),
      ...problems(400, 401, 404, 409, 422),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const result = await addVerdict(c.env.DB, id, input, actorOf(c));
    if (!result.ok) throw refusalProblem(result.refusal);
    claimsChanged(c, result.changed);
    return c.json({ verdict: result.value }, 201);
  },
);
