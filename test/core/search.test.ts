import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createClaim } from '../../d1/claims';
import { ftsQuery, searchClaims } from '../../d1/search';
import { foldDigits, normalizeText, searchKey } from '../../worker/extract/normalize';
import { callJson, makeUser, unique } from '../helpers';

const actor = { userId: null, requestId: 'test' };

describe('Arabic-aware normalization', () => {
  it('strips harakat and tatweel and folds letter variants', () => {
    expect(normalizeText('قَالَ الرَّئِيسُ')).toBe('قال الرييس');
    expect(normalizeText('الاقتصـــاد')).toBe('الاقتصاد');
    expect(normalizeText('أحمد إلى آمال')).toBe('احمد الي امال');
    expect(normalizeText('مدرسة')).toBe('مدرسه');
  });

  it('maps Arabic-Indic and Persian digits and separators to ASCII', () => {
    expect(foldDigits('٢٠٢٦ ۱۴۰۳ ٣٫٥٪ ١٬٠٠٠')).toBe('2026 1403 3.5% 1,000');
  });

  it('case-folds Latin and removes invisible controls', () => {
    expect(normalizeText('GDP\u200B Rose\u202E')).toBe('gdp rose');
  });

  it('builds FTS queries that neutralize operators', () => {
    expect(ftsQuery('NEAR(a b) OR "x"')).toBe('"near" "a" "b" "or" "x"');
    expect(ftsQuery('   ')).toBeNull();
    expect(searchKey('والاقتصاد')).toBe(searchKey('الاقتصاد'));
  });
});

describe('search', () => {
  it('finds a vocalized Arabic claim with a plain query, and the reverse', async () => {
    const tag = unique('وسم');
    const vocalized = await createClaim(
      env.DB,
      { text: `ارْتَفَعَ مُعَدَّلُ التَّضَخُّمِ فـــي ${tag}`, language: 'ar', status: 'queued' },
      actor,
    );
    const plain = await createClaim(
      env.DB,
      { text: `انخفضت البطالة في ${tag} الى مستوى قياسي`, language: 'ar', status: 'queued' },
      actor,
    );
    const a = await searchClaims(env.DB, `التضخم ${tag}`, { limit: 5 });
    expect(a.map((h) => h.claim.id)).toEqual([vocalized.id]);
    const b = await searchClaims(env.DB, `البَطَالَة ${tag}`, { limit: 5 });
    expect(b.map((h) => h.claim.id)).toEqual([plain.id]);
  });

  it('matches Arabic-Indic digits with ASCII digits', async () => {
    const tag = unique('digits');
    const claim = await createClaim(
      env.DB,
      { text: `بلغ العجز ١٢٥٠ مليون ${tag}`, language: 'ar', status: 'queued' },
      actor,
    );
    const hits = await searchClaims(env.DB, `1250 ${tag}`, { limit: 5 });
    expect(hits.map((h) => h.claim.id)).toEqual([claim.id]);
  });

  it('ranks by bm25 and serves /api/v1/search to editors only', async () => {
    const u = await makeUser();
    const tag = unique('rank');
    const strong = await createClaim(
      env.DB,
      { text: `${tag} ${tag} exports record`, language: 'en', status: 'queued' },
      actor,
    );
    const weak = await createClaim(
      env.DB,
      {
        text: `${tag} exports were flat while imports and services and tourism all moved`,
        language: 'en',
        status: 'queued',
      },
      actor,
    );
    const { res, body } = await callJson(`/api/v1/search?q=${encodeURIComponent(tag)}`, {
      token: u.token,
    });
    expect(res.status).toBe(200);
    expect(body.items.map((c: { id: string }) => c.id)).toEqual([strong.id, weak.id]);
    expect((await callJson(`/api/v1/search?q=${tag}`)).res.status).toBe(401);
    const empty = await callJson('/api/v1/search?q=', { token: u.token });
    expect(empty.res.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('query.q');
  });

  it('pages /api/v1/search by a (rank, seq) cursor: best first, nothing skipped or repeated', async () => {
    const u = await makeUser();
    const tag = unique('pager');
    const made = new Set<string>();
    // Ties (same text length, same counts) and different ranks both cross page boundaries.
    for (let i = 0; i < 7; i++) {
      const words = i % 3 === 0 ? `${tag} ${tag} extra` : `${tag} figure ${i} was wrong`;
      made.add(
        (await createClaim(env.DB, { text: words, language: 'en', status: 'queued' }, actor)).id,
      );
    }
    const seen: string[] = [];
    const ranks: number[] = [];
    let path: string | null = `/api/v1/search?q=${tag}&limit=3`;
    let pages = 0;
    while (path && pages < 10) {
      const {
        res,
        body,
      }: {
        res: Response;
        body: { items: { id: string; rank: number }[]; nextCursor: string | null };
      } = await callJson(path, { token: u.token });
      expect(res.status).toBe(200);
      for (const item of body.items) {
        seen.push(item.id);
        ranks.push(item.rank);
      }
      path = body.nextCursor
        ? `/api/v1/search?q=${tag}&limit=3&cursor=${encodeURIComponent(body.nextCursor)}`
        : null;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen.toSorted()).toEqual([...made].toSorted());
    expect(ranks).toEqual(ranks.toSorted((a, b) => a - b));
    const offset = await callJson(`/api/v1/search?q=${tag}&offset=20`, { token: u.token });
    expect(offset.res.status).toBe(400);
    expect(offset.body.errors[0].field).toBe('query.offset');
    const bad = await callJson(`/api/v1/search?q=${tag}&cursor=o20`, { token: u.token });
    expect(bad.res.status).toBe(400);
  });
});
