import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../worker/extract/index';

describe('detectLanguage', () => {
  it('detects Arabic by script, with or without harakat, tatweel and Arabic-Indic digits', () => {
    expect(detectLanguage('قال وزير المالية إن العجز بلغ ٤٫٨٪.')).toBe('ar');
    expect(detectLanguage('قَالَ الرَّئِيسُ إِنَّ الاقتصـــاد يَنْمُو')).toBe('ar');
  });

  it('tells English from French by function words and accents', () => {
    expect(detectLanguage('The minister said that unemployment fell to 4.1% in October.')).toBe(
      'en',
    );
    expect(
      detectLanguage("Le ministre a déclaré que le chômage est retombé à 7 % selon l'Insee."),
    ).toBe('fr');
    expect(detectLanguage('Selon les chiffres publiés jeudi, la dette a augmenté.')).toBe('fr');
  });

  it("says 'und' when unsure: digits, symbols, a bare name, or no letters", () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('12 345 — 67%')).toBe('und');
    expect(detectLanguage('Bruno Martin')).toBe('und');
  });

  it('an English sentence quoting a French name stays English', () => {
    expect(
      detectLanguage('The report by Le Monde was published on Monday and it was widely read.'),
    ).toBe('en');
  });
});
