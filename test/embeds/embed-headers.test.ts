import { describe, expect, it } from 'vitest';
import { call } from '../helpers';
import { makeClaim } from './fixtures';

const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";

describe('embed header policy, per route', () => {
  it('SVG badge: strict SVG CSP, loadable cross-origin, no cookie', async () => {
    const id = await makeClaim({ status: 'published', verdicts: [{ ratingKey: 'true' }] });
    for (const path of [`/badge/${id}.svg`, `/badge/${id}.svg`, '/badge/0000000000000000.svg']) {
      const res = await call(path, { headers: { Cookie: '__Host-claimdesk_session=abc' } });
      expect(res.headers.get('Content-Security-Policy'), path).toBe(SVG_CSP);
      expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('X-Frame-Options')).toBeNull();
      expect(res.headers.get('Set-Cookie')).toBeNull();
    }
    const etag = (await call(`/badge/${id}.svg`)).headers.get('ETag')!;
    const notModified = await call(`/badge/${id}.svg`, { headers: { 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('Content-Security-Policy')).toBe(SVG_CSP);
    expect(notModified.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('JSON badge and oEmbed: CORS for everyone, nosniff, cross-origin, no cookie', async () => {
    const id = await makeClaim({ status: 'published', verdicts: [{ ratingKey: 'true' }] });
    for (const path of [
      `/badge/${id}.json`,
      '/badge/0000000000000000.json',
      `/oembed?url=${encodeURIComponent(`https://claimdesk.test/claims/${id}`)}`,
      '/oembed?url=x',
    ]) {
      const res = await call(path);
      expect(res.headers.get('Access-Control-Allow-Origin'), path).toBe('*');
      expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Content-Type')).toContain('application/json');
      expect(res.headers.get('Set-Cookie')).toBeNull();
    }
  });

  it('card: frameable by any site (frame-ancestors *), nothing else allowed in', async () => {
    const id = await makeClaim({ status: 'published', verdicts: [{ ratingKey: 'true' }] });
    for (const path of [`/embed/${id}`, '/embed/0000000000000000']) {
      const res = await call(path, { headers: { Accept: 'text/html' } });
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp, path).toContain('frame-ancestors *');
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(res.headers.get('X-Frame-Options')).toBeNull();
      expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Set-Cookie')).toBeNull();
    }
  });

  it('only /embed/* is frameable: badges, JSON, API and public pages keep frame-ancestors none', async () => {
    const id = await makeClaim({ status: 'published', verdicts: [{ ratingKey: 'true' }] });
    for (const path of [
      `/badge/${id}.json`,
      `/oembed?url=x`,
      '/api/v1/claims',
      '/',
      `/claims/${id}`,
    ]) {
      const res = await call(path, { headers: { Accept: 'text/html' } });
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
    }
  });
});
