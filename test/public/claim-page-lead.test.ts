import { describe, expect, it } from 'vitest';
import { call } from '../helpers';
import { publishedClaim } from './fixtures';

async function html(path: string, headers: Record<string, string> = {}) {
  const res = await call(path, { headers: { Accept: 'text/html', ...headers } });
  expect(res.status, path).toBe(200);
  return { res, html: await res.text() };
}

describe('claim page: lead block, share, embed, share image', () => {
  it('labels the claim and "Our verdict", with the rating, headline, organisation and date', async () => {
    const claim = await publishedClaim({ rating: 'mostly-false', headline: 'Not by 12% at all' });
    const { html: page } = await html(`/claims/${claim.id}?lang=en`);
    const lead = page.slice(
      page.indexOf('<header class="lead">'),
      page.indexOf('</header>', page.indexOf('<header class="lead">')),
    );
    expect(lead).toContain('<p class="lead-label">Claim</p>');
    expect(lead).toMatch(/<h2 id="verdict-h" class="lead-label">Our verdict<\/h2>/);
    expect(lead).toContain('class="rating rating-mostly-false"');
    expect(lead).toContain('fill="#bc4c00"'); // the rating's colour (band and dot)
    expect(lead).toContain('Mostly false');
    expect(lead).toContain('Not by 12% at all');
    expect(lead).toContain('<span class="byline-org">ClaimDesk Demo Newsroom</span>');
    expect(lead).toMatch(/Published <time datetime="[^"]+">/);
    expect(lead).toContain('href="/how-we-rate?lang=en"');
  });

  it('labels the lead block in Arabic and French', async () => {
    const claim = await publishedClaim();
    const ar = (await html(`/claims/${claim.id}?lang=ar`)).html;
    expect(ar).toContain('<p class="lead-label">الادعاء</p>');
    expect(ar).toContain('حكمنا');
    expect(ar).toContain('شارك هذا التحقّق');
    const fr = (await html(`/claims/${claim.id}?lang=fr`)).html;
    expect(fr).toContain('<p class="lead-label">Affirmation</p>');
    expect(fr).toContain('Notre verdict');
    expect(fr).toContain('Partager cette vérification');
  });

  it('lists related published fact-checks, linked, never the claim itself', async () => {
    const base = 'Reservoir levels in the northern dams dropped by forty percent';
    const a = await publishedClaim({ text: `${base} this summer` });
    const b = await publishedClaim({ text: `${base} this year` });
    const { html: page } = await html(`/claims/${a.id}`);
    const related = page.slice(page.indexOf('id="related-h"'));
    expect(related).toContain(`href="/claims/${b.id}"`);
    expect(related).not.toContain(`href="/claims/${a.id}"`);
    expect(related.match(/class="claim-card"/g)?.length ?? 0).toBeLessThanOrEqual(3);
  });

  it('shares the canonical URL with the headline, encoded, as plain links', async () => {
    const claim = await publishedClaim({ headline: 'Jobs & prices: not "12%"' });
    const { html: page } = await html(`/claims/${claim.id}`);
    const url = `https://claimdesk.test/claims/${claim.id}`;
    const u = encodeURIComponent(url);
    const t = encodeURIComponent('Jobs & prices: not "12%"');
    expect(page).toContain(`<input id="share-url" type="url" readonly="" value="${url}"`);
    const amp = (s: string) => s.replaceAll('&', '&amp;');
    expect(page).toContain(`href="${amp(`https://t.me/share/url?url=${u}&text=${t}`)}"`);
    expect(page).toContain(`href="${amp(`https://x.com/intent/post?url=${u}&text=${t}`)}"`);
    expect(page).toContain(`href="https://www.facebook.com/sharer/sharer.php?u=${u}"`);
    expect(page).toContain(
      `href="https://wa.me/?text=${encodeURIComponent(`Jobs & prices: not "12%" ${url}`)}"`,
    );
    expect(page).not.toMatch(/<script[^>]+src="https?:/); // no third-party script
    expect(page).toContain('<script src="/js/claim-page.js" defer=""></script>');
  });

  it('collapses "Embed this" behind <details>, with a preview and options that survive no-JS', async () => {
    const claim = await publishedClaim();
    const { html: page, res } = await html(`/claims/${claim.id}`);
    expect(page).toMatch(/<section class="embed-box"[^>]*><details><summary>/);
    // "Automatic" is the page's language, so the card and its title text agree.
    expect(page).toContain(`<iframe src="https://claimdesk.test/embed/${claim.id}?lang=en"`);
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-src 'self'");
    // The no-script form: the badge in Arabic; the details open on the answer.
    const chosen = (await html(`/claims/${claim.id}?elang=ar&estyle=badge&etheme=dark`)).html;
    expect(chosen).toMatch(/<details open="">/);
    expect(chosen).toContain(`<img src="https://claimdesk.test/badge/${claim.id}.svg?lang=ar"`);
    expect(chosen).toMatch(
      new RegExp(
        `\\[!\\[تحقق: [^\\]]+\\]\\(https://claimdesk\\.test/badge/${claim.id}\\.svg\\?lang=ar\\)\\]`,
      ),
    );
    const card = (await html(`/claims/${claim.id}?estyle=card&etheme=dark&elang=fr`)).html;
    expect(card).toContain(
      `&lt;iframe src=&quot;https://claimdesk.test/embed/${claim.id}?lang=fr&amp;amp;theme=dark&quot;`,
    );
  });

  it('links a 1200×630 share image with summary_large_image', async () => {
    const claim = await publishedClaim();
    const { html: page } = await html(`/claims/${claim.id}`);
    expect(page).toMatch(
      new RegExp(
        `<meta property="og:image" content="https://claimdesk.test/claims/${claim.id}/og.png\\?v=\\d+-\\d+"`,
      ),
    );
    expect(page).toContain('<meta property="og:image:width" content="1200"');
    expect(page).toContain('<meta property="og:image:height" content="630"');
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image"');
  });

  it('renders explanation paragraphs as separate paragraphs', async () => {
    const claim = await publishedClaim({ explanation: 'First paragraph.\n\nSecond paragraph.' });
    const { html: page } = await html(`/claims/${claim.id}`);
    expect(page).toMatch(/<p dir="auto">First paragraph.<\/p><p dir="auto">Second paragraph.<\/p>/);
  });
});

describe('GET /how-we-rate', () => {
  it('lists the scale in each language, best first, then the other ratings, and is cacheable', async () => {
    const en = await html('/how-we-rate?lang=en');
    const page = en.html;
    expect(page).toContain('<h1>How we rate</h1>');
    const order = [
      'True',
      'Mostly true',
      'Mixed',
      'Mostly false',
      'False',
      'Misleading',
      'Unproven',
    ];
    const at = order.map((l) => page.indexOf(`<span class="rating-label">${l}</span>`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(page).toContain('fill="#1a7f37"');
    expect(page).toContain('The claim is not accurate.');
    const etag = en.res.headers.get('ETag')!;
    expect(en.res.headers.get('Cache-Control')).toContain('s-maxage=');
    const again = await call('/how-we-rate?lang=en', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);

    const ar = (await html('/how-we-rate?lang=ar')).html;
    expect(ar).toMatch(/<html lang="ar" dir="rtl">/);
    expect(ar).toContain('<h1>كيف نقيّم</h1>');
    expect(ar).toContain('صحيح في معظمه');
    const fr = (await html('/how-we-rate?lang=fr')).html;
    expect(fr).toContain('Notre échelle de notation');
    expect(fr).toContain('Plutôt faux');
    // The footer links it from every public page.
    expect(fr).toContain('href="/how-we-rate"');
  });
});
