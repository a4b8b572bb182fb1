/** UI strings of the public pages, in the languages ClaimDesk ships (en, ar, fr). */
import type { Stance } from '../lib/enums';
import { LANGUAGES, pickLocale, type Language } from '../lib/lang';
import type { ClaimStatus } from '../lib/status';
import { formatNumber } from './numbers';
import { pick, type MessagesByLocale } from './pick';

export type Locale = Language;
export const LOCALES = LANGUAGES;

export interface PublicStrings {
  nav: {
    home: string;
    claims: string;
    submit: string;
    feed: string;
    language: string;
    skip: string;
  };
  home: { title: string; intro: string; all: string };
  list: {
    title: string;
    search: string;
    rating: string;
    language: string;
    any: string;
    apply: string;
    empty: string;
    older: string;
    newest: string;
    resultsFor: (q: string) => string;
  };
  claim: {
    claimedBy: string;
    claimDate: string;
    seenAt: string;
    verdict: string;
    explanation: string;
    sources: string;
    noSources: string;
    archived: string;
    published: string;
    updated: string;
    corrections: string;
    noCorrections: string;
    version: (n: number) => string;
    embed: string;
    embedHint: string;
    feedbackTitle: string;
    yes: string;
    no: string;
    reason: string;
    send: string;
    thanks: string;
    already: string;
  };
  record: {
    title: string;
    none: string;
    correctedOn: string;
    updatedOn: string;
    seeLog: string;
    retractionTitle: string;
    retractedOn: string;
    retractionIntro: string;
    kinds: Record<'publication' | 'correction' | 'update' | 'retraction', string>;
    rating: string;
    changedTo: string;
    earlier: string;
    note: string;
    fields: Record<
      | 'text'
      | 'claimant'
      | 'claimDate'
      | 'appearances'
      | 'claimReviewed'
      | 'headline'
      | 'explanation'
      | 'sources'
      | 'language',
      string
    >;
    sourceAdded: string;
    sourceRemoved: string;
    none_: string;
  };
  stance: Record<Stance, string>;
  submit: {
    title: string;
    intro: string;
    text: string;
    textHint: string;
    whereUrl: string;
    whereText: string;
    why: string;
    language: string;
    detect: string;
    email: string;
    emailHint: string;
    honeypot: string;
    send: string;
    check: string;
    fixErrors: string;
    noScript: string;
    matchesTitle: string;
    matchesIntro: string;
    noMatches: string;
  };
  errors: {
    required: string;
    tooShort: (n: number) => string;
    tooLong: (n: number) => string;
    url: string;
    email: string;
    language: string;
    malformedText: string;
    captcha: string;
    rateLimited: (seconds: number) => string;
    tooLarge: string;
    notFound: string;
    notFoundHint: string;
    crossSite: string;
    goHome: string;
    searchChecks: string;
    serverError: string;
    inProgress: string;
  };
  track: {
    title: string;
    thanks: string;
    keepLink: string;
    submitted: string;
    status: string;
    statuses: Record<ClaimStatus, string>;
    readVerdict: string;
    deleteEmail: string;
    emailDeleted: string;
    noEmail: string;
  };
  languages: Record<Locale, string>;
}

