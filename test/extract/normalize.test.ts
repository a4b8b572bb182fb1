import fc from 'fast-check';
import { fcParams } from '../fc-params';
import { describe, expect, it } from 'vitest';
import {
  foldArabicLetters,
  foldDigits,
  normalizeText,
  normalizeWithOffsets,
  searchKey,
  searchStem,
  tokens,
} from '../../worker/extract/normalize';

/** Every unit of the normalized copy must come from a unit of the original at or after the previous one. */
function monotone(offsets: Int32Array, length: number): boolean {
  for (let i = 1; i < offsets.length; i++) if (offsets[i]! < offsets[i - 1]!) return false;
  return offsets[offsets.length - 1] === length;
}

describe('normalizeWithOffsets', () => {
  it('applies NFKC: full-width letters and digits, ligatures, Arabic presentation forms, no-break spaces', () => {
    expect(normalizeWithOffsets('ＡＢＣ１２３').text).toBe('ABC123');
    expect(normalizeWithOffsets('ﬁnance').text).toBe('finance');
    expect(normalizeWithOffsets('\uFEB3\uFEDF\uFE8E\uFEE1').text).toBe('سلام'); // presentation forms
    expect(normalizeWithOffsets('12\u202F%').text).toBe('12 %');
  });

  it('strips zero-width characters and bidi controls', () => {
    expect(normalizeWithOffsets('a\u200Bb\u200Fc\u202Bd\u2066e\u2069f\uFEFFg\u061Ch').text).toBe(
      'abcdefgh',
    );
  });

  it('strips harakat and tatweel and folds Arabic letter variants', () => {
    expect(normalizeWithOffsets('مُعَدَّلُ').text).toBe('معدل');
    expect(normalizeWithOffsets('قيـــاسي').text).toBe('قياسي');
    expect(normalizeWithOffsets('أإآٱ ى ة ؤ ئ').text).toBe('اااا ي ه و ي');
  });

  it('maps Arabic-Indic and Persian digits and the Arabic decimal, thousands and percent signs', () => {
    expect(normalizeWithOffsets('٠١٢٣٤٥٦٧٨٩').text).toBe('0123456789');
    expect(normalizeWithOffsets('۰۱۲۳۴۵۶۷۸۹').text).toBe('0123456789');
    expect(normalizeWithOffsets('٣٫٥٪ ١٬٠٠٠').text).toBe('3.5% 1,000');
  });

  it('folds Latin accents, precomposed or decomposed, and typographic apostrophes; keeps case', () => {
    expect(normalizeWithOffsets('Élevé').text).toBe('Eleve');
    expect(normalizeWithOffsets('E\u0301leve\u0301').text).toBe('Eleve');
    expect(normalizeWithOffsets('d’après l’Insee').text).toBe("d'apres l'Insee");
  });

  it('keeps for every normalized unit the offset of the original unit it came from', () => {
    const input = 'قَالَ ٣٫٥٪ ﬁ';
    const { text, offsets } = normalizeWithOffsets(input);
    expect(text).toBe('قال 3.5% fi');
    expect(input[offsets[0]!]).toBe('ق');
    expect(input[offsets[text.indexOf('3')]!]).toBe('٣');
    expect(offsets[text.indexOf('i')]).toBe(input.indexOf('ﬁ')); // both units of the ligature point at it
    expect(offsets[text.length]).toBe(input.length);
  });

  it('offsets are monotone and end at the input length for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) =>
        monotone(normalizeWithOffsets(s).offsets, s.length),
      ),
      fcParams(300),
    );
    const arabicish = fc.string({
      unit: fc.constantFrom('ق', 'َ', 'ـ', '٣', '٫', '\u200F', ' ', '.', 'أ', 'ة', 'é', 'e\u0301'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(arabicish, (s) => monotone(normalizeWithOffsets(s).offsets, s.length)),
      fcParams(300),
    );
  });
});

describe('existing normalize exports keep working', () => {
  it('normalizeText, foldDigits, foldArabicLetters, searchStem, tokens, searchKey', () => {
    expect(normalizeText('  قَالَ   الرَّئِيسُ  ')).toBe('قال الرييس');
    expect(foldDigits('٢٠٢٦')).toBe('2026');
    expect(foldArabicLetters('إلى')).toBe('الي');
    expect(searchStem('والاقتصاد')).toBe('اقتصاد');
    expect(tokens('Rose 3.5% in 2024')).toEqual(['rose', '3.5', 'in', '2024']);
    expect(searchKey('Élection')).toBe('election');
  });
});
