import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../worker/seo/atom';
import { jsonForScript } from '../../worker/seo/claim-review';
import { stripBidiControls } from '../../worker/lib/bidi';
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
      { numRuns: 500 },
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
      { numRuns: 300 },
    );
  });

  it('stripBidiControls removes every embedding, override and isolate control and nothing else', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = stripBidiControls(s);
        expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
        expect(out).toBe([...s].filter((ch) => !/[\u202A-\u202E\u2066-\u2069]/.test(ch)).join(''));
      }),
    );
  });
});
