import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import { SafeLink, shown, UserText } from '../../worker/views/shared/user-text';

// Plain calls to the JSX factory (tests are .ts); rendering a node gives its HTML.
const html = (node: unknown) => String(node);

describe('UserText (worker/views/shared/user-text.tsx)', () => {
  it('carries the text language and direction, and escapes', () => {
    expect(html(jsx(UserText, { lang: 'ar', text: 'قال <b>' }))).toBe(
      '<span lang="ar" dir="rtl">قال &lt;b&gt;</span>',
    );
    expect(
      html(jsx(UserText, { lang: 'en', as: 'blockquote', class: 'excerpt', text: 'Prices fell' })),
    ).toBe('<blockquote lang="en" dir="ltr" class="excerpt">Prices fell</blockquote>');
  });

  it('lets the content decide the direction when the language is unknown', () => {
    expect(html(jsx(UserText, { lang: null, text: 'x' }))).toBe('<span dir="auto">x</span>');
    expect(html(jsx(UserText, { text: 'x' }))).toBe('<span dir="auto">x</span>');
  });

  it('drops bidi embedding, override and isolate controls from text and string children', () => {
    const spoof = 'abc\u202Egnp.exe\u2066x\u2069';
    expect(shown(spoof)).toBe('abcgnp.exex');
    expect(html(jsx(UserText, { lang: 'en', text: spoof }))).toBe(
      '<span lang="en" dir="ltr">abcgnp.exex</span>',
    );
    expect(html(jsx(UserText, { lang: 'en' }, spoof, jsx('ins', {}, 'new')))).toBe(
      '<span lang="en" dir="ltr">abcgnp.exex<ins>new</ins></span>',
    );
    expect(shown(null)).toBe('');
  });
});

describe('SafeLink', () => {
  it('links http(s) URLs as user-supplied links', () => {
    expect(html(jsx(SafeLink, { href: 'https://news.example/a?b=1&c=2' }, 'The source'))).toBe(
      '<a href="https://news.example/a?b=1&amp;c=2" rel="noopener noreferrer nofollow ugc">The source</a>',
    );
    expect(html(jsx(SafeLink, { href: 'http://news.example/', newTab: true }, 'x'))).toBe(
      '<a href="http://news.example/" rel="noopener noreferrer nofollow ugc" target="_blank">x</a>',
    );
  });

  it('shows the URL itself, left to right, when given no children', () => {
    expect(html(jsx(SafeLink, { href: 'https://news.example/\u202Ex' }))).toBe(
      '<a href="https://news.example/\u202Ex" rel="noopener noreferrer nofollow ugc"><bdi dir="ltr">https://news.example/x</bdi></a>',
    );
  });

  it('never links anything else', () => {
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,<script>',
      'JAVASCRIPT:alert(1)',
      '//news.example/',
      'news.example',
      'ftp://news.example/',
      '',
      null,
      undefined,
    ]) {
      const out = html(jsx(SafeLink, { href }, 'label'));
      expect(out).toBe('<span class="unlinked">label</span>');
      expect(out).not.toContain('href');
    }
    expect(html(jsx(SafeLink, { href: 'javascript:alert(1)' }))).toBe(
      '<span class="unlinked"><bdi dir="ltr">javascript:alert(1)</bdi></span>',
    );
  });
});
