import type { FeatureId } from '../extract/index';
import type { Language } from '../lib/lang';

/** Readable names of the extraction features (`why` ids) that editors see beside a candidate. */
const LABELS: Partial<Record<FeatureId, Record<Language, string>>> = {
  number: { en: 'figure', ar: 'رقم', fr: 'chiffre' },
  'number-word': { en: 'number in words', ar: 'عدد بالكلمات', fr: 'nombre en lettres' },
  percent: { en: 'percentage', ar: 'نسبة مئوية', fr: 'pourcentage' },
  money: { en: 'amount of money', ar: 'مبلغ مالي', fr: 'montant' },
  magnitude: { en: 'magnitude (million, billion…)', ar: 'حجم (مليون، مليار…)', fr: 'ordre de grandeur' },
  measure: { en: 'measurement', ar: 'قياس', fr: 'mesure' },
  date: { en: 'date or year', ar: 'تاريخ أو سنة', fr: 'date ou année' },
  record: { en: 'record / first time', ar: 'رقم قياسي / لأول مرة', fr: 'record / première fois' },
  absolute: { en: 'absolute (never, none)', ar: 'مطلق (أبدًا، لم يسبق)', fr: 'absolu (jamais, aucun)' },
  superlative: { en: 'superlative', ar: 'صيغة تفضيل', fr: 'superlatif' },
  comparative: { en: 'comparison', ar: 'مقارنة', fr: 'comparaison' },
  'change-verb': { en: 'change (rose, fell)', ar: 'تغيّر (ارتفع، انخفض)', fr: 'variation (hausse, baisse)' },
  causal: { en: 'cause and effect', ar: 'سبب ونتيجة', fr: 'cause et effet' },
  prediction: { en: 'prediction', ar: 'توقّع', fr: 'prévision' },
  attribution: { en: 'attributed (said, according to)', ar: 'منسوب (قال، بحسب)', fr: 'attribué (a déclaré, selon)' },
  'named-entity': { en: 'named person or body', ar: 'شخص أو جهة مسمّاة', fr: 'personne ou organisme nommé' },
  'event-verb': { en: 'event', ar: 'حدث', fr: 'événement' },
  breaking: { en: 'breaking news', ar: 'خبر عاجل', fr: 'dernière minute' },
  '-question': { en: 'question (lowers)', ar: 'سؤال (يخفض)', fr: 'question (baisse)' },
  '-opinion': { en: 'opinion (lowers)', ar: 'رأي (يخفض)', fr: 'opinion (baisse)' },
  '-hedge': { en: 'hedged (lowers)', ar: 'تحفّظ (يخفض)', fr: 'prudence (baisse)' },
  '-feeling': { en: 'feelings (lowers)', ar: 'مشاعر (يخفض)', fr: 'sentiments (baisse)' },
  '-first-person': { en: 'first-person anecdote (lowers)', ar: 'تجربة شخصية (يخفض)', fr: 'anecdote personnelle (baisse)' },
  '-schedule': { en: 'schedule, not a claim (lowers)', ar: 'موعد لا ادعاء (يخفض)', fr: 'agenda, pas une affirmation (baisse)' },
  '-too-short': { en: 'very short (lowers)', ar: 'قصيرة جدًا (يخفض)', fr: 'très courte (baisse)' },
  '-too-long': { en: 'very long (lowers)', ar: 'طويلة جدًا (يخفض)', fr: 'très longue (baisse)' },
};

/** The label of a feature id in a UI language; unknown ids (from older rows) show as they are. */
export function featureLabel(id: string, locale: Language): string {
  return LABELS[id as FeatureId]?.[locale] ?? id;
}

/** Ids without a label, for the test that keeps this table complete. */
export function unlabelledFeatures(ids: readonly string[]): string[] {
  return ids.filter((id) => !LABELS[id as FeatureId]);
}
