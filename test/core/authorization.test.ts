/**
 * Authorization as a table: every API route × every kind of caller → the expected answer class.
 *
 * The routes come from the OpenAPI document (/api/openapi.json) and from the app's own route list
 * (for the few API routes outside it): a route with no row here fails the coverage test, so a new
 * route cannot ship without someone deciding who may call it. A row for a route that no longer
 * exists fails too. The desk gets its own table: anonymous callers and API tokens are sent to
 * sign-in, editors get 403 on /desk/admin/*.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createFeed } from '../../d1/feeds';
import { createEndpoint } from '../../d1/webhooks';
import { api } from '../../worker/api-app';
import { deskApp } from '../../worker/desk-app';
import { DUMMY_TOKEN } from '../../worker/turnstile';
import {
  apiClaim,
  apiDraftedClaim,
  apiPublishedClaim,
  apiReviewedClaim,
  call,
  callJson,
  makeToken,
  makeUser,
  TEST_PASSWORD,
  unique,
} from '../helpers';
import { desk, signIn, type DeskAgent } from '../desk/desk-helpers';

const PRINCIPALS = [
  'anonymous',
  'read token',
  'editor',
  'admin',
  'revoked token',
  'expired token',
] as const;
type Principal = (typeof PRINCIPALS)[number];
type Expected = '2xx' | 401 | 403;

/** A caller: its bearer secret (none for anonymous) and its user, if any. */
interface Caller {
  token?: string;
  userId: number | null;
}

/**
 * A fresh caller per request (sign-out and revocation rows change the caller's state):
 * - read token: an *admin's* token with the read scope (the scope caps the role);
 * - editor / admin: a sign-in session;
 * - revoked / expired: an admin's token with the admin scope, revoked / past its expiry.
 */
async function callerFor(p: Principal): Promise<Caller> {
  if (p === 'anonymous') return { userId: null };
  if (p === 'editor' || p === 'admin') {
    const u = await makeUser(p);
    return { token: u.token, userId: u.id };
  }
  const owner = await makeUser('admin');
  const scope = p === 'read token' ? 'read' : 'admin';
  const t = await makeToken(owner.id, scope, {
    revoked: p === 'revoked token',
    expired: p === 'expired token',
  });
  return { token: t.token, userId: owner.id };
}

