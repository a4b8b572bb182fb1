import fc from 'fast-check';
import { fcParams } from '../fc-params';
import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import { markupToPlainText } from '../../worker/lib/markup';
import { RichText } from '../../worker/views/shared/rich-text';

const TAGS = new Set(['div', 'p', 'br', 'ul', 'ol', 'li', 'em', 'strong', 'a', 'bdi']);
const ATTRIBUTES = new Set(['class', 'lang', 'dir', 'href', 'rel', 'start']);
/** Every tag hono/jsx writes: a name, then name="value" attributes (values escaped), maybe `/`. */
const TAG = /<\/?([a-z]+)((?: [a-z-]+="[^"<>]*")*)\/?>/g;
const ATTRIBUTE = / ([a-z-]+)="([^"]*)"/g;

const unescape = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Problems of rendered markup: unknown tags or attributes, a non-http(s) href, a stray `<`. */
function problems(html: string): string[] {
  const out: string[] = [];
  let tags = 0;
  for (const m of html.matchAll(TAG)) {
    tags++;
    if (!TAGS.has(m[1]!)) out.push(`tag ${m[1]}`);
    for (const a of m[2]!.matchAll(ATTRIBUTE)) {
      if (!ATTRIBUTES.has(a[1]!)) out.push(`attribute ${a[1]}`);
      if (a[1] === 'href') {
        const href = unescape(a[2]!);
        if (!/^https?:\/\//i.test(href) || !['http:', 'https:'].includes(new URL(href).protocol))
          out.push(`href ${href}`);
      }
      if (a[1] === 'rel' && a[2] !== 'nofollow ugc noopener') out.push(`rel ${a[2]}`);
    }
  }
  // Every `<` in the output opens one of those tags: text never carries one.
  if ((html.match(/</g) ?? []).length !== tags) out.push('unescaped <');
  return out;
}

/** Text built from the pieces markup is made of, so the generator hits every construct. */
const pieces = fc.constantFrom(
  '*',
  '**',
  '_',
  '[',
  ']',
  '(',
  ')',
  '](',
  '\\',
  '\n',
  '\n\n',
  '- ',
  '* ',
  '1. ',
  ' ',
  'a',
  'word',
  'قال',
  '"',
  "'",
  '&',
  '<b>',
  '</p>',
  '<script>',
  'onerror=x',
  ' href="x"',
  'https://ex.org/',
  'http://a.b/c?d=1&e=2',
  'javascript:alert(1)',
  'data:text/html,x',
  'JaVaScRiPt:',
  '//evil.example',
  '\u202E',
  '&amp;',
  '`',
);
const markupText = fc.oneof(
  fc.array(pieces, { maxLength: 60 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('RichText never renders anything but its own tags (property tests)', () => {
  it('only allowed tags and attributes; every href is http(s); rel is fixed', () => {
    fc.assert(
      fc.property(markupText, fc.constantFrom('en', 'ar', null), (src, lang) => {
        const html = String(jsx(RichText, { source: src, lang, class: 'verdict-explanation' }));
        expect(problems(html)).toEqual([]);
      }),
      fcParams(1000),
    );
  });

  it('the plain-text form never loses a letter that is not a link target', () => {
    fc.assert(
      fc.property(markupText, (src) => {
        const letters = (s: string) => s.replace(/[^a-zA-Z\u0600-\u06FF]/g, '').length;
        expect(letters(markupToPlainText(src))).toBeGreaterThanOrEqual(
          letters(src.replace(/\\[*_[\]()\\]/g, '')) -
            letters(src.match(/https?:\S*/g)?.join('') ?? ''),
        );
      }),
      fcParams(300),
    );
  });

  it('the checker itself catches what it must', () => {
    expect(problems('<p dir="auto">x</p>')).toEqual([]);
    expect(problems('<img src="x">')).toEqual(['tag img', 'attribute src']);
    expect(problems('<a href="javascript:alert(1)" rel="nofollow ugc noopener">x</a>')).toEqual([
      'href javascript:alert(1)',
    ]);
    expect(problems('<p onclick="x">a</p>')).toEqual(['attribute onclick']);
    expect(problems('<p>a <b</p>')).toEqual(['unescaped <']);
  });
});
