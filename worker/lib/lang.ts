/** Languages ClaimDesk ships UI strings and extraction rules for. */
export const LANGUAGES = ['ar', 'en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Text direction of a BCP 47 language tag (by its primary subtag). */
export function dirOf(lang: string | null | undefined): 'rtl' | 'ltr' {
  const primary = (lang ?? '').toLowerCase().split('-')[0] ?? '';
  return RTL.has(primary) ? 'rtl' : 'ltr';
}

/**
 * Pick the best supported UI locale from an explicit choice (query or cookie) or an
 * Accept-Language header (q-values honoured), falling back to the first supported one.
 */
export function pickLocale<T extends string>(
  supported: readonly T[],
  explicit: string | null | undefined,
  acceptLanguage: string | null | undefined,
): T {
  const match = (tag: string): T | undefined => {
    const primary = tag.trim().toLowerCase().split('-')[0];
    return supported.find((s) => s === primary);
  };
  const chosen = explicit ? match(explicit) : undefined;
  if (chosen) return chosen;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const m = match(tag);
    if (m) return m;
  }
  return supported[0]!;
}
