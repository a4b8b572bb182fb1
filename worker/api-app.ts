/**
 * The JSON API (/api): its middlewares, its routers and the OpenAPI document, built the first time
 * a request under /api reaches this isolate (worker/app.tsx imports this module dynamically, so a
 * Worker serving public pages and embeds never constructs the API's zod schemas). Nothing else may
 * import it statically (it would be evaluated at start-up again); `npm run startup` checks.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import type { AppEnv } from './env';
import { notFound, onError } from './app-errors';
import { ProblemError, validationHook } from './lib/problem';
import { apiGuards } from './middleware/api-guards';
import { sessionLoader, tokenScopeGuard } from './middleware/auth';
import { idempotency } from './middleware/idempotency';
import { outboxFlush } from './middleware/outbox-flush';
import { securityHeaders } from './middleware/security-headers';
import { fromRoot } from './middleware/sub-app';
import { wellFormedBody } from './middleware/well-formed-body';
import { apiDocs } from './routes/api-docs';
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

/** Largest JSON body the API accepts (article texts are the big ones). */
const API_BODY_LIMIT = 1024 * 1024;

export const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

// The root app's variables in, this app's back out (requestId; session, changedClaims).
api.use('*', fromRoot());
// E-mail written by an API write goes on the job queue after the answer (worker/notify/).
api.use('/api/*', outboxFlush());
// /api/docs sets its own, relaxed policy (routes/api-docs.tsx): the reference page's scripts.
api.use('/api/*', except('/api/docs', securityHeaders({ cacheControl: 'no-store' })));
api.use(
  '/api/*',
  bodyLimit({
    maxSize: API_BODY_LIMIT,
    onError: () => {
      throw new ProblemError(413, {
        title: 'Request body too large',
        detail: `At most ${API_BODY_LIMIT} bytes.`,
        code: 'body_too_large',
      });
    },
  }),
);
api.use('/api/*', wellFormedBody());
api.use('/api/*', sessionLoader());
api.use('/api/v1/*', apiGuards());
api.use('/api/v1/*', tokenScopeGuard());
api.use('/api/v1/*', idempotency());

// The same mounts as worker/api-type.ts (the typed client's AppType).
api.route('/api/v1/auth', auth);
api.route('/api/v1', users);
api.route('/api/v1/tokens', tokens);
api.route('/api/v1/claims', claims);
api.route('/api/v1/claims', transitions);
api.route('/api/v1/claims', sources);
api.route('/api/v1/claims', notes);
api.route('/api/v1/claims', verdicts);
api.route('/api/v1/claims', matches);
api.route('/api/v1/claims', corrections);
api.route('/api/v1/claims', removal);
api.route('/api/v1/settings', settings);
api.route('/api/v1/articles', articles);
api.route('/api/v1/ratings', ratings);
api.route('/api/v1/search', search);
api.route('/api/v1/submissions', submissions);
api.route('/api/v1/webhooks', webhooks);
api.route('/api/v1/monitored-feeds', monitoredFeeds);
api.route('/api/v1/export', exporter);
api.route('/api/v1/imports', imports);
api.route('/api', apiDocs(api));

api.notFound(notFound);
api.onError(onError);
