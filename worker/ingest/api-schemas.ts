/** zod schemas of the article and match API (request bodies and OpenAPI responses). */
import { z } from '@hono/zod-openapi';
import { ClaimSchema, HttpUrl, IsoDate, LanguageTag } from '../schemas';

export const ArticleIdParam = z.object({
  id: z.string().regex(/^[0-9a-hjkmnp-tv-z]{8,32}$/, 'Not an article id').openapi({ param: { name: 'id', in: 'path' }, example: 'k3m9x2p7q4r8t1v5' }),
});

export const NewArticleBody = z
  .strictObject({
    text: z.string().trim().min(20, 'At least 20 characters').max(100_000, 'At most 100000 characters').optional(),
    url: HttpUrl.optional(),
    title: z.string().trim().min(1).max(500).optional(),
    language: LanguageTag.optional(),
    publisher: z.string().trim().min(1).max(200).optional(),
    published_at: IsoDate.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.text === undefined && b.url === undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'Send the article text or its url' });
    } else if (b.text !== undefined && b.url !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'Send either text or url, not both' });
    }
  })
  .openapi('NewArticle');

export const ArticleSchema = z
  .object({
    id: z.string(),
    url: z.string().nullable(),
    canonicalUrl: z.string().nullable(),
    title: z.string().nullable(),
    byline: z.string().nullable(),
    publisher: z.string().nullable(),
    language: z.string(),
    direction: z.enum(['ltr', 'rtl']),
    publishedAt: z.string().nullable(),
    body: z.string(),
    fetchedAt: z.string().nullable(),
    createdBy: z.number().nullable(),
    createdAt: z.string(),
  })
  .openapi('Article');

export const ArticleSummarySchema = ArticleSchema.omit({ body: true }).extend({ claimCount: z.number() }).openapi('ArticleSummary');

export const MatchSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    status: z.string(),
    language: z.string(),
    similarity: z.number(),
    published_rating: z.string().nullable().optional(),
  })
  .openapi('ClaimMatch');

export const CandidateSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    score: z.number(),
    type: z.string(),
    speaker: z.string().nullable(),
    start: z.number(),
    end: z.number(),
    why: z.array(z.string()),
    matches: z.array(MatchSchema).optional(),
  })
  .openapi('Candidate');

export const ArticleResult = z.object({ article: ArticleSchema, candidates: z.array(CandidateSchema) });
export const ArticleWithClaims = z.object({ article: ArticleSchema, claims: z.array(ClaimSchema) });
