import fc from 'fast-check';
import { fcParams } from '../fc-params';
import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../worker/seo/atom';
import { jsonForScript } from '../../worker/seo/claim-review';
import { stripBidiControls } from '../../worker/lib/bidi';
import { isWellFormedText, sliceText, truncateText } from '../../worker/lib/text';
import { wrap } from '../../worker/og/card-svg';
import { excerpt } from '../../worker/notify/compose';
import { truncate } from '../../worker/embeds/svg';
import { childText, xmlProblems } from './xml-check';

const anyText = fc.string({ unit: 'binary', maxLength: 200 });

describe('escaping holds for any text (property tests)', () => {
  it('jsonForScript: no < > & or bidi controls survive, and the value round-trips', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = jsonForScript({ s });
        expect(out).not.toMatch(/[<>&\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
        expect(JSON.parse(out)).toEqual({ s });
      }),
      fcParams(500),
    );
  });

  it('atomFeed: always well-formed, titles round-trip (XML-invalid characters replaced)', () => {
    fc.assert(
      fc.property(anyText, anyText, (title, content) => {
        const xml = atomFeed({
          selfUrl: 'https://f.example/feeds/atom.xml',
          siteUrl: 'https://f.example/',
          title,
          author: 'Org',
          updated: '2026-01-01T00:00:00.000Z',
          entries: [
            {
              url: 'https://f.example/claims/x',
              title,
              language: 'en',
              published: '2026-01-01T00:00:00.000Z',
              updated: '2026-01-01T00:00:00.000Z',
              summary: content,
              content,
            },
          ],
        });
        expect(xmlProblems(xml)).toEqual([]);
        if (!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF\r]/.test(title))
          expect(childText(xml, 'title')).toBe(title);
      }),
      fcParams(300),
    );
  });

  it('stripBidiControls removes every embedding, override and isolate control and nothing else', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = stripBidiControls(s);
        expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
        expect(out).toBe([...s].filter((ch) => !/[\u202A-\u202E\u2066-\u2069]/.test(ch)).join(''));
      }),
      fcParams(),
    );
  });
});

/** Text rich in astral characters (two UTF-16 units each), so any cut by code units may split one. */
const astralUnits = ['😀', '𝕏', '𐍈', 'a', 'ب', ' ', '\u2066', 'word', '🇫🇷'];
const astralText = fc.string({ unit: fc.constantFrom(...astralUnits), maxLength: 80 });
/** The same with lone high and low surrogates among them. */
const astralTextWithLone = fc.string({
  unit: fc.constantFrom(...astralUnits, '\uDBFF', '\uDC00'),
  maxLength: 80,
});

/** True when `out` holds an unpaired surrogate. */
const splitsAPair = (out: string) => !isWellFormedText(out);

describe('cutting text never splits a surrogate pair (property tests)', () => {
  it('sliceText: at most max units, a prefix, never ends on half a pair', () => {
    fc.assert(
      fc.property(astralText, fc.integer({ min: 0, max: 90 }), (w, max) => {
        const out = sliceText(w, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(w.startsWith(out)).toBe(true);
        expect(out.length).toBeGreaterThanOrEqual(Math.min(w.length, max) - 1);
        expect(splitsAPair(out)).toBe(false);
        const cut = truncateText(w, Math.max(1, max));
        expect(cut.length).toBeLessThanOrEqual(Math.max(1, max));
        expect(splitsAPair(cut)).toBe(false);
      }),
      fcParams(300),
    );
  });

  it('OG card wrap: every line well-formed, within maxLines, for any text and width', () => {
    fc.assert(
      fc.property(
        astralTextWithLone,
        fc.integer({ min: 20, max: 72 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 30, max: 600 }),
        (text, size, bold, maxLines, max) => {
          const lines = wrap(text, size, bold, maxLines, max);
          expect(lines.length).toBeLessThanOrEqual(maxLines);
          for (const line of lines) expect(splitsAPair(line)).toBe(false);
        },
      ),
      fcParams(300),
    );
  });

  it('e-mail excerpts and badge descriptions never split a pair', () => {
    fc.assert(
      fc.property(astralText, fc.integer({ min: 2, max: 60 }), (w, max) => {
        expect(splitsAPair(excerpt(w, max))).toBe(false);
        expect(splitsAPair(truncate(w, max))).toBe(false);
      }),
      fcParams(300),
    );
  });

  it('regressions found by the properties above', () => {
    // Seed 1864723037: the last line's ellipsis loop dropped one code unit at a time and left the
    // high half of the final emoji (the image showed U+FFFD).
    for (const line of wrap('😀😀😀word😀ب', 50, true, 1, 261))
      expect(splitsAPair(line)).toBe(false);
    // Seed -1896716421: an e-mail subject cut by code units ended on the high half of 😀.
    expect(excerpt('😀 ب😀🇫🇷😀', 10)).toBe('😀 ب😀🇫…');
    expect(sliceText('a😀', 2)).toBe('a');
    expect(sliceText('a😀', 3)).toBe('a😀');
    expect(truncateText('ab😀cd', 4)).toBe('ab…');
  });
});