const en: PublicStrings = {
  nav: {
    home: 'Home',
    claims: 'Fact-checks',
    submit: 'Submit a claim',
    feed: 'Atom feed',
    language: 'Language',
    skip: 'Skip to content',
  },
  home: {
    title: 'Latest fact-checks',
    intro: 'Claims we checked, newest first.',
    all: 'All fact-checks',
  },
  list: {
    title: 'Fact-checks',
    search: 'Search',
    rating: 'Rating',
    language: 'Language',
    any: 'Any',
    apply: 'Apply',
    empty: 'No fact-checks match.',
    older: 'Older',
    newest: 'Newest',
    resultsFor: (q) => `Results for “${q}”`,
  },
  claim: {
    claimedBy: 'Claimed by',
    claimDate: 'Claim made on',
    seenAt: 'Seen at',
    verdict: 'Our verdict',
    explanation: 'Explanation',
    sources: 'Sources',
    noSources: 'No sources listed.',
    archived: 'archived copy',
    published: 'Published',
    updated: 'Updated',
    corrections: 'Corrections log',
    noCorrections: 'No corrections so far.',
    version: (n) => `Version ${n}`,
    embed: 'Embed this',
    embedHint: 'Copy this code to show the live verdict on your site.',
    feedbackTitle: 'Was this helpful?',
    yes: 'Yes',
    no: 'No',
    reason: 'Tell us why (optional)',
    send: 'Send',
    thanks: 'Thank you for your feedback.',
    already: 'We already have your feedback on this claim today.',
  },
  record: {
    title: 'Corrections and updates',
    none: 'No corrections or updates since publication.',
    correctedOn: 'Corrected on',
    updatedOn: 'Updated on',
    seeLog: 'See what changed',
    retractionTitle: 'This fact-check was retracted',
    retractedOn: 'Retracted on',
    retractionIntro:
      'We withdrew this verdict; it no longer stands. The note says why, and the record below keeps every earlier version.',
    kinds: {
      publication: 'Published',
      correction: 'Correction',
      update: 'Update',
      retraction: 'Retraction',
    },
    rating: 'Rating',
    changedTo: 'changed to',
    earlier: 'Earlier wording',
    note: 'Note',
    fields: {
      text: 'Claim',
      claimant: 'Claimed by',
      claimDate: 'Claim made on',
      appearances: 'Seen at',
      claimReviewed: 'Short wording',
      headline: 'Verdict',
      explanation: 'Explanation',
      sources: 'Sources',
      language: 'Language',
    },
    sourceAdded: 'added',
    sourceRemoved: 'removed',
    none_: '(none)',
  },
  stance: { supports: 'supports the claim', refutes: 'refutes the claim', context: 'context' },
  submit: {
    title: 'Submit a claim',
    intro: 'Saw something that needs checking? Tell us.',
    text: 'The claim',
    textHint: 'Quote it as exactly as you can.',
    whereUrl: 'Where you saw it (link)',
    whereText: 'Where you saw it (description)',
    why: 'Why it matters (optional)',
    language: 'Language of the claim',
    detect: 'Detect automatically',
    email: 'Your e-mail (optional)',
    emailHint: 'Only to tell you when it is checked. Never shown publicly.',
    honeypot: 'Leave this field empty',
    send: 'Submit',
    check: 'Check for existing fact-checks',
    fixErrors: 'Please correct the fields marked below.',
    noScript: 'The anti-spam check needs JavaScript.',
    matchesTitle: 'This may already be checked',
    matchesIntro: 'Published fact-checks that look similar:',
    noMatches: 'No published fact-check matches yet.',
  },
  errors: {
    required: 'This field is required.',
    tooShort: (n) => `Write at least ${n} characters.`,
    tooLong: (n) => `Use at most ${n} characters.`,
    url: 'Enter a full web address starting with http:// or https://.',
    email: 'Enter a valid e-mail address.',
    language: 'Choose a language from the list.',
    malformedText: 'This text contains characters that cannot be stored. Please retype it.',
    captcha: 'The anti-spam check failed. Please try again.',
    rateLimited: (s) => `Too many submissions from your network. Try again in ${s} seconds.`,
    tooLarge: 'The form is too large.',
    notFound: 'Page not found',
    notFoundHint: 'This page does not exist. It may have moved, or the address may be mistyped.',
    crossSite: 'This form can only be sent from our own pages.',
    goHome: 'Go to the home page',
    searchChecks: 'Search our fact-checks',
    serverError: 'Something went wrong. Please try again.',
    inProgress: 'Your submission is still being processed. Reload this page in a moment.',
  },
  track: {
    title: 'Your submission',
    thanks: 'Thank you! We received your claim.',
    keepLink: 'Keep this page’s address: it is the only way to follow your submission.',
    submitted: 'Submitted on',
    status: 'Status',
    statuses: {
      candidate: 'Received',
      submitted: 'Received, waiting for an editor',
      queued: 'Selected for checking',
      in_review: 'Being checked',
      published: 'Checked: the verdict is published',
      rejected: 'Not selected for checking',
      duplicate: 'Already covered by another claim',
      retracted: 'Checked; the verdict was later retracted',
    },
    readVerdict: 'Read the verdict',
    deleteEmail: 'Delete my e-mail address',
    emailDeleted: 'Your e-mail address was deleted.',
    noEmail: 'We hold no e-mail address for this submission.',
  },
  languages: { ar: 'Arabic', en: 'English', fr: 'French' },
};

