import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import {
  MAX_INLINE_DEPTH,
  markupToPlainText,
  parseInline,
  parseMarkup,
  type Block,
  type Inline,
} from '../../worker/lib/markup';
import { RichText } from '../../worker/views/shared/rich-text';

const html = (source: string, lang: string | null = 'en') =>
  String(jsx(RichText, { source, lang, class: 'x' }));
const text = (t: string): Inline => ({ type: 'text', text: t });

/** Nodes and the deepest emphasis/link nesting of a parse. */
function measure(blocks: Block[]): { nodes: number; depth: number } {
  let nodes = 0;
  let depth = 0;
  const walk = (list: Inline[], d: number) => {
    for (const n of list) {
      nodes++;
      if (n.type === 'em' || n.type === 'strong' || n.type === 'link') {
        depth = Math.max(depth, d + 1);
        walk(n.children, d + 1);
      }
    }
  };
  for (const b of blocks) {
    nodes++;
    if (b.type === 'p') walk(b.children, 0);
    else for (const item of b.items) walk(item, 0);
  }
  return { nodes, depth };
}

describe('parseMarkup: blocks', () => {
  it('blank lines separate paragraphs; a single newline is a line break', () => {
    expect(parseMarkup('One\ntwo\n\n  \nThree\r\n\r\nFour')).toEqual([
      { type: 'p', children: [text('One'), { type: 'br' }, text('two')] },
      { type: 'p', children: [text('Three')] },
      { type: 'p', children: [text('Four')] },
    ]);
    expect(parseMarkup('')).toEqual([]);
    expect(parseMarkup('\n\n \n')).toEqual([]);
  });

  it('bullet lists (- and *) and numbered lists, flat, with a start number', () => {
    expect(parseMarkup('Sources:\n- one\n* two\n\n3. three\n4. four\nAfter')).toEqual([
      { type: 'p', children: [text('Sources:')] },
      { type: 'ul', items: [[text('one')], [text('two')]] },
      { type: 'ol', start: 3, items: [[text('three')], [text('four')]] },
      { type: 'p', children: [text('After')] },
    ]);
    // A list changes type: a new list. Nested indentation does not nest (lists are flat).
    expect(parseMarkup('- a\n1. b\n   - c').map((b) => b.type)).toEqual(['ul', 'ol', 'ul']);
    // Not list items: no space after the marker, or nothing after it.
    expect(parseMarkup('-a\n1.5 million\n-').map((b) => b.type)).toEqual(['p']);
  });
});

describe('parseInline', () => {
  it('emphasis and strong with * and _', () => {
    expect(parseInline('a *b* _c_ **d** ***e***')).toEqual([
      text('a '),
      { type: 'em', children: [text('b')] },
      text(' '),
      { type: 'em', children: [text('c')] },
      text(' '),
      { type: 'strong', children: [text('d')] },
      text(' '),
      { type: 'strong', children: [{ type: 'em', children: [text('e')] }] },
    ]);
  });

  it('unclosed or unusable markers stay literal', () => {
    for (const s of [
      '**unclosed and *also',
      'snake_case_name and __init__ly',
      '5 * 3 = 15',
      '****',
      'a * not an opener *',
      '[text](https://x.org',
      '[text] (https://x.org)',
      '[no url]',
    ])
      expect(markupToPlainText(s)).toBe(s);
    expect(parseInline('\\*not em\\* \\[x\\]')).toEqual([text('*not em* [x]')]);
  });

  it('nesting stops at the limit: a deeper marker stays literal', () => {
    const [p] = parseMarkup('*a _b **c *d* c** b_ a*');
    expect(measure([p!]).depth).toBe(MAX_INLINE_DEPTH);
    expect(markupToPlainText('*a _b **c *d* c** b_ a*')).toBe('a b c *d* c b a');
  });

  it('links: [text](http(s) URL) and bare URLs, trailing punctuation left out', () => {
    expect(parseInline('See [the *report*](https://ex.org/a_(b)?q=1&r=2).')).toEqual([
      text('See '),
      {
        type: 'link',
        href: 'https://ex.org/a_(b)?q=1&r=2',
        children: [text('the '), { type: 'em', children: [text('report')] }],
      },
      text('.'),
    ]);
    expect(parseInline('(http://ex.org/x), و https://ex.org/ب،')).toEqual([
      text('('),
      { type: 'link', href: 'http://ex.org/x', children: [text('http://ex.org/x')] },
      text('), و '),
      { type: 'link', href: 'https://ex.org/ب', children: [text('https://ex.org/ب')] },
      text('،'),
    ]);
    // No link inside a link's text.
    expect(parseInline('[https://a.org](https://b.org)')).toEqual([
      { type: 'link', href: 'https://b.org', children: [text('https://a.org')] },
    ]);
  });

  it('only http and https become links', () => {
    for (const s of [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](data:text/html,<script>alert(1)</script>)',
      '[x](vbscript:msgbox)',
      '[x](//evil.example/)',
      '[x](/relative)',
      '[x](ftp://ex.org/)',
      'javascript:alert(1) data:text/html,x',
    ]) {
      expect(measure(parseMarkup(s)).depth, s).toBe(0);
      expect(markupToPlainText(s)).toBe(s);
    }
  });

  it('a link target with a space is not a link target (its URL part may still be a bare URL)', () => {
    expect(parseInline('[x](https://ex.org/ spaced)')).toEqual([
      text('[x]('),
      { type: 'link', href: 'https://ex.org/', children: [text('https://ex.org/')] },
      text(' spaced)'),
    ]);
  });

  it('never interprets HTML', () => {
    expect(parseInline('<b>bold</b> <script>x</script>')).toEqual([
      text('<b>bold</b> <script>x</script>'),
    ]);
  });
});

