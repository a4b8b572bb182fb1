import { describe, expect, it } from 'vitest';
import { call, callJson, d1Queries, makeUser } from '../helpers';
import { jsonLdBlocks, publishedClaim, unpublishedClaim } from './fixtures';

describe('GET /claims/:id', () => {
  it('renders a published claim with verdict, sources, dates and strict headers', async () => {
    const claim = await publishedClaim({
      sources: [
        { title: 'Labour survey', stance: 'refutes' },
        { title: 'Context note', stance: 'context', url: 'https://ctx.example/' },
      ],
    });
    const res = await call(`/claims/${claim.id}`, { headers: { 'Accept-Language': 'en' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(claim.text);
    expect(html).toContain('False');
    expect(html).toContain('Unemployment did not fall by 12%');
    expect(html).toContain('Labour survey');
    expect(html).toContain('refutes the claim');
    expect(html).toContain('A. Minister');
    expect(html).toMatch(
      /<link rel="canonical" href="https:\/\/claimdesk.test\/claims\/[0-9a-z]+"/,
    );
    expect(html).toContain(
      `type="application/json+oembed" href="https://claimdesk.test/oembed?url=https%3A%2F%2Fclaimdesk.test%2Fclaims%2F${claim.id}&amp;format=json"`,
    );
    expect(html).toContain('Embed this');
    // The box's snippets carry the reader's language (card and alt text agree).
    expect(html).toContain(
      `&lt;iframe src=&quot;https://claimdesk.test/embed/${claim.id}?lang=en&quot;`,
    );
    expect(html).toContain('property="og:title"');
    expect(html).toContain(
      `<link rel="alternate" hreflang="ar" href="https://claimdesk.test/claims/${claim.id}?lang=ar"`,
    );
    expect(html).toContain('name="twitter:card"');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('Set-Cookie')).toBeNull();
    expect(res.headers.get('Cache-Control')).toMatch(/^public, no-cache, s-maxage=\d+$/);
    expect(res.headers.get('ETag')).toBeTruthy();
    // The page read, then its related fact-checks (published matches): this claim's list was
    // never stored (test/public/related.test.ts: one round trip once it is).
    expect(d1Queries(res)).toBe(2);
  });

  it('answers 304 to a matching If-None-Match and a new ETag after a correction', async () => {
    const claim = await publishedClaim();
    const first = await call(`/claims/${claim.id}`);
    const etag = first.headers.get('ETag')!;
    const again = await call(`/claims/${claim.id}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Through the API, so the write purges the cached page (purgeChanged) like any editor's.
    const editor = await makeUser('editor');
    await new Promise((r) => setTimeout(r, 5));
    const { res: draft } = await callJson(`/api/v1/claims/${claim.id}/draft`, {
      token: editor.token,
      method: 'POST',
    });
    expect(draft.status).toBe(201);
    const { res: added } = await callJson(`/api/v1/claims/${claim.id}/verdicts`, {
      token: editor.token,
      body: { ratingKey: 'mixed', headline: 'Partly', explanation: 'x', language: 'en' },
    });
    expect(added.status).toBe(201);
    const { res: published } = await callJson(`/api/v1/claims/${claim.id}/draft/publish`, {
      token: editor.token,
      body: { note: 'New data' },
      headers: { 'If-Match': draft.headers.get('ETag')! },
    });
    expect(published.status).toBe(200);
    const after = await call(`/claims/${claim.id}`, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(etag);
  });

  it('shows the corrections log: each version after the first with its note', async () => {
    const claim = await publishedClaim({
      rating: 'false',
      corrections: [
        { rating: 'mostly-false', note: 'We misread table 3.' },
        { rating: 'mixed', note: 'A revised series was published.' },
      ],
    });
    const html = await (await call(`/claims/${claim.id}`)).text();
    expect(html).toContain('We misread table 3.');
    expect(html).toContain('A revised series was published.');
    // The page opens with the banner; the record shows the rating before and after and the
    // earlier wording of what changed.
    expect(html).toMatch(
      /<p class="record-banner record-correction" role="note"><strong>Corrected on<\/strong>/,
    );
    expect(html.match(/class="correction record-entry record-correction"/g)).toHaveLength(2);
    expect(html).toContain('changed to');
    expect(html).toContain('Earlier wording');
    expect(html).toContain('Unemployment did not fall by 12%');
    const verdict = html.slice(html.indexOf('id="verdict-h"'), html.indexOf('id="sources-h"'));
    expect(verdict).toContain('Mixed');
    expect(html).toContain('Updated');
  });

  it('is 404 for claims that are not published, and for unknown ids', async () => {
    const draft = await unpublishedClaim();
    for (const path of [`/claims/${draft.id}`, '/claims/zzzzzzzzzzzzzzzz', '/claims/not!an!id']) {
      const res = await call(path, { headers: { Accept: 'text/html' } });
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain(draft.text);
    }
  });

  it('renders Arabic claims right-to-left with Arabic UI and Arabic-Indic digits', async () => {
    const claim = await publishedClaim({
      text: 'ارتفعت البطالة بنسبة ١٢٪ في عام ٢٠٢٥',
      language: 'ar',
      headline: 'لم ترتفع البطالة بنسبة ١٢٪',
      claimant: 'وزير المالية',
    });
    const html = await (await call(`/claims/${claim.id}?lang=ar`)).text();
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toMatch(/<h1 lang="ar" dir="rtl" class="claim-text">ارتفعت البطالة/);
    expect(html).toContain('خاطئ');
    expect(html).toContain('حكمنا');
    expect(html).toMatch(/[٠-٩]{4}/);
  });

  it('uses PUBLIC_ORIGIN-independent canonical from the request when unset', async () => {
    const claim = await publishedClaim();
    const html = await (await call(`/claims/${claim.id}?lang=fr&utm=x`)).text();
    expect(html).toContain(
      `<link rel="canonical" href="https://claimdesk.test/claims/${claim.id}"/>`.replace(
        '"/>',
        '"',
      ),
    );
    expect(jsonLdBlocks(html)).toHaveLength(1);
  });
});
