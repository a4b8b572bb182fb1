import { describe, expect, it } from 'vitest';
import { FRAME_SCRIPT, FRAME_SCRIPT_HASH } from '../../worker/embeds/frame-script';
import { call, d1Queries } from '../helpers';
import { makeClaim } from './fixtures';

describe('GET /embed/:id', () => {
  it('is a self-contained card: claim, rating, headline, link, height reporter', async () => {
    const id = await makeClaim({
      status: 'published',
      text: 'Crime <b>doubled</b> & "soared"',
      verdicts: [{ ratingKey: 'false', headline: 'Crime did not double' }],
    });
    const res = await call(`/embed/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Crime &lt;b&gt;doubled&lt;/b&gt; &amp; &quot;soared&quot;');
    expect(html).not.toContain('<b>doubled');
    expect(html).toContain('>False</span>');
    expect(html).toContain('Crime did not double');
    expect(html).toContain(`href="https://claimdesk.test/claims/${id}"`);
    expect(html).toContain(`data-claim="${id}"`);
    // Light unless asked (test/embeds/themes.test.ts covers dark and auto).
    expect(html).toContain(':root{color-scheme:light;');
    expect(html).not.toContain('prefers-color-scheme');
    expect(html).toContain(FRAME_SCRIPT);
    // No third-party (or any other) request: no src, no stylesheet link, no url() in CSS.
    expect(html).not.toMatch(/\ssrc=|<link|url\(/);
    expect(d1Queries(res)).toBe(1);
    expect(d1Queries(await call(`/embed/${id}`))).toBe(0);
  });

  it('is right to left in Arabic, with each block in its own language', async () => {
    const id = await makeClaim({
      status: 'published',
      language: 'en',
      text: 'Prices fell',
      verdicts: [{ ratingKey: 'true', headline: 'Prices fell', language: 'en' }],
    });
    const html = await (await call(`/embed/${id}?lang=ar`)).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(
      '<blockquote class="cd-quote" lang="en" dir="ltr">Prices fell</blockquote>',
    );
    expect(html).toContain('صحيح');
    expect(html).toContain(`/claims/${id}?lang=ar`);
  });

  it('shows in review and unknown states', async () => {
    const queued = await makeClaim({
      status: 'queued',
      language: 'fr',
      text: 'Le pain coûte 5 euros',
    });
    const review = await call(`/embed/${queued}`);
    expect(review.status).toBe(200);
    const text = await review.text();
    expect(text).toContain('en cours');
    expect(text).toContain('Le pain coûte 5 euros');
    const candidate = await makeClaim({ status: 'candidate', text: 'secret candidate text' });
    const hidden = await call(`/embed/${candidate}`);
    expect(hidden.status).toBe(404);
    const body = await hidden.text();
    expect(body).not.toContain('secret candidate text');
    expect(body).toContain('This claim is not available.');
    expect(hidden.headers.get('Cache-Control')).toBe('public, max-age=60');
  });

  it('allows its inline script by the hash in its CSP', async () => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(FRAME_SCRIPT));
    const b64 = btoa(String.fromCharCode(...new Uint8Array(digest)));
    expect(FRAME_SCRIPT_HASH).toBe(`'sha256-${b64}'`);
    const id = await makeClaim({ status: 'queued' });
    const csp = (await call(`/embed/${id}`)).headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain(`script-src ${FRAME_SCRIPT_HASH}`);
  });
});

describe('GET /oembed', () => {
  const oembed = (url: string, extra = '') =>
    call(`/oembed?url=${encodeURIComponent(url)}${extra}`);

  it('answers a rich oEmbed document for a claim page', async () => {
    const id = await makeClaim({
      status: 'published',
      text: 'The bridge cost 2 billion',
      verdicts: [{ ratingKey: 'mostly-true' }],
    });
    const res = await oembed(`https://claimdesk.test/claims/${id}`, '&format=json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      version: '1.0',
      type: 'rich',
      title: 'The bridge cost 2 billion',
      provider_url: 'https://claimdesk.test/',
      width: 550,
      cache_age: 300,
    });
    expect(doc.html).toMatch(
      new RegExp(
        `^<iframe src="https://claimdesk.test/embed/${id}" width="550" height="${doc.height}" .*></iframe>$`,
      ),
    );
    expect(typeof doc.height).toBe('number');
    expect(d1Queries(await oembed(`https://claimdesk.test/claims/${id}`))).toBe(0);
  });

  it('honours maxwidth/maxheight and the lang of the URL', async () => {
    const id = await makeClaim({ status: 'published', verdicts: [{ ratingKey: 'true' }] });
    const doc = (await (
      await oembed(`https://claimdesk.test/claims/${id}?lang=fr`, '&maxwidth=300&maxheight=150')
    ).json()) as Record<string, unknown>;
    expect(doc.width).toBe(300);
    expect(doc.height).toBeLessThanOrEqual(150);
    expect(doc.html).toContain(`/embed/${id}?lang=fr`);
  });

  it('says 404 for unknown, hidden or foreign URLs, 501 for other formats, 400 without url', async () => {
    const candidate = await makeClaim({ status: 'candidate' });
    const published = await makeClaim({ status: 'published', verdicts: [{ ratingKey: 'true' }] });
    for (const url of [
      'https://claimdesk.test/claims/0000000000000000',
      `https://claimdesk.test/claims/${candidate}`,
      `https://evil.example/claims/${published}`,
      'https://claimdesk.test/',
      'not a url',
    ]) {
      const res = await oembed(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=60');
    }
    expect((await oembed(`https://claimdesk.test/claims/${published}`, '&format=xml')).status).toBe(
      501,
    );
    expect((await call('/oembed')).status).toBe(400);
  });
});
