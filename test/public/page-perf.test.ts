import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { claimPageKey } from '../../worker/http/page-cache';
import { formatDate, strings } from '../../worker/i18n/public';
import { publishedClaim } from './fixtures';

/** What the claim page's hot path keeps between requests must not change what a page says. */
describe('claim page hot path', () => {
  it('formats dates with one formatter per locale, each locale its own form, interleaved', () => {
    const iso = '2026-01-15T10:00:00.000Z';
    const fresh = (tag: string) =>
      new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
    for (let round = 0; round < 2; round++) {
      expect(formatDate(iso, 'en')).toBe('January 15, 2026');
      expect(formatDate(iso, 'ar')).toBe(fresh('ar-u-nu-arab'));
      expect(formatDate(iso, 'ar')).toContain('٢٠٢٦');
      expect(formatDate(iso, 'fr')).toBe('15 janvier 2026');
      expect(formatDate('2025-12-31', 'en')).toBe('December 31, 2025');
    }
    expect(formatDate('not a date', 'fr')).toBe('not a date');
    expect(formatDate(null, 'ar')).toBe('');
  });

  it('writes Arabic counts in Arabic-Indic digits as before', () => {
    const t = strings('ar');
    expect(t.claim.version(12)).toBe(`الإصدار ${(12).toLocaleString('ar-u-nu-arab')}`);
    expect(t.claim.version(3)).toBe('الإصدار ٣');
    expect(t.errors.tooLong(500)).toContain('٥٠٠');
  });

  it('answers a miss at once and stores the same page in the Cache API after it (waitUntil)', async () => {
    const claim = await publishedClaim();
    const origin = env.PUBLIC_ORIGIN ? new URL(env.PUBLIC_ORIGIN).origin : 'https://claimdesk.test';
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request(`https://claimdesk.test/claims/${claim.id}?lang=fr`, {
        headers: { Accept: 'text/html' },
      }),
      env,
      ctx,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('Server-Timing')).toContain('edge;desc="miss"');
    const html = await res.text();
    await waitOnExecutionContext(ctx);
    const stored = await caches.default.match(claimPageKey(origin, claim.id, 'fr', true));
    expect(stored).toBeDefined();
    expect(await stored!.text()).toBe(html);
    // The copy was taken before the answer went out: no tier of this request, no per-request id.
    expect(stored!.headers.get('Server-Timing') ?? '').not.toContain('edge;desc=');
    expect(stored!.headers.get('ETag')).toBe(res.headers.get('ETag'));
    expect(stored!.headers.get('Content-Language')).toBe('fr');
  });
});
