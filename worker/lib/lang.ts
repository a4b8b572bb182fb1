/** Languages ClaimDesk ships UI strings and extraction rules for. */
export const LANGUAGES = ['ar', 'en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Text direction of a BCP 47 language tag (by its primary subtag). */
export function dirOf(lang: string | null | undefined): 'rtl' | 'ltr' {
  const primary = (lang ?? '').toLowerCase().split('-')[0] ?? '';
  return RTL.has(primary) ? 'rtl' : 'ltr';
}
