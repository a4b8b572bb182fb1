import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getArticleWithClaims, listArticles } from '../../d1/articles';
import type { Claim } from '../../d1/claims';
import type { ClaimMatch } from '../../d1/matches';
import type { AppEnv } from '../env';
import { IngestError } from '../ingest/errors';
import { byScore, ingestArticle } from '../ingest/ingest-article';
import { actorOf } from '../http/actor';
import { problem, validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import {
  ArticleIdParam,
  ArticleResult,
  ArticleSummarySchema,
  ArticleWithClaims,
  jsonBody,
  jsonResponse,
  LanguageTag,
  NewArticleBody,
  problems,
} from '../schemas';

const articlesBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
articlesBase.use('*', requireUser('editor', 'admin'));

type CandidateOut = z.infer<typeof ArticleResult>['candidates'][number];

function toCandidate(claim: Claim, matches?: ClaimMatch[]): CandidateOut {
  return {
    id: claim.id,
    text: claim.text,
    score: claim.score ?? 0,
    type: claim.claimType ?? 'other',
    speaker: claim.speaker,
    start: claim.start ?? 0,
    end: claim.end ?? 0,
    why: claim.why,
    ...(matches ? { matches } : {}),
  };
}

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const articles = articlesBase
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['articles'],
      summary: 'Ingest an article (pasted text or a URL) and extract its candidate claims',
      request: { body: jsonBody(NewArticleBody) },
      responses: {
        200: jsonResponse(ArticleResult, 'The same body was ingested before: the stored article'),
        201: jsonResponse(ArticleResult, 'Created'),
        ...problems(401, 403, 413, 415, 422, 502),
      },
    }),
    async (c) => {
      const { published_at, ...input } = c.req.valid('json');
      let outcome;
      try {
        outcome = await ingestArticle(
          c.env,
          c.req.url,
          { ...input, publishedAt: published_at },
          actorOf(c),
        );
      } catch (err) {
        if (!(err instanceof IngestError)) throw err;
        throw problem(
          err.status,
          err.status === 422 ? 'Article URL refused' : 'Article could not be fetched',
          {
            detail: err.message,
            code: err.code,
            ...(err.status === 422
              ? { errors: [{ field: 'json.url', message: err.message }] }
              : {}),
          },
        );
      }
      const { created, article, claims, matches } = outcome;
      const candidates = claims.map((cl) => toCandidate(cl, matches.get(cl.id)));
      if (!created) return c.json({ article, candidates }, 200);
      c.header('Location', `/api/v1/articles/${article.id}`);
      return c.json({ article, candidates }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['articles'],
      summary: 'List ingested articles, newest first, with cursor paging',
      request: {
        query: z.object({
          language: LanguageTag.optional(),
          cursor: z
            .string()
            .regex(/^\d{1,15}$/, 'Not a cursor from this API')
            .optional(),
          limit: z.coerce.number().int().min(1).max(100).default(25),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(ArticleSummarySchema), nextCursor: z.string().nullable() }),
          'A page of articles',
        ),
        ...problems(400, 401, 403),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listArticles(c.env.DB, {
        cursor: q.cursor ? Number(q.cursor) : undefined,
        limit: q.limit,
        language: q.language,
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
      tags: ['articles'],
      summary: 'An article and the claims extracted from it',
      request: { params: ArticleIdParam },
      responses: {
        200: jsonResponse(ArticleWithClaims, 'The article'),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const found = await getArticleWithClaims(c.env.DB, c.req.valid('param').id);
      if (!found) throw problem(404, 'Article not found', { code: 'not_found' });
      return c.json({ article: found.article, claims: byScore(found.claims) }, 200);
    },
  );
