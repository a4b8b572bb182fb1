import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { decryptContact, encryptContact, readerHash } from '../../worker/lib/reader-keys';
import { call } from '../helpers';
import { jsonLdBlocks, publishedClaim } from './fixtures';
import { validFields } from './submit-helpers';

describe('configuration', () => {
  it('uses PUBLIC_ORIGIN for canonical URLs, JSON-LD, oEmbed and feeds when set', async () => {
    const claim = await publishedClaim();
    const bindings = { ...env, PUBLIC_ORIGIN: 'https://factcheck.example.org' };
    const html = await (
      await app.request(`http://internal.host/claims/${claim.id}`, {}, bindings)
    ).text();
    expect(html).toContain(
      `<link rel="canonical" href="https://factcheck.example.org/claims/${claim.id}"`,
    );
    expect((jsonLdBlocks(html)[0] as { url: string }).url).toBe(
      `https://factcheck.example.org/claims/${claim.id}`,
    );
    expect(html).toContain(
      'href="https://factcheck.example.org/oembed?url=https%3A%2F%2Ffactcheck.example.org%2Fclaims%2F',
    );
    expect(html).not.toContain('internal.host');
    const atom = await (
      await app.request('http://internal.host/feeds/atom.xml', {}, bindings)
    ).text();
    expect(atom).toContain('<id>https://factcheck.example.org/feeds/atom.xml</id>');
  });

  it('with real Turnstile keys the form loads the widget and the CSP allows only its origin', async () => {
    const bindings = {
      ...env,
      TURNSTILE_SITE_KEY: '0x4AAAAAAAreal-site-key',
      TURNSTILE_SECRET_KEY: 'real-secret',
    };
    const res = await app.request('http://x/submit', {}, bindings);
    const html = await res.text();
    expect(html).toContain('class="cf-turnstile" data-sitekey="0x4AAAAAAAreal-site-key"');
    expect(html).toContain('src="https://challenges.cloudflare.com/turnstile/v0/api.js"');
    expect(html).not.toContain('XXXX.DUMMY.TOKEN.XXXX');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toMatch(/script-src 'self' https:\/\/challenges\.cloudflare\.com/);
    expect(csp).toMatch(/frame-src https:\/\/challenges\.cloudflare\.com/);
    expect(csp).toContain("frame-ancestors 'none'");
    const claimCsp = (await call('/claims')).headers.get('Content-Security-Policy') ?? '';
    expect(claimCsp).not.toContain('challenges.cloudflare.com');
  });

  it('a test site key with a real secret still fails closed: no dummy token is offered', async () => {
    const bindings = { ...env, TURNSTILE_SECRET_KEY: 'real-secret' };
    const html = await (await app.request('http://x/submit', {}, bindings)).text();
    expect(html).not.toContain('XXXX.DUMMY.TOKEN.XXXX');
  });

  it('asks a configured Workers rate-limiting binding first, and answers 429 when it says no', async () => {
    const keys: string[] = [];
    const limiter = { limit: async (o: { key: string }) => (keys.push(o.key), { success: false }) };
    const res = await app.request(
      'http://x/api/v1/submissions',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '192.0.2.77' },
        body: JSON.stringify({
          text: 'A claim long enough to submit',
          turnstile_token: 'XXXX.DUMMY.TOKEN.XXXX',
        }),
      },
      { ...env, SUBMIT_RATE_LIMITER: limiter },
    );
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('60');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^submit:[0-9a-f]{64}$/);
    expect(keys[0]).not.toContain('192.0.2.77');
  });

  it('lists POST /api/v1/submissions in the OpenAPI document', async () => {
    const doc = (await (await call('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.paths['/api/v1/submissions']?.post).toBeTruthy();
  });
});

describe('reader keys', () => {
  it('encrypts contact e-mails with AES-GCM (fresh IV each time) and opens them only with the key', async () => {
    const a = await encryptContact('k1', 'reader@example.org');
    const b = await encryptContact('k1', 'reader@example.org');
    expect(a).not.toBe(b);
    expect(a).not.toContain('reader');
    expect(await decryptContact('k1', a)).toBe('reader@example.org');
    expect(await decryptContact('k2', a)).toBeNull();
    expect(await decryptContact('k1', 'v1.bad.data')).toBeNull();
    await expect(encryptContact('', 'x@y.z')).rejects.toThrow();
  });

  it('hashes a reader per address and UTC day, keyed', async () => {
    const day1 = new Date('2026-05-01T10:00:00Z');
    const sameDay = new Date('2026-05-01T23:59:00Z');
    const day2 = new Date('2026-05-02T00:01:00Z');
    const h = await readerHash('k', '198.51.100.7', day1);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await readerHash('k', '198.51.100.7', sameDay)).toBe(h);
    expect(await readerHash('k', '198.51.100.7', day2)).not.toBe(h);
    expect(await readerHash('k', '198.51.100.8', day1)).not.toBe(h);
    expect(await readerHash('other', '198.51.100.7', day1)).not.toBe(h);
  });
});

describe('errors on public pages', () => {
  it('a server fault (missing PUBLIC_DATA_KEY) gives a 500 page in the reader language, no internals, public CSP', async () => {
    const misconfigured = { ...env, PUBLIC_DATA_KEY: '' };
    const claim = await publishedClaim();
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'text/html',
        'Accept-Language': 'fr',
        'Sec-Fetch-Site': 'same-origin',
      },
    });
    const cases: [string, RequestInit, string][] = [
      ['/submit', form(validFields()), 'Une erreur est survenue. Réessayez.'],
      [`/claims/${claim.id}/feedback?lang=ar`, form({ helpful: 'yes' }), 'حدث خطأ. حاول مرة أخرى.'],
    ];
    for (const [path, init, message] of cases) {
      const res = await app.request(`http://x${path}`, init, misconfigured);
      expect(res.status, path).toBe(500);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).not.toContain('PUBLIC_DATA_KEY');
      expect(html).not.toMatch(/at \S+ \(/);
      expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('Cache-Control')).toBe('no-store');
    }
  });
});
