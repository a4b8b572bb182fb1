/** UI strings of the ClaimReview import (desk /desk/import) and "Also checked by" (claim page), en/ar/fr. */
import type { Language } from '../lib/lang';
import { pick, type MessagesByLocale } from './pick';

const en = {
  // Public claim page
  alsoCheckedTitle: 'Also checked by',
  alsoCheckedHelp:
    'Other fact-checkers’ work on this claim, with their own rating as they wrote it. Not our verdict.',
  theirRating: 'Their rating',
  // Desk
  navImport: 'Import',
  importTitle: 'Import ClaimReview',
  importHelp:
    'Read other publishers’ fact-checks from a page (its ClaimReview markup), a pasted JSON-LD document or a DataFeed. You confirm how their ratings map to ours before anything is saved.',
  fromUrl: 'Page URL',
  orDocument: 'Or paste a JSON-LD document / DataFeed',
  previewButton: 'Read and preview',
  recent: 'Recent imports',
  noImports: 'No imports yet.',
  previewTitle: 'Import preview',
  committedTitle: 'Import committed',
  committedNotice: '{n} reviews imported; {d} were imported before.',
  mappingsTitle: 'Their ratings → our scale',
  mappingsHelp:
    'Each label is mapped per publisher. A proposal is pre-selected; committing confirms it for later imports.',
  publisher: 'Publisher',
  theirLabel: 'Their label',
  ourRating: 'Our rating',
  chooseRating: '— choose —',
  confirmedBefore: 'confirmed before',
  itemsTitle: 'Reviews ({n})',
  include: 'Import this review',
  matchedClaim: 'Our claim',
  noMatch: 'None of ours',
  duplicate: 'Already imported: committing leaves it as it is.',
  problemsTitle: 'Not readable',
  commitButton: 'Confirm mapping and import',
  unmapped:
    'Choose our rating for “{label}” ({publisher}): this review cannot be imported without it.',
  commitRefused: 'Nothing was imported. Fix the marked reviews, or leave them out.',
  alreadyCommitted: 'This import was committed already.',
  status_preview: 'preview',
  status_committed: 'committed',
  claimDate: 'Claim made',
  published: 'Published',
  sourceRefused: 'This source cannot be imported: {reason}',
  reason_not_json_ld: 'it is not JSON-LD.',
  reason_no_claim_review: 'it holds no ClaimReview.',
  reason_too_many_items: 'it holds too many reviews; import it in smaller pages.',
  reason_document_too_large: 'it is too large.',
  reason_article_too_large: 'the page is too large.',
  reason_other: 'the page could not be read or its address is refused.',
  needSource: 'Give a page URL or paste a document (one of the two).',
};

export type ImportMessages = typeof en;

const ar: Partial<ImportMessages> = {
  alsoCheckedTitle: 'تحقّق منه أيضًا',
  alsoCheckedHelp: 'عمل مدقّقين آخرين على هذا الادعاء، بتقييمهم كما كتبوه. ليس حكمنا.',
  theirRating: 'تقييمهم',
  navImport: 'استيراد',
  importTitle: 'استيراد ClaimReview',
  importHelp:
    'اقرأ تحقّقات ناشرين آخرين من صفحة (وسوم ClaimReview فيها) أو من مستند JSON-LD ملصوق أو من DataFeed. تؤكّد مطابقة تقييماتهم مع سلّمنا قبل حفظ أي شيء.',
  fromUrl: 'رابط الصفحة',
  orDocument: 'أو الصق مستند JSON-LD / DataFeed',
  previewButton: 'اقرأ واعرض',
  recent: 'آخر عمليات الاستيراد',
  noImports: 'لا عمليات استيراد بعد.',
  previewTitle: 'معاينة الاستيراد',
  committedTitle: 'تمّ الاستيراد',
  committedNotice: 'استُورد {n} من التحقّقات؛ و{d} كانت مستوردة من قبل.',
  mappingsTitle: 'تقييماتهم ← سلّمنا',
  mappingsHelp: 'تُطابَق كل تسمية لكل ناشر. الاقتراح محدّد مسبقًا؛ والاستيراد يؤكّده للمرّات القادمة.',
  publisher: 'الناشر',
  theirLabel: 'تسميتهم',
  ourRating: 'تقييمنا',
  chooseRating: '— اختر —',
  confirmedBefore: 'مؤكَّد من قبل',
  itemsTitle: 'التحقّقات ({n})',
  include: 'استورد هذا التحقّق',
  matchedClaim: 'ادعاؤنا',
  noMatch: 'لا شيء من ادعاءاتنا',
  duplicate: 'مستورد من قبل: يبقى كما هو.',
  problemsTitle: 'غير مقروء',
  commitButton: 'أكّد المطابقة واستورد',
  unmapped: 'اختر تقييمنا لـ«{label}» ({publisher}): لا يمكن استيراد هذا التحقّق من دونه.',
  commitRefused: 'لم يُستورد شيء. أصلح التحقّقات المعلَّمة أو استبعدها.',
  alreadyCommitted: 'استُورد هذا من قبل.',
  status_preview: 'معاينة',
  status_committed: 'مستورد',
  claimDate: 'تاريخ الادعاء',
  published: 'نُشر',
  sourceRefused: 'لا يمكن استيراد هذا المصدر: {reason}',
  reason_not_json_ld: 'ليس JSON-LD.',
  reason_no_claim_review: 'لا يحوي ClaimReview.',
  reason_too_many_items: 'يحوي تحقّقات كثيرة جدًا؛ استورده على دفعات أصغر.',
  reason_document_too_large: 'حجمه كبير جدًا.',
  reason_article_too_large: 'الصفحة كبيرة جدًا.',
  reason_other: 'تعذّرت قراءة الصفحة أو أن عنوانها مرفوض.',
  needSource: 'أعطِ رابط صفحة أو الصق مستندًا (أحدهما فقط).',
};

