import { describe, expect, it } from 'vitest';
import { highlightRuns } from '../../worker/views/desk/article';
import { mergeProposal } from '../../worker/views/desk/conflict';
import { wordDiff } from '../../worker/views/desk/word-diff';
import { safeNext } from '../../worker/http/desk-context';
import { DESK_STRINGS_EN, translator, type DeskKey } from '../../worker/i18n/desk';

describe('wordDiff', () => {
  it('marks inserted and deleted words and rebuilds both texts', () => {
    const before = 'Unemployment rose to 12% last year';
    const after = 'Unemployment fell to 11% last year, officials said';
    const parts = wordDiff(before, after);
    expect(
      parts
        .filter((p) => p.op !== 'add')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.op !== 'del')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
    expect(parts.filter((p) => p.op === 'del').map((p) => p.text.trim())).toEqual([
      'rose',
      '12%',
      'year',
    ]);
  });

  it('handles Arabic and identical or empty texts', () => {
    expect(wordDiff('نص', 'نص')).toEqual([{ op: 'same', text: 'نص' }]);
    expect(wordDiff('', 'جديد')).toEqual([{ op: 'add', text: 'جديد' }]);
    expect(wordDiff('قديم', '')).toEqual([{ op: 'del', text: 'قديم' }]);
  });

  it('stays bounded on very long, completely different texts', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const parts = wordDiff(a, b);
    expect(parts.map((p) => p.op)).toEqual(['del', 'add']);
  });
});

describe('highlightRuns', () => {
  it('splits the body at candidate offsets and skips overlapping or out-of-range spans', () => {
    const body = 'One. Two is 2. Three is 3.';
    const runs = highlightRuns(body, [
      { id: 'b', start: 15, end: 26 },
      { id: 'a', start: 5, end: 14 },
      { id: 'x', start: 6, end: 10 },
      { id: 'y', start: 20, end: 99 },
    ]);
    expect(runs).toEqual([
      { text: 'One. ', claimId: null },
      { text: 'Two is 2.', claimId: 'a' },
      { text: ' ', claimId: null },
      { text: 'Three is 3.', claimId: 'b' },
    ]);
  });
});

describe('mergeProposal', () => {
  it('keeps my changed fields and their changed fields', () => {
    const base = {
      text: 'A',
      claimant: '',
      claimantType: '',
      claimDate: '',
      language: 'en',
      claimReviewed: '',
    };
    expect(
      mergeProposal(
        base,
        { ...base, text: 'B' },
        { ...base, claimant: 'X', claimReviewed: 'A, shortly' },
      ),
    ).toEqual({
      ...base,
      text: 'B',
      claimant: 'X',
      claimReviewed: 'A, shortly',
    });
  });
});

describe('safeNext', () => {
  it('only allows local desk paths', () => {
    expect(safeNext('/desk/claims/abc?x=1')).toBe('/desk/claims/abc?x=1');
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/desk//evil',
      '/\\evil',
      '/deskx',
      'javascript:alert(1)',
      undefined,
    ])
      expect(safeNext(bad)).toBe('/desk');
  });
});

describe('desk UI strings', () => {
  it('has every Arabic string filled, with the same placeholders as English', () => {
    const en = translator('en');
    const ar = translator('ar');
    const keys = Object.keys(DESK_STRINGS_EN) as DeskKey[];
    for (const key of keys) {
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ar(key).trim(), key).not.toBe('');
      expect(placeholders(ar(key)), key).toEqual(placeholders(en(key)));
    }
  });

  it('speaks French for every key (the type requires it), and interpolates', () => {
    const fr = translator('fr');
    expect(fr('signIn')).toBe('Se connecter');
    expect(fr('conflictTitle')).not.toBe(translator('en')('conflictTitle'));
    expect(fr('versionN', { n: 3 })).toBe('Version 3');
  });
});
