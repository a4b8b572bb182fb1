import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { unique } from '../helpers';
import { page, post, signIn, type DeskAgent } from './desk-helpers';
import { postForm, validFields } from '../public/submit-helpers';

/** The error summary of a page: its title and the (href, text) of each entry. */
function summary(html: string) {
  const block = html.match(/<div class="error-summary" role="alert"[^>]*>([\s\S]*?)<\/div>/)?.[1];
  if (!block) return null;
  return {
    focused: /<h2 id="error-summary-title" tabindex="-1" autofocus="">/.test(block),
    entries: [...block.matchAll(/<a href="#([^"]+)">(.*?)<\/a>/g)].map((m) => [
      m[1],
      m[2]!.replace(/<[^>]+>/g, ''),
    ]),
  };
}

/** The message under a field, and whether the field points at it. */
function fieldError(html: string, id: string) {
  const message = html
    .match(new RegExp(`<p class="field-error" id="${id}-error">(.*?)</p>`))?.[1]
    // URLs in a message are isolated (<bdi dir="ltr">) for right-to-left pages.
    ?.replace(/<[^>]+>/g, '');
  const field =
    html.match(new RegExp(`<(?:input|textarea|select)[^>]*id="${id}"[^>]*>`))?.[0] ?? '';
  return {
    message,
    invalid: field.includes('aria-invalid="true"'),
    described: new RegExp(`aria-describedby="[^"]*${id}-error`).test(field),
  };
}

async function ingest(agent: DeskAgent, fields: Record<string, string>) {
  return post(agent, '/desk/articles', { title: '', text: '', url: '', language: '', ...fields });
}

