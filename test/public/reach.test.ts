import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { sitemapIndex, sitemapPage } from '../../d1/sitemap';
import { csvCell, csvRow } from '../../worker/lib/csv';
import { sitemapIndexXml } from '../../worker/seo/sitemap';
import { call } from '../helpers';
import { bulkPublished, type BulkClaim } from './bulk';
import { atomProblems, childText, xmlProblems } from './xml-check';

const ORIGIN = 'https://claimdesk.test';
let bulk: BulkClaim[];
let published: string[];

beforeAll(async () => {
  bulk = await bulkPublished(260, 3);
  published = bulk.filter((b) => b.status === 'published').map((b) => b.id);
});

/** Every claim id a document links as `/claims/<id>` in the given element, in order. */
function claimIds(doc: string, tag: string): string[] {
  return [...doc.matchAll(new RegExp(`<${tag}>${ORIGIN}/claims/([0-9a-z]+)</${tag}>`, 'g'))].map(
    (m) => m[1]!,
  );
}

function expectEachOnce(seen: string[], wanted: string[]) {
  expect(new Set(seen).size).toBe(seen.length);
  const set = new Set(seen);
  expect(wanted.filter((id) => !set.has(id))).toEqual([]);
}

describe('paged feeds cover every published fact-check', () => {
  it('Atom: rel="next" pages (RFC 5005) with no gap or repeat, retractions left out', async () => {
    const seen: string[] = [];
    let url: string | null = '/feeds/atom.xml';
    let pages = 0;
    while (url) {
      const res = await call(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/);
      expect(res.headers.get('Last-Modified')).toBeTruthy();
      const xml = await res.text();
      expect(xmlProblems(xml)).toEqual([]);
      expect(atomProblems(xml)).toEqual([]);
      expect(childText(xml, 'id')).toBe(`${ORIGIN}/feeds/atom.xml`);
      expect(xml).toContain(
        `<link rel="first" type="application/atom+xml" href="${ORIGIN}/feeds/atom.xml"/>`,
      );
      const ids = claimIds(xml, 'id');
      expect(ids.length).toBeLessThanOrEqual(50);
      seen.push(...ids);
      const next = /<link rel="next" type="application\/atom\+xml" href="([^"]+)"\/>/.exec(xml);
      url = next ? next[1]!.replace(ORIGIN, '').replace(/&amp;/g, '&') : null;
      if (url) expect(res.headers.get('Link')).toContain('rel="next"');
      pages++;
    }
    expect(pages).toBeGreaterThanOrEqual(6);
    expectEachOnce(seen, published);
    for (const r of bulk.filter((b) => b.status === 'retracted')) expect(seen).not.toContain(r.id);
  });

  it('DataFeed: the `next` URL walks every published claim once, each with dateModified', async () => {
    const seen: string[] = [];
    let url: string | null = '/feeds/claimreview.json';
    while (url) {
      const res = await call(url);
      expect(res.status).toBe(200);
      const etag = res.headers.get('ETag')!;
      const feed = (await res.json()) as {
        dataFeedElement: { url: string; dateModified: string }[];
        next?: string;
      };
      for (const item of feed.dataFeedElement) {
        expect(Number.isNaN(Date.parse(item.dateModified))).toBe(false);
        seen.push(item.url.slice(`${ORIGIN}/claims/`.length));
      }
      expect((await call(url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
      url = feed.next ? feed.next.replace(ORIGIN, '') : null;
    }
    expectEachOnce(seen, published);
  });

  it('refuses a malformed cursor', async () => {
    const res = await call('/feeds/atom.xml?before=2025-01-01;DROP', {
      headers: { Accept: 'text/html' },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/SELECT|at \w+ \(/);
  });
});

describe('GET /feeds/fact-checks.csv', () => {
  it('lists every published fact-check once, UTF-8 with BOM, quoted, formulas defused', async () => {
    const res = await call('/feeds/fact-checks.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(res.headers.get('Last-Modified')).toBeTruthy();
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);
    expect(text.startsWith('\uFEFF"id","url","claim","claimant","claim_date","rating_key"')).toBe(
      true,
    );
    const ids = [...text.matchAll(/\r\n"([0-9a-z]{16})","https:/g)].map((m) => m[1]!);
    expectEachOnce(ids, published);
    const sample = bulk.find((b) => b.text.includes('#7\n') || b.text.endsWith('#7'))!;
    expect(text).toContain(`"${sample.text.replace(/"/g, '""')}"`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).toContain(`"'-1 is not the answer"`);
    expect(text).not.toMatch(/,"=/);
    const etag = res.headers.get('ETag')!;
    expect(
      (await call('/feeds/fact-checks.csv', { headers: { 'If-None-Match': etag } })).status,
    ).toBe(304);
  });

  it('csvCell guards every formula lead and doubles quotes', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('+33 1')).toBe(`"'+33 1"`);
    expect(csvCell('-x')).toBe(`"'-x"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tx')).toBe(`"'\tx"`);
    expect(csvCell('a "b", c')).toBe(`"a ""b"", c"`);
    expect(csvCell('خاطئ في معظمه')).toBe('"خاطئ في معظمه"');
    expect(csvCell(null)).toBe('""');
    expect(csvRow(['a', 'b\nc'])).toBe('"a","b\nc"\r\n');
  });
});

describe('GET /sitemap.xml', () => {
  it('lists home, list and every public claim page (retracted too) with lastmod and hreflang', async () => {
    const res = await call('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(res.headers.get('Last-Modified')).toBeTruthy();
    const xml = await res.text();
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"');
    expect(xml).toContain(`<loc>${ORIGIN}/</loc>`);
    expect(xml).toContain(`<loc>${ORIGIN}/claims</loc>`);
    expectEachOnce(
      claimIds(xml, 'loc'),
      bulk.map((b) => b.id),
    );
    const one = bulk[0]!.id;
    const entry = xml.split('<url>').find((u) => u.includes(`/claims/${one}<`))!;
    expect(childText(entry, 'lastmod')).toBe('2025-01-01T00:00:00.000Z');
    for (const l of ['ar', 'en', 'fr'])
      expect(entry).toContain(
        `<xhtml:link rel="alternate" hreflang="${l}" href="${ORIGIN}/claims/${one}?lang=${l}"/>`,
      );
    const etag = res.headers.get('ETag')!;
    expect((await call('/sitemap.xml', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it('pages bounded by seq cover every public claim once (d1, small pages)', async () => {
    const { starts } = await sitemapIndex(env.DB, 40);
    expect(starts.length).toBeGreaterThanOrEqual(7);
    const seen: string[] = [];
    for (let k = 0; k < starts.length; k++) {
      const page = await sitemapPage(env.DB, k === 0 ? 0 : starts[k]!, starts[k + 1] ?? null);
      expect(page.length).toBeLessThanOrEqual(40);
      seen.push(...page.map((e) => e.id));
    }
    expectEachOnce(
      seen,
      bulk.map((b) => b.id),
    );
  });

  it('serves a page named by from/to, and refuses malformed bounds', async () => {
    const { starts } = await sitemapIndex(env.DB, 40);
    const res = await call(`/sitemap.xml?from=${starts[1]}&to=${starts[2]}`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xmlProblems(xml)).toEqual([]);
    expect(claimIds(xml, 'loc')).toHaveLength(40);
    expect(xml).not.toContain(`<loc>${ORIGIN}/</loc>`);
    expect((await call('/sitemap.xml?from=abc', { headers: { Accept: 'text/html' } })).status).toBe(
      400,
    );
  });
});

describe('sitemapIndexXml', () => {
  it('is a well-formed sitemap index with escaped page URLs', () => {
    const xml = sitemapIndexXml([
      { loc: `${ORIGIN}/sitemap.xml?from=0&to=12`, lastmod: '2026-01-01T00:00:00.000Z' },
      { loc: `${ORIGIN}/sitemap.xml?from=12` },
    ]);
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain(`<loc>${ORIGIN}/sitemap.xml?from=0&amp;to=12</loc>`);
    expect(xml.match(/<sitemap>/g)).toHaveLength(2);
  });
});

describe('robots.txt and icons', () => {
  it('allows public pages, keeps crawlers out of the desk and the API, names the sitemap', async () => {
    const res = await call('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('ETag')).toBeTruthy();
    const body = await res.text();
    expect(body).toMatch(/^User-agent: \*$/m);
    expect(body).toMatch(/^Allow: \/$/m);
    expect(body).toMatch(/^Disallow: \/desk$/m);
    expect(body).toMatch(/^Disallow: \/api$/m);
    expect(body).toMatch(new RegExp(`^Sitemap: ${ORIGIN}/sitemap.xml$`, 'm'));
  });

  it('/favicon.ico leads to the SVG icon the layout links', async () => {
    const res = await exports.default.fetch(
      new Request(`${ORIGIN}/favicon.ico`, { redirect: 'manual' }),
    );
    expect(res.status).toBe(301);
    expect(res.headers.get('Location')).toBe('/favicon.svg');
    const home = await (await call('/', { headers: { Accept: 'text/html' } })).text();
    expect(home).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
  });
});

describe('404 in the site chrome and the reader language', () => {
  it('an unknown path in Arabic: lang="ar" dir="rtl", the layout, a way home and to search', async () => {
    const res = await call('/no/such/page', {
      headers: { Accept: 'text/html', 'Accept-Language': 'ar' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Language')).toBe('ar');
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('class="site-header"');
    expect(html).toContain('الصفحة غير موجودة');
    expect(html).toContain('<a href="/">الذهاب إلى الصفحة الرئيسية</a>');
    expect(html).toMatch(/<form method="get" action="\/claims" role="search">/);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
  });

  it('?lang=fr wins over Accept-Language and is carried on the links', async () => {
    const html = await (
      await call('/nowhere?lang=fr', { headers: { Accept: 'text/html', 'Accept-Language': 'ar' } })
    ).text();
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('Page introuvable');
    expect(html).toContain('<a href="/?lang=fr">');
    expect(html).toContain('<input type="hidden" name="lang" value="fr"/>');
  });

  it('an unknown claim id gets the same page; /api keeps problem+json, /desk its own page', async () => {
    const claim = await call('/claims/0000000000000000', {
      headers: { Accept: 'text/html', 'Accept-Language': 'ar' },
    });
    expect(claim.status).toBe(404);
    expect(await claim.text()).toContain('<html lang="ar" dir="rtl">');
    const api = await call('/api/v1/nothing', { headers: { Accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('Content-Type')).toContain('application/problem+json');
    const desk = await call('/desk/nothing-here', {
      headers: { Accept: 'text/html', 'Accept-Language': 'ar' },
    });
    expect(desk.status).toBe(404);
    expect(await desk.text()).not.toContain('class="site-header"');
  });
});
