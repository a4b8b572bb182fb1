/**
 * Desk strings of the phone action bar and the counted nouns of the queue, bulk results, inbox and
 * workspace, in en/ar/fr. A count that meets a noun is a `PluralForms` (Intl.PluralRules: Arabic
 * has zero, one, two, few, many and other) rendered with `plural()` of ./numbers.
 */
import type { Language } from '../lib/lang';
import { plural, type PluralForms } from './numbers';
import { pick, type MessagesByLocale } from './pick';

interface DeskCountStrings {
  /** The bar's link to the Publication panel when publishing needs more than one button. */
  toPublication: string;
  claimsAssigned: PluralForms;
  readerSubmissions: PluralForms;
  readerRequests: PluralForms;
  submittedTimes: PluralForms;
}

const en: DeskCountStrings = {
  toPublication: 'Publication',
  claimsAssigned: { one: '{n} claim assigned.', other: '{n} claims assigned.' },
  readerSubmissions: { one: '{n} reader submission', other: '{n} reader submissions' },
  readerRequests: { one: '{n} reader request', other: '{n} reader requests' },
  submittedTimes: {
    one: 'Submitted by readers: once',
    other: 'Submitted by readers: {n} times',
  },
};

const ar: DeskCountStrings = {
  toPublication: 'النشر',
  claimsAssigned: {
    zero: 'لم يُسند أي ادعاء.',
    one: 'أُسند ادعاء واحد.',
    two: 'أُسند ادعاءان.',
    few: 'أُسندت {n} ادعاءات.',
    many: 'أُسند {n} ادعاءً.',
    other: 'أُسند {n} ادعاء.',
  },
  readerSubmissions: {
    zero: 'لا إرسالات من القراء',
    one: 'إرسال واحد من القراء',
    two: 'إرسالان من القراء',
    few: '{n} إرسالات من القراء',
    many: '{n} إرسالًا من القراء',
    other: '{n} إرسال من القراء',
  },
  readerRequests: {
    zero: 'لا طلبات من القراء',
    one: 'طلب واحد من القراء',
    two: 'طلبان من القراء',
    few: '{n} طلبات من القراء',
    many: '{n} طلبًا من القراء',
    other: '{n} طلب من القراء',
  },
  submittedTimes: {
    zero: 'أرسله القرّاء: ولا مرة',
    one: 'أرسله القرّاء: مرة واحدة',
    two: 'أرسله القرّاء: مرتين',
    few: 'أرسله القرّاء: {n} مرات',
    many: 'أرسله القرّاء: {n} مرة',
    other: 'أرسله القرّاء: {n} مرة',
  },
};

const fr: DeskCountStrings = {
  toPublication: 'Publication',
  claimsAssigned: { one: '{n} affirmation assignée.', other: '{n} affirmations assignées.' },
  readerSubmissions: {
    one: '{n} soumission de lecteur',
    other: '{n} soumissions de lecteurs',
  },
  readerRequests: { one: '{n} demande de lecteur', other: '{n} demandes de lecteurs' },
  submittedTimes: {
    one: 'Soumis par des lecteurs : {n} fois',
    other: 'Soumis par des lecteurs : {n} fois',
  },
};

const DICTS: MessagesByLocale<DeskCountStrings> = { en, ar, fr };

type CountKey = {
  [K in keyof DeskCountStrings]: DeskCountStrings[K] extends PluralForms ? K : never;
}[keyof DeskCountStrings];
type TextKey = Exclude<keyof DeskCountStrings, CountKey>;

/** The strings of one locale: `text('actionBar')`, `count('claimsAssigned', 3)`. */
export function deskCounts(locale: Language) {
  const dict = pick(DICTS, locale);
  return {
    text: (key: TextKey): string => dict[key],
    count: (key: CountKey, n: number): string => plural(locale, n, dict[key]),
  };
}
