import { proposeClaimReviewed } from '../../worker/lib/claim-reviewed';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers';
import { jsonLdBlocks, publishedClaim } from './fixtures';
import { postForm, validFields } from './submit-helpers';
import { xmlProblems } from './xml-check';

const RLO = '\u202E';
const hostileText = `Prices </script><script>alert(1)</script> "onmouseover="alert(2) <img src=x onerror=alert(3)> ${RLO}fdp.exe tax 5%`;

async function hostileClaim() {
  return publishedClaim({
    text: `${hostileText} ${Math.random().toString(36).slice(2)}`,
    claimant: `<img src=x onerror=alert(4)>${RLO}evil`,
    appearances: ['javascript:alert(5)', 'https://ok.example/a"><script>alert(6)</script>'],
    headline: `</script><script>alert(7)</script>${RLO}`,
    explanation: '<iframe src="javascript:alert(8)"></iframe>',
    sources: [
      {
        url: 'javascript:alert(9)',
        title: '<svg onload=alert(10)>',
        publisher: '<b>pub</b>',
        excerpt: '<script>alert(11)</script>',
      },
      {
        url: 'https://good.example/x',
        title: 'fine',
        archivedUrl: 'data:text/html,<script>alert(12)</script>',
      },
    ],
    corrections: [
      { rating: 'mixed', note: '<script>alert(13)</script>', headline: '</script><!--' },
    ],
  });
}

/** What must never appear in an HTML page built from hostile data. */
function assertInert(html: string, expectedScripts: number) {
  expect(html).not.toMatch(/<script>alert/i);
  expect(html).not.toMatch(/<img src=x/i);
  expect(html).not.toMatch(/<svg onload/i);
  expect(html).not.toMatch(/<iframe src="javascript/i);
  expect(html).not.toMatch(/<b>pub/);
  expect(html).not.toMatch(/href="\s*(javascript|data):/i);
  expect(html).not.toMatch(/src="\s*(javascript|data):/i);
  expect(html).not.toContain('"onmouseover="');
  // A form gives back what the reader typed, inside its textarea/input only.
  expect(
    html.replace(/<textarea[^>]*>[^<]*<\/textarea>/g, '').replace(/<input[^>]*>/g, ''),
  ).not.toContain(RLO);
  expect([...html.matchAll(/<script\b/gi)]).toHaveLength(expectedScripts);
}

describe('hostile claim texts, source titles and URLs on every public page', () => {
  it('claim page: escaped text, no javascript:/data: links, JSON-LD intact, no RLO', async () => {
    const claim = await hostileClaim();
    const html = await (await call(`/claims/${claim.id}`)).text();
    // The JSON-LD block and our own /js/claim-page.js (copy buttons, embed options).
    assertInert(html, 2);
    expect(html).toContain('<script src="/js/claim-page.js" defer="">');
    const [doc] = jsonLdBlocks(html) as Record<string, any>[];
    // claimReviewed is the claim's own wording; the current verdict's conclusion is the headline.
    // (proposed from the text at first publication, since no editor wrote one)
    expect(doc!.claimReviewed).toBe(proposeClaimReviewed(claim.text));
    expect(doc!.claimReviewed.length).toBeLessThanOrEqual(75);
    expect(doc!.headline).toBe('</script><!--');
    expect(doc!.itemReviewed.appearance).toEqual([
      { '@type': 'CreativeWork', url: 'https://ok.example/a"><script>alert(6)</script>' },
    ]);
    expect(html).toContain('&lt;svg onload=alert(10)&gt;');
    expect(html).toContain('<span class="unlinked">');
    expect(html).toContain('fdp.exe');
  });

  it('home and list pages (plain and search)', async () => {
    const claim = await hostileClaim();
    for (const path of [
      '/',
      '/claims',
      `/claims?q=${encodeURIComponent('prices tax')}`,
      `/claims?q=${encodeURIComponent('<script>alert(1)</script>')}`,
    ]) {
      const html = await (await call(path)).text();
      assertInert(html, 0);
      if (path !== '/claims?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E')
        expect(html, path).toContain(`/claims/${claim.id}`);
    }
  });

  it('submit form re-render, check matches and tracking page', async () => {
    const claim = await hostileClaim();
    const fields = validFields({
      text: claim.text,
      where_text: '"><script>alert(14)</script>',
      email: '"><img src=x onerror=alert(15)>',
    });
    const invalid = await (await postForm('/submit', fields)).text();
    assertInert(invalid, 1);
    const checked = await (await postForm('/submit/check', { ...fields, email: '' })).text();
    assertInert(checked, 1);
    expect(checked).toContain(`/claims/${claim.id}`);
    const res = await postForm('/submit', { ...fields, email: '', where_url: '' });
    expect(res.status).toBe(303);
    const track = await (await call(res.headers.get('Location')!)).text();
    assertInert(track, 0);
    const json = await (
      await call(`/submit/matches?text=${encodeURIComponent(claim.text)}`)
    ).json();
    expect(JSON.stringify(json)).toContain('alert(1)');
  });

  it('feedback form re-render keeps a hostile reason inert', async () => {
    const claim = await hostileClaim();
    const res = await postForm(`/claims/${claim.id}/feedback`, {
      reason: '</textarea><script>alert(16)</script>',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    assertInert(html, 2);
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;alert(16)&lt;/script&gt;</textarea>');
  });

  it('feeds stay well-formed and escaped', async () => {
    await hostileClaim();
    const xml = await (await call('/feeds/atom.xml')).text();
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).not.toMatch(/<script>/);
    expect(xml).not.toContain(RLO);
    const feed = await (await call('/feeds/claimreview.json')).text();
    expect(() => JSON.parse(feed)).not.toThrow();
  });
});
