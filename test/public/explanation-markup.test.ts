import { describe, expect, it } from 'vitest';
import { call } from '../helpers';
import { publishedClaim } from './fixtures';

const EXPLANATION =
  'The office reports a **2%** fall.\nSee table 3.\n\nThe [labour survey](https://stats.example/lfs?y=2025&t=3) agrees; <b>not bold</b>.\n\n- first\n- second';

describe('verdict explanations in markup, public side', () => {
  it('the claim page shows two paragraphs, a line break, a list and a safe link', async () => {
    const claim = await publishedClaim({ language: 'ar', explanation: EXPLANATION });
    const res = await call(`/claims/${claim.id}`, { headers: { 'Accept-Language': 'en' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const block = html.match(/<div class="verdict-explanation"[\s\S]*?<\/div>/)?.[0] ?? '';
    expect(block).toMatch(/^<div class="verdict-explanation" lang="ar" dir="rtl">/);
    expect(block.match(/<p dir="auto">/g)).toHaveLength(2);
    expect(block).toContain(
      '<p dir="auto">The office reports a <strong>2%</strong> fall.<br/>See table 3.</p>',
    );
    expect(block).toContain(
      '<a href="https://stats.example/lfs?y=2025&amp;t=3" rel="nofollow ugc noopener"><bdi>labour survey</bdi></a> agrees; &lt;b&gt;not bold&lt;/b&gt;.</p>',
    );
    expect(block).toContain('<ul><li dir="auto">first</li><li dir="auto">second</li></ul>');
    // Meta description: plain text, no markers.
    const description = html.match(/<meta name="description" content="([^"]*)"/)?.[1] ?? '';
    expect(description).toContain('The office reports a 2% fall. See table 3.');
    expect(description).not.toContain('**');
  });

  it('the Atom feed carries the explanation as plain text', async () => {
    const claim = await publishedClaim({ explanation: EXPLANATION });
    const xml = await (await call('/feeds/atom.xml')).text();
    const entry = xml.split('<entry>').find((e) => e.includes(claim.id)) ?? '';
    expect(entry).toContain('The office reports a 2% fall.\nSee table 3.');
    expect(entry).toContain('The labour survey (https://stats.example/lfs?y=2025&amp;t=3) agrees');
    expect(entry).toContain('- first\n- second');
    expect(entry).not.toContain('**');
  });
});
