/**
 * The editors' desk (/desk): server-rendered HTML. Every page gets the strict header policy
 * (CSP with a per-request script nonce, no framing, no caching); every POST passes hono's
 * csrf() Origin check here and the per-session token check in requireDesk().
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { NONCE } from 'hono/secure-headers';
import type { AppEnv } from '../../env';
import { sessionLoader } from '../../middleware/auth';
import { securityHeaders } from '../../middleware/security-headers';
import { FRAME_SCRIPT_HASH } from '../../embeds/frame-script';
import { deskAccount, deskReset } from './account';
import { deskAdmin } from './admin';
import { deskArticles } from './articles';
import { deskMailPref, deskOutbox } from './outbox';
import { deskClaims } from './claims';
import { deskCollab } from './collab';
import { deskRemoval } from './removal';
import { deskInbox } from './inbox';
import { deskAdminChecklist } from './admin-checklist';
import { deskQueue } from './queue';
import { deskSession } from './session';
import { deskTwoFactor, deskTwoFactorAdmin, deskTwoFactorSignIn } from './two-factor';
import { deskTokens } from './tokens';
import { deskWebhooks } from './webhooks';
import { deskFeeds } from './feeds';
import { deskImports } from './imports';
import { deskMessage, deskUi } from '../../http/desk-context';

/** Largest desk form (an article pasted as text). */
const DESK_BODY_LIMIT = 512 * 1024;

export const desk = new Hono<AppEnv>();

const DESK_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: [NONCE],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};
const deskHeaders = securityHeaders({ cacheControl: 'no-store', csp: DESK_CSP });
// The preview frames the partner card (its own document, from the desk itself).
const previewHeaders = securityHeaders({
  cacheControl: 'no-store',
  csp: { ...DESK_CSP, frameSrc: ["'self'"] },
});
// The previewed card: the embed's own policy (inline style, its frame script), framed by the desk only.
const previewCardHeaders = securityHeaders({
  cacheControl: 'no-store',
  csp: {
    defaultSrc: ["'none'"],
    styleSrc: ["'unsafe-inline'"],
    scriptSrc: [FRAME_SCRIPT_HASH],
    imgSrc: ['data:'],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'self'"],
  },
  frameable: true,
});
const PREVIEW = /^\/desk\/claims\/[^/]+\/preview(\/card)?$/;

desk.use('*', function deskSecurityHeaders(c, next) {
  const preview = PREVIEW.exec(c.req.path);
  if (!preview || c.req.method !== 'GET') return deskHeaders(c, next);
  return (preview[1] ? previewCardHeaders : previewHeaders)(c, next);
});

desk.use('*', sessionLoader());
desk.use(
  '*',
  bodyLimit({
    maxSize: DESK_BODY_LIMIT,
    onError: (c) => deskMessage(c, 422, deskUi(c).t('invalidForm')),
  }),
);

const originCheck = csrf();
desk.use('*', async function deskOriginCheck(c, next) {
  try {
    await originCheck(c, next);
  } catch (err) {
    if (err instanceof HTTPException && err.status === 403)
      return deskMessage(c, 403, deskUi(c).t('forbidden'));
    throw err;
  }
});

desk.route('/', deskSession);
desk.route('/', deskTwoFactorSignIn);
desk.route('/', deskQueue);
desk.route('/articles', deskArticles);
desk.route('/claims', deskClaims);
desk.route('/admin/users', deskTwoFactorAdmin);
desk.route('/claims', deskCollab);
desk.route('/claims', deskRemoval);
desk.route('/inbox', deskInbox);
desk.route('/admin/settings', deskAdminChecklist);
desk.route('/admin', deskAdmin);
desk.route('/account/two-factor', deskTwoFactor);
desk.route('/admin', deskWebhooks);
desk.route('/admin', deskFeeds);
desk.route('/import', deskImports);
desk.route('/account', deskAccount);
desk.route('/account', deskTokens);
desk.route('/reset', deskReset);
desk.route('/outbox', deskOutbox);
desk.route('/account', deskMailPref);
