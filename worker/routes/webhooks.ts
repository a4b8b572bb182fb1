import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getEndpoint, listDeliveries, listEndpoints } from '../../d1/webhooks';
import {
  redeliver,
  registerWebhook,
  removeWebhook,
  rotateWebhookSecret,
} from '../domain/integrations';
import type { Refusal } from '../domain/outcome';
import type { AppEnv } from '../env';
import { actorOf } from '../http/actor';
import { refusalProblem } from '../http/refusal-problem';
import { problem, validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { shownOnce } from '../middleware/idempotency';
import { jsonBody, jsonResponse, problems } from '../schemas';
import {
  DeliveryParams,
  DeliverySchema,
  IntegrationIdParam,
  NewWebhookBody,
  RotateBody,
  WebhookSchema,
} from '../schemas/integrations';

/** /api/v1/webhooks: outgoing webhook endpoints and their delivery log (admins only). */
const webhooksBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
webhooksBase.use('*', requireUser('admin'));

const notFound = () => problem(404, 'Webhook not found', { code: 'not_found' });
const refused = (r: Refusal) => (r.kind === 'not-found' ? notFound() : refusalProblem(r));

const Created = WebhookSchema.extend({
  secret: z.string().nullable().openapi({
    description: 'The whsec_ signing secret, shown once. null on an idempotent replay.',
  }),
}).openapi('NewWebhookAnswer');

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const webhooks = webhooksBase
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['webhooks'],
      summary: 'Register an https endpoint for events; the signing secret is shown once',
      request: { body: jsonBody(NewWebhookBody) },
      responses: {
        201: jsonResponse(Created, 'The endpoint and its secret'),
        ...problems(400, 401, 403, 422),
      },
    }),
    async (c) => {
      const result = await registerWebhook(c.env, c.req.valid('json'), actorOf(c));
      if (!result.ok) throw refused(result.refusal);
      shownOnce(c, ['secret']);
      return c.json({ ...result.value.endpoint, secret: result.value.secret }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['webhooks'],
      summary: 'List webhook endpoints with delivery counts (never the secret)',
      responses: {
        200: jsonResponse(z.object({ items: z.array(WebhookSchema) }), 'Endpoints'),
        ...problems(401, 403),
      },
    }),
    async (c) => c.json({ items: await listEndpoints(c.env.DB) }, 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['webhooks'],
      summary: 'Delete an endpoint and its delivery log',
      request: { params: IntegrationIdParam },
      responses: { 204: { description: 'Deleted' }, ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const result = await removeWebhook(c.env, c.req.valid('param').id, actorOf(c));
      if (!result.ok) throw refused(result.refusal);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/deliveries',
      tags: ['webhooks'],
      summary:
        'The newest deliveries of an endpoint: status, attempts, last answer, error, duration',
      request: { params: IntegrationIdParam },
      responses: {
        200: jsonResponse(
          z.object({ endpoint: WebhookSchema, items: z.array(DeliverySchema) }),
          'Deliveries',
        ),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const endpoint = await getEndpoint(c.env.DB, id);
      if (!endpoint) throw notFound();
      return c.json({ endpoint, items: await listDeliveries(c.env.DB, id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/rotate',
      tags: ['webhooks'],
      summary:
        'Rotate the signing secret; the old one keeps signing (a second signature) for overlapHours',
      request: { params: IntegrationIdParam, body: jsonBody(RotateBody) },
      responses: {
        200: jsonResponse(
          z.object({ secret: z.string().nullable(), previousExpiresAt: z.string() }),
          'The new secret, shown once',
        ),
        ...problems(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { overlapHours } = c.req.valid('json');
      const result = await rotateWebhookSecret(
        c.env,
        c.req.valid('param').id,
        overlapHours,
        actorOf(c),
      );
      if (!result.ok) throw refused(result.refusal);
      shownOnce(c, ['secret']);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/deliveries/{deliveryId}/redeliver',
      tags: ['webhooks'],
      summary: 'Send a delivery again (same webhook-id)',
      request: { params: DeliveryParams },
      responses: { 202: { description: 'Queued' }, ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id, deliveryId } = c.req.valid('param');
      const result = await redeliver(c.env, id, deliveryId, actorOf(c));
      if (!result.ok) throw refused(result.refusal);
      return c.body(null, 202);
    },
  );
