import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env';
import { problemResponse, ProblemError, validationHook, type ProblemInit } from './lib/problem';
import { accessSso } from './middleware/access-sso';
import { apiGuards } from './middleware/api-guards';
import { sessionLoader, tokenScopeGuard } from './middleware/auth';
import { d1Counter } from './middleware/d1-counter';
import { d1Session } from './middleware/d1-session';
import { idempotency } from './middleware/idempotency';
import { outboxFlush } from './middleware/outbox-flush';
import { productionConfig } from './middleware/production-config';
import { purgeChanged } from './middleware/purge-changed';
import { requestId } from './middleware/request-id';
import { baselineHeaders, securityHeaders } from './middleware/security-headers';
import { wellFormedBody } from './middleware/well-formed-body';
import { apiDocs } from './routes/api-docs';
import { articles } from './routes/articles';
import { auth } from './routes/auth';
import { claims } from './routes/claims';
import { desk } from './routes/desk/index';
import { embeds } from './embeds/routes';
import { exporter } from './routes/export';
import { imports } from './routes/imports';
import { matches } from './routes/matches';
import { ratings } from './routes/ratings';
import { search } from './routes/search';
import { corrections, settings } from './routes/corrections';
import { claimPages } from './routes/public/claims';
import { howWeRate } from './routes/public/how-we-rate';
import { ogImage } from './routes/public/og-image';
import { feeds } from './routes/public/feeds';
import { homePage } from './routes/public/home';
import { site } from './routes/public/site';
import { submitPages } from './routes/public/submit';
import { trackPages } from './routes/public/track';
import { submissions } from './routes/submissions';
import { sources } from './routes/sources';
import { notes } from './routes/notes';
import { transitions } from './routes/transitions';
import { tokens } from './routes/tokens';
import { webhooks } from './routes/webhooks';
import { monitoredFeeds } from './routes/monitored-feeds';
import { users } from './routes/users';
import { verdicts } from './routes/verdicts';
import { logUnexpected } from './http/log';
import { notFoundPage } from './http/public-context';
import { removal } from './routes/removal';
import { deskMessage, deskUi } from './http/desk-context';
import { ErrorPage } from './views/error-page';

/** Largest JSON body the API accepts (article texts are the big ones). */
const API_BODY_LIMIT = 1024 * 1024;

export const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

app.use('*', requestId());
// The floor under every answer (404s, /healthz, errors); route groups set their own policy on top.
app.use('*', baselineHeaders());
// Read replication: one D1 session per request (bookmark for editors, nearest replica for readers);
// before d1Counter() so the counter wraps the session-bound database.
app.use('*', d1Session());
app.use('*', d1Counter());
app.use('*', productionConfig());
// Writes (API and desk) record the claims they changed; this purges their embeds after a 2xx/3xx.
app.use('*', purgeChanged());
// E-mail written by a desk or API write goes on the job queue after the answer (worker/notify/).
app.use('/desk/*', outboxFlush());
app.use('/api/*', outboxFlush());

app.get('/healthz', (c) => c.json({ ok: true }));
// Static Assets answer this before the Worker; the route keeps it served if a request reaches the
// Worker anyway (run_worker_first, a custom route): the one copy is public/.well-known/security.txt.
app.get('/.well-known/security.txt', (c) => c.env.ASSETS.fetch(c.req.raw));

// --- JSON API: /api/v1 ---------------------------------------------------------------
// /api/docs sets its own, relaxed policy (routes/api-docs.tsx): the reference page's scripts.
app.use('/api/*', except('/api/docs', securityHeaders({ cacheControl: 'no-store' })));
app.use(
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
app.use('/api/*', wellFormedBody());
app.use('/api/*', sessionLoader());
app.use('/api/v1/*', apiGuards());
app.use('/api/v1/*', tokenScopeGuard());
app.use('/api/v1/*', idempotency());

app.route('/api/v1/auth', auth);
app.route('/api/v1', users);
app.route('/api/v1/tokens', tokens);
app.route('/api/v1/claims', claims);
app.route('/api/v1/claims', transitions);
app.route('/api/v1/claims', sources);
app.route('/api/v1/claims', notes);
app.route('/api/v1/claims', verdicts);
app.route('/api/v1/claims', matches);
app.route('/api/v1/claims', corrections);
app.route('/api/v1/claims', removal);
app.route('/api/v1/settings', settings);
app.route('/api/v1/articles', articles);
app.route('/api/v1/ratings', ratings);
app.route('/api/v1/search', search);
app.route('/api/v1/submissions', submissions);
app.route('/api/v1/webhooks', webhooks);
app.route('/api/v1/monitored-feeds', monitoredFeeds);
app.route('/api/v1/export', exporter);
app.route('/api/v1/imports', imports);
app.route('/api', apiDocs(app));

// --- Embeds for other sites (badges, cards, oEmbed): own header and cache policy ---------
app.route('/', embeds);

// --- Editors' desk (HTML, its own header policy and CSRF checks) ---------------------------
app.use('/desk/*', accessSso());
app.route('/desk', desk);

// --- Public pages (each router sets its own CSP and cache policy) ------------------------
app.route('/', homePage);
app.route('/', ogImage); // /claims/:id/og.png, before the claim pages' own middleware
app.route('/', howWeRate);
app.route('/claims', claimPages);
app.route('/submit', submitPages);
app.route('/track', trackPages);
app.route('/feeds', feeds);
app.route('/', site);

// --- Errors: one shape per surface -----------------------------------------------------
function wantsProblemJson(c: Context): boolean {
  return c.req.path.startsWith('/api/') || !(c.req.header('Accept') ?? '').includes('text/html');
}

app.notFound((c) => {
  if (wantsProblemJson(c))
    return problemResponse(404, {
      title: 'Not found',
      detail: `No route for ${c.req.method} ${c.req.path}`,
      code: 'not_found',
    });
  // The desk's own page, in the editor's language (the desk router's middleware has run).
  if (c.req.path === '/desk' || c.req.path.startsWith('/desk/'))
    return deskMessage(c, 404, deskUi(c).t('notFound'));
  // Public paths: the site's chrome, in the reader's language, with a way home and to search.
  return notFoundPage(c);
});

app.onError((err, c) => {
  let status = 500;
  let body: ProblemInit = {
    title: 'Internal server error',
    detail: `Request ${c.get('requestId')} failed; it has been logged.`,
  };
  if (err instanceof ProblemError) {
    status = err.status;
    body = err.problem;
  } else if (err instanceof HTTPException) {
    status = err.status;
    body = {
      title: err.status === 400 ? 'Bad request' : 'Request failed',
      detail: err.message,
      code: err.status === 400 ? 'bad_request' : undefined,
    };
  } else {
    logUnexpected(c, err);
  }
  const headers = new Headers({ 'X-Request-Id': c.get('requestId') ?? '' });
  const retryAfter = c.res.headers.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  if (wantsProblemJson(c)) return problemResponse(status, body, headers);
  return c.html(
    <ErrorPage
      status={status}
      title={body.title}
      detail={status < 500 ? body.detail : undefined}
    />,
    status as 500,
    Object.fromEntries(headers),
  );
});
