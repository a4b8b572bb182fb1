/** UI strings of the reader's search (home search box, result count, sort, filters, empty result), en/ar/fr. */
import type { Language } from '../lib/lang';
import { pick, type MessagesByLocale } from './pick';

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface ReaderSearchStrings {
  /** Home: the search box's label, placeholder and button. */
  searchLabel: string;
  placeholder: string;
  go: string;
  /** "Results for" before the query (the query itself is isolated by the view). */
  resultsFor: string;
  /** Result count by plural category; `{n}` is the formatted number. */
  count: PluralForms;
  /** More matches than were counted; `{n}` is the cap. */
  countMore: string;
  sort: string;
  relevance: string;
  newest: string;
  from: string;
  to: string;
  claimant: string;
  /** The empty result's way forward. */
  noneTitle: string;
  noneHint: string;
  sendClaim: string;
  clear: string;
}

const en: ReaderSearchStrings = {
  searchLabel: 'Search the fact-checks',
  placeholder: 'A claim, a name, a number…',
  go: 'Search',
  resultsFor: 'Results for',
  count: { one: '{n} fact-check', other: '{n} fact-checks' },
  countMore: 'More than {n} fact-checks',
  sort: 'Sort by',
  relevance: 'Best match',
  newest: 'Newest first',
  from: 'Published from',
  to: 'Published until',
  claimant: 'Claimant',
  noneTitle: 'We have not checked this yet.',
  noneHint: 'Try fewer or other words, or ask us to check it.',
  sendClaim: 'Send us this claim',
  clear: 'Clear filters',
};

const STRINGS: MessagesByLocale<ReaderSearchStrings> = {
  en,
  ar: {
    searchLabel: 'ابحث في التحققات',
    placeholder: 'ادعاء أو اسم أو رقم…',
    go: 'بحث',
    resultsFor: 'نتائج البحث عن',
    count: {
      zero: 'لا توجد تحققات',
      one: 'تحقق واحد',
      two: 'تحققان',
      few: '{n} تحققات',
      many: '{n} تحققًا',
      other: '{n} تحقق',
    },
    countMore: 'أكثر من {n} تحقق',
    sort: 'الترتيب',
    relevance: 'الأكثر صلة',
    newest: 'الأحدث أولاً',
    from: 'منشور منذ',
    to: 'منشور حتى',
    claimant: 'صاحب الادعاء',
    noneTitle: 'لم نتحقق من هذا بعد.',
    noneHint: 'جرّب كلمات أقل أو مختلفة، أو اطلب منا التحقق منه.',
    sendClaim: 'أرسل إلينا هذا الادعاء',
    clear: 'إزالة عوامل التصفية',
  },
  fr: {
    searchLabel: 'Chercher dans les vérifications',
    placeholder: 'Une affirmation, un nom, un chiffre…',
    go: 'Chercher',
    resultsFor: 'Résultats pour',
    count: { one: '{n} vérification', other: '{n} vérifications' },
    countMore: 'Plus de {n} vérifications',
    sort: 'Trier par',
    relevance: 'Pertinence',
    newest: 'Plus récentes',
    from: 'Publiées depuis le',
    to: "Publiées jusqu'au",
    claimant: 'Auteur de l’affirmation',
    noneTitle: "Nous n'avons pas encore vérifié cela.",
    noneHint: 'Essayez moins de mots ou d’autres mots, ou demandez-nous de le vérifier.',
    sendClaim: 'Envoyez-nous cette affirmation',
    clear: 'Effacer les filtres',
  },
};

/** The search strings of a locale. */
export function searchStrings(locale: Language): ReaderSearchStrings {
  return pick(STRINGS, locale);
}

/** Intl tag: Arabic with Arabic-Indic digits, as the rest of the public pages. */
const intlTag = (locale: Language) => (locale === 'ar' ? 'ar-u-nu-arab' : locale);

/** "12 fact-checks" in the reader's language and plural rules; `more` = counting stopped at `n`. */
export function resultCount(n: number, locale: Language, more = false): string {
  const t = searchStrings(locale);
  const formatted = new Intl.NumberFormat(intlTag(locale)).format(n);
  if (more) return t.countMore.replace('{n}', formatted);
  const category = new Intl.PluralRules(locale).select(n);
  return (t.count[category] ?? t.count.other).replace('{n}', formatted);
}

/**
 * The separator between parts of a meta line (claimant, date). A middle dot "·" beside
 * Arabic-Indic digits reads as the zero "٠" («٣٠ · نوفمبر» looks like «٣٠٠ نوفمبر»), so Arabic
 * uses its own comma.
 */
export function metaSeparator(locale: Language): string {
  return locale === 'ar' ? '، ' : ' · ';
}
