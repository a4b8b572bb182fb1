import fc from 'fast-check';
import { fcParams } from '../fc-params';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../worker/ingest/entities';
import { readJsonLd } from '../../worker/ingest/json-ld';
import { parseArticle } from '../../worker/ingest/parse-article';
import arHtml from '../fixtures/articles/ar-jsonld.html?raw';
import enHtml from '../fixtures/articles/en-opengraph.html?raw';
import frHtml from '../fixtures/articles/fr-main.html?raw';
import noisyHtml from '../fixtures/articles/noisy.html?raw';

describe('parseArticle', () => {
  it('reads an Arabic RTL page with JSON-LD @graph and references', async () => {
    const a = await parseArticle(arHtml, 'https://news.example/economy/story?id=1');
    expect(a.title).toBe('البطالة تتراجع إلى ٧٫٥٪ في الربع الثالث');
    expect(a.byline).toBe('ليلى حداد, سامي العلي');
    expect(a.publisher).toBe('صحيفة الخليج اليوم');
    expect(a.publishedAt).toBe('2025-10-14T05:30:00.000Z');
    expect(a.language).toBe('ar');
    expect(a.dir).toBe('rtl');
    expect(a.canonicalUrl).toBe('https://news.example/economy/unemployment-q3');
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[0]).toMatch(/^قال وزير العمل/);
    expect(a.paragraphs[1]).toContain('العام & أن');
    expect(a.text).not.toContain('النشرة البريدية'); // nav
    expect(a.text).not.toContain('رسم بياني'); // figcaption
    expect(a.text).not.toContain('أسعار النفط'); // aside
    expect(a.text).not.toContain('جميع الحقوق'); // footer
    expect(a.text).toBe(a.paragraphs.join('\n\n'));
  });

  it('reads an English page with OpenGraph meta only', async () => {
    const a = await parseArticle(enHtml, 'https://harbour.example/news/port-traffic?utm=x');
    expect(a.title).toBe('Port traffic "doubled" since 2020, says minister');
    expect(a.publisher).toBe('The Harbour Times');
    expect(a.byline).toBe("Jane O'Neill");
    expect(a.publishedAt).toBe('2025-09-01T12:00:00.000Z');
    expect(a.language).toBe('en');
    expect(a.dir).toBeNull();
    expect(a.canonicalUrl).toBe('https://harbour.example/news/port-traffic');
    expect(a.paragraphs).toEqual([
      'The transport minister said on Monday that container traffic at the port has doubled since 2020, reaching 4.2 million containers last year.',
      '“We have invested £300 million in new cranes,” she told reporters… adding that the investment created 1,500 jobs.',
      'Critics say the figures include transshipment traffic that never leaves the quay.',
    ]);
  });

  it('prefers <main> on a French page and decodes named and numeric entities', async () => {
    const a = await parseArticle(frHtml); // no-break spaces are folded into plain spaces
    expect(a.title).toBe('Le prix du pain a augmenté de 12 % en un an'); // the h1
    expect(a.byline).toBe('Élodie Martin');
    expect(a.publishedAt).toBe('2025-03-02T06:00:00.000Z');
    expect(a.language).toBe('fr');
    expect(a.paragraphs).toEqual([
      'Selon l’Insee, le prix de la baguette a augmenté de 12 % entre janvier 2024 et janvier 2025.',
      "Le ministre de l'Économie a affirmé que l’énergie représente désormais 30 % du coût de production des boulangeries.",
      'La fédération des boulangers prévoit que 2 000 boulangeries fermeront d’ici la fin de l’année.',
    ]);
    expect(a.text).not.toContain('abonnement'); // outside <main>
    expect(a.text).not.toContain('lettre'); // form
  });

  it('drops boilerplate, scripts, styles and hidden blocks', async () => {
    const a = await parseArticle(noisyHtml);
    expect(a.title).toBe('City council approves a record budget');
    expect(a.publisher).toBe('Metro Daily');
    expect(a.byline).toBe('Sam Lee');
    expect(a.publishedAt).toBeNull(); // "not a date"
    expect(a.language).toBeNull();
    expect(a.paragraphs).toEqual([
      'The city council approved a record budget of $2.1 billion on Tuesday, an increase of 8% over last year.',
      'Council members voted 7 to 2 in favour, after a debate that lasted more than four hours.',
      'The budget includes $400 million for road repairs and school buildings.',
    ]);
  });

  it('caps untrusted metadata lengths and keeps only http(s) canonical URLs', async () => {
    const long = 'x'.repeat(5000);
    const a = await parseArticle(
      `<meta property="og:title" content="${long}"><meta name="author" content="${long}"><link rel="canonical" href="javascript:alert(1)"><p>Some paragraph text that is long enough.</p>`,
    );
    expect(a.title).toHaveLength(500);
    expect(a.byline).toHaveLength(200);
    expect(a.canonicalUrl).toBeNull();
  });

  it('falls back to all paragraphs when there is no article or main', async () => {
    const a = await parseArticle(
      '<title>T &amp; U</title><p>First paragraph of a page without landmarks.</p><p>Second one here, also long enough.</p>',
    );
    expect(a.title).toBe('T & U');
    expect(a.paragraphs).toHaveLength(2);
  });
});

describe('parseArticle on arbitrary markup', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      '<p>',
      '</p>',
      '<article>',
      '</article>',
      '<main>',
      '<nav>',
      '</nav>',
      '<script>',
      '</script>',
      '<br>',
      '<li>',
      '<aside class="related">',
      '</aside>',
      '<title>',
      '</title>',
      '<h1>',
      '&amp;',
      '&#1605;',
      '&bogus;',
      '<!--',
      '-->',
      '<p hidden>',
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":',
      '}</script>',
      '<html lang="ar" dir="rtl">',
    ),
    fc.string({ maxLength: 40 }),
  );
  it('never throws and returns trimmed, non-empty paragraphs joined into text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), async (parts) => {
        const a = await parseArticle(parts.join(''));
        for (const p of a.paragraphs) expect(p).toBe(p.trim());
        expect(a.paragraphs.every((p) => p.length > 0)).toBe(true);
        expect(a.text).toBe(a.paragraphs.join('\n\n'));
      }),
      fcParams(150),
    );
  });

  it('caps a long title without splitting a surrogate pair at the cut', async () => {
    // Found while auditing cuts by code unit: the 499th unit was the high half of 😀, so the stored
    // title ended on a lone surrogate (U+FFFD once encoded).
    const a = await parseArticle(`<title>${'a'.repeat(498)}😀 more</title><p>Body text here.</p>`);
    expect(a.title).toBe(`${'a'.repeat(498)}…`);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references and leaves unknown names', () => {
    expect(
      decodeEntities('a &amp; b &lt;c&gt; &eacute;t&eacute; &#1605;&#x0633; &euro;5 &nosuch; &amp'),
    ).toBe('a & b <c> été مس €5 &nosuch; &');
    expect(decodeEntities('&#0; &#x110000; &#150;')).toBe('\uFFFD \uFFFD –');
  });
});

describe('readJsonLd', () => {
  it('finds an Article in a top-level array and reads string publisher and language objects', () => {
    const ld = readJsonLd([
      '[{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle","name":"N","publisher":"P","author":{"name":"A"},"inLanguage":{"@type":"Language","alternateName":"fr"}}]',
    ]);
    expect(ld).toMatchObject({ headline: 'N', publisher: 'P', authors: ['A'], inLanguage: 'fr' });
  });
  it('returns null without an article node or with broken JSON', () => {
    expect(readJsonLd(['{"@type":"WebSite"}', '{oops'])).toBeNull();
  });
});
