import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { activeRatings } from '../../d1/ratings';
import type { AppEnv } from '../env';
import { validationHook } from '../lib/problem';
import { jsonResponse, RatingSchema } from '../schemas';

/** The rating scale (public reference data). */
// Chained, so its route types reach the typed client (worker/api-type.ts).
export const ratings = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['ratings'],
    summary: 'The active rating scale with labels per locale',
    responses: {
      200: jsonResponse(z.object({ items: z.array(RatingSchema) }), 'Ratings in display order'),
    },
  }),
  async (c) => {
    c.header('Cache-Control', 'public, max-age=60');
    return c.json({ items: await activeRatings(c.env.DB) }, 200);
  },
);
