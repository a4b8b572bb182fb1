import { describe, expect, it } from 'vitest';
import { extractClaims, FEATURE_IDS } from '../../worker/extract/index';
import { featureLabel } from '../../worker/i18n/features';

describe('extraction feature labels', () => {
  it('name every feature the scorer can emit, in en, ar and fr', () => {
    // Every table is a Record<FeatureId, string>, so the compiler checks completeness; an unlabelled id would show as itself.
    expect(FEATURE_IDS.filter((id) => featureLabel(id, 'ar') === id)).toEqual([]);
    for (const id of FEATURE_IDS) {
      expect(featureLabel(id, 'ar')).toMatch(/[\u0600-\u06FF]/);
      for (const locale of ['en', 'fr'] as const)
        expect(featureLabel(id, locale).length).toBeGreaterThan(2);
    }
  });

  it('translate the why list of a real candidate and keep unknown ids readable', () => {
    const { candidates } = extractClaims(
      'Unemployment fell to 4.1% in March, the lowest since 2001, the ministry said.',
      { language: 'en' },
    );
    const why = candidates[0]?.why ?? [];
    expect(why).toContain('percent');
    expect(why.map((w) => featureLabel(w, 'ar'))).toContain('نسبة مئوية');
    expect(featureLabel('retired-feature', 'fr')).toBe('retired-feature');
  });
});
