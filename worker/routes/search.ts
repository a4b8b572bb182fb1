import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { searchClaims } from '../../d1/search';
import type { AppEnv } from '../env';
import { validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { ClaimSchema, jsonResponse, LanguageTag, problems } from '../schemas';
import { STATUSES } from '../lib/status';

/** Full-text search over claims (editors): /api/v1/search?q=. */
export const search = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
search.use('*', requireUser());

const SearchQuery = z.object({
  q: z.string().trim().min(1, 'Type something to search for').max(200),
  status: z.enum(STATUSES).optional(),
  language: LanguageTag.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

search.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['search'],
    summary: 'Search claims (Arabic-aware normalization, bm25 ranking)',
    request: { query: SearchQuery },
    responses: {
      200: jsonResponse(
        z.object({ items: z.array(ClaimSchema.extend({ rank: z.number() })) }),
        'Best matches first',
      ),
      ...problems(400, 401),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const hits = await searchClaims(c.env.DB, q.q, {
      limit: q.limit,
      offset: q.offset,
      status: q.status,
      language: q.language,
    });
    return c.json({ items: hits.map((h) => ({ ...h.claim, rank: h.rank })) }, 200);
  },
);
