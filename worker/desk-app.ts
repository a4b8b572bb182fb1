/**
 * The editors' desk (/desk), built the first time a request under /desk reaches this isolate
 * (worker/app.tsx imports this module dynamically, so a Worker serving public pages and embeds
 * never builds the desk's routers and forms). Nothing else may import it statically;
 * `npm run startup` checks. The desk router itself (headers, session, CSRF) is routes/desk/index.ts.
 */
import { Hono } from 'hono';
import type { AppEnv } from './env';
import { notFound, onError, wantsProblemJson } from './app-errors';
import { deskMessage, deskUi } from './http/desk-context';
import { accessSso } from './middleware/access-sso';
import { outboxFlush } from './middleware/outbox-flush';
import { fromRoot } from './middleware/sub-app';
import { desk } from './routes/desk/index';

export const deskApp = new Hono<AppEnv>();

// The root app's variables in, this app's back out (requestId; session, changedClaims).
deskApp.use('*', fromRoot());
// E-mail written by a desk write goes on the job queue after the answer (worker/notify/).
deskApp.use('/desk/*', outboxFlush());
deskApp.use('/desk/*', accessSso());
deskApp.route('/desk', desk);

// The desk's own page, in the editor's language (the desk router's middleware has run).
deskApp.notFound((c) =>
  wantsProblemJson(c) ? notFound(c) : deskMessage(c, 404, deskUi(c).t('notFound')),
);
deskApp.onError(onError);
