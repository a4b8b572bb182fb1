import fc from 'fast-check';
import { fcParams } from '../fc-params';
import { describe, expect, it } from 'vitest';
import { el, escapeXml, xmlDocument } from '../../worker/lib/xml';
import { parseXml, textOf } from '../embeds/xml-check';

/** What XML 1.0 can carry of `text`, written independently of the builder (the oracle): other characters become U+FFFD. */
function xmlChars(text: string): string {
  return [...text]
    .map((ch) => {
      const c = ch.codePointAt(0)!;
      const lone = ch.length === 1 && c >= 0xd800 && c <= 0xdfff;
      return (c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) ||
        lone ||
        c === 0xfffe ||
        c === 0xffff
        ? '\uFFFD'
        : ch;
    })
    .join('');
}

describe('the XML builder (worker/lib/xml.ts)', () => {
  it('replaces exactly the characters XML 1.0 cannot carry (the oracle agrees)', () => {
    for (const s of [
      'a\u0000b',
      'tab\tlf\ncr\r',
      'a\uD800b\uDC00c\uD83D\uDE00d',
      '\uFFFE\uFFFF',
      '\u0085\u202E',
    ])
      expect(escapeXml(s)).toBe(xmlChars(s));
    expect(escapeXml('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf',
    );
    expect(escapeXml('tab\tlf\ncr\r')).toBe('tab\tlf\ncr\r');
    expect(escapeXml('a\uD800b\uDC00c\uD83D\uDE00d')).toBe('a\uFFFDb\uFFFDc😀d');
    expect(escapeXml('\uFFFE\uFFFF\uFFFD')).toBe('\uFFFD\uFFFD\uFFFD');
    // Allowed (if discouraged) in XML 1.0: C1 controls and bidi controls stay; policies on them belong to the caller.
    expect(escapeXml('\u0085\u202E\u2066é ب')).toBe('\u0085\u202E\u2066é ب');
  });

  it('escapes the five markup characters, after cleaning', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
    );
    expect(escapeXml('\u0007<')).toBe('\uFFFD&lt;');
  });

  it('builds elements: attributes and text escaped, empty ones self-closed, null parts left out', () => {
    const doc = el(
      'feed',
      { xmlns: 'urn:x', skip: undefined, none: null, n: 3 },
      el('title', {}, 'A & <B>'),
      null,
      false,
      el('empty', { v: '"' }),
    );
    expect(doc.xml).toBe(
      '<feed xmlns="urn:x" n="3"><title>A &amp; &lt;B&gt;</title><empty v="&quot;"/></feed>',
    );
    expect(xmlDocument(doc)).toBe(`<?xml version="1.0" encoding="utf-8"?>\n${doc.xml}`);
    expect(el('t', {}, '').xml).toBe('<t></t>');
    expect(() => el('bad name')).toThrow();
    expect(() => el('a', { 'on"x': '1' })).toThrow();
  });

  it('is well-formed for any text, and text round-trips when XML can carry it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.string({ unit: 'binary', maxLength: 80 }),
        (text, attr) => {
          const root = parseXml(xmlDocument(el('r', { a: attr }, text, el('c', {}, text))));
          expect(textOf(root)).toBe(xmlChars(text) + xmlChars(text));
          if (!/[\t\n\r]/.test(attr)) expect(root.attrs.a).toBe(xmlChars(attr));
        },
      ),
      fcParams(100),
    );
  }, 20_000);
});
