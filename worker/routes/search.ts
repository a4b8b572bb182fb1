import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { searchClaims } from '../../d1/search';
import type { AppEnv } from '../env';
import { validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { ClaimSchema, jsonResponse, LanguageTag, problems } from '../schemas';
import { STATUSES } from '../lib/status';

/** Full-text search over claims (editors): /api/v1/search?q=. */
const searchBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
searchBase.use('*', requireUser());

/** `<bm25 rank>~<seq>` of the last hit of a page. */
const SEARCH_CURSOR = /^(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)~(\d{1,15})$/;

const SearchQuery = z.object({
  q: z.string().trim().min(1, 'Type something to search for').max(200),
  status: z.enum(STATUSES).optional(),
  language: LanguageTag.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(SEARCH_CURSOR, 'Not a cursor from this API')
    .optional()
    .openapi({ description: 'nextCursor of the previous page' }),
  /** Gone: deep OFFSETs re-ranked and skipped every earlier hit. Refused so no client loops on page 1. */
  offset: z
    .string()
    .refine(
      (v) => v === '0',
      'offset paging was replaced: pass cursor=<nextCursor of the previous page>',
    )
    .optional(),
});

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const search = searchBase.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['search'],
    summary: 'Search claims (Arabic-aware normalization, bm25 ranking)',
    request: { query: SearchQuery },
    responses: {
      200: jsonResponse(
        z.object({
          items: z.array(ClaimSchema.extend({ rank: z.number() })),
          nextCursor: z.string().nullable(),
        }),
        'Best matches first',
      ),
      ...problems(400, 401),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const at = q.cursor ? SEARCH_CURSOR.exec(q.cursor) : null;
    const hits = await searchClaims(c.env.DB, q.q, {
      limit: q.limit + 1,
      cursor: at ? { rank: Number(at[1]), seq: Number(at[2]) } : undefined,
      status: q.status,
      language: q.language,
    });
    const page = hits.slice(0, q.limit);
    const last = page.at(-1);
    const nextCursor = hits.length > q.limit && last ? `${last.rank}~${last.seq}` : null;
    return c.json({ items: page.map((h) => ({ ...h.claim, rank: h.rank })), nextCursor }, 200);
  },
);
