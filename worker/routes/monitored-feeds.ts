import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getFeed, listFeeds } from '../../d1/feeds';
import { pollFeedNow, registerFeed, removeFeed } from '../domain/integrations';
import type { Refusal } from '../domain/outcome';
import type { AppEnv } from '../env';
import { actorOf } from '../http/actor';
import { refusalProblem } from '../http/refusal-problem';
import { problem, validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { jsonBody, jsonResponse, problems } from '../schemas';
import { FeedSchema, IntegrationIdParam, NewFeedBody } from '../schemas/integrations';

/** /api/v1/monitored-feeds: RSS/Atom feeds polled for new articles (admins only). */
const monitoredFeedsBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
monitoredFeedsBase.use('*', requireUser('admin'));

const notFound = () => problem(404, 'Feed not found', { code: 'not_found' });
const refused = (r: Refusal) => (r.kind === 'not-found' ? notFound() : refusalProblem(r));

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const monitoredFeeds = monitoredFeedsBase
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['feeds'],
      summary: 'Monitor an RSS or Atom feed; its new items are ingested as articles',
      request: { body: jsonBody(NewFeedBody) },
      responses: { 201: jsonResponse(FeedSchema, 'The feed'), ...problems(400, 401, 403, 422) },
    }),
    async (c) => {
      const result = await registerFeed(c.env, c.req.valid('json'), actorOf(c));
      if (!result.ok) throw refused(result.refusal);
      return c.json(result.value, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['feeds'],
      summary: 'List monitored feeds with their status (last run, errors, next run)',
      responses: {
        200: jsonResponse(z.object({ items: z.array(FeedSchema) }), 'Feeds'),
        ...problems(401, 403),
      },
    }),
    async (c) => c.json({ items: await listFeeds(c.env.DB) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['feeds'],
      summary: 'One monitored feed',
      request: { params: IntegrationIdParam },
      responses: { 200: jsonResponse(FeedSchema, 'The feed'), ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const feed = await getFeed(c.env.DB, c.req.valid('param').id);
      if (!feed) throw notFound();
      return c.json(feed, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['feeds'],
      summary: 'Stop monitoring a feed (its articles stay)',
      request: { params: IntegrationIdParam },
      responses: { 204: { description: 'Deleted' }, ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const result = await removeFeed(c.env, c.req.valid('param').id, actorOf(c));
      if (!result.ok) throw refused(result.refusal);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/poll',
      tags: ['feeds'],
      summary: 'Poll a feed now',
      request: { params: IntegrationIdParam },
      responses: { 202: { description: 'Queued' }, ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const result = await pollFeedNow(c.env, c.req.valid('param').id);
      if (!result.ok) throw refused(result.refusal);
      return c.body(null, 202);
    },
  );
