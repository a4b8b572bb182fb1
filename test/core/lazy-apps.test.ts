/**
 * The JSON API and the desk are apps of their own, built on their first request (worker/app.tsx,
 * worker/middleware/sub-app.ts). What a request sees must not depend on it: the root middlewares
 * run around them, variables cross both ways, and 404s keep each surface's shape.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, callJson, d1Queries, makeUser, unique } from '../helpers';
import { desk, signIn } from '../desk/desk-helpers';

describe('the API and the desk, built on first use', () => {
  it('the root request id reaches the API app: echoed, and written to the audit row', async () => {
    const user = await makeUser('editor');
    const requestId = unique('lazy-apps-req-').replace(/[^\w.-]/g, '-');
    const { res, body } = await callJson('/api/v1/claims', {
      token: user.token,
      headers: { 'X-Request-Id': requestId },
      body: { text: `${unique('claim ')} grew by 3% in 2024`, language: 'en' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('X-Request-Id')).toBe(requestId);
    const row = await env.DB.prepare(
      "SELECT request_id FROM audit_log WHERE entity_type = 'claim' AND entity_id = ?1",
    )
      .bind(body.claim.id)
      .first<{ request_id: string }>();
    expect(row?.request_id).toBe(requestId);
    // The root's D1 counter and header floor wrap the API's answer.
    expect(d1Queries(res)).toBeGreaterThan(0);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('answers problem+json 404s under /api/, and to API clients at /api itself', async () => {
    for (const path of ['/api/', '/api/v1/no-such-thing', '/api/v2/claims']) {
      const res = await call(path, {
        headers: { Accept: 'text/html', 'X-Request-Id': 'abcdefgh' },
      });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type'), path).toContain('application/problem+json');
      expect(res.headers.get('X-Request-Id'), path).toBe('abcdefgh');
      expect(((await res.json()) as { code: string }).code, path).toBe('not_found');
    }
    const bare = await call('/api', { headers: { Accept: 'application/json' } });
    expect(bare.status).toBe(404);
    expect(bare.headers.get('Content-Type')).toContain('application/problem+json');
  });

  it('answers HEAD on an API route with the GET status and no body', async () => {
    const res = await call('/api/v1/ratings', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('sends /desk itself and unknown desk pages to the desk app (sign-in redirect, desk 404 page)', async () => {
    const home = await desk('/desk');
    expect(home.status).toBe(303);
    expect(home.headers.get('Location')).toMatch(/^\/desk\/sign-in/);
    const agent = await signIn('editor');
    const missing = await desk('/desk/no-such-page', { cookie: agent.cookie, ip: agent.ip });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Type')).toContain('text/html');
    const html = await missing.text();
    expect(html).toContain('/desk/sign-out'); // the desk's own chrome, not the public 404
    expect(missing.headers.get('Content-Security-Policy')).toContain("script-src 'nonce-");
  });

  it('keeps public 404s public: /desktop and /apis are not the desk or the API', async () => {
    for (const path of ['/desktop', '/apis']) {
      const res = await call(path, { headers: { Accept: 'text/html' } });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type'), path).toContain('text/html');
      expect(await res.text(), path).not.toContain('/desk/sign-out');
    }
  });
});
