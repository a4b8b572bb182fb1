/**
 * `AppType`: the JSON API's route types for `hc<AppType>()` (hono/client). Every /api/v1 router is
 * written as one chain (`const xBase = new OpenAPIHono(); xBase.use(…); export const x =
 * xBase.openapi(…).openapi(…)`), so its routes are in its type; they are mounted here as in
 * worker/api-app.ts (the API app built on its first request). A new router: chain it and add its line. Imported with `import type` only:
 * nothing of this file reaches the Worker bundle.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env';
import { articles } from './routes/articles';
import { auth } from './routes/auth';
import { claims } from './routes/claims';
import { corrections, settings } from './routes/corrections';
import { exporter } from './routes/export';
import { imports } from './routes/imports';
import { matches } from './routes/matches';
import { monitoredFeeds } from './routes/monitored-feeds';
import { notes } from './routes/notes';
import { ratings } from './routes/ratings';
import { removal } from './routes/removal';
import { search } from './routes/search';
import { sources } from './routes/sources';
import { submissions } from './routes/submissions';
import { tokens } from './routes/tokens';
import { transitions } from './routes/transitions';
import { users } from './routes/users';
import { verdicts } from './routes/verdicts';
import { webhooks } from './routes/webhooks';

function _typedApi(app: OpenAPIHono<AppEnv>) {
  return app
    .route('/api/v1/auth', auth)
    .route('/api/v1', users)
    .route('/api/v1/tokens', tokens)
    .route('/api/v1/claims', claims)
    .route('/api/v1/claims', transitions)
    .route('/api/v1/claims', sources)
    .route('/api/v1/claims', notes)
    .route('/api/v1/claims', verdicts)
    .route('/api/v1/claims', matches)
    .route('/api/v1/claims', corrections)
    .route('/api/v1/claims', removal)
    .route('/api/v1/settings', settings)
    .route('/api/v1/articles', articles)
    .route('/api/v1/ratings', ratings)
    .route('/api/v1/search', search)
    .route('/api/v1/submissions', submissions)
    .route('/api/v1/webhooks', webhooks)
    .route('/api/v1/monitored-feeds', monitoredFeeds)
    .route('/api/v1/export', exporter)
    .route('/api/v1/imports', imports);
}

/** The typed API: `hc<AppType>('https://claims.example.org')`. */
export type AppType = ReturnType<typeof _typedApi>;
