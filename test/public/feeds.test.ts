import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../worker/seo/atom';
import { call, d1Queries, unique } from '../helpers';
import { claimReviewProblems } from './claim-review-rules';
import { publishedClaim, unpublishedClaim } from './fixtures';
import { atomProblems, childText, xmlProblems } from './xml-check';

describe('GET /feeds/atom.xml', () => {
  it('is valid Atom with the newest published and corrected verdicts, drafts left out', async () => {
    const claim = await publishedClaim({
      text: `${unique('Feedtown ')} has 3 airports & 2 ports`,
      corrections: [{ rating: 'mixed', note: 'The rating changed after new figures came in.' }],
    });
    const draft = await unpublishedClaim();
    const res = await call('/feeds/atom.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    expect(d1Queries(res)).toBe(1);
    const xml = await res.text();
    expect(atomProblems(xml)).toEqual([]);
    const entry = xml.split('<entry').find((e) => e.includes(`/claims/${claim.id}<`))!;
    expect(childText(entry, 'title')).toBe(`Mixed: ${claim.text}`);
    expect(Date.parse(childText(entry, 'updated')!)).toBeGreaterThanOrEqual(
      Date.parse(childText(entry, 'published')!),
    );
    expect(xml).not.toContain(draft.text);
  });

  it('answers 304 to If-None-Match and to If-Modified-Since', async () => {
    await publishedClaim();
    const res = await call('/feeds/atom.xml');
    const etag = res.headers.get('ETag')!;
    const lastModified = res.headers.get('Last-Modified')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(res.headers.get('Cache-Control')).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
    expect(res.headers.get('Vary')).toBeNull();
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect((await call('/feeds/atom.xml', { headers: { 'If-None-Match': etag } })).status).toBe(
      304,
    );
    expect(
      (await call('/feeds/atom.xml', { headers: { 'If-Modified-Since': lastModified } })).status,
    ).toBe(304);
    expect(
      (
        await call('/feeds/atom.xml', {
          headers: { 'If-Modified-Since': 'Thu, 01 Jan 2004 00:00:00 GMT' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call('/feeds/atom.xml', {
          headers: { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified },
        })
      ).status,
    ).toBe(200);
  });

  it('changes its ETag when a verdict is published', async () => {
    const before = (await call('/feeds/atom.xml')).headers.get('ETag');
    await publishedClaim();
    expect((await call('/feeds/atom.xml')).headers.get('ETag')).not.toBe(before);
  });
});

describe('GET /feeds/claimreview.json', () => {
  it('is a schema.org DataFeed of valid ClaimReview items', async () => {
    const claim = await publishedClaim({ rating: 'unproven' });
    const res = await call('/feeds/claimreview.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/json');
    expect(d1Queries(res)).toBe(1);
    const feed = (await res.json()) as {
      '@type': string;
      dataFeedElement: Record<string, any>[];
      dateModified: string;
    };
    expect(feed['@type']).toBe('DataFeed');
    expect(Number.isNaN(Date.parse(feed.dateModified))).toBe(false);
    for (const item of feed.dataFeedElement) expect(claimReviewProblems(item)).toEqual([]);
    const mine = feed.dataFeedElement.find(
      (i) => i.url === `https://claimdesk.test/claims/${claim.id}`,
    )!;
    expect(claimReviewProblems(mine, { scale: null })).toEqual([]);
    const etag = res.headers.get('ETag')!;
    expect(
      (await call('/feeds/claimreview.json', { headers: { 'If-None-Match': etag } })).status,
    ).toBe(304);
  });
});

describe('atomFeed builder', () => {
  it('stays well-formed with markup, entities and control characters in the text', () => {
    const xml = atomFeed({
      selfUrl: 'https://f.example/feeds/atom.xml?a=1&b=2',
      siteUrl: 'https://f.example/',
      title: 'A & B <News>',
      author: '"Quotes" \'n\' stuff',
      updated: '2026-01-01T00:00:00.000Z',
      entries: [
        {
          url: 'https://f.example/claims/x',
          title: '</title><script>',
          language: 'ar',
          published: '2026-01-01T00:00:00.000Z',
          updated: '2026-01-01T00:00:00.000Z',
          summary: ']]>',
          content: 'bell\u0007 nul\u0000 &amp;',
        },
      ],
    });
    expect(xmlProblems(xml)).toEqual([]);
    expect(atomProblems(xml)).toEqual([]);
    expect(childText(xml, 'title')).toBe('A & B <News>');
  });
});
