import fc from 'fast-check';
import { fcParams } from '../fc-params';
import { describe, expect, it } from 'vitest';
import { BADGE_STYLES, EMBED_LANGS, embedWords } from '../../worker/embeds/messages';
import { renderBadge, truncate } from '../../worker/embeds/svg';
import { textWidth } from '../../worker/embeds/text-width';
import { findAll, parseXml, textOf, XmlError } from './xml-check';

/**
 * What a badge shows of untrusted text (the oracle, written independently of the renderer): control
 * characters become spaces, bidi embedding/override/isolate controls are dropped, and characters
 * XML cannot carry (lone surrogates, U+FFFE, U+FFFF) become U+FFFD.
 */
function cleanText(input: string): string {
  return [...input]
    .map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return ' ';
      if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return '';
      if ((ch.length === 1 && c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff)
        return '\uFFFD';
      return ch;
    })
    .join('');
}

const ELEMENTS = new Set([
  'svg',
  'title',
  'linearGradient',
  'stop',
  'clipPath',
  'rect',
  'g',
  'text',
]);

// Any UTF-16 content: lone surrogates, controls, RTL overrides, XML/HTML metacharacters, Arabic, emoji.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const nasty = fc.constantFrom(
  ']]>',
  '<script>alert(1)</script>',
  '"',
  "'",
  '&amp;',
  '&',
  '<',
  '>',
  '\u202E',
  '\u2066',
  '\uD800',
  '\uDFFF',
  '\u0000',
  '\uFFFE',
  'تحقق',
  'ﷺ',
  '😀',
  '<!--',
  '<![CDATA[',
  '&#0;',
);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: codeUnit, maxLength: 60 }),
  fc.string({
    unit: fc.oneof(nasty, codeUnit, fc.constantFrom('a', ' ', 'é', 'ب')),
    maxLength: 30,
  }),
);

describe('XML checker (the oracle) rejects what it must', () => {
  it.each([
    '<a>&</a>',
    '<a>x]]>y</a>',
    '<a b="<"/>',
    '<a>\uD800</a>',
    '<a></b>',
    '<a>&nbsp;</a>',
    '<a/><b/>',
    '<a b="1" b="2"/>',
    '<a>\u0001</a>',
  ])('%j', (bad) => {
    expect(() => parseXml(bad)).toThrow(XmlError);
  });
  it('accepts references and reads them back', () => {
    expect(textOf(parseXml('<a x="&quot;&apos;">&lt;&#x263A;&#65;&amp;</a>'))).toBe('<☺A&');
  });
});