const ar: PublicStrings = {
  nav: {
    home: 'الرئيسية',
    claims: 'التحققات',
    submit: 'أرسل ادعاءً',
    feed: 'موجز Atom',
    language: 'اللغة',
    skip: 'انتقل إلى المحتوى',
  },
  home: { title: 'أحدث التحققات', intro: 'ادعاءات تحققنا منها، الأحدث أولاً.', all: 'كل التحققات' },
  list: {
    title: 'التحققات',
    search: 'بحث',
    rating: 'التقييم',
    language: 'اللغة',
    any: 'الكل',
    apply: 'تطبيق',
    empty: 'لا توجد تحققات مطابقة.',
    older: 'الأقدم',
    newest: 'الأحدث',
    resultsFor: (q) => `نتائج «${q}»`,
  },
  claim: {
    claimedBy: 'صاحب الادعاء',
    claimDate: 'تاريخ الادعاء',
    seenAt: 'ظهر في',
    verdict: 'حكمنا',
    explanation: 'الشرح',
    sources: 'المصادر',
    noSources: 'لا توجد مصادر.',
    archived: 'نسخة مؤرشفة',
    published: 'نُشر',
    updated: 'حُدّث',
    corrections: 'سجل التصحيحات',
    noCorrections: 'لا تصحيحات حتى الآن.',
    version: (n) => `الإصدار ${formatNumber(n, 'ar')}`,
    embed: 'تضمين',
    embedHint: 'انسخ هذه الشيفرة لعرض الحكم المحدّث على موقعك.',
    feedbackTitle: 'هل كان هذا مفيداً؟',
    yes: 'نعم',
    no: 'لا',
    reason: 'أخبرنا لماذا (اختياري)',
    send: 'إرسال',
    thanks: 'شكراً على رأيك.',
    already: 'وصلنا رأيك في هذا الادعاء اليوم.',
  },
  record: {
    title: 'التصحيحات والتحديثات',
    none: 'لا تصحيحات ولا تحديثات منذ النشر.',
    correctedOn: 'صُحّح في',
    updatedOn: 'حُدّث في',
    seeLog: 'اطّلع على ما تغيّر',
    retractionTitle: 'سُحب هذا التحقق',
    retractedOn: 'سُحب في',
    retractionIntro:
      'سحبنا هذا الحكم فلم يعد قائمًا. توضّح الملاحظة السبب، ويحتفظ السجل أدناه بكل نسخة سابقة.',
    kinds: {
      publication: 'النشر',
      correction: 'تصحيح',
      update: 'تحديث',
      retraction: 'سحب',
    },
    rating: 'التقييم',
    changedTo: 'تغيّر إلى',
    earlier: 'الصياغة السابقة',
    note: 'ملاحظة',
    fields: {
      text: 'الادعاء',
      claimant: 'صاحب الادعاء',
      claimDate: 'تاريخ الادعاء',
      appearances: 'شوهد في',
      claimReviewed: 'الصياغة المختصرة',
      headline: 'الحكم',
      explanation: 'الشرح',
      sources: 'المصادر',
      language: 'اللغة',
    },
    sourceAdded: 'أُضيف',
    sourceRemoved: 'أُزيل',
    none_: '(لا شيء)',
  },
  stance: { supports: 'يؤيد الادعاء', refutes: 'يدحض الادعاء', context: 'سياق' },
  submit: {
    title: 'أرسل ادعاءً',
    intro: 'رأيت شيئاً يحتاج إلى تحقق؟ أخبرنا.',
    text: 'الادعاء',
    textHint: 'انقله بأدق ما يمكن.',
    whereUrl: 'أين رأيته (رابط)',
    whereText: 'أين رأيته (وصف)',
    why: 'لماذا يهم (اختياري)',
    language: 'لغة الادعاء',
    detect: 'اكتشاف تلقائي',
    email: 'بريدك الإلكتروني (اختياري)',
    emailHint: 'فقط لإبلاغك عند التحقق. لا يُعرض علناً أبداً.',
    honeypot: 'اترك هذا الحقل فارغاً',
    send: 'إرسال',
    check: 'ابحث عن تحققات سابقة',
    fixErrors: 'يرجى تصحيح الحقول المشار إليها أدناه.',
    noScript: 'يحتاج فحص مكافحة الرسائل المزعجة إلى جافاسكربت.',
    matchesTitle: 'ربما تم التحقق من هذا من قبل',
    matchesIntro: 'تحققات منشورة مشابهة:',
    noMatches: 'لا يوجد تحقق منشور مطابق بعد.',
  },
  errors: {
    required: 'هذا الحقل مطلوب.',
    tooShort: (n) => `اكتب ${formatNumber(n, 'ar')} أحرف على الأقل.`,
    tooLong: (n) => `استخدم ${formatNumber(n, 'ar')} حرفاً على الأكثر.`,
    url: 'أدخل عنواناً كاملاً يبدأ بـ http:// أو https://.',
    email: 'أدخل بريداً إلكترونياً صحيحاً.',
    language: 'اختر لغة من القائمة.',
    malformedText: 'يحتوي هذا النص على محارف لا يمكن حفظها. أعد كتابته من فضلك.',
    captcha: 'فشل فحص مكافحة الرسائل المزعجة. حاول مرة أخرى.',
    rateLimited: (s) => `إرسالات كثيرة من شبكتك. حاول مجدداً بعد ${formatNumber(s, 'ar')} ثانية.`,
    tooLarge: 'النموذج كبير جداً.',
    notFound: 'الصفحة غير موجودة',
    notFoundHint: 'هذه الصفحة غير موجودة. ربما نُقلت أو أن العنوان مكتوب خطأ.',
    crossSite: 'لا يمكن إرسال هذا النموذج إلا من صفحاتنا.',
    goHome: 'الذهاب إلى الصفحة الرئيسية',
    searchChecks: 'ابحث في تحققاتنا',
    serverError: 'حدث خطأ. حاول مرة أخرى.',
    inProgress: 'ما زلنا نعالج إرسالك. أعد تحميل الصفحة بعد لحظة.',
  },
  track: {
    title: 'إرسالك',
    thanks: 'شكراً! استلمنا ادعاءك.',
    keepLink: 'احتفظ بعنوان هذه الصفحة: هو الطريقة الوحيدة لمتابعة إرسالك.',
    submitted: 'أُرسل في',
    status: 'الحالة',
    statuses: {
      candidate: 'مُستلم',
      submitted: 'مُستلم، بانتظار محرر',
      queued: 'اختير للتحقق',
      in_review: 'قيد التحقق',
      published: 'تم التحقق: الحكم منشور',
      rejected: 'لم يُختر للتحقق',
      duplicate: 'مشمول بادعاء آخر',
      retracted: 'تم التحقق منه ثم سُحب الحكم',
    },
    readVerdict: 'اقرأ الحكم',
    deleteEmail: 'احذف بريدي الإلكتروني',
    emailDeleted: 'حُذف بريدك الإلكتروني.',
    noEmail: 'لا نحتفظ بأي بريد إلكتروني لهذا الإرسال.',
  },
  languages: { ar: 'العربية', en: 'الإنجليزية', fr: 'الفرنسية' },
};