interface Req {
  path: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Row {
  expect: Record<Principal, Expected>;
  /** The request for this caller: valid enough that an allowed caller gets a 2xx. */
  request: (caller: Caller) => Promise<Req> | Req;
}

const all = (e: Expected): Record<Principal, Expected> =>
  Object.fromEntries(PRINCIPALS.map((p) => [p, e])) as Record<Principal, Expected>;

/** Anyone; a bad token is no token. */
const PUBLIC_READ = all('2xx');
/** Anyone may write, but a read token writes nothing. */
const PUBLIC_WRITE = { ...all('2xx'), 'read token': 403 } as const;
/** Any live credential. */
const SIGNED_IN_READ = { ...all(401), 'read token': '2xx', editor: '2xx', admin: '2xx' } as const;
/** Any live credential that may write. */
const SIGNED_IN_WRITE = { ...SIGNED_IN_READ, 'read token': 403 } as const;
/** Admins only (an admin's read token acts as an editor: 403). */
const ADMIN_ONLY = { ...all(401), 'read token': 403, editor: 403, admin: '2xx' } as const;

// Shared, read-only fixtures (made once by an admin).
let shared: Promise<{ adminToken: string; claimId: string; articleId: string }> | undefined;
function fixtures() {
  shared ??= (async () => {
    const admin = await makeUser('admin');
    const claim = await apiClaim(admin.token);
    const article = await callJson('/api/v1/articles', {
      token: admin.token,
      body: {
        text: `${unique('Fixture ')}. The ministry said exports rose 12% in 2025, a record.`,
      },
    });
    if (article.res.status !== 201) throw new Error(`article: ${article.res.status}`);
    return { adminToken: admin.token, claimId: claim.id, articleId: article.body.article.id };
  })();
  return shared;
}

async function freshClaim() {
  return apiClaim((await fixtures()).adminToken);
}

async function freshSource() {
  const claim = await freshClaim();
  const { body } = await callJson(`/api/v1/claims/${claim.id}/sources`, {
    token: (await fixtures()).adminToken,
    body: { url: `https://stats.example/${unique('s')}`, stance: 'refutes' },
  });
  return { claimId: claim.id, sourceId: body.source.id as number };
}

/** An in-review claim whose publication the fixtures' admin asked another editor to approve. */
async function requestedClaim() {
  const token = (await fixtures()).adminToken;
  const claim = await apiReviewedClaim(token);
  const { res } = await callJson(`/api/v1/claims/${claim.id}/publish-request`, { token, body: {} });
  if (res.status !== 201) throw new Error(`publish request failed: ${res.status}`);
  return claim;
}

let removedOnce: ReturnType<typeof retractedClaim> | undefined;

/** A published claim retracted by the fixtures' admin (ready to be removed from the site). */
async function retractedClaim(removed = false) {
  const token = (await fixtures()).adminToken;
  const claim = await apiPublishedClaim(token);
  const r = await callJson(`/api/v1/claims/${claim.id}/retract`, {
    token,
    body: { note: 'The source was fabricated.' },
    headers: { 'If-Match': `"v${claim.version}"` },
  });
  if (r.res.status !== 200) throw new Error(`retract failed: ${r.res.status}`);
  let version = r.body.claim.version as number;
  if (removed) {
    const g = await callJson(`/api/v1/claims/${claim.id}/removal`, {
      token,
      body: { reason: 'Taken down after the retraction.' },
      headers: { 'If-Match': `"v${version}"` },
    });
    if (g.res.status !== 200) throw new Error(`removal failed: ${g.res.status}`);
    version = g.body.claim.version as number;
  }
  return { id: claim.id, version };
}

const sourceBody = () => ({ url: `https://stats.example/${unique('s')}`, stance: 'context' });

/** Every API route: `METHOD /path` as the OpenAPI document writes it. */

/** A webhook endpoint / a monitored feed for the by-id rows (written straight to D1). */
async function anEndpoint(): Promise<string> {
  const e = await createEndpoint(
    env.DB,
    {
      url: 'https://hooks.example.com/hooks/authz',
      description: null,
      events: ['claim.published'],
      secretEnc: 'w1.x.y',
    },
    { userId: null, requestId: 'authz' },
  );
  return e.id;
}
async function aFeed(): Promise<string> {
  const f = await createFeed(
    env.DB,
    { url: `https://news.example.com/feeds/${unique('authz')}`, title: null, intervalMinutes: 30 },
    { userId: null, requestId: 'authz' },
  );
  return f!.id;
}

const API: Record<string, Row> = {
  'POST /api/v1/auth/login': {
    expect: PUBLIC_WRITE,
    request: async () => {
      const u = await makeUser();
      return {
        path: '/api/v1/auth/login',
        body: { email: u.email, password: TEST_PASSWORD },
        headers: { 'CF-Connecting-IP': unique('ip') },
      };
    },
  },
  'POST /api/v1/auth/logout': {
    // A read token may sign out: that revokes it.
    expect: SIGNED_IN_READ,
    request: () => ({ path: '/api/v1/auth/logout', method: 'POST' }),
  },
  'GET /api/v1/auth/me': { expect: SIGNED_IN_READ, request: () => ({ path: '/api/v1/auth/me' }) },
  'POST /api/v1/auth/password': {
    // Every caller made here has TEST_PASSWORD (token callers: their owner's).
    expect: SIGNED_IN_WRITE,
    request: () => ({
      path: '/api/v1/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: `${unique('a long new passphrase ')}` },
      headers: { 'CF-Connecting-IP': unique('ip') },
    }),
  },
  'POST /api/v1/users': {
    expect: ADMIN_ONLY,
    request: () => ({
      path: '/api/v1/users',
      body: {
        email: `${unique('new')}@newsroom.example`,
        name: 'New Editor',
        role: 'editor',
        password: 'a-long-enough-password',
      },
    }),
  },
  'GET /api/v1/users': { expect: ADMIN_ONLY, request: () => ({ path: '/api/v1/users' }) },
  'PATCH /api/v1/users/{id}': {
    expect: ADMIN_ONLY,
    request: async () => {
      const target = await makeUser();
      return { path: `/api/v1/users/${target.id}`, method: 'PATCH', body: { name: 'Renamed' } };
    },
  },
  'POST /api/v1/webhooks': {
    expect: ADMIN_ONLY,
    request: () => ({
      path: '/api/v1/webhooks',
      body: { url: 'https://hooks.example.com/hooks/authz', events: ['claim.published'] },
    }),
  },
  'GET /api/v1/webhooks': { expect: ADMIN_ONLY, request: () => ({ path: '/api/v1/webhooks' }) },
  'DELETE /api/v1/webhooks/{id}': {
    expect: ADMIN_ONLY,
    request: async () => ({ path: `/api/v1/webhooks/${await anEndpoint()}`, method: 'DELETE' }),
  },
  'GET /api/v1/webhooks/{id}/deliveries': {
    expect: ADMIN_ONLY,
    request: async () => ({ path: `/api/v1/webhooks/${await anEndpoint()}/deliveries` }),
  },
  'POST /api/v1/webhooks/{id}/rotate': {
    expect: ADMIN_ONLY,
    request: async () => ({ path: `/api/v1/webhooks/${await anEndpoint()}/rotate`, body: {} }),
  },
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    expect: ADMIN_ONLY,
    request: async () => {
      const id = await anEndpoint();
      const msg = `msg_${crypto.randomUUID().replace(/-/g, '').slice(0, 24)}`;
      await env.DB.prepare(
        `INSERT INTO webhook_deliveries (id, endpoint_id, event, payload, status, created_at)
         VALUES (?1, ?2, 'claim.published', '{}', 'failed', ?3)`,
      )
        .bind(msg, id, new Date().toISOString())
        .run();
      return { path: `/api/v1/webhooks/${id}/deliveries/${msg}/redeliver`, method: 'POST' };
    },
  },
  'POST /api/v1/monitored-feeds': {
    expect: ADMIN_ONLY,
    request: () => ({
      path: '/api/v1/monitored-feeds',
      body: { url: `https://news.example.com/feeds/${unique('authz')}` },
    }),
  },
  'GET /api/v1/monitored-feeds': {
    expect: ADMIN_ONLY,
    request: () => ({ path: '/api/v1/monitored-feeds' }),
  },
  'GET /api/v1/monitored-feeds/{id}': {
    expect: ADMIN_ONLY,
    request: async () => ({ path: `/api/v1/monitored-feeds/${await aFeed()}` }),
  },
  'DELETE /api/v1/monitored-feeds/{id}': {
    expect: ADMIN_ONLY,
    request: async () => ({ path: `/api/v1/monitored-feeds/${await aFeed()}`, method: 'DELETE' }),
  },
  'POST /api/v1/monitored-feeds/{id}/poll': {
    expect: ADMIN_ONLY,
    request: async () => ({
      path: `/api/v1/monitored-feeds/${await aFeed()}/poll`,
      method: 'POST',
    }),
  },
  'POST /api/v1/tokens': {
    expect: SIGNED_IN_WRITE,
    request: () => ({ path: '/api/v1/tokens', body: { name: unique('tok'), scope: 'read' } }),
  },
  'GET /api/v1/tokens': { expect: SIGNED_IN_READ, request: () => ({ path: '/api/v1/tokens' }) },
  'DELETE /api/v1/tokens/{id}': {
    // The caller's own token (anyone's for the callers that have no user).
    expect: SIGNED_IN_WRITE,
    request: async (caller) => {
      const owner = caller.userId ?? (await makeUser()).id;
      const t = await makeToken(owner, 'read');
      return { path: `/api/v1/tokens/${t.id}`, method: 'DELETE' };
    },
  },
  'POST /api/v1/claims': {
    expect: SIGNED_IN_WRITE,
    request: () => ({
      path: '/api/v1/claims',
      body: { text: `${unique('Table ')} rose by 7% in 2025`, language: 'en' },
    }),
  },
  'GET /api/v1/claims': { expect: SIGNED_IN_READ, request: () => ({ path: '/api/v1/claims' }) },
  'GET /api/v1/claims/{id}': {
    expect: SIGNED_IN_READ,
    request: async () => ({ path: `/api/v1/claims/${(await fixtures()).claimId}` }),
  },
  'PATCH /api/v1/claims/{id}': {
    expect: SIGNED_IN_WRITE,
    request: async () => {
      const claim = await freshClaim();
      return {
        path: `/api/v1/claims/${claim.id}`,
        method: 'PATCH',
        body: { claimant: 'Someone' },
        headers: { 'If-Match': `"v${claim.version}"` },
      };
    },
  },
  'POST /api/v1/claims/{id}/transition': {
    expect: SIGNED_IN_WRITE,
    request: async () => ({
      path: `/api/v1/claims/${(await freshClaim()).id}/transition`,
      body: { to: 'in_review' },
    }),
  },
  'POST /api/v1/claims/{id}/transition/undo': {
    expect: SIGNED_IN_WRITE,
    request: async () => {
      const claim = await freshClaim();
      const { res, body } = await callJson(`/api/v1/claims/${claim.id}/transition`, {
        token: (await fixtures()).adminToken,
        body: { to: 'rejected' },
      });
      if (res.status !== 200) throw new Error(`move: ${res.status}`);
      return {
        path: `/api/v1/claims/${claim.id}/transition/undo`,
        body: { version: body.claim.version },
      };
    },
  },
  'POST /api/v1/claims/{id}/sources': {
    expect: SIGNED_IN_WRITE,
    request: async () => ({
      path: `/api/v1/claims/${(await freshClaim()).id}/sources`,
      body: sourceBody(),
    }),
  },
  'PUT /api/v1/claims/{id}/sources/{sourceId}': {
    expect: SIGNED_IN_WRITE,
    request: async () => {
      const s = await freshSource();
      return {
        path: `/api/v1/claims/${s.claimId}/sources/${s.sourceId}`,
        method: 'PUT',
        body: sourceBody(),
      };
    },
  },
  'DELETE /api/v1/claims/{id}/sources/{sourceId}': {
    expect: SIGNED_IN_WRITE,
    request: async () => {
      const s = await freshSource();
      return { path: `/api/v1/claims/${s.claimId}/sources/${s.sourceId}`, method: 'DELETE' };
    },
  },
  'GET /api/v1/claims/{id}/notes': {
    expect: SIGNED_IN_READ,
    request: async () => ({ path: `/api/v1/claims/${(await fixtures()).claimId}/notes` }),
  },
  'POST /api/v1/claims/{id}/notes': {
    expect: SIGNED_IN_WRITE,
    request: async () => ({
      path: `/api/v1/claims/${(await freshClaim()).id}/notes`,
      body: { body: 'Internal: check the ministry figure first.' },
    }),
  },
  'POST /api/v1/claims/{id}/verdicts': {
    expect: SIGNED_IN_WRITE,
    request: async () => ({
      path: `/api/v1/claims/${(await freshClaim()).id}/verdicts`,
      body: {
        ratingKey: 'mostly-false',
        headline: 'It was 5%, not 7%',
        explanation: 'The statistics office says 5%.',
        language: 'en',
      },
    }),
  },
  'POST /api/v1/claims/{id}/draft': {
    expect: SIGNED_IN_WRITE,
    request: async () => ({
      path: `/api/v1/claims/${(await apiPublishedClaim((await fixtures()).adminToken)).id}/draft`,
    }),
  },
  'GET /api/v1/claims/{id}/draft': {
    expect: SIGNED_IN_READ,
    request: async () => ({
      path: `/api/v1/claims/${(await apiDraftedClaim((await fixtures()).adminToken)).id}/draft`,
    }),
  },
  'DELETE /api/v1/claims/{id}/draft': {
    expect: SIGNED_IN_WRITE,
    request: async () => {
      const claim = await apiDraftedClaim((await fixtures()).adminToken);
      return {
        path: `/api/v1/claims/${claim.id}/draft`,
        method: 'DELETE',
        headers: { 'If-Match': `"v${claim.version}"` },
      };
    },
  },
  'POST /api/v1/claims/{id}/draft/publish': {
    expect: SIGNED_IN_WRITE,
    request: async () => {
      const claim = await apiDraftedClaim((await fixtures()).adminToken);
      return {
        path: `/api/v1/claims/${claim.id}/draft/publish`,
        body: { note: 'Revised figures from the statistics office.' },
        headers: { 'If-Match': `"v${claim.version}"` },
      };
    },
  },
  'POST /api/v1/claims/{id}/retract': {
    expect: ADMIN_ONLY,
    request: async () => {
      const claim = await apiPublishedClaim((await fixtures()).adminToken);
      return {
        path: `/api/v1/claims/${claim.id}/retract`,
        body: { note: 'The source was fabricated.' },
        headers: { 'If-Match': `"v${claim.version}"` },
      };
    },
  },
  'POST /api/v1/claims/{id}/removal': {
    expect: ADMIN_ONLY,
    request: async () => {
      const claim = await retractedClaim();
      return {
        path: `/api/v1/claims/${claim.id}/removal`,
        body: { reason: 'Taken down after the retraction.' },
        headers: { 'If-Match': `"v${claim.version}"` },
      };
    },
  },
  'DELETE /api/v1/claims/{id}/removal': {
    expect: ADMIN_ONLY,
    // One removed claim for every caller: only the admin gets past the guards, once.
    request: async () => {
      const claim = await (removedOnce ??= retractedClaim(true));
      return {
        path: `/api/v1/claims/${claim.id}/removal`,
        method: 'DELETE',
        headers: { 'If-Match': `"v${claim.version}"` },
      };
    },
  },
  'POST /api/v1/claims/{id}/publish-request': {
    expect: SIGNED_IN_WRITE,
    request: async () => ({
      path: `/api/v1/claims/${(await apiReviewedClaim((await fixtures()).adminToken)).id}/publish-request`,
      body: {},
    }),
  },
  // Its requester (here another admin) or an admin: an editor who did not ask gets 403.
  'DELETE /api/v1/claims/{id}/publish-request': {
    expect: ADMIN_ONLY,
    request: async () => ({
      path: `/api/v1/claims/${(await requestedClaim()).id}/publish-request`,
      method: 'DELETE',
    }),
  },
  'POST /api/v1/claims/{id}/publish-request/approve': {
    expect: SIGNED_IN_WRITE,
    request: async () => ({
      path: `/api/v1/claims/${(await requestedClaim()).id}/publish-request/approve`,
    }),
  },
  'GET /api/v1/claims/{id}/versions': {
    expect: SIGNED_IN_READ,
    request: async () => ({
      path: `/api/v1/claims/${(await apiPublishedClaim((await fixtures()).adminToken)).id}/versions`,
    }),
  },
  'GET /api/v1/settings': { expect: SIGNED_IN_READ, request: () => ({ path: '/api/v1/settings' }) },
  'PUT /api/v1/settings': {
    expect: ADMIN_ONLY,
    request: () => ({
      path: '/api/v1/settings',
      method: 'PUT',
      body: { publishNeedsSecondEditor: false },
    }),
  },
  'GET /api/v1/claims/{id}/matches': {
    expect: SIGNED_IN_READ,
    request: async () => ({ path: `/api/v1/claims/${(await fixtures()).claimId}/matches` }),
  },
  'POST /api/v1/articles': {
    expect: SIGNED_IN_WRITE,
    request: () => ({
      path: '/api/v1/articles',
      body: { text: `${unique('Article ')}. The minister said prices fell 3% in 2025.` },
    }),
  },
  'GET /api/v1/articles': { expect: SIGNED_IN_READ, request: () => ({ path: '/api/v1/articles' }) },
  'GET /api/v1/articles/{id}': {
    expect: SIGNED_IN_READ,
    request: async () => ({ path: `/api/v1/articles/${(await fixtures()).articleId}` }),
  },
  'GET /api/v1/ratings': { expect: PUBLIC_READ, request: () => ({ path: '/api/v1/ratings' }) },
  'GET /api/v1/search': {
    expect: SIGNED_IN_READ,
    request: () => ({ path: '/api/v1/search?q=inflation' }),
  },
  'GET /api/v1/export': { expect: SIGNED_IN_READ, request: () => ({ path: '/api/v1/export' }) },
  'POST /api/v1/imports/claimreview': {
    expect: ADMIN_ONLY,
    request: () => ({
      path: '/api/v1/imports/claimreview',
      body: {
        document: {
          '@type': 'ClaimReview',
          url: `https://checks.example/${unique('authz')}`,
          claimReviewed: 'A claim',
          reviewRating: { '@type': 'Rating', alternateName: 'False' },
        },
      },
    }),
  },
  'POST /api/v1/imports/claimreview/{id}/commit': {
    expect: ADMIN_ONLY,
    request: async () => {
      const admin = await makeUser('admin');
      const { body } = await callJson('/api/v1/imports/claimreview', {
        token: admin.token,
        body: {
          document: {
            '@type': 'ClaimReview',
            url: `https://checks.example/${unique('authz')}`,
            claimReviewed: 'A claim',
            reviewRating: { '@type': 'Rating', alternateName: 'False' },
          },
        },
      });
      return { path: `/api/v1/imports/claimreview/${body.id}/commit`, method: 'POST', body: {} };
    },
  },
  'POST /api/v1/submissions': {
    expect: PUBLIC_WRITE,
    request: () => ({
      path: '/api/v1/submissions',
      body: {
        text: `${unique('Reader ')}: the dam holds 40 billion cubic metres`,
        turnstileToken: DUMMY_TOKEN,
      },
      headers: { 'CF-Connecting-IP': unique('ip') },
    }),
  },
};