describe('badge SVG', () => {
  it('is well-formed XML with every string escaped, for any text in any script', () => {
    fc.assert(
      fc.property(
        anyText,
        anyText,
        anyText,
        fc.constantFrom(...EMBED_LANGS),
        fc.constantFrom(...BADGE_STYLES),
        (label, message, description, lang, style) => {
          const svg = renderBadge({ label, message, description, color: '#cf222e', lang, style });
          const root = parseXml(svg);
          expect(root.name).toBe('svg');
          for (const m of svg.matchAll(/<\/?([A-Za-z]+)/g)) expect(ELEMENTS.has(m[1]!)).toBe(true);
          expect(svg).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
          const [title] = findAll(root, 'title');
          const summary = `${label}: ${message}`;
          expect(textOf(title!)).toBe(
            cleanText(description ? `${summary} — ${truncate(description, 200)}` : summary),
          );
          const upper = style === 'for-the-badge';
          const texts = findAll(root, 'text').map(textOf);
          expect(texts).toContain(cleanText(upper ? label.toLocaleUpperCase(lang) : label));
          expect(texts).toContain(cleanText(upper ? message.toLocaleUpperCase(lang) : message));
          expect(root.attrs['aria-label']).toBe(cleanText(`${label}: ${message}`));
        },
      ),
      fcParams(400),
    );
  });

  it('escapes markup rather than passing it through', () => {
    const svg = renderBadge({
      label: '<script>x</script>',
      message: ']]>&"\'',
      color: '#000000',
      lang: 'en',
      style: 'flat',
    });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain(']]&gt;&amp;&quot;&apos;');
  });

  it('replaces lone surrogates and drops bidi overrides', () => {
    const root = parseXml(
      renderBadge({
        label: 'a\uD800b\uDC00c\uD83D\uDE00\u202Ed',
        message: '\u0007<',
        color: '#000000',
        lang: 'en',
        style: 'flat-square',
      }),
    );
    expect(findAll(root, 'text').map(textOf)).toEqual(['a\uFFFDb\uFFFDc😀d', ' <']);
    expect(
      renderBadge({
        label: 'x',
        message: '\u0007<',
        color: '#000000',
        lang: 'en',
        style: 'flat-square',
      }),
    ).toContain('> &lt;</text>');
  });

  it('never pairs two lone surrogate halves by dropping the bidi control between them', () => {
    // Found by the property above (seed -1900307636): U+D800, U+2066, U+DFFF once rendered as U+103FF.
    const root = parseXml(
      renderBadge({
        label: 'x',
        message: '\uD800\u2066\uDFFF',
        color: '#000000',
        lang: 'en',
        style: 'flat',
      }),
    );
    expect(findAll(root, 'text').map(textOf)).toContain('\uFFFD\uFFFD');
    expect(findAll(root, 'text').map(textOf).join('')).not.toContain('\u{103FF}');
  });

  it('sizes each segment to its text and lays Arabic out right to left', () => {
    const en = parseXml(
      renderBadge({
        label: 'fact check',
        message: 'Mostly false',
        color: '#bc4c00',
        lang: 'en',
        style: 'flat',
      }),
    );
    const ar = parseXml(
      renderBadge({
        label: 'تحقق',
        message: 'خاطئ في معظمه',
        color: '#bc4c00',
        lang: 'ar',
        style: 'flat',
      }),
    );
    const rects = (root: ReturnType<typeof parseXml>) =>
      findAll(root, 'rect').filter((r) => r.attrs.fill === '#555555' || r.attrs.fill === '#bc4c00');
    const [enLabel, enMessage] = rects(en);
    expect(Number(enLabel!.attrs.x)).toBe(0);
    expect(Number(enMessage!.attrs.x)).toBe(Number(enLabel!.attrs.width));
    expect(Number(enLabel!.attrs.width)).toBeGreaterThanOrEqual(
      Math.ceil(textWidth('fact check') + 12),
    );
    const [arLabel, arMessage] = rects(ar);
    expect(Number(arMessage!.attrs.x)).toBe(0);
    expect(Number(arLabel!.attrs.x)).toBe(Number(arMessage!.attrs.width));
    expect(
      findAll(ar, 'text').every(
        (t) => t.attrs.direction === 'rtl' && t.attrs['unicode-bidi'] === 'embed',
      ),
    ).toBe(true);
    expect(findAll(en, 'text').some((t) => 'direction' in t.attrs)).toBe(false);
    expect(Number(ar.attrs.width)).toBe(
      Number(arLabel!.attrs.width) + Number(arMessage!.attrs.width),
    );
    const big = parseXml(
      renderBadge({
        label: 'تحقق',
        message: 'مضلل',
        color: '#8250df',
        lang: 'ar',
        style: 'for-the-badge',
      }),
    );
    expect(findAll(big, 'text').some((t) => 'letter-spacing' in t.attrs)).toBe(false);
    const bigEn = parseXml(
      renderBadge({
        label: 'fact check',
        message: 'False',
        color: '#cf222e',
        lang: 'en',
        style: 'for-the-badge',
      }),
    );
    expect(findAll(bigEn, 'text').every((t) => t.attrs['letter-spacing'] === '1')).toBe(true);
  });

  it('estimates text width: wider for more text, zero for harakat, bold wider', () => {
    expect(textWidth('')).toBe(0);
    expect(textWidth('False')).toBeLessThan(textWidth('Mostly false'));
    expect(textWidth('كتب')).toBe(textWidth('كَتَبَ'));
    expect(textWidth('MIXED', { bold: true })).toBeGreaterThan(textWidth('MIXED'));
    expect(textWidth('ab', { letterSpacing: 1 })).toBeCloseTo(textWidth('ab') + 2);
    expect(textWidth('漢字')).toBeGreaterThan(textWidth('ab'));
  });

  describe('three styles in three languages', () => {
    for (const lang of EMBED_LANGS) {
      for (const style of BADGE_STYLES) {
        it(`${style} / ${lang}`, () => {
          const message = { en: 'Mostly false', ar: 'خاطئ في معظمه', fr: 'Plutôt faux' }[lang];
          const svg = renderBadge({
            label: embedWords(lang).label,
            message,
            color: '#bc4c00',
            lang,
            style,
            description: 'Claim “x” & <y>',
          });
          parseXml(svg);
          expect(svg).toMatchSnapshot();
        });
      }
    }
  });
});
