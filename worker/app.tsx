import { Hono } from 'hono';
import type { AppEnv } from './env';
import { notFound, onError } from './app-errors';
import { d1Counter } from './middleware/d1-counter';
import { d1Session } from './middleware/d1-session';
import { productionConfig } from './middleware/production-config';
import { purgeChanged } from './middleware/purge-changed';
import { requestId } from './middleware/request-id';
import { baselineHeaders } from './middleware/security-headers';
import { lazyApp } from './middleware/sub-app';
import { embeds } from './embeds/routes';
import { claimPages } from './routes/public/claims';
import { howWeRate } from './routes/public/how-we-rate';
import { ogImage } from './routes/public/og-image';
import { feeds } from './routes/public/feeds';
import { homePage } from './routes/public/home';
import { site } from './routes/public/site';
import { submitPages } from './routes/public/submit';
import { trackPages } from './routes/public/track';

export const app = new Hono<AppEnv>();

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

app.get('/healthz', (c) => c.json({ ok: true }));
// Static Assets answer this before the Worker; the route keeps it served if a request reaches the
// Worker anyway (run_worker_first, a custom route): the one copy is public/.well-known/security.txt.
app.get('/.well-known/security.txt', (c) => c.env.ASSETS.fetch(c.req.raw));

// --- JSON API (/api) and editors' desk (/desk): built on their first request -------------
// Each is its own app in its own module (worker/api-app.ts, worker/desk-app.ts: their middlewares,
// routers, OpenAPI document), imported dynamically so that start-up evaluates only what public
// pages and embeds need. The middlewares above run around them as around any route.
const api = lazyApp(() => import('./api-app').then((m) => m.api));
app.all('/api/*', api);
const desk = lazyApp(() => import('./desk-app').then((m) => m.deskApp));
app.all('/desk/*', desk);

// --- Embeds for other sites (badges, cards, oEmbed): own header and cache policy ---------
app.route('/', embeds);

// --- Public pages (each router sets its own CSP and cache policy) ------------------------
app.route('/', homePage);
app.route('/', ogImage); // /claims/:id/og.png, before the claim pages' own middleware
app.route('/', howWeRate);
app.route('/claims', claimPages);
app.route('/submit', submitPages);
app.route('/track', trackPages);
app.route('/feeds', feeds);
app.route('/', site);

// --- Errors: one shape per surface (worker/app-errors.tsx, shared with the lazily built apps) --
app.notFound(notFound);
app.onError(onError);
