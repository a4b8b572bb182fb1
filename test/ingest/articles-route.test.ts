import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, callJson, count, d1Queries, makeUser, unique } from '../helpers';

/** A news text rich in check-worthy sentences, made unique so dedup never hits another test. */
function newsText(tag = unique('t')): string {
  return [
    `The minister of labour said on Monday that unemployment fell to 7.5% in the third quarter of 2025, down from 9% a year earlier (${tag}).`,
    'The government created more than 120,000 new jobs since January, according to the statistics office.',
    'Exports rose by 12% last year and will double by 2030, the central bank predicted.',
    'The weather was pleasant and many people walked in the park.',
  ].join(' ');
}

interface Candidate {
  id: string;
  text: string;
  score: number;
  type: string;
  speaker: string | null;
  start: number;
  end: number;
  why: string[];
  matches?: Array<{
    id: string;
    similarity: number;
    status: string;
    published_rating?: string | null;
  }>;
}
interface ArticleResult {
  article: {
    id: string;
    body: string;
    language: string;
    direction: string;
    title: string | null;
    url: string | null;
    publisher: string | null;
    byline: string | null;
    canonicalUrl: string | null;
    publishedAt: string | null;
  };
  candidates: Candidate[];
}

async function rowCounts() {
  return {
    articles: await count('articles'),
    claims: await count('claims'),
    audit: await count('audit_log'),
  };
}