describe('error summary and field messages', () => {
  it('a refused desk token form opens with a summary linking to each field, messages beside them', async () => {
    const agent = await signIn('editor');
    const res = await post(agent, '/desk/account/tokens', {
      name: '',
      scope: 'write',
      expiresInDays: '9999',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    const s = summary(html);
    expect(s?.focused).toBe(true);
    expect(s?.entries.map((e) => e[0])).toEqual(['tok-name', 'tok-days']);
    expect(fieldError(html, 'tok-name')).toEqual({
      message: 'Fill in this field.',
      invalid: true,
      described: true,
    });
    expect(fieldError(html, 'tok-days').message).toMatch(/^Enter [\d,]+ or less\.$/);
    expect(fieldError(html, 'tok-scope').message).toBeUndefined();
  });

  it('a refused claim edit says what is wrong in Arabic with Arabic-Indic digits', async () => {
    const agent = await signIn('editor');
    const created = await post(agent, '/desk/locale', { lang: 'ar', next: '/desk' });
    expect(created.status).toBe(303);
    const res = await ingest(agent, {
      text:
        unique('PARIS (AFP) - ') +
        ' The deficit fell to 3% last year, said Finance Minister John Smith.',
    });
    const article = res.headers.get('Location')!.split('?')[0]!;
    const row = await env.DB.prepare('SELECT id FROM claims WHERE article_id = ?1 LIMIT 1')
      .bind(article.split('/').pop())
      .first<{ id: string }>();
    const edit = await post(agent, `/desk/claims/${row!.id}/edit`, {
      version: '1',
      text: 'x',
      language: 'en',
    });
    expect(edit.status).toBe(422);
    const html = await edit.text();
    expect(summary(html)?.entries[0]).toEqual(['c-text', 'نص الادعاء: اكتب ٣ أحرف على الأقل.']);
    expect(fieldError(html, 'c-text').invalid).toBe(true);
  });

  it('/submit opens with the same summary, entries linking to the fields', async () => {
    const res = await postForm('/submit?lang=fr', validFields({ text: '', email: 'nope' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    const s = summary(html);
    expect(s?.focused).toBe(true);
    expect(s?.entries.map((e) => e[0])).toEqual(['f-text', 'f-email']);
    expect(fieldError(html, 'f-email')).toMatchObject({ invalid: true, described: true });
  });
});

describe('ingest says each mistake in its own words', () => {
  const cases: [string, Record<string, string>, string, string][] = [
    [
      'an empty form',
      {},
      'a-text',
      'The form is empty: paste the article text or give its address.',
    ],
    [
      'a too-short text',
      { text: 'Too short.' },
      'a-text',
      'The text is too short: paste at least 20 characters of the article.',
    ],
    [
      'a malformed URL',
      { url: 'news.example/page' },
      'a-url',
      'This is not a web address: it must start with http:// or https://.',
    ],
    [
      'a non-http URL',
      { url: 'ftp://news.example/page' },
      'a-url',
      'This is not a web address: it must start with http:// or https://.',
    ],
    [
      'a URL the address rules refuse',
      { url: 'http://169.254.169.254/latest/' },
      'a-url',
      'This address cannot be fetched: private, local or non-standard addresses are refused.',
    ],
    [
      'a fetch that failed',
      { url: 'https://news.example/missing' },
      'a-url',
      'The page could not be fetched (the site answered with an error). Try again later or paste its text.',
    ],
  ];
  for (const [name, fields, id, message] of cases) {
    it(`${name}: 422 with its message under ${id}`, async () => {
      const agent = await signIn('editor');
      const res = await ingest(agent, fields);
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(fieldError(html, id)).toEqual({ message, invalid: true, described: true });
      expect(summary(html)?.entries[0]?.[0]).toBe(id);
    });
  }

  it('text and URL together: the URL wins and the article page says so', async () => {
    const agent = await signIn('editor');
    const res = await ingest(agent, {
      text: 'Some pasted text that is long enough to count as an article body.',
      url: 'https://news.example/ar-jsonld.html',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toMatch(/\?done=(both|duplicate)$/);
    const { html } = await page(agent, res.headers.get('Location')!);
    expect(html).not.toContain('Some pasted text');
  });
});

describe('article page', () => {
  it('ranks candidates by score, grades the highlight, strips datelines, proposes the speaker', async () => {
    const agent = await signIn('editor');
    const text = [
      `WASHINGTON (Reuters) — Finance Minister John Smith said the deficit fell to 3% last year, the lowest since 2008.`,
      `${unique('Note ')} the weather was mild.`,
      `LONDON, March 3 (Reuters) - Exports rose by 25% in 2024 compared with 2023, according to the National Audit Office.`,
    ].join('\n\n');
    const res = await ingest(agent, { text });
    const location = res.headers.get('Location')!;
    const id = location.split('/').pop()!;
    const rows = await env.DB.prepare(
      'SELECT id, text, claimant, score, start_offset FROM claims WHERE article_id = ?1',
    )
      .bind(id)
      .all<{
        id: string;
        text: string;
        claimant: string | null;
        score: number;
        start_offset: number;
      }>();
    const deficit = rows.results.find((r) => r.text.includes('deficit'))!;
    const exports_ = rows.results.find((r) => r.text.includes('Exports'))!;
    expect(deficit.text.startsWith('Finance Minister')).toBe(true);
    expect(exports_.text.startsWith('Exports rose')).toBe(true);
    expect(text.slice(deficit.start_offset).startsWith(deficit.text)).toBe(true);

    const { html } = await page(agent, location);
    const order = [...html.matchAll(/<li id="c-([0-9a-z]+)" class="candidate">/g)].map((m) => m[1]);
    const byScore = [...rows.results].sort((a, b) => b.score - a.score).map((r) => r.id);
    expect(order).toEqual(byScore);
    expect(html).toMatch(
      /<mark id="m-[0-9a-z]+" class="cand status-candidate grade-[1-4]" title="Score (?:0\.\d\d|1\.00)"/,
    );
    expect(html).toContain('class="grade-legend"');
    const docOrder = (await page(agent, `${location}?order=doc`)).html;
    const inText = [...docOrder.matchAll(/<li id="c-([0-9a-z]+)" class="candidate">/g)].map(
      (m) => m[1],
    );
    expect(inText).toEqual(
      [...rows.results].sort((a, b) => a.start_offset - b.start_offset).map((r) => r.id),
    );

    // Accept: the claim keeps its dateline-free text and starts with the detected speaker as claimant.
    const accepted = await post(agent, `/desk/articles/${id}/review`, {
      one: `accept:${deficit.id}`,
    });
    expect(accepted.status).toBe(303);
    const claim = await env.DB.prepare('SELECT text, claimant, status FROM claims WHERE id = ?1')
      .bind(deficit.id)
      .first<{ text: string; claimant: string; status: string }>();
    expect(claim).toEqual({
      text: deficit.text,
      claimant: 'Finance Minister John Smith',
      status: 'queued',
    });
    const workspace = (await page(agent, `/desk/claims/${deficit.id}`)).html;
    expect(workspace).toMatch(/id="c-claimant"[^>]*value="Finance Minister John Smith"/);
  });
});