const fr: Partial<ImportMessages> = {
  alsoCheckedTitle: 'Aussi vérifié par',
  alsoCheckedHelp:
    'Le travail d’autres vérificateurs sur cette affirmation, avec leur propre note telle qu’ils l’ont écrite. Ce n’est pas notre verdict.',
  theirRating: 'Leur note',
  navImport: 'Import',
  importTitle: 'Importer du ClaimReview',
  importHelp:
    'Lisez les vérifications d’autres éditeurs depuis une page (son balisage ClaimReview), un document JSON-LD collé ou un DataFeed. Vous confirmez la correspondance de leurs notes avec les nôtres avant tout enregistrement.',
  fromUrl: 'URL de la page',
  orDocument: 'Ou collez un document JSON-LD / DataFeed',
  previewButton: 'Lire et prévisualiser',
  recent: 'Imports récents',
  noImports: 'Aucun import pour l’instant.',
  previewTitle: 'Aperçu de l’import',
  committedTitle: 'Import enregistré',
  committedNotice: '{n} vérifications importées ; {d} l’avaient déjà été.',
  mappingsTitle: 'Leurs notes → notre échelle',
  mappingsHelp:
    'Chaque libellé est associé par éditeur. Une proposition est présélectionnée ; l’import la confirme pour la suite.',
  publisher: 'Éditeur',
  theirLabel: 'Leur libellé',
  ourRating: 'Notre note',
  chooseRating: '— choisir —',
  confirmedBefore: 'déjà confirmé',
  itemsTitle: 'Vérifications ({n})',
  include: 'Importer cette vérification',
  matchedClaim: 'Notre affirmation',
  noMatch: 'Aucune des nôtres',
  duplicate: 'Déjà importée : elle reste telle quelle.',
  problemsTitle: 'Illisible',
  commitButton: 'Confirmer et importer',
  unmapped:
    'Choisissez notre note pour « {label} » ({publisher}) : sans elle, cette vérification ne peut être importée.',
  commitRefused: 'Rien n’a été importé. Corrigez les vérifications signalées ou écartez-les.',
  alreadyCommitted: 'Cet import a déjà été enregistré.',
  status_preview: 'aperçu',
  status_committed: 'enregistré',
  claimDate: 'Affirmation faite le',
  published: 'Publié',
  sourceRefused: 'Cette source ne peut être importée : {reason}',
  reason_not_json_ld: 'ce n’est pas du JSON-LD.',
  reason_no_claim_review: 'elle ne contient aucun ClaimReview.',
  reason_too_many_items:
    'elle contient trop de vérifications ; importez-la par pages plus petites.',
  reason_document_too_large: 'elle est trop volumineuse.',
  reason_article_too_large: 'la page est trop volumineuse.',
  reason_other: 'la page n’a pas pu être lue ou son adresse est refusée.',
  needSource: 'Donnez une URL de page ou collez un document (l’un des deux).',
};

const MESSAGES: MessagesByLocale<ImportMessages> = { en, ar, fr };

export type ImportKey = keyof ImportMessages;
export type ImportTranslate = (key: ImportKey, params?: Record<string, string | number>) => string;

export function importTranslator(locale: Language): ImportTranslate {
  const dict = pick(MESSAGES, locale);
  return (key, params) =>
    dict[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}
