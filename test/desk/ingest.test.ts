import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { unique } from '../helpers';
import { page, post, signIn } from './desk-helpers';

const arabicArticle = () =>
  [
    `${unique('مقدمة ')} عن الاقتصاد.`,
    'أعلنت وزارة الاقتصاد يوم الاثنين أن معدل التضخم السنوي بلغ ١٤٪ في شهر سبتمبر، وهو أعلى مستوى منذ عام ٢٠٠٨.',
    'وقال وزير المالية خالد منصور إن «الصادرات ارتفعت بنسبة ٢٥٪ خلال العام الماضي مقارنة بعام ٢٠٢٢».',
    'ويرى خبراء أن الوضع صعب.',
  ].join('\n\n');

describe('desk article ingest', () => {
  it('turns pasted Arabic text into an article with candidates highlighted by offsets', async () => {
    const agent = await signIn('editor');
    const text = arabicArticle();
    const res = await post(agent, '/desk/articles', {
      title: 'التضخم',
      text,
      url: '',
      language: '',
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('Location')!;
    expect(location).toMatch(/^\/desk\/articles\/[0-9a-z]+$/);
    const { html } = await page(agent, location);
    expect(html).toContain('class="article-body" lang="ar" dir="rtl"');
    const rows = await env.DB.prepare(
      `SELECT id, text, start_offset, end_offset FROM claims WHERE article_id = ?1`,
    )
      .bind(location.split('/').pop())
      .all<{ id: string; text: string; start_offset: number; end_offset: number }>();
    expect(rows.results.length).toBeGreaterThanOrEqual(2);
    for (const r of rows.results) {
      expect(text.slice(r.start_offset, r.end_offset)).toBe(r.text);
      expect(html).toMatch(
        new RegExp(
          `<mark id="m-${r.id}" class="cand status-candidate grade-[1-4]" title="[^"]+">${r.text}</mark>`,
        ),
      );
    }
    // The same body again goes to the stored article.
    const again = await post(agent, '/desk/articles', { title: '', text, url: '', language: '' });
    expect(again.headers.get('Location')).toBe(`${location}?done=duplicate`);
  });

  it('ingests an article by URL through the same pipeline (fixture web)', async () => {
    const agent = await signIn('editor');
    const res = await post(agent, '/desk/articles', {
      title: '',
      text: '',
      url: 'https://news.example/ar-jsonld.html',
      language: '',
    });
    expect(res.status).toBe(303);
    const { html } = await page(agent, res.headers.get('Location')!.split('?')[0]!);
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('<mark ');
  });

  it('shows why a URL was refused, keeping what was typed', async () => {
    const agent = await signIn('editor');
    const res = await post(agent, '/desk/articles', {
      title: 'x',
      text: '',
      url: 'http://169.254.169.254/latest/meta-data/',
      language: '',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="http://169.254.169.254/latest/meta-data/"');
    expect(html).toContain('role="alert"');
  });
});
