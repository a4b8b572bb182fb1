import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import { problem, validationHook } from '../lib/problem';
import { matcherFor } from '../match/matcher';
import { requireUser } from '../middleware/auth';
import { IdParam, jsonResponse, MatchSchema, problems } from '../schemas';

/** Possible duplicates of a claim. Mounted at /api/v1/claims. Marking one is core's transition API. */
const matchesBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
// Scoped to its own path: this router shares the /api/v1/claims mount with others.
matchesBase.use('/:id/matches', requireUser('editor', 'admin'));

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const matches = matchesBase.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/matches',
    tags: ['claims'],
    summary: 'Stored claims that may say the same thing (exact text first, then similar)',
    request: {
      params: IdParam,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(50).default(10),
        published: z.enum(['0', '1', 'true', 'false']).optional(),
      }),
    },
    responses: {
      200: jsonResponse(
        z.object({
          claim: z.object({ id: z.string(), text: z.string() }),
          matches: z.array(MatchSchema),
        }),
        'Matches',
      ),
      ...problems(400, 401, 403, 404),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    // One D1 round trip after the session: the claim is read in the matcher's batch.
    const found = await matcherFor(c.env.DB, c.env).findForClaim(id, {
      limit: q.limit,
      publishedOnly: q.published === '1' || q.published === 'true',
    });
    if (!found) throw problem(404, 'Claim not found', { code: 'not_found' });
    return c.json({ claim: found.claim, matches: found.matches }, 200);
  },
);
