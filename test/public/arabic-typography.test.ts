/**
 * Arabic pages read right: no separator that looks like a digit beside Arabic-Indic numerals, URLs
 * and e-mail addresses isolated left to right, no arrow that points against the text direction,
 * and every POST → redirect keeps the reader's language.
 */
import { describe, expect, it } from 'vitest';
import { call, unique } from '../helpers';
import { publishedClaim } from './fixtures';
import { postForm, validFields } from './submit-helpers';

const AR_DIGIT = '[\\u0660-\\u0669]';
// A dot-like separator ("·", ".", "•", "∙") beside an Arabic-Indic digit reads as the zero "٠".
const DIGIT_DOT = new RegExp(
  `${AR_DIGIT}[\\s\\u00a0]*[\\u00b7.\\u2022\\u2219]|[\\u00b7.\\u2022\\u2219][\\s\\u00a0]*${AR_DIGIT}`,
);
const LATIN_RUN = /https?:\/\/|[\w.+-]+@[\w-]+\.[\w-]+/;
const VOID = new Set(['meta', 'link', 'input', 'br', 'img', 'hr', 'source', 'wbr']);

interface Finding {
  kind: 'digit-dot' | 'unisolated' | 'arrow';
  text: string;
}

/**
 * Walk the HTML (our own markup: well nested, attributes quoted) keeping, for each open element,
 * its direction and whether it isolates left-to-right content (`dir="ltr"`, or `<bdi>`).
 */
