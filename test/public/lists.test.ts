import { describe, expect, it } from 'vitest';
import { call, d1Queries, unique } from '../helpers';
import { publishedClaim, unpublishedClaim } from './fixtures';

describe('GET / (latest verdicts)', () => {
  it('lists the newest published claims only, in one D1 round trip, cacheable', async () => {
    const published = await publishedClaim({ rating: 'mostly-true' });
    const draft = await unpublishedClaim();
    const res = await call('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(published.text);
    expect(html).not.toContain(draft.text);
    expect(d1Queries(res)).toBe(1);
    expect(res.headers.get('Cache-Control')).toContain('s-maxage');
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    const etag = res.headers.get('ETag')!;
    expect((await call('/', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('GET /claims', () => {
  it('filters by rating and by language', async () => {
    const tag = unique('Filterland');
    const f = await publishedClaim({ text: `${tag} has 7 rivers`, rating: 'false' });
    const t = await publishedClaim({ text: `${tag} has 9 lakes`, rating: 'true' });
    const fr = await publishedClaim({
      text: `${tag} a 12 montagnes`,
      rating: 'true',
      language: 'fr',
    });
    // Search results mark the query's words; compare the text without the marks.
    const unmarked = (html: string) => html.replace(/<\/?mark>/g, '');
    const byRating = unmarked(await (await call(`/claims?q=${tag}&rating=true`)).text());
    expect(byRating).toContain(t.text);
    expect(byRating).toContain(fr.text);
    expect(byRating).not.toContain(f.text);
    const byLanguage = unmarked(await (await call(`/claims?q=${tag}&language=fr`)).text());
    expect(byLanguage).toContain(fr.text);
    expect(byLanguage).not.toContain(t.text);
    expect(byLanguage).toMatch(/<option value="fr" selected="">/);
  });

  it('searches with the Arabic-aware normalizer (harakat, alef forms, article)', async () => {
    const word = `قمح${Math.random().toString(36).slice(2, 7).replace(/[0-9]/g, '')}`;
    const claim = await publishedClaim({
      text: `أَسْعَارُ الـ${word} ارتفعت في الأسواق`,
      language: 'ar',
    });
    const res = await call(`/claims?q=${encodeURIComponent(`اسعار ${word}`)}`);
    expect(res.status).toBe(200);
    expect(d1Queries(res)).toBe(1);
    expect(await res.text()).toContain(`/claims/${claim.id}`);
  });

  it('pages with a cursor without repeating or skipping items', async () => {
    const tag = unique('Pagerville');
    const made = [];
    for (let i = 0; i < 23; i++)
      made.push(
        (
          await publishedClaim({
            text: `${tag} statement number ${i}`,
            rating: 'unproven',
            language: 'fr',
          })
        ).id,
      );
    const seen: string[] = [];
    let path: string | null = `/claims?language=fr&rating=unproven`;
    let pages = 0;
    while (path && pages < 10) {
      const html = await (await call(path)).text();
      seen.push(...[...html.matchAll(/href="\/claims\/([0-9a-z]{16})"/g)].map((m) => m[1]!));
      const next = html.match(/<a href="([^"]+)" rel="next">/);
      path = next ? next[1]!.replace(/&amp;/g, '&') : null;
      pages++;
    }
    for (const id of made) expect(seen.filter((s) => s === id)).toHaveLength(1);
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it('pages search results too, newest first, by a seek cursor (no OFFSET)', async () => {
    const tag = unique('Searchpage').toLowerCase();
    const made: string[] = [];
    for (let i = 0; i < 22; i++)
      made.push((await publishedClaim({ text: `${tag} figure ${i} was wrong` })).id);
    const first = await (await call(`/claims?q=${tag}&sort=date`)).text();
    const ids = (html: string) =>
      [...html.matchAll(/href="\/claims\/([0-9a-z]{16})"/g)].map((m) => m[1]!);
    const next = first.match(/<a href="([^"]+)" rel="next">/)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toMatch(/cursor=s\d+$/);
    // A claim published between two pages neither shifts nor repeats what comes next.
    await publishedClaim({ text: `${tag} figure late was wrong` });
    const second = await (await call(next!)).text();
    expect([...second.matchAll(/class="claim-card"/g)]).toHaveLength(2);
    expect(second).not.toContain('rel="next"');
    const seen = [...new Set(ids(first)), ...new Set(ids(second))];
    expect(seen).toEqual([...made].reverse());
    expect((await call(`/claims?q=${tag}&cursor=o20`)).status).toBe(400);
  });

  const bad = [
    '/claims?language=de',
    '/claims?rating=%3Cscript%3E',
    '/claims?cursor=garbage',
    '/claims?q=' + 'x'.repeat(201),
    '/claims?q=abc&cursor=2026-01-01T00:00:00.000Z~5',
  ];
  for (const path of bad) {
    it(`answers 400 to a bad query: ${path.slice(0, 50)}`, async () => {
      const res = await call(path, { headers: { Accept: 'text/html' } });
      expect(res.status).toBe(400);
      expect(res.headers.get('Cache-Control')).toBe('no-store');
    });
  }

  it('speaks the reader language from Accept-Language, and ?lang wins', async () => {
    expect(
      await (await call('/claims', { headers: { 'Accept-Language': 'fr-FR,fr;q=0.9' } })).text(),
    ).toContain('<html lang="fr" dir="ltr">');
    const res = await call('/claims?lang=ar', { headers: { 'Accept-Language': 'fr' } });
    expect(await res.text()).toContain('<html lang="ar" dir="rtl">');
    expect(res.headers.get('Vary')).toContain('Accept-Language');
  });
});
