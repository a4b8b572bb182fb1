/**
 * The one digit policy of ClaimDesk, desk and public alike: Arabic shows Arabic-Indic digits
 * (٠١٢٣…, `ar-u-nu-arab`), English and French Latin digits. Every number a page shows goes
 * through `formatNumber` (or `localDigits` for text that already holds digits, such as a range
 * or a time); plurals go through `plural` (Intl.PluralRules: Arabic has zero, one, two, few, many
 * and other); language names through `languageName` (Intl.DisplayNames).
 */
import type { Language } from '../lib/lang';

/** The BCP 47 tag Intl formats with for a UI locale. */
export function intlTag(locale: Language): string {
  return locale === 'ar' ? 'ar-u-nu-arab' : locale;
}

const formats = new Map<string, Intl.NumberFormat>();

/** A number in the locale's digits (grouping and decimals as the options say). */
export function formatNumber(
  n: number,
  locale: Language,
  options?: Intl.NumberFormatOptions,
): string {
  const key = `${locale}|${JSON.stringify(options ?? {})}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(intlTag(locale), options)));
  return f.format(n);
}

/** An extraction score (0–1) with two decimals. */
export function formatScore(score: number, locale: Language): string {
  return formatNumber(score, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** Text that already holds Latin digits (a time, a range), with the locale's digits. */
export function localDigits(text: string, locale: Language): string {
  return locale === 'ar' ? text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)] ?? d) : text;
}

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<Language, Intl.PluralRules>();

/** The form of `forms` for `n` in `locale` ({n} replaced by the number in the locale's digits). */
export function plural(locale: Language, n: number, forms: PluralForms): string {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  const form = forms[r.select(n)] ?? forms.other;
  return form.replace('{n}', formatNumber(n, locale));
}

/** A language code ('en', 'ar', 'fr', 'und', …) named in the UI locale; the code when unknown. */
export function languageName(code: string, locale: Language): string {
  if (!code || code === 'und')
    return locale === 'ar' ? 'غير محددة' : locale === 'fr' ? 'indéterminée' : 'undetermined';
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
