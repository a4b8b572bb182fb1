/**
 * `AppType`: the JSON API's route types for `hc<AppType>()` (hono/client). Only routers written
 * as one chain (`new OpenAPIHono().openapi(…).openapi(…)`) carry their routes in their type, so
 * only those are mounted here; chain a router and add its line to type it for clients. Imported
 * with `import type` only: nothing of this file reaches the Worker bundle.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env';
import { exporter } from './routes/export';
import { ratings } from './routes/ratings';

function _typedApi(app: OpenAPIHono<AppEnv>) {
  return app.route('/api/v1/ratings', ratings).route('/api/v1/export', exporter);
}

/** The typed part of the app: `hc<AppType>('https://claims.example.org')`. */
export type AppType = ReturnType<typeof _typedApi>;
