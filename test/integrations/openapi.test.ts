/**
 * The OpenAPI document as a developer reads it: every /api/v1 route the app serves is in it, the
 * bearer scheme, If-Match and Idempotency-Key are declared as the server enforces them, every
 * request body has an example, every error is the one problem+json shape; /api/docs serves the
 * reference with a policy relaxed for that page only.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api } from '../../worker/api-app';
import { IF_MATCH_REQUIRED, PUBLIC_OPERATIONS } from '../../worker/schemas/openapi-extras';
import { call, callJson, makeUser } from '../helpers';

type Op = {
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, unknown>;
  security?: unknown[];
};
type Doc = {
  security: unknown[];
  paths: Record<string, Record<string, Op>>;
  components: {
    securitySchemes: Record<string, { type: string; scheme: string }>;
    responses: Record<string, unknown>;
    schemas: Record<string, { properties: Record<string, unknown> }>;
  };
};

async function doc(): Promise<Doc> {
  return (await callJson<Doc>('/api/openapi.json')).body;
}

function operations(d: Doc): [string, Op][] {
  return Object.entries(d.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op] as [string, Op]),
  );
}

const header = (op: Op, name: string) =>
  op.parameters?.find((p) => p.in === 'header' && p.name.toLowerCase() === name.toLowerCase());

describe('OpenAPI document', () => {
  it('lists every route the app serves under /api/v1, and nothing else', async () => {
    const served = new Set(
      api.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/'))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`),
    );
    const documented = new Set(operations(await doc()).map(([k]) => k));
    expect([...served].filter((r) => !documented.has(r)).sort(), 'served, not documented').toEqual(
      [],
    );
    expect([...documented].filter((r) => !served.has(r)).sort(), 'documented, not served').toEqual(
      [],
    );
  });

  it('declares bearer auth globally and marks only the public operations security: []', async () => {
    const d = await doc();
    expect(d.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(d.security).toEqual([{ bearer: [] }]);
    const open = operations(d)
      .filter(([, op]) => Array.isArray(op.security) && op.security.length === 0)
      .map(([k]) => k)
      .sort();
    expect(open).toEqual([...PUBLIC_OPERATIONS].sort());
    for (const key of PUBLIC_OPERATIONS) {
      const [method, path] = key.split(' ') as [string, string];
      if (method !== 'GET') continue;
      expect((await call(path)).status, key).toBe(200);
    }
  });

  it('marks If-Match required exactly where the server answers 428 without it', async () => {
    const d = await doc();
    for (const [key, op] of operations(d)) {
      const h = header(op, 'If-Match');
      if (IF_MATCH_REQUIRED.has(key)) {
        expect(h?.required, key).toBe(true);
        expect(Object.keys(op.responses), key).toEqual(expect.arrayContaining(['412', '428']));
      } else if (h) {
        expect(h.required, key).toBe(false);
        expect(Object.keys(op.responses), key).toContain('412');
      }
    }
    const editor = await makeUser('editor');
    const created = await callJson('/api/v1/claims', {
      token: editor.token,
      body: { text: 'The bridge cost 3 billion dollars to build in 2019.' },
    });
    const res = await call(`/api/v1/claims/${created.body.claim.id}`, {
      method: 'PATCH',
      token: editor.token,
      body: { claimant: 'A senator' },
    });
    expect(res.status).toBe(428);
  });

  it('offers Idempotency-Key on every POST', async () => {
    for (const [key, op] of operations(await doc()).filter(([k]) => k.startsWith('POST '))) {
      expect(header(op, 'Idempotency-Key')?.required, key).toBe(false);
      expect(Object.keys(op.responses), key).toEqual(expect.arrayContaining(['409', '422']));
    }
  });

  it('has an example for every request body, and the claim example is accepted as is', async () => {
    const d = await doc();
    const missing = operations(d)
      .filter(([, op]) => op.requestBody?.content['application/json']?.example === undefined)
      .filter(([, op]) => op.requestBody)
      .map(([k]) => k);
    expect(missing).toEqual([]);
    const example = d.paths['/api/v1/claims']!.post!.requestBody!.content['application/json']!
      .example as { text: string };
    const editor = await makeUser('editor');
    const res = await call('/api/v1/claims', {
      token: editor.token,
      body: { ...example, text: `${example.text} (${Math.random()})` },
    });
    expect(res.status).toBe(201);
  });

  it('describes every error as problem+json with a field list', async () => {
    const d = await doc();
    expect(Object.keys(d.components.schemas.Problem!.properties)).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'code', 'errors']),
    );
    for (const s of [400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429])
      expect(d.components.responses, String(s)).toHaveProperty(`Problem${s}`);
    for (const [key, op] of operations(d)) {
      if (!PUBLIC_OPERATIONS.has(key)) expect(op.responses, key).toHaveProperty('401');
      if (op.requestBody) expect(op.responses, key).toHaveProperty('422');
    }
  });
});

describe('/api/docs', () => {
  it('serves the reference from our own assets with a policy relaxed for that page only', async () => {
    const res = await call('/api/docs');
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).toContain('src="/vendor/swagger-ui/swagger-ui-bundle.js"');
    expect(html).toContain('href="/vendor/swagger-ui/swagger-ui.css"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/https?:\/\/(?!claimdesk)[^"]*\.(js|css)"/);
    // The rest of the API keeps its strict policy.
    const api = await call('/api/v1/ratings');
    expect(api.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(api.headers.get('Content-Security-Policy')).not.toContain('script-src');
  });

  it('has the vendored Swagger UI in the static assets', async () => {
    const js = await env.ASSETS.fetch(
      'https://claimdesk.test/vendor/swagger-ui/swagger-ui-bundle.js',
    );
    expect(js.status).toBe(200);
    expect(await js.text()).toContain('SwaggerUIBundle');
  });
});
