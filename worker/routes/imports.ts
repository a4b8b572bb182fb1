import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import { actorOf } from '../http/actor';
import { refusalProblem } from '../http/refusal-problem';
import {
  commitImport,
  previewImport,
  type ImportRefusal,
} from '../integrations/claimreview-import-flow';
import { problem, validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { claimsChanged } from '../middleware/purge-changed';
import { jsonBody, jsonResponse, problems } from '../schemas';
import { Id } from '../schemas/fields';
import {
  CommitImportBody,
  CommitResultSchema,
  ImportSchema,
  NewImportBody,
} from '../schemas/imports';

function refused(r: ImportRefusal) {
  if (r.kind === 'not-found') return problem(404, 'Import not found', { code: 'not_found' });
  if (r.kind === 'unreadable')
    return problem(r.status, 'The source cannot be imported', {
      code: r.code,
      detail: r.message,
      errors: [{ field: `json.${r.field}`, message: r.message }],
    });
  return refusalProblem(r);
}

/**
 * /api/v1/imports/claimreview: other publishers' ClaimReviews in two steps (admins only): a
 * preview (parsed, rating labels mapped by proposal, claims matched), then its commit.
 */
// Chained, so its route types reach the typed client (worker/api-type.ts).
export const imports = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'post',
      path: '/claimreview',
      tags: ['integrations'],
      middleware: [requireUser('admin')] as const,
      summary:
        'Preview a ClaimReview import from a page URL, a pasted JSON-LD document or a DataFeed',
      request: { body: jsonBody(NewImportBody) },
      responses: {
        201: jsonResponse(
          ImportSchema,
          'The preview: items, labels with proposed ratings, matches',
        ),
        ...problems(400, 401, 403, 413, 422, 502),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const document =
        body.document === undefined
          ? null
          : typeof body.document === 'string'
            ? body.document
            : JSON.stringify(body.document);
      const result = await previewImport(
        c.env,
        { url: body.url ?? null, document },
        actorOf(c),
        c.req.url,
      );
      if (!result.ok) throw refused(result.refusal);
      return c.json(result.value, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/claimreview/{id}/commit',
      tags: ['integrations'],
      middleware: [requireUser('admin')] as const,
      summary:
        'Commit a preview with the confirmed rating mapping (all or nothing; a review URL imported before is skipped)',
      request: { params: z.object({ id: Id }), body: jsonBody(CommitImportBody) },
      responses: {
        200: jsonResponse(CommitResultSchema, 'Committed'),
        ...problems(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await commitImport(
        c.env,
        c.req.valid('param').id,
        {
          mappings: new Map(body.mappings.map((m) => [m.label, m.rating])),
          claims: new Map(
            body.items
              .filter((i) => i.claimId !== undefined)
              .map((i) => [i.index, i.claimId ?? null]),
          ),
          skip: new Set(body.items.filter((i) => i.skip).map((i) => i.index)),
        },
        actorOf(c),
      );
      if (!result.ok) throw refused(result.refusal);
      claimsChanged(c, result.changed);
      return c.json(result.value, 200);
    },
  );
