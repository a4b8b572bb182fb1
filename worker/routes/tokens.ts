import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { MINT_LIMIT, mintToken, revokeToken, visibleTokens } from '../domain/tokens';
import type { AppEnv } from '../env';
import { actorOf } from '../http/actor';
import { problem, validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { shownOnce } from '../middleware/idempotency';
import { jsonBody, jsonResponse, NewTokenBody, problems, TokenSchema } from '../schemas';

/** /api/v1/tokens: API tokens (scoped, expiring, revocable; rules in worker/domain/tokens.ts). */
const tokensBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
tokensBase.use('*', requireUser());

const Minted = TokenSchema.extend({
  token: z.string().nullable().openapi({
    description:
      'The secret, shown once (only its hash is stored). null on an idempotent replay, which also says secretReplayed: false.',
  }),
  secretReplayed: z.literal(false).optional().openapi({
    description:
      'Present (false) only on an Idempotency-Key replay: the secret is not shown again.',
  }),
}).openapi('NewApiToken');

const ListQuery = z.object({
  before: z.coerce.number().int().positive().optional().openapi({
    description: 'Id where the previous page ended (its nextBefore).',
  }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const TokenIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const tokens = tokensBase
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['tokens'],
      summary:
        'Create an API token for yourself (from a sign-in session; admin scope for admins only); the secret is shown once',
      request: { body: jsonBody(NewTokenBody) },
      responses: {
        201: jsonResponse(Minted, 'The token and its secret'),
        ...problems(401, 403, 422, 429),
      },
    }),
    async (c) => {
      const result = await mintToken(c.env.DB, c.get('session')!, c.req.valid('json'), actorOf(c));
      if (!result.ok && result.refusal.kind === 'session-required')
        throw problem(403, 'Sign in to create an API token', {
          detail: 'API tokens cannot create other tokens; use a sign-in session.',
          code: 'session_required',
        });
      if (!result.ok && result.refusal.kind === 'rate-limited') {
        c.header('Retry-After', String(result.refusal.retryAfter));
        throw problem(429, 'Too many tokens created', {
          detail: `An account may create ${MINT_LIMIT} tokens per hour. Try again in ${result.refusal.retryAfter} seconds.`,
          code: 'rate_limited',
        });
      }
      if (!result.ok)
        throw problem(403, 'Only admins may create admin tokens', {
          code: 'insufficient_scope',
          errors: [{ field: 'json.scope', message: 'Must be read or write' }],
        });
      shownOnce(c, ['token']);
      return c.json({ ...result.value.token, token: result.value.secret }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['tokens'],
      summary: 'List API tokens, newest first: your own (admins: everyone’s); never the secret',
      request: { query: ListQuery },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(TokenSchema), nextBefore: z.number().nullable() }),
          'A page of tokens',
        ),
        ...problems(400, 401),
      },
    }),
    async (c) => {
      const { before, limit } = c.req.valid('query');
      const items = await visibleTokens(c.env.DB, c.get('session')!, { before, limit });
      return c.json(
        { items, nextBefore: items.length === limit ? (items.at(-1)?.id ?? null) : null },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['tokens'],
      summary: 'Revoke an API token (your own; admins: any); it stops working at once',
      request: { params: TokenIdParam },
      responses: {
        204: { description: 'Revoked (or already revoked)' },
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const result = await revokeToken(
        c.env.DB,
        c.get('session')!,
        c.req.valid('param').id,
        actorOf(c),
      );
      if (!result.ok && result.refusal.kind === 'read-only')
        throw problem(403, 'Forbidden', { code: 'insufficient_scope' });
      if (!result.ok) throw problem(404, 'Token not found', { code: 'not_found' });
      return c.body(null, 204);
    },
  );