describe('adversarial input: 50,000 characters, linear structure', () => {
  const inputs = [
    '*'.repeat(50_000),
    '*a'.repeat(25_000),
    '_a '.repeat(16_667),
    '**a *b _c '.repeat(5_000),
    '['.repeat(50_000),
    '[a]('.repeat(12_500),
    '[a](https://x.org/'.repeat(2_800) + ')',
    'https://'.repeat(6_250),
    'https://x.org/('.repeat(3_400),
    `https://x.org/${'a'.repeat(49_000)}`,
    '- *a\n'.repeat(10_000),
    '\n'.repeat(50_000),
    `${'('.repeat(25_000)}${')'.repeat(25_000)}`,
  ];
  for (const src of inputs) {
    it(`${JSON.stringify(src.slice(0, 18))}… (${src.length} chars)`, () => {
      const blocks = parseMarkup(src);
      const { nodes, depth } = measure(blocks);
      // Bounded structure: never more nodes than characters, never deeper than the limit.
      expect(nodes).toBeLessThanOrEqual(src.length);
      expect(depth).toBeLessThanOrEqual(MAX_INLINE_DEPTH);
      // Nothing is lost or invented: the plain text keeps every letter of the source.
      expect(markupToPlainText(src).replace(/[^a-z]/g, '').length).toBeGreaterThanOrEqual(
        src.replace(/https?:\/\/\S*|[^a-z]/g, '').length,
      );
      expect(html(src).length).toBeGreaterThan(0);
    });
  }
});

describe('markupToPlainText', () => {
  it('drops markers, keeps paragraphs, list markers and link targets', () => {
    expect(
      markupToPlainText(
        'The **office** said *no*.\n\n- one\n- [two](https://ex.org/2)\n\n1. https://ex.org/3',
      ),
    ).toBe('The office said no.\n\n- one\n- two (https://ex.org/2)\n\n1. https://ex.org/3');
  });
});

describe('RichText (worker/views/shared/rich-text.tsx)', () => {
  it('renders paragraphs, breaks, lists and links with the text language', () => {
    expect(html('One\ntwo\n\n- **a** [b](https://ex.org/?a=1&b=2)\n\n2. c', 'ar')).toBe(
      '<div class="x" lang="ar" dir="rtl">' +
        '<p dir="auto">One<br/>two</p>' +
        '<ul><li dir="auto"><strong>a</strong> <a href="https://ex.org/?a=1&amp;b=2" rel="nofollow ugc noopener"><bdi>b</bdi></a></li></ul>' +
        '<ol start="2"><li dir="auto">c</li></ol></div>',
    );
  });

  it('bare URLs read left to right; unknown language lets the content decide', () => {
    expect(html('https://ex.org/a', null)).toBe(
      '<div class="x" dir="auto"><p dir="auto"><a href="https://ex.org/a" rel="nofollow ugc noopener"><bdi dir="ltr">https://ex.org/a</bdi></a></p></div>',
    );
  });

  it('escapes everything and drops bidi controls', () => {
    const out = html('<img src=x onerror=alert(1)> "q" & \u202Eevil [x](javascript:alert(1))');
    expect(out).toBe(
      '<div class="x" lang="en" dir="ltr"><p dir="auto">&lt;img src=x onerror=alert(1)&gt; &quot;q&quot; &amp; evil [x](javascript:alert(1))</p></div>',
    );
  });
});