function scan(html: string): Finding[] {
  const found: Finding[] = [];
  const stack: { tag: string; dir: string; ltrIsolated: boolean }[] = [
    { tag: '#root', dir: 'ltr', ltrIsolated: false },
  ];
  const body = html.replace(
    /<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/g,
    '',
  );
  for (const m of body.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g)) {
    const top = stack.at(-1)!;
    if (m[4] !== undefined) {
      const text = m[4].replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');
      if (stack.some((s) => s.tag === 'title')) continue;
      if (DIGIT_DOT.test(text)) found.push({ kind: 'digit-dot', text });
      if (top.dir === 'rtl' && !top.ltrIsolated && LATIN_RUN.test(text))
        found.push({ kind: 'unisolated', text });
      if ((top.dir === 'rtl' && /→/.test(text)) || (top.dir === 'ltr' && /←/.test(text)))
        found.push({ kind: 'arrow', text });
      continue;
    }
    const [, closing, rawTag, attrs = ''] = m;
    const tag = rawTag!.toLowerCase();
    if (closing) {
      const at = stack.map((s) => s.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    if (VOID.has(tag) || attrs.endsWith('/')) continue;
    const dir = /\sdir="(ltr|rtl|auto)"/.exec(attrs)?.[1];
    stack.push({
      tag,
      dir: dir === 'ltr' || dir === 'rtl' ? dir : top.dir,
      ltrIsolated: dir === 'ltr' || tag === 'bdi' || (top.ltrIsolated && dir !== 'rtl'),
    });
  }
  return found;
}

async function arabic(path: string, init?: Parameters<typeof call>[1]): Promise<string> {
  const res = await call(path, init);
  const html = await res.text();
  expect(html).toContain('<html lang="ar" dir="rtl">');
  return html;
}

describe('the scanner', () => {
  it('catches what it looks for', () => {
    const page = (inner: string) => `<html lang="ar" dir="rtl"><body><p>${inner}</p></body></html>`;
    expect(scan(page('٣٠ · نوفمبر')).map((f) => f.kind)).toEqual(['digit-dot']);
    expect(scan(page('٢٠٢٦. التالي')).map((f) => f.kind)).toEqual(['digit-dot']);
    expect(scan(page('يبدأ بـ http://'))).toHaveLength(1);
    expect(scan(page('اكتب a@b.org'))).toHaveLength(1);
    expect(scan(page('يبدأ بـ <bdi dir="ltr">http://</bdi>'))).toEqual([]);
    expect(scan(page('التالي →')).map((f) => f.kind)).toEqual(['arrow']);
    expect(scan(page('٣٠، نوفمبر ← التالي'))).toEqual([]);
  });
});

describe('Arabic pages', () => {
  it('have no digit-like separator, unisolated URL or contrary arrow', async () => {
    const word = `مطر${unique('')
      .replace(/[^a-z]/g, '')
      .slice(0, 4)}`;
    const claim = await publishedClaim({
      text: `قال الوزير إن ${word} ارتفع ٣٠٪ في ٢٠٢٥ حسب https://stats.example/t`,
      language: 'ar',
      claimant: 'وزير المالية',
      sources: [{ url: 'https://stats.example/t1', title: 'https://stats.example/t1' }],
      corrections: [
        { rating: 'mostly-false', note: 'صححنا الرقم: انظر https://stats.example/new' },
      ],
    });
    const pages: Record<string, string> = {
      home: await arabic('/?lang=ar'),
      list: await arabic('/claims?lang=ar'),
      claim: await arabic(`/claims/${claim.id}?lang=ar`),
      search: await arabic(`/claims?lang=ar&q=${encodeURIComponent(word)}`),
      empty: await arabic(`/claims?lang=ar&q=${encodeURIComponent('لاشيءهنا' + word)}`),
      submit: await arabic('/submit?lang=ar'),
      notFound: await arabic('/nothing-here?lang=ar', { headers: { Accept: 'text/html' } }),
    };
    // The submit form's own errors (the URL rule names "http://" inside Arabic text).
    const refused = await postForm(
      '/submit?lang=ar',
      validFields({ where_url: 'not a url', email: 'nope' }),
    );
    expect(refused.status).toBe(422);
    pages.submitErrors = await refused.text();
    expect(pages.submitErrors).toContain('<bdi dir="ltr">http://</bdi>');
    const sent = await postForm('/submit?lang=ar', validFields({ email: 'me@example.org' }));
    const track = sent.headers.get('Location')!;
    pages.track = await arabic(track);
    expect(pages.claim).toContain('٣٠٪');
    expect(pages.search).toContain(`<mark>${word}</mark>`);
    const findings = Object.entries(pages).flatMap(([name, html]) =>
      scan(html).map((f) => `${name}: ${f.kind}: ${f.text}`),
    );
    expect(findings).toEqual([]);
    // Dates and claimant on a card: the Arabic comma, never the middle dot.
    expect(pages.search).toMatch(/<bdi>وزير المالية<\/bdi>، <time/);
  });
});

describe('POST → redirect keeps the reader language', () => {
  it('after a vote, a contact deletion and a submission', async () => {
    const claim = await publishedClaim();
    const page = await arabic(`/claims/${claim.id}?lang=ar`);
    const action = /<form method="post" action="([^"]+\/feedback[^"]*)"/.exec(page)?.[1];
    expect(action).toBe(`/claims/${claim.id}/feedback?lang=ar`);
    const vote = await postForm(action!, { helpful: 'yes' });
    expect(vote.status).toBe(303);
    expect(vote.headers.get('Location')).toContain('lang=ar');

    const sent = await postForm('/submit?lang=ar', validFields({ email: 'me@example.org' }));
    expect(sent.status).toBe(303);
    const track = sent.headers.get('Location')!;
    expect(track).toContain('lang=ar');
    const trackPage = await arabic(track);
    const del = /<form method="post" action="([^"]+\/delete-contact[^"]*)"/.exec(trackPage)?.[1];
    expect(del).toMatch(/\/delete-contact\?lang=ar$/);
    const deleted = await postForm(del!, {});
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('Location')).toContain('lang=ar');
  });

  it('the language switch links keep the page and set the language', async () => {
    const html = await arabic('/claims?q=abc&lang=ar');
    expect(html).toContain('href="/claims?q=abc&amp;lang=fr"');
    expect(html).toContain('href="/claims?q=abc&amp;lang=en"');
  });
});
