import type { FeatureId } from '../extract/index';
import type { Language } from '../lib/lang';
import { pick, type MessagesByLocale } from './pick';

/** Readable names of the extraction features (`why` ids) that editors see beside a candidate. */
const en: Record<FeatureId, string> = {
  number: 'figure',
  'number-word': 'number in words',
  percent: 'percentage',
  money: 'amount of money',
  magnitude: 'magnitude (million, billion…)',
  measure: 'measurement',
  date: 'date or year',
  record: 'record / first time',
  absolute: 'absolute (never, none)',
  superlative: 'superlative',
  comparative: 'comparison',
  'change-verb': 'change (rose, fell)',
  causal: 'cause and effect',
  prediction: 'prediction',
  attribution: 'attributed (said, according to)',
  'named-entity': 'named person or body',
  'event-verb': 'event',
  breaking: 'breaking news',
  '-question': 'question (lowers)',
  '-opinion': 'opinion (lowers)',
  '-hedge': 'hedged (lowers)',
  '-feeling': 'feelings (lowers)',
  '-first-person': 'first-person anecdote (lowers)',
  '-schedule': 'schedule, not a claim (lowers)',
  '-too-short': 'very short (lowers)',
  '-too-long': 'very long (lowers)',
};

const ar: Record<FeatureId, string> = {
  number: 'رقم',
  'number-word': 'عدد بالكلمات',
  percent: 'نسبة مئوية',
  money: 'مبلغ مالي',
  magnitude: 'حجم (مليون، مليار…)',
  measure: 'قياس',
  date: 'تاريخ أو سنة',
  record: 'رقم قياسي / لأول مرة',
  absolute: 'مطلق (أبدًا، لم يسبق)',
  superlative: 'صيغة تفضيل',
  comparative: 'مقارنة',
  'change-verb': 'تغيّر (ارتفع، انخفض)',
  causal: 'سبب ونتيجة',
  prediction: 'توقّع',
  attribution: 'منسوب (قال، بحسب)',
  'named-entity': 'شخص أو جهة مسمّاة',
  'event-verb': 'حدث',
  breaking: 'خبر عاجل',
  '-question': 'سؤال (يخفض)',
  '-opinion': 'رأي (يخفض)',
  '-hedge': 'تحفّظ (يخفض)',
  '-feeling': 'مشاعر (يخفض)',
  '-first-person': 'تجربة شخصية (يخفض)',
  '-schedule': 'موعد لا ادعاء (يخفض)',
  '-too-short': 'قصيرة جدًا (يخفض)',
  '-too-long': 'طويلة جدًا (يخفض)',
};

const fr: Record<FeatureId, string> = {
  number: 'chiffre',
  'number-word': 'nombre en lettres',
  percent: 'pourcentage',
  money: 'montant',
  magnitude: 'ordre de grandeur',
  measure: 'mesure',
  date: 'date ou année',
  record: 'record / première fois',
  absolute: 'absolu (jamais, aucun)',
  superlative: 'superlatif',
  comparative: 'comparaison',
  'change-verb': 'variation (hausse, baisse)',
  causal: 'cause et effet',
  prediction: 'prévision',
  attribution: 'attribué (a déclaré, selon)',
  'named-entity': 'personne ou organisme nommé',
  'event-verb': 'événement',
  breaking: 'dernière minute',
  '-question': 'question (baisse)',
  '-opinion': 'opinion (baisse)',
  '-hedge': 'prudence (baisse)',
  '-feeling': 'sentiments (baisse)',
  '-first-person': 'anecdote personnelle (baisse)',
  '-schedule': 'agenda, pas une affirmation (baisse)',
  '-too-short': 'très courte (baisse)',
  '-too-long': 'très longue (baisse)',
};

const LABELS: MessagesByLocale<Record<FeatureId, string>> = { en, ar, fr };

/** The label of a feature id in a UI language; unknown ids (from older rows) show as they are. */
export function featureLabel(id: string, locale: Language): string {
  const labels: Partial<Record<string, string>> = pick(LABELS, locale);
  return labels[id] ?? id;
}
