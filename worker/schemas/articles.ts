/** zod schemas of the article and match API (request bodies and OpenAPI responses). */
import { z } from '@hono/zod-openapi';
import { ID_PATTERN } from '../lib/ids';
import { HttpUrl, IsoDate, LanguageTag, text } from './fields';
import { ArticleSchema, ClaimSchema, MatchSchema } from './responses';

export const ArticleIdParam = z.object({
  id: z
    .string()
    .regex(ID_PATTERN, 'Not an article id')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'k3m9x2p7q4r8t1v5' }),
});

/** Shortest pasted article text (characters) worth extracting from. */
export const ARTICLE_TEXT_MIN = 20;

export const NewArticleBody = z
  .strictObject({
    text: text()
      .trim()
      .min(ARTICLE_TEXT_MIN, `At least ${ARTICLE_TEXT_MIN} characters`)
      .max(100_000, 'At most 100000 characters')
      .optional(),
    url: HttpUrl.optional(),
    title: text().trim().min(1).max(500).optional(),
    language: LanguageTag.optional(),
    publisher: text().trim().min(1).max(200).optional(),
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

const CandidateSchema = z
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

export const ArticleResult = z.object({
  article: ArticleSchema,
  candidates: z.array(CandidateSchema),
});
export const ArticleWithClaims = z.object({ article: ArticleSchema, claims: z.array(ClaimSchema) });
