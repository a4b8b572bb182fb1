import { describe, expect, it } from 'vitest';
import { DESK_STRINGS_EN, translator, type DeskKey } from '../../worker/i18n/desk';
import { strings } from '../../worker/i18n/public';

/**
 * Words that are the same in English and the other language on purpose: the brand, codes, and
 * French words spelt like the English ones. Anything else identical to English is a leak.
 */
const SAME_AS_ENGLISH: Record<'ar' | 'fr', ReadonlySet<string>> = {
  ar: new Set(['none']),
  fr: new Set([
    'appName',
    'none',
    'filterArticle',
    'score',
    'colScore',
    'type',
    'versionN',
    'paging',
    'organization',
    'stance_context',
    'field_sources',
    'draftRating',
    'gradeFair',
    'status_candidate',
    'verdict',
    'publication',
    'claim.version',
    'record.kinds.correction',
    'record.note',
    'record.fields.sources',
    'sources',
    'claim.sources',
  ]),
};

/** Every leaf of a message object (functions called with sample arguments), by dotted path. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function')
    return [[path, String((value as (...a: unknown[]) => unknown)(7, 7, 7))]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

describe('every UI string in three languages', () => {
  for (const locale of ['ar', 'fr'] as const) {
    it(`desk: every key has its own ${locale} text`, () => {
      const en = translator('en');
      const other = translator(locale);
      const leaks = (Object.keys(DESK_STRINGS_EN) as DeskKey[]).filter(
        (k) => other(k) === en(k) && !SAME_AS_ENGLISH[locale].has(k),
      );
      expect(leaks).toEqual([]);
    });

    it(`public: every message has its own ${locale} text`, () => {
      const en = new Map(leaves(strings('en')));
      const other = leaves(strings(locale));
      expect(other.map(([k]) => k).sort()).toEqual([...en.keys()].sort());
      const leaks = other
        .filter(([k, v]) => v === en.get(k) && !SAME_AS_ENGLISH[locale].has(k))
        .map(([k]) => k);
      expect(leaks).toEqual([]);
    });
  }

  it('plural forms follow the locale (Arabic has six)', () => {
    const ar = translator('ar');
    expect(ar('doneRejected', { n: 0 })).toBe('لم يُرفض أي ادعاء.');
    expect(ar('doneRejected', { n: 2 })).toBe('رُفض ادعاءان.');
    expect(ar('doneRejected', { n: 5 })).toBe('رُفضت ٥ ادعاءات.');
    expect(ar('doneRejected', { n: 11 })).toBe('رُفض ١١ ادعاءً.');
    expect(translator('en')('doneRejected', { n: 1 })).toBe('1 claim rejected.');
    expect(translator('fr')('doneRejected', { n: 3 })).toBe('3 affirmations rejetées.');
  });
});
