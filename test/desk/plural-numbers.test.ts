import { describe, expect, it } from 'vitest';
import {
  formatNumber,
  formatScore,
  languageName,
  localDigits,
  plural,
} from '../../worker/i18n/numbers';

const AR = {
  zero: 'لا ادعاءات',
  one: 'ادعاء واحد',
  two: 'ادعاءان',
  few: '{n} ادعاءات',
  many: '{n} ادعاءً',
  other: '{n} ادعاء',
};

describe('plural', () => {
  it('picks each of the six Arabic forms', () => {
    expect(plural('ar', 0, AR)).toBe('لا ادعاءات');
    expect(plural('ar', 1, AR)).toBe('ادعاء واحد');
    expect(plural('ar', 2, AR)).toBe('ادعاءان');
    expect(plural('ar', 3, AR)).toBe('٣ ادعاءات');
    expect(plural('ar', 11, AR)).toBe('١١ ادعاءً');
    expect(plural('ar', 100, AR)).toBe('١٠٠ ادعاء');
  });
  it('uses one/other in English and French (French: 0 and 1 are singular)', () => {
    const en = { one: '{n} claim', other: '{n} claims' };
    expect(plural('en', 1, en)).toBe('1 claim');
    expect(plural('en', 0, en)).toBe('0 claims');
    const fr = { one: '{n} affirmation', other: '{n} affirmations' };
    expect(plural('fr', 0, fr)).toBe('0 affirmation');
    expect(plural('fr', 2, fr)).toBe('2 affirmations');
  });
});

describe('digits', () => {
  it('shows Arabic-Indic digits in Arabic, Latin digits elsewhere', () => {
    expect(formatNumber(1234, 'ar')).toBe('١٬٢٣٤');
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatScore(0.5, 'ar')).toBe('٠٫٥٠');
    expect(formatScore(0.987, 'fr')).toBe('0,99');
    expect(localDigits('2026-01-02 10:30', 'ar')).toBe('٢٠٢٦-٠١-٠٢ ١٠:٣٠');
    expect(localDigits('2026', 'en')).toBe('2026');
  });
  it('names languages in the UI language', () => {
    expect(languageName('fr', 'ar')).toBe('الفرنسية');
    expect(languageName('ar', 'fr')).toBe('arabe');
    expect(languageName('en', 'en')).toBe('English');
  });
});