const fr: PublicStrings = {
  nav: {
    home: 'Accueil',
    claims: 'Vérifications',
    submit: 'Signaler une affirmation',
    feed: 'Flux Atom',
    language: 'Langue',
    skip: 'Aller au contenu',
  },
  home: {
    title: 'Dernières vérifications',
    intro: 'Les affirmations vérifiées, les plus récentes d’abord.',
    all: 'Toutes les vérifications',
  },
  list: {
    title: 'Vérifications',
    search: 'Rechercher',
    rating: 'Verdict',
    language: 'Langue',
    any: 'Toutes',
    apply: 'Appliquer',
    empty: 'Aucune vérification ne correspond.',
    older: 'Plus anciennes',
    newest: 'Plus récentes',
    resultsFor: (q) => `Résultats pour « ${q} »`,
  },
  claim: {
    claimedBy: 'Affirmé par',
    claimDate: 'Date de l’affirmation',
    seenAt: 'Vu sur',
    verdict: 'Notre verdict',
    explanation: 'Explication',
    sources: 'Sources',
    noSources: 'Aucune source.',
    archived: 'copie archivée',
    published: 'Publié',
    updated: 'Mis à jour',
    corrections: 'Journal des corrections',
    noCorrections: 'Aucune correction pour l’instant.',
    version: (n) => `Version ${n}`,
    embed: 'Intégrer',
    embedHint: 'Copiez ce code pour afficher le verdict à jour sur votre site.',
    feedbackTitle: 'Cette page vous a-t-elle aidé ?',
    yes: 'Oui',
    no: 'Non',
    reason: 'Dites-nous pourquoi (facultatif)',
    send: 'Envoyer',
    thanks: 'Merci pour votre avis.',
    already: 'Nous avons déjà votre avis sur cette affirmation aujourd’hui.',
  },
  record: {
    title: 'Corrections et mises à jour',
    none: 'Aucune correction ni mise à jour depuis la publication.',
    correctedOn: 'Corrigé le',
    updatedOn: 'Mis à jour le',
    seeLog: 'Voir ce qui a changé',
    retractionTitle: 'Cette vérification a été retirée',
    retractedOn: 'Retirée le',
    retractionIntro:
      'Nous avons retiré ce verdict : il ne tient plus. La note en donne la raison, et l’historique ci-dessous garde chaque version antérieure.',
    kinds: {
      publication: 'Publication',
      correction: 'Correction',
      update: 'Mise à jour',
      retraction: 'Retrait',
    },
    rating: 'Verdict',
    changedTo: 'devenu',
    earlier: 'Formulation précédente',
    note: 'Note',
    fields: {
      text: 'Affirmation',
      claimant: 'Auteur',
      claimDate: 'Date de l’affirmation',
      appearances: 'Vue sur',
      claimReviewed: 'Formulation courte',
      headline: 'Conclusion',
      explanation: 'Explication',
      sources: 'Sources',
      language: 'Langue',
    },
    sourceAdded: 'ajoutée',
    sourceRemoved: 'retirée',
    none_: '(aucun)',
  },
  stance: {
    supports: 'confirme l’affirmation',
    refutes: 'réfute l’affirmation',
    context: 'contexte',
  },
  submit: {
    title: 'Signaler une affirmation',
    intro: 'Vous avez vu quelque chose à vérifier ? Dites-le-nous.',
    text: 'L’affirmation',
    textHint: 'Citez-la aussi exactement que possible.',
    whereUrl: 'Où l’avez-vous vue (lien)',
    whereText: 'Où l’avez-vous vue (description)',
    why: 'Pourquoi c’est important (facultatif)',
    language: 'Langue de l’affirmation',
    detect: 'Détection automatique',
    email: 'Votre e-mail (facultatif)',
    emailHint: 'Seulement pour vous prévenir. Jamais affiché publiquement.',
    honeypot: 'Laissez ce champ vide',
    send: 'Envoyer',
    check: 'Chercher des vérifications existantes',
    fixErrors: 'Corrigez les champs signalés ci-dessous.',
    noScript: 'La vérification anti-spam nécessite JavaScript.',
    matchesTitle: 'Ceci a peut-être déjà été vérifié',
    matchesIntro: 'Vérifications publiées qui se ressemblent :',
    noMatches: 'Aucune vérification publiée ne correspond pour l’instant.',
  },
  errors: {
    required: 'Ce champ est obligatoire.',
    tooShort: (n) => `Écrivez au moins ${n} caractères.`,
    tooLong: (n) => `${n} caractères au maximum.`,
    url: 'Saisissez une adresse complète commençant par http:// ou https://.',
    email: 'Saisissez une adresse e-mail valide.',
    language: 'Choisissez une langue de la liste.',
    malformedText: 'Ce texte contient des caractères impossibles à enregistrer. Ressaisissez-le.',
    captcha: 'La vérification anti-spam a échoué. Réessayez.',
    rateLimited: (s) => `Trop d’envois depuis votre réseau. Réessayez dans ${s} secondes.`,
    tooLarge: 'Le formulaire est trop volumineux.',
    notFound: 'Page introuvable',
    notFoundHint:
      'Cette page n’existe pas. Elle a peut-être été déplacée, ou l’adresse contient une faute.',
    crossSite: 'Ce formulaire ne peut être envoyé que depuis nos propres pages.',
    goHome: 'Aller à la page d’accueil',
    searchChecks: 'Rechercher dans nos vérifications',
    serverError: 'Une erreur est survenue. Réessayez.',
    inProgress: 'Votre envoi est en cours de traitement. Rechargez la page dans un instant.',
  },
  track: {
    title: 'Votre signalement',
    thanks: 'Merci ! Nous avons bien reçu votre signalement.',
    keepLink: 'Gardez l’adresse de cette page : c’est le seul moyen de suivre votre signalement.',
    submitted: 'Envoyé le',
    status: 'État',
    statuses: {
      candidate: 'Reçu',
      submitted: 'Reçu, en attente d’un éditeur',
      queued: 'Retenu pour vérification',
      in_review: 'En cours de vérification',
      published: 'Vérifié : le verdict est publié',
      rejected: 'Non retenu pour vérification',
      duplicate: 'Déjà couvert par une autre affirmation',
      retracted: 'Vérifiée ; le verdict a ensuite été retiré',
    },
    readVerdict: 'Lire le verdict',
    deleteEmail: 'Supprimer mon adresse e-mail',
    emailDeleted: 'Votre adresse e-mail a été supprimée.',
    noEmail: 'Nous ne conservons aucune adresse e-mail pour ce signalement.',
  },
  languages: { ar: 'arabe', en: 'anglais', fr: 'français' },
};

const STRINGS: MessagesByLocale<PublicStrings> = { en, ar, fr };

/** The strings of a locale. */
export function strings(locale: Locale): PublicStrings {
  return pick(STRINGS, locale);
}

/** The reader's locale: `?lang=` first, then Accept-Language, else English. */
export function readerLocale(
  explicit: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  return pickLocale(['en', 'ar', 'fr'] as const, explicit, acceptLanguage);
}

/** BCP 47 tag for Intl: Arabic with Arabic-Indic digits. */
function intlTag(locale: Locale): string {
  return locale === 'ar' ? 'ar-u-nu-arab' : locale;
}

/** One long-date formatter per locale: building an Intl.DateTimeFormat costs far more than using one. */
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A date (ISO text) as the reader reads dates; the input unchanged when it is not a date. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(d);
}