/** API routes outside the OpenAPI document (the document itself, its page). */
const NOT_IN_OPENAPI: Record<string, Row> = {
  'GET /api/openapi.json': { expect: PUBLIC_READ, request: () => ({ path: '/api/openapi.json' }) },
  'GET /api/docs': { expect: PUBLIC_READ, request: () => ({ path: '/api/docs' }) },
};

/** `/x/:id` (Hono) → `/x/{id}` (OpenAPI). */
const openApiPath = (p: string) => p.replace(/:(\w+)/g, '{$1}');

function inClass(status: number, expected: Expected): boolean {
  return expected === '2xx' ? status >= 200 && status < 300 : status === expected;
}

describe('authorization table: API', () => {
  it('has exactly one row for every route in the OpenAPI document, and no other', async () => {
    const { body: doc } = await callJson('/api/openapi.json');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const rows = Object.keys(API).sort();
    expect(
      documented.filter((r) => !(r in API)),
      'routes in the OpenAPI document without a row in the authorization table',
    ).toEqual([]);
    expect(
      rows.filter((r) => !documented.includes(r)),
      'rows for routes that are not in the OpenAPI document',
    ).toEqual([]);
  });

  it('has a row for every other /api route the app serves', () => {
    const served = new Set(
      api.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${openApiPath(r.path)}`),
    );
    const missing = [...served].filter((r) => !(r in API) && !(r in NOT_IN_OPENAPI));
    expect(missing, 'API routes without a row in the authorization table').toEqual([]);
  });

  const table = { ...API, ...NOT_IN_OPENAPI };
  for (const [route, row] of Object.entries(table)) {
    it(`${route}: ${PRINCIPALS.map((p) => `${p} → ${row.expect[p]}`).join(', ')}`, async () => {
      const method = route.split(' ')[0]!;
      const got: Record<string, number> = {};
      for (const p of PRINCIPALS) {
        const caller = await callerFor(p);
        const req = await row.request(caller);
        const res = await call(req.path, {
          method: req.method ?? method,
          token: caller.token,
          body: req.body,
          headers: req.headers,
        });
        await res.body?.cancel();
        got[p] = res.status;
      }
      const wrong = PRINCIPALS.filter((p) => !inClass(got[p]!, row.expect[p]));
      expect(
        wrong.map((p) => `${p}: expected ${row.expect[p]}, got ${got[p]}`),
        `${route} answered ${JSON.stringify(got)}`,
      ).toEqual([]);
    });
  }
});

// --- The desk ----------------------------------------------------------------------------

type DeskAccess = 'open' | 'signed-in' | 'admin';

/** Every desk route: who may pass its guard, and a concrete path to try. */
const DESK: Record<string, { access: DeskAccess; path: string }> = {
  'GET /desk/sign-in': { access: 'open', path: '/desk/sign-in' },
  'POST /desk/sign-in': { access: 'open', path: '/desk/sign-in' },
  'POST /desk/sign-in/code': { access: 'open', path: '/desk/sign-in/code' },
  'POST /desk/sign-out': { access: 'open', path: '/desk/sign-out' },
  'POST /desk/locale': { access: 'open', path: '/desk/locale' },
  'GET /desk/ratings.css': { access: 'signed-in', path: '/desk/ratings.css' },
  'GET /desk': { access: 'signed-in', path: '/desk' },
  'POST /desk/bulk': { access: 'signed-in', path: '/desk/bulk' },
  'POST /desk/bulk/undo': { access: 'signed-in', path: '/desk/bulk/undo' },
  'GET /desk/articles/new': { access: 'signed-in', path: '/desk/articles/new' },
  'POST /desk/articles': { access: 'signed-in', path: '/desk/articles' },
  'GET /desk/articles/:id': { access: 'signed-in', path: '/desk/articles/nosuchthing' },
  'POST /desk/articles/:id/review': {
    access: 'signed-in',
    path: '/desk/articles/nosuchthing/review',
  },
  'POST /desk/articles/:id/undo': {
    access: 'signed-in',
    path: '/desk/articles/nosuchthing/undo',
  },
  'GET /desk/claims/:id': { access: 'signed-in', path: '/desk/claims/nosuchthing' },
  'POST /desk/claims/:id/undo': { access: 'signed-in', path: '/desk/claims/nosuchthing/undo' },
  'POST /desk/claims/:id/edit': { access: 'signed-in', path: '/desk/claims/nosuchthing/edit' },
  'POST /desk/claims/:id/assign': { access: 'signed-in', path: '/desk/claims/nosuchthing/assign' },
  'POST /desk/claims/:id/status': { access: 'signed-in', path: '/desk/claims/nosuchthing/status' },
  'POST /desk/claims/:id/sources': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/sources',
  },
  'POST /desk/claims/:id/sources/:sourceId': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/sources/1',
  },
  'POST /desk/claims/:id/sources/:sourceId/remove': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/sources/1/remove',
  },
  'POST /desk/claims/:id/verdicts': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/verdicts',
  },
  'POST /desk/claims/:id/publish': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/publish',
  },
  'POST /desk/claims/:id/draft': { access: 'signed-in', path: '/desk/claims/nosuchthing/draft' },
  'POST /desk/claims/:id/draft/discard': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/draft/discard',
  },
  'POST /desk/claims/:id/draft/publish': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/draft/publish',
  },
  'POST /desk/claims/:id/publish-request': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/publish-request',
  },
  'POST /desk/claims/:id/publish-request/withdraw': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/publish-request/withdraw',
  },
  'POST /desk/claims/:id/publish-request/approve': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/publish-request/approve',
  },
  // Editors pass the guard; the domain refuses them (403 with the reason, test/desk/corrections).
  'POST /desk/claims/:id/retract': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/retract',
  },
  // Editors pass the guard; the domain refuses them (403, test/public/removal.test.ts).
  'POST /desk/claims/:id/removal': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/removal',
  },
  'POST /desk/claims/:id/removal/restore': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/removal/restore',
  },
  'GET /desk/claims/:id/preview': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/preview',
  },
  'GET /desk/claims/:id/preview/card': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/preview/card',
  },
  'POST /desk/claims/:id/notes': { access: 'signed-in', path: '/desk/claims/nosuchthing/notes' },
  'POST /desk/claims/:id/due': { access: 'signed-in', path: '/desk/claims/nosuchthing/due' },
  'POST /desk/claims/:id/tags': { access: 'signed-in', path: '/desk/claims/nosuchthing/tags' },
  'POST /desk/claims/:id/checklist': {
    access: 'signed-in',
    path: '/desk/claims/nosuchthing/checklist',
  },
  'GET /desk/inbox': { access: 'signed-in', path: '/desk/inbox' },
  'GET /desk/inbox/mentions/:noteId': {
    access: 'signed-in',
    path: '/desk/inbox/mentions/nosuchthing',
  },
  'POST /desk/admin/settings/checklist': {
    access: 'admin',
    path: '/desk/admin/settings/checklist',
  },
  'GET /desk/account/password': { access: 'signed-in', path: '/desk/account/password' },
  'POST /desk/account/password': { access: 'signed-in', path: '/desk/account/password' },
  'GET /desk/account/two-factor': { access: 'signed-in', path: '/desk/account/two-factor' },
  'POST /desk/account/two-factor/start': {
    access: 'signed-in',
    path: '/desk/account/two-factor/start',
  },
  'POST /desk/account/two-factor/confirm': {
    access: 'signed-in',
    path: '/desk/account/two-factor/confirm',
  },
  'POST /desk/account/two-factor/off': {
    access: 'signed-in',
    path: '/desk/account/two-factor/off',
  },
  'GET /desk/reset/:token': { access: 'open', path: '/desk/reset/nosuchtoken' },
  'POST /desk/reset/:token': { access: 'open', path: '/desk/reset/nosuchtoken' },
  'GET /desk/account/tokens': { access: 'signed-in', path: '/desk/account/tokens' },
  'POST /desk/account/tokens': { access: 'signed-in', path: '/desk/account/tokens' },
  'POST /desk/account/tokens/:id/revoke': {
    access: 'signed-in',
    path: '/desk/account/tokens/999999999/revoke',
  },
  'GET /desk/admin/users': { access: 'admin', path: '/desk/admin/users' },
  'POST /desk/admin/users': { access: 'admin', path: '/desk/admin/users' },
  'POST /desk/admin/users/:id': { access: 'admin', path: '/desk/admin/users/999999999' },
  'POST /desk/admin/users/:id/reset-link': {
    access: 'admin',
    path: '/desk/admin/users/999999999/reset-link',
  },
  'POST /desk/admin/users/:id/two-factor/off': {
    access: 'admin',
    path: '/desk/admin/users/999999999/two-factor/off',
  },
  'GET /desk/admin/ratings': { access: 'admin', path: '/desk/admin/ratings' },
  'POST /desk/admin/ratings': { access: 'admin', path: '/desk/admin/ratings' },
  'GET /desk/admin/webhooks': { access: 'admin', path: '/desk/admin/webhooks' },
  'POST /desk/admin/webhooks': { access: 'admin', path: '/desk/admin/webhooks' },
  'GET /desk/admin/webhooks/:id': {
    access: 'admin',
    path: '/desk/admin/webhooks/0000000000000000',
  },
  'POST /desk/admin/webhooks/:id/delete': {
    access: 'admin',
    path: '/desk/admin/webhooks/0000000000000000/delete',
  },
  'POST /desk/admin/webhooks/:id/rotate': {
    access: 'admin',
    path: '/desk/admin/webhooks/0000000000000000/rotate',
  },
  'POST /desk/admin/webhooks/:id/deliveries/:deliveryId/redeliver': {
    access: 'admin',
    path: '/desk/admin/webhooks/0000000000000000/deliveries/msg_000000000000000000000000/redeliver',
  },
  'GET /desk/admin/feeds': { access: 'admin', path: '/desk/admin/feeds' },
  'GET /desk/import': { access: 'admin', path: '/desk/import' },
  'POST /desk/import': { access: 'admin', path: '/desk/import' },
  'GET /desk/import/:id': { access: 'admin', path: '/desk/import/0000000000000000' },
  'POST /desk/import/:id/commit': {
    access: 'admin',
    path: '/desk/import/0000000000000000/commit',
  },
  'POST /desk/admin/feeds': { access: 'admin', path: '/desk/admin/feeds' },
  'POST /desk/admin/feeds/:id/delete': {
    access: 'admin',
    path: '/desk/admin/feeds/0000000000000000/delete',
  },
  'POST /desk/admin/feeds/:id/poll': {
    access: 'admin',
    path: '/desk/admin/feeds/0000000000000000/poll',
  },
  'GET /desk/admin/settings': { access: 'admin', path: '/desk/admin/settings' },
  'POST /desk/admin/settings': { access: 'admin', path: '/desk/admin/settings' },
  'GET /desk/outbox': { access: 'admin', path: '/desk/outbox' },
  'GET /desk/outbox/:id': { access: 'admin', path: '/desk/outbox/mnosuchthing' },
  'POST /desk/outbox/:id/retry': { access: 'admin', path: '/desk/outbox/mnosuchthing/retry' },
  'GET /desk/account/email': { access: 'signed-in', path: '/desk/account/email' },
  'POST /desk/account/email': { access: 'signed-in', path: '/desk/account/email' },
};

/** True when the answer sends the caller to sign in. */
function toSignIn(res: Response): boolean {
  return res.status === 303 && (res.headers.get('Location') ?? '').startsWith('/desk/sign-in');
}

describe('authorization table: desk', () => {
  it('has a row for every desk route the app serves', () => {
    const served = new Set(
      deskApp.routes
        .filter((r) => r.method !== 'ALL' && (r.path === '/desk' || r.path.startsWith('/desk/')))
        .map((r) => `${r.method} ${r.path}`),
    );
    expect(
      [...served].filter((r) => !(r in DESK)),
      'desk routes without a row',
    ).toEqual([]);
    expect(
      Object.keys(DESK).filter((r) => !served.has(r)),
      'rows for desk routes that do not exist',
    ).toEqual([]);
  });

  let agents: Promise<{ editor: DeskAgent; admin: DeskAgent; bearer: string }> | undefined;
  const signedIn = () =>
    (agents ??= (async () => {
      const [editor, admin] = await Promise.all([signIn('editor'), signIn('admin')]);
      // An API token never opens the desk, whatever its scope.
      const bearer = (await makeToken(admin.user.id, 'admin')).token;
      return { editor, admin, bearer };
    })());

  for (const [route, row] of Object.entries(DESK)) {
    if (row.access === 'open') continue;
    const [method] = route.split(' ');
    const expected =
      row.access === 'admin'
        ? 'anonymous → sign-in, API token → sign-in, editor → 403, admin → past the guard'
        : 'anonymous → sign-in, API token → sign-in, editor and admin → past the guard';
    it(`${route}: ${expected}`, async () => {
      const { editor, admin, bearer } = await signedIn();
      const send = (agent: DeskAgent | null, headers: Record<string, string> = {}) =>
        desk(row.path, {
          method,
          cookie: agent?.cookie,
          ip: agent?.ip,
          headers,
          form: method === 'POST' ? { _csrf: agent?.csrf ?? '' } : undefined,
        });
      const anonymous = await send(null);
      expect(toSignIn(anonymous), `anonymous got ${anonymous.status}`).toBe(true);
      const token = await send(null, { Authorization: `Bearer ${bearer}` });
      expect(toSignIn(token), `API token got ${token.status}`).toBe(true);
      const asEditor = await send(editor);
      if (row.access === 'admin') expect(asEditor.status).toBe(403);
      else {
        expect(toSignIn(asEditor), `editor sent to sign-in`).toBe(false);
        expect(asEditor.status, 'editor refused').not.toBe(403);
      }
      const asAdmin = await send(admin);
      expect(toSignIn(asAdmin), 'admin sent to sign-in').toBe(false);
      expect(asAdmin.status, 'admin refused').not.toBe(403);
      expect(asAdmin.status).toBeLessThan(500);
    });
  }

  it('open desk routes (sign-in, sign-out, language) answer an anonymous caller', async () => {
    for (const [route, row] of Object.entries(DESK)) {
      if (row.access !== 'open') continue;
      const method = route.split(' ')[0]!;
      const res = await desk(row.path, {
        method,
        form: method === 'POST' ? { _csrf: '' } : undefined,
      });
      expect(res.status, route).not.toBe(403);
      expect(res.status, route).toBeLessThan(500);
    }
  });
});