describe('POST /api/v1/articles', () => {
  it('needs a signed-in editor (401) and refuses cross-site cookie writes (403)', async () => {
    const anon = await callJson('/api/v1/articles', { body: { text: newsText() } });
    expect(anon.res.status).toBe(401);
    expect(anon.res.headers.get('Content-Type')).toContain('application/problem+json');
    const user = await makeUser('editor');
    const cross = await callJson('/api/v1/articles', {
      body: { text: newsText() },
      headers: { Cookie: `__Host-claimdesk_session=${user.token}`, Origin: 'https://evil.example' },
    });
    expect(cross.res.status).toBe(403);
    expect(cross.body.code).toBe('csrf');
  });

  it('validates the body with field names and writes nothing', async () => {
    const { token } = await makeUser('editor');
    const before = await rowCounts();
    const cases: Array<[unknown, string]> = [
      [{}, 'json.text'],
      [{ text: newsText(), url: 'https://news.example/en-opengraph.html' }, 'json.url'],
      [{ text: 'too short' }, 'json.text'],
      [{ text: newsText(), language: 'Arabic!' }, 'json.language'],
      [{ url: 'ftp://news.example/a' }, 'json.url'],
      [{ text: newsText(), published_at: 'yesterday' }, 'json.published_at'],
      [{ text: newsText(), extra: 1 }, 'json'],
    ];
    for (const [body, field] of cases) {
      const { res, body: problem } = await callJson('/api/v1/articles', { token, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('stores the article and its candidates with offsets, status candidate and audit rows, ordered by score', async () => {
    const { token, id: userId } = await makeUser('editor');
    const text = newsText();
    // A stored claim sharing words with the article, so the matcher has candidates to rank.
    await callJson('/api/v1/claims', {
      token,
      body: { text: 'The minister of labour said unemployment fell sharply.', language: 'en' },
    });
    const { res, body } = await callJson<ArticleResult>('/api/v1/articles', {
      token,
      body: { text, title: 'Jobs report', publisher: 'Test Wire' },
    });
    expect(res.status).toBe(201);
    // session, dedup lookup, matches (term counts and FTS candidates in one batch), the write with
    // its read-back, and the outbox hand-off after the answer (middleware/outbox-flush.ts, in waitUntil)
    expect(d1Queries(res)).toBe(5);
    expect(res.headers.get('Location')).toBe(`/api/v1/articles/${body.article.id}`);
    expect(body.article).toMatchObject({
      body: text,
      language: 'en',
      direction: 'ltr',
      title: 'Jobs report',
      publisher: 'Test Wire',
      url: null,
    });
    expect(body.candidates.length).toBeGreaterThan(0);
    const scores = body.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const c of body.candidates) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(Array.isArray(c.matches)).toBe(true);
    }
    const { results } = await env.DB.prepare(
      `SELECT id, text, status, article_id, start_offset, end_offset, score, claim_type, created_by FROM claims WHERE article_id = ?1`,
    )
      .bind(body.article.id)
      .all<{
        id: string;
        status: string;
        start_offset: number;
        end_offset: number;
        created_by: number;
        text: string;
      }>();
    expect(results.map((r) => r.id).sort()).toEqual(body.candidates.map((c) => c.id).sort());
    for (const r of results) {
      expect(r.status).toBe('candidate');
      expect(r.created_by).toBe(userId);
      expect(text.slice(r.start_offset, r.end_offset)).toBe(r.text);
    }
    expect(
      await count(
        'audit_log',
        `action = 'article.create' AND entity_id = ?1 AND actor_id = ?2`,
        body.article.id,
        userId,
      ),
    ).toBe(1);
  });

  it('returns the existing article (200) for the same body, even with other spacing', async () => {
    const { token } = await makeUser('editor');
    const text = newsText();
    const first = await callJson<ArticleResult>('/api/v1/articles', { token, body: { text } });
    expect(first.res.status).toBe(201);
    const before = await rowCounts();
    const again = await callJson<ArticleResult>('/api/v1/articles', {
      token,
      body: { text: `  ${text.replace(/ /g, '  ')}\n` },
    });
    expect(again.res.status).toBe(200);
    expect(again.body.article.id).toBe(first.body.article.id);
    expect(again.body.candidates.map((c) => c.id)).toEqual(first.body.candidates.map((c) => c.id));
    expect(await rowCounts()).toEqual(before);
  });

  it('detects the language when none is given (Arabic → rtl)', async () => {
    const { token } = await makeUser('editor');
    const text = `قال وزير العمل إن معدل البطالة انخفض إلى ٧٫٥٪ في الربع الثالث من عام ٢٠٢٥. وأضاف أن الحكومة وفرت أكثر من ١٢٠ ألف وظيفة. ${unique('')}`;
    const { res, body } = await callJson<ArticleResult>('/api/v1/articles', {
      token,
      body: { text },
    });
    expect(res.status).toBe(201);
    expect(body.article).toMatchObject({ language: 'ar', direction: 'rtl' });
  });

  it('offers stored claims that match a candidate', async () => {
    const { token } = await makeUser('editor');
    const text = newsText();
    const first = await callJson<ArticleResult>('/api/v1/articles', { token, body: { text } });
    const top = first.body.candidates[0]!;
    const second = await callJson<ArticleResult>('/api/v1/articles', {
      token,
      body: { text: `${top.text} ${unique('Another report.')}` },
    });
    expect(second.res.status).toBe(201);
    const same = second.body.candidates.find((c) => c.text === top.text);
    expect(same?.matches?.[0]).toMatchObject({ id: top.id, similarity: 1, status: 'candidate' });
  });
});

describe('POST /api/v1/articles with a url (fixture web)', () => {
  it('fetches and parses an Arabic JSON-LD page', async () => {
    const { token } = await makeUser('editor');
    const { res, body } = await callJson<ArticleResult>('/api/v1/articles', {
      token,
      body: { url: 'https://news.example/ar-jsonld.html' },
    });
    expect(res.status).toBe(201);
    expect(body.article).toMatchObject({
      url: 'https://news.example/ar-jsonld.html',
      canonicalUrl: 'https://news.example/economy/unemployment-q3',
      title: 'البطالة تتراجع إلى ٧٫٥٪ في الربع الثالث',
      publisher: 'صحيفة الخليج اليوم',
      byline: 'ليلى حداد, سامي العلي',
      publishedAt: '2025-10-14T05:30:00.000Z',
      language: 'ar',
      direction: 'rtl',
    });
    expect(body.article.body).toMatch(/^قال وزير العمل/);
    for (const c of body.candidates) expect(body.article.body.slice(c.start, c.end)).toBe(c.text);
  });

  it('follows redirects and lets explicit fields win over the page', async () => {
    const { token } = await makeUser('editor');
    const { res, body } = await callJson<ArticleResult>('/api/v1/articles', {
      token,
      body: {
        url: 'https://news.example/redirect/3/fr-main.html',
        title: 'Titre choisi',
        published_at: '2025-03-03',
      },
    });
    expect(res.status).toBe(201);
    expect(body.article).toMatchObject({
      title: 'Titre choisi',
      language: 'fr',
      byline: 'Élodie Martin',
      publishedAt: '2025-03-03T00:00:00.000Z',
    });
    expect(body.article.body).toContain('Selon l’Insee');
  });

  it('maps fetch failures to problem+json codes and writes nothing', async () => {
    const { token } = await makeUser('editor');
    const before = await rowCounts();
    const cases: Array<[string, number, string]> = [
      ['https://news.example/redirect/6/en-opengraph.html', 502, 'too_many_redirects'],
      ['https://news.example/to-private', 422, 'url_host_refused'],
      ['http://169.254.169.254/latest/meta-data/', 422, 'url_host_refused'],
      ['http://[::1]/', 422, 'url_host_refused'],
      ['http://news.example:8080/a', 422, 'url_port_refused'],
      ['https://claimdesk.test/api/v1/claims', 422, 'url_host_refused'],
      ['https://news.example/pdf', 502, 'unsupported_content_type'],
      ['https://news.example/missing', 502, 'upstream_status'],
      ['https://news.example/blank.html', 422, 'no_article_text'],
    ];
    for (const [url, status, code] of cases) {
      const { res, body } = await callJson('/api/v1/articles', { token, body: { url } });
      expect(res.status, url).toBe(status);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      expect(body.code, url).toBe(code);
      if (status === 422)
        expect(body.errors).toEqual([{ field: 'json.url', message: expect.any(String) }]);
    }
    expect(await rowCounts()).toEqual(before);
  });
});

describe('GET /api/v1/articles', () => {
  it('returns one article with its claims, 404 for an unknown id, 400 for a malformed one', async () => {
    const { token } = await makeUser('editor');
    const created = await callJson<ArticleResult>('/api/v1/articles', {
      token,
      body: { text: newsText() },
    });
    const { res, body } = await callJson(`/api/v1/articles/${created.body.article.id}`, { token });
    expect(res.status).toBe(200);
    expect(d1Queries(res)).toBe(2); // the session, then article + claims in one batch
    expect(body.article.id).toBe(created.body.article.id);
    expect(body.claims.map((c: { id: string }) => c.id)).toEqual(
      created.body.candidates.map((c) => c.id),
    );
    expect(body.claims[0]).toMatchObject({
      status: 'candidate',
      articleId: created.body.article.id,
    });
    expect((await call('/api/v1/articles/zzzzzzzzzzzzzzzz', { token })).status).toBe(404);
    expect((await call('/api/v1/articles/NOT-AN-ID', { token })).status).toBe(400);
    expect((await call(`/api/v1/articles/${created.body.article.id}`)).status).toBe(401);
  });

  it('lists newest first with cursor paging and no bodies', async () => {
    const { token } = await makeUser('editor');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await callJson<ArticleResult>('/api/v1/articles', {
        token,
        body: { text: newsText(), language: 'en' },
      });
      ids.push(r.body.article.id);
    }
    const first = await callJson('/api/v1/articles?limit=2', { token });
    expect(first.res.status).toBe(200);
    expect(first.body.items.map((a: { id: string }) => a.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.items[0]).not.toHaveProperty('body');
    expect(first.body.items[0].claimCount).toBeGreaterThan(0);
    expect(first.body.nextCursor).toMatch(/^\d+$/);
    const second = await callJson(`/api/v1/articles?limit=1&cursor=${first.body.nextCursor}`, {
      token,
    });
    expect(second.body.items.map((a: { id: string }) => a.id)).toEqual([ids[0]]);
    expect((await call('/api/v1/articles?cursor=abc', { token })).status).toBe(400);
  });
});

describe('GET /api/v1/claims/:id/matches', () => {
  it('lists similar claims without the claim itself', async () => {
    const { token } = await makeUser('editor');
    const w = unique('Zq').replace(/\d/g, 'x');
    const mk = async (text: string) =>
      (await callJson('/api/v1/claims', { token, body: { text, language: 'en' } })).body.claim as {
        id: string;
      };
    const a = await mk(`The ${w} river carries 30% more water than in 1990`);
    const b = await mk(`The ${w} river carries 30% more water than in 1990.`);
    const c = await mk(`The ${w} river carries 10% more water than in 1990`);
    const { res, body } = await callJson(`/api/v1/claims/${a.id}/matches`, { token });
    expect(res.status).toBe(200);
    expect(body.claim.id).toBe(a.id);
    const ids = body.matches.map((m: { id: string }) => m.id);
    expect(ids[0]).toBe(b.id);
    expect(ids).not.toContain(a.id);
    expect(ids).not.toContain(c.id);
    expect((await call(`/api/v1/claims/${a.id}/matches`)).status).toBe(401);
    expect((await call('/api/v1/claims/zzzzzzzzzzzzzzzz/matches', { token })).status).toBe(404);
  });
});
