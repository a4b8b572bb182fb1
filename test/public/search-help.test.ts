/** The reader's search: count, marked words (escaped), sort, filters, and the empty result's way forward. */
import { describe, expect, it } from 'vitest';
import { call, unique } from '../helpers';
import { publishedClaim } from './fixtures';
import { highlightRuns } from '../../worker/lib/highlight';
import { resultCount } from '../../worker/i18n/reader-search';
import { freezeClock } from '../clock';

const page = async (path: string, lang?: string) => {
  const res = await call(path, lang ? { headers: { 'Accept-Language': lang } } : {});
  expect(res.status).toBe(200);
  return res.text();
};
const ids = (html: string) =>
  [...html.matchAll(/href="\/claims\/([0-9a-z]{16})[?"]/g)].map((m) => m[1]!);
const tag = () => unique('Zq').toLowerCase().replace(/[0-9]/g, 'k');

describe('home page', () => {
  it('has a search box that GETs /claims (no JavaScript needed)', async () => {
    const html = await page('/?lang=ar');
    expect(html).toMatch(/<form class="home-search" method="get" action="\/claims" role="search">/);
    expect(html).toContain('name="q"');
    expect(html).toContain('<input type="hidden" name="lang" value="ar"/>');
  });
});

describe('result count', () => {
  it('counts the matches, plural-aware in en, ar and fr', async () => {
    const t = tag();
    for (let i = 0; i < 3; i++) await publishedClaim({ text: `${t} harbour claim ${i}` });
    expect(await page(`/claims?q=${t}`)).toContain(
      '<p class="result-count" role="status">3 fact-checks</p>',
    );
    expect(await page(`/claims?q=${t}&lang=fr`)).toContain('3 vérifications');
    expect(await page(`/claims?q=${t}&lang=ar`)).toContain('٣ تحققات');
    expect(resultCount(1, 'en')).toBe('1 fact-check');
    expect(resultCount(1, 'fr')).toBe('1 vérification');
    expect(resultCount(0, 'fr')).toBe('0 vérification');
    expect(resultCount(2, 'ar')).toBe('تحققان');
    expect(resultCount(11, 'ar')).toBe('١١ تحققًا');
    expect(resultCount(100, 'ar')).toBe('١٠٠ تحقق');
    expect(resultCount(1000, 'en', true)).toBe('More than 1,000 fact-checks');
  });
});

