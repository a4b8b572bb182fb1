/** A security-header floor under every Worker answer, without touching the embeds' own policies. */
import { describe, expect, it } from 'vitest';
import { desk } from '../desk/desk-helpers';
import { call } from '../helpers';
import { publishedClaim } from '../public/fixtures';

function expectBaseline(res: Response) {
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(res.headers.get('Referrer-Policy')).toBeTruthy();
  const csp = res.headers.get('Content-Security-Policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/default-src 'none'/);
  expect(res.headers.get('X-Frame-Options')).toBe('DENY');
}

describe('security headers on every answer', () => {
  it('a 404 page and a 404 problem', async () => {
    const html = await call('/no/such/page', { headers: { Accept: 'text/html' } });
    expect(html.status).toBe(404);
    expectBaseline(html);
    const json = await call('/no/such/thing');
    expect(json.status).toBe(404);
    expectBaseline(json);
  });

  it('/healthz', async () => {
    const res = await call('/healthz');
    expect(res.status).toBe(200);
    expectBaseline(res);
  });

  it('an API error', async () => {
    const res = await call('/api/v1/auth/me');
    expect(res.status).toBe(401);
    expectBaseline(res);
    const malformed = await call('/api/v1/auth/login', {
      raw: '{"email":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expectBaseline(malformed);
  });

  it('a desk error page', async () => {
    const res = await desk('/desk/sign-in', {
      headers: {
        'Content-Type': 'multipart/form-data; boundary=zzz',
        Origin: 'https://claimdesk.test',
      },
      method: 'POST',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expectBaseline(res);
    const missing = await desk('/desk/no-such-page');
    expect(missing.status).toBe(404);
    expectBaseline(missing);
  });

  it('leaves the embeds their own policy: /embed/* may be framed, badges load cross-origin', async () => {
    const claim = await publishedClaim();
    const card = await call(`/embed/${claim.id}`);
    expect(card.status).toBe(200);
    expect(card.headers.get('Content-Security-Policy')).toContain('frame-ancestors *');
    expect(card.headers.get('X-Frame-Options')).toBeNull();
    expect(card.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const badge = await call(`/badge/${claim.id}.svg`);
    expect(badge.status).toBe(200);
    expect(badge.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(badge.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});
