import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { exportPage, type ExportFilters } from '../../d1/export';
import type { PublicItem } from '../../d1/public';
import type { Rating } from '../../d1/ratings';
import type { AppEnv } from '../env';
import { claimReviewInput } from '../http/claim-review-input';
import { originOf } from '../http/public-context';
import { CSV_BOM, csvRow } from '../lib/csv';
import { ratingLabel } from '../lib/ratings';
import { problem, validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { problems } from '../schemas';
import { claimReview } from '../seo/claim-review';

/** Rows read per D1 round trip while the stream walks the published claims. */
const CHUNK = 200;
const Day = z.string().regex(/^\d{4}-\d\d-\d\d$/, 'A date: YYYY-MM-DD');

const ExportQuery = z
  .object({
    format: z.enum(['claimreview', 'csv', 'json']).default('json'),
    status: z.enum(['published', 'retracted']).default('published'),
    from: Day.optional().openapi({ description: 'First day of publication (inclusive)' }),
    to: Day.optional().openapi({ description: 'Last day of publication (inclusive)' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'Before from' });

const CSV_HEADER = [
  'id',
  'url',
  'claim',
  'claimant',
  'claim_date',
  'rating_key',
  'rating_label',
  'headline',
  'first_published',
  'last_modified',
  'language',
];

type Encode = (item: PublicItem, ratings: Rating[], first: boolean) => string;

/** A stream that reads one keyset page per pull and writes `head`, each item, then `tail`. */
function walk(db: D1Database, f: ExportFilters, head: string, tail: string, encode: Encode) {
  const text = new TextEncoder();
  let after: number | null = 0;
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(text.encode(head));
    },
    async pull(controller) {
      if (after === null) {
        controller.enqueue(text.encode(tail));
        controller.close();
        return;
      }
      const page = await exportPage(db, f, after, CHUNK);
      const out = page.items.map((item) => {
        const s = encode(item, page.ratings, first);
        first = false;
        return s;
      });
      if (out.length) controller.enqueue(text.encode(out.join('')));
      after = page.next;
    },
  });
}

/** GET /api/v1/export: every published fact-check, streamed (editors and admins). */
export const exporter = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['integrations'],
    middleware: [requireUser()] as const,
    summary:
      'Export fact-checks: a ClaimReview DataFeed (items identical to the pages’ JSON-LD), CSV or JSON; streamed',
    request: { query: ExportQuery },
    responses: {
      200: {
        description: 'The export, streamed in claim order',
        content: {
          'application/ld+json': { schema: z.object({}).passthrough() },
          'text/csv': { schema: z.string() },
          'application/json': { schema: z.object({ items: z.array(z.object({})) }) },
        },
      },
      ...problems(400, 401, 422),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    if (q.format === 'claimreview' && q.status !== 'published')
      throw problem(422, 'Invalid request', {
        code: 'validation_failed',
        errors: [{ field: 'query.status', message: 'Retracted claims carry no ClaimReview' }],
      });
    const filters: ExportFilters = { status: q.status, from: q.from, to: q.to };
    const ctx = { origin: originOf(c), org: c.env.ORG_NAME };
    const stamp = new Date().toISOString().slice(0, 10);
    let body: ReadableStream<Uint8Array>;
    if (q.format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
      c.header('Content-Disposition', `attachment; filename="claimdesk-${stamp}.csv"`);
      body = walk(c.env.DB, filters, CSV_BOM + csvRow(CSV_HEADER), '', (i, ratings) => {
        const r = ratings.find((x) => x.key === i.verdict.ratingKey);
        return csvRow([
          i.id,
          `${ctx.origin}/claims/${i.id}`,
          i.text,
          i.claimant,
          i.claimDate,
          i.verdict.ratingKey,
          r ? ratingLabel(r, i.verdict.language) : i.verdict.ratingKey,
          i.verdict.headline,
          i.verdict.firstPublishedAt,
          i.lastModified,
          i.verdict.language,
        ]);
      });
    } else if (q.format === 'claimreview') {
      c.header('Content-Type', 'application/ld+json; charset=utf-8');
      const head = `{"@context":"https://schema.org","@type":"DataFeed","name":${JSON.stringify(`${ctx.org} ClaimReview`)},"url":${JSON.stringify(`${ctx.origin}/feeds/claimreview.json`)},"dateCreated":"${new Date().toISOString()}","dataFeedElement":[`;
      body = walk(c.env.DB, filters, head, ']}', (i, ratings, first) => {
        const review = claimReview(claimReviewInput(i, ratings, ctx));
        return (first ? '' : ',') + JSON.stringify(review);
      });
    } else {
      c.header('Content-Type', 'application/json; charset=utf-8');
      body = walk(c.env.DB, filters, '{"items":[', ']}', (i, _ratings, first) => {
        const { seq: _seq, ...item } = i;
        return (
          (first ? '' : ',') + JSON.stringify({ ...item, url: `${ctx.origin}/claims/${i.id}` })
        );
      });
    }
    return c.body(body, 200);
  },
);