describe('marked words', () => {
  it('marks the query words in the display text and escapes everything', async () => {
    const t = tag();
    const claim = await publishedClaim({
      text: `${t} <script>alert(1)</script> "quoted" OR NEAR(x) said <b>bold</b>`,
    });
    const html = await page(`/claims?q=${encodeURIComponent(`${t} script`)}`);
    expect(ids(html)).toContain(claim.id);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain(
      `<mark>${t}</mark> &lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;`,
    );
    // FTS operators in the query are words, not syntax: no error, no injection.
    for (const q of ['OR', 'NEAR(x', '"', `${t}*`, `${t} AND -x`, '<mark>', '^']) {
      const res = await call(`/claims?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).not.toMatch(/<mark>[^<]*<mark>/);
      expect(body).not.toContain('<mark><mark>');
    }
  });

  it('marks an Arabic word with its harakat when the query has none (and the reverse)', () => {
    const display = 'قالَ الوزيرُ إنَّ أَسْعَارَ القمحِ ارتفعت';
    const runs = highlightRuns(display, 'اسعار');
    expect(runs.filter((r) => r.mark).map((r) => r.text)).toEqual(['أَسْعَارَ']);
    expect(runs.map((r) => r.text).join('')).toBe(display);
    const plain = highlightRuns('ارتفعت أسعار القمح', 'أَسْعَارُ الْقَمْحِ');
    expect(plain.filter((r) => r.mark).map((r) => r.text)).toEqual(['أسعار', 'القمح']);
    expect(highlightRuns('Élection à Paris', 'election').find((r) => r.mark)?.text).toBe(
      'Élection',
    );
    expect(highlightRuns('<b>', '<b>')).toEqual([
      { text: '<', mark: false },
      { text: 'b', mark: true },
      { text: '>', mark: false },
    ]);
    expect(highlightRuns('no match here', 'zzz')).toEqual([{ text: 'no match here', mark: false }]);
  });

  it('marks an Arabic search on the page, vocalized text included', async () => {
    const letters = 'بتثجحخدذرزسشصضطظعغفقكمن';
    const word = `قمح${[...unique('')].map((ch) => letters[ch.charCodeAt(0) % letters.length]).join('')}`;
    const claim = await publishedClaim({ text: `أَسْعَارُ الـ${word} ارتفعت`, language: 'ar' });
    const html = await page(`/claims?q=${encodeURIComponent(`اسعار ${word}`)}&lang=ar`);
    expect(ids(html)).toContain(claim.id);
    expect(html).toContain('<mark>أَسْعَارُ</mark>');
    expect(html).toContain(`<mark>الـ${word}</mark>`);
  });
});

describe('sort', () => {
  it('orders by relevance (bm25) by default, by date on request', async () => {
    const t = tag();
    const strong = await publishedClaim({ text: `${t} ${t} ${t} grain` });
    const weak = await publishedClaim({
      text: `${t} a long sentence about many other things that dilute the single mention of it`,
    });
    expect(ids(await page(`/claims?q=${t}`))).toEqual([strong.id, weak.id]);
    expect(ids(await page(`/claims?q=${t}&sort=date`))).toEqual([weak.id, strong.id]);
    expect((await call(`/claims?q=${t}&sort=random`)).status).toBe(400);
  });

  it('pages by relevance with a seek cursor, each hit once', async () => {
    const t = tag();
    const made: string[] = [];
    for (let i = 0; i < 23; i++)
      made.push((await publishedClaim({ text: `${t} ${'filler '.repeat(i % 5)}n${i}` })).id);
    const seen: string[] = [];
    let path: string | null = `/claims?q=${t}`;
    while (path) {
      const html = await page(path);
      seen.push(...ids(html));
      const next = html.match(/<a href="([^"]+)" rel="next">/)?.[1]?.replace(/&amp;/g, '&');
      if (next) expect(next).toMatch(/cursor=r-?[\d.e-]+(~|%7E)\d+$/);
      path = next ?? null;
    }
    expect([...seen].sort()).toEqual([...made].sort());
    expect((await call(`/claims?q=${t}&cursor=r1~x`)).status).toBe(400);
  });
});

describe('filters', () => {
  it('filters by rating, language, claimant and date range, all in the URL', async () => {
    freezeClock(); // `today` below is the day the claims were published, even at midnight
    const t = tag();
    const a = await publishedClaim({ text: `${t} alpha`, rating: 'false', claimant: 'Ana Ruiz' });
    const b = await publishedClaim({
      text: `${t} beta`,
      rating: 'true',
      language: 'fr',
      claimant: 'Bob 50%_x',
    });
    expect(ids(await page(`/claims?q=${t}&rating=false`))).toEqual([a.id]);
    expect(ids(await page(`/claims?q=${t}&language=fr`))).toEqual([b.id]);
    expect(ids(await page(`/claims?q=${t}&claimant=ana`))).toEqual([a.id]);
    // LIKE wildcards in the claimant filter are literal.
    expect(ids(await page(`/claims?q=${t}&claimant=${encodeURIComponent('50%_')}`))).toEqual([
      b.id,
    ]);
    expect(ids(await page(`/claims?q=${t}&claimant=${encodeURIComponent('%')}`))).toEqual([b.id]);
    const today = new Date().toISOString().slice(0, 10);
    expect(ids(await page(`/claims?q=${t}&from=${today}&to=${today}`)).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(ids(await page(`/claims?q=${t}&to=2020-01-01`))).toEqual([]);
    expect(ids(await page(`/claims?q=${t}&from=2999-01-01`))).toEqual([]);
    // Without a query too.
    const listed = await page(`/claims?claimant=${encodeURIComponent('Bob 50%_x')}&from=${today}`);
    expect(ids(listed)).toContain(b.id);
    expect(ids(listed)).not.toContain(a.id);
    expect(listed).toMatch(/<input id="claimant" name="claimant" type="text" value="Bob 50%_x"/);
    for (const bad of ['from=2026-13-45', 'to=yesterday', `claimant=${'x'.repeat(101)}`])
      expect((await call(`/claims?${bad}`)).status).toBe(400);
  });
});

describe('empty result', () => {
  it('offers to send the claim, /submit prefilled with the query, in the reader’s language', async () => {
    const q = `${tag()} <b>&"`;
    const html = await page(`/claims?q=${encodeURIComponent(q)}&lang=ar`);
    expect(ids(html)).toEqual([]);
    expect(html).toContain('لم نتحقق من هذا بعد.');
    const href = html.match(/<a class="button" href="([^"]+)">/)?.[1]?.replace(/&amp;/g, '&');
    expect(href).toBeDefined();
    const url = new URL(href!, 'https://x.test');
    expect(url.pathname).toBe('/submit');
    expect(url.searchParams.get('text')).toBe(q);
    expect(url.searchParams.get('lang')).toBe('ar');
    const form = await page(href!);
    expect(form).toContain('&lt;b&gt;&amp;');
    expect(form).toContain('lang="ar"');
  });
});
