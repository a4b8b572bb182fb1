/**
 * Strings of e-mail (worker/notify/): the messages readers and editors receive, the desk's outbox
 * pages, the e-mail preference, and the submit form's promise. en, ar and fr complete.
 */
import type { Language } from '../lib/lang';
import { pick, type MessagesByLocale } from './pick';

export interface NotifyStrings {
  // The reader's one message (first publication of the claim they sent).
  readerSubject: string;
  readerIntro: string;
  readerLink: string;
  readerDeleted: string;
  readerSignature: string;
  // Editors.
  assignedSubject: string;
  assignedBody: string;
  digestSubject: string;
  digestIntro: string;
  digestDue: string;
  digestInReview: string;
  mentionSubject: string;
  mentionBody: string;
  editorFooter: string;
  // The submit form's promise (the field is shown only when it can be kept).
  submitEmailHint: string;
  // Desk: /desk/outbox.
  outboxTitle: string;
  outboxHelp: string;
  outboxEmpty: string;
  colRecipient: string;
  colSubject: string;
  colStatus: string;
  colAttempts: string;
  colCreated: string;
  colError: string;
  notComposed: string;
  status_queued: string;
  status_sent: string;
  status_failed: string;
  status_dead: string;
  status_held: string;
  status_cancelled: string;
  sentLocally: string;
  retry: string;
  retried: string;
  notRetryable: string;
  messageTitle: string;
  backToOutbox: string;
  deliveryLog: string;
  kind_reader_published: string;
  kind_editor_assigned: string;
  kind_editor_digest: string;
  kind_editor_mention: string;
  colKind: string;
  bodyLabel: string;
  // Desk: the e-mail preference.
  mailPrefTitle: string;
  mailPrefOn: string;
  mailPrefOff: string;
  mailPrefSave: string;
  mailPrefSaved: string;
}

const en: NotifyStrings = {
  readerSubject: 'Our verdict on the claim you sent is published',
  readerIntro: 'You sent us this claim to check:',
  readerLink: 'Read our fact-check:',
  readerDeleted:
    'This is the only message we send you. We deleted your e-mail address as soon as it was sent.',
  readerSignature: '{org}',
  assignedSubject: 'Assigned to you: {claim}',
  assignedBody: '{by} assigned this claim to you:',
  digestSubject: 'Your claims for today ({count})',
  digestIntro: 'Claims assigned to you that are due or in review:',
  digestDue: 'due {date}',
  digestInReview: 'in review',
  mentionSubject: '{by} mentioned you',
  mentionBody: '{by} mentioned you in a note on this claim:',
  editorFooter: 'You can turn these e-mails off in your account: {url}',
  submitEmailHint:
    'Optional. We write to you once, when our verdict on this claim is published, then delete your address (at the latest after 90 days). Never shown publicly.',
  outboxTitle: 'Outbox',
  outboxHelp:
    'Every e-mail ClaimDesk writes, newest first. With the local transport nothing leaves this machine: read the messages here.',
  outboxEmpty: 'No e-mail yet.',
  colRecipient: 'To',
  colSubject: 'Subject',
  colStatus: 'Status',
  colAttempts: 'Attempts',
  colCreated: 'Written',
  colError: 'Last error',
  notComposed: '(written when it is sent)',
  status_queued: 'Queued',
  status_sent: 'Sent',
  status_failed: 'Failed, will retry',
  status_dead: 'Dead: retries exhausted',
  status_held: 'Not sent: no mailer',
  status_cancelled: 'Cancelled',
  sentLocally: 'Delivered to the local outbox (not sent)',
  retry: 'Retry',
  retried: 'The message is queued again.',
  notRetryable: 'Only a failed, dead or held message can be retried.',
  messageTitle: 'Message',
  backToOutbox: 'Back to the outbox',
  deliveryLog: 'Delivery log',
  kind_reader_published: 'Reader: verdict published',
  kind_editor_assigned: 'Editor: assigned',
  kind_editor_digest: 'Editor: daily digest',
  kind_editor_mention: 'Editor: mention',
  colKind: 'Kind',
  bodyLabel: 'Text',
  mailPrefTitle: 'E-mail',
  mailPrefOn: 'Send me e-mail (assignments, daily digest, mentions)',
  mailPrefOff: 'No e-mail',
  mailPrefSave: 'Save',
  mailPrefSaved: 'Your e-mail preference is saved.',
};

const ar: NotifyStrings = {
  readerSubject: 'نُشر حكمنا على الادعاء الذي أرسلته',
  readerIntro: 'أرسلت إلينا هذا الادعاء للتحقق منه:',
  readerLink: 'اقرأ تحققنا:',
  readerDeleted: 'هذه هي الرسالة الوحيدة التي نرسلها إليك. حذفنا بريدك الإلكتروني فور إرسالها.',
  readerSignature: '{org}',
  assignedSubject: 'أُسند إليك: {claim}',
  assignedBody: 'أسند {by} إليك هذا الادعاء:',
  digestSubject: 'ادعاءاتك لهذا اليوم ({count})',
  digestIntro: 'ادعاءات مسندة إليك حان موعدها أو قيد المراجعة:',
  digestDue: 'الموعد {date}',
  digestInReview: 'قيد المراجعة',
  mentionSubject: 'أشار إليك {by}',
  mentionBody: 'أشار إليك {by} في ملاحظة على هذا الادعاء:',
  editorFooter: 'يمكنك إيقاف هذه الرسائل من حسابك: {url}',
  submitEmailHint:
    'اختياري. نكتب إليك مرة واحدة عند نشر حكمنا على هذا الادعاء، ثم نحذف بريدك (بعد 90 يوماً على الأكثر). لا يُعرض علناً أبداً.',
  outboxTitle: 'صندوق الصادر',
  outboxHelp:
    'كل رسالة بريد يكتبها ClaimDesk، الأحدث أولاً. مع النقل المحلي لا يغادر شيء هذا الجهاز: اقرأ الرسائل هنا.',
  outboxEmpty: 'لا رسائل بعد.',
  colRecipient: 'إلى',
  colSubject: 'الموضوع',
  colStatus: 'الحالة',
  colAttempts: 'المحاولات',
  colCreated: 'كُتبت',
  colError: 'آخر خطأ',
  notComposed: '(تُكتب عند الإرسال)',
  status_queued: 'في الانتظار',
  status_sent: 'أُرسلت',
  status_failed: 'فشلت، ستُعاد المحاولة',
  status_dead: 'متوقفة: نفدت المحاولات',
  status_held: 'لم تُرسل: لا ناقل بريد',
  status_cancelled: 'أُلغيت',
  sentLocally: 'سُلّمت إلى الصادر المحلي (لم تُرسل)',
  retry: 'أعد المحاولة',
  retried: 'أُعيدت الرسالة إلى الانتظار.',
  notRetryable: 'لا تُعاد إلا رسالة فاشلة أو متوقفة أو محتجزة.',
  messageTitle: 'رسالة',
  backToOutbox: 'العودة إلى صندوق الصادر',
  deliveryLog: 'سجل التسليم',
  kind_reader_published: 'قارئ: نُشر الحكم',
  kind_editor_assigned: 'محرر: إسناد',
  kind_editor_digest: 'محرر: ملخص يومي',
  kind_editor_mention: 'محرر: إشارة',
  colKind: 'النوع',
  bodyLabel: 'النص',
  mailPrefTitle: 'البريد الإلكتروني',
  mailPrefOn: 'أرسل إليّ رسائل (الإسناد، الملخص اليومي، الإشارات)',
  mailPrefOff: 'لا رسائل',
  mailPrefSave: 'حفظ',
  mailPrefSaved: 'حُفظ تفضيل البريد.',
};

const fr: NotifyStrings = {
  readerSubject: 'Notre verdict sur l’affirmation que vous avez signalée est publié',
  readerIntro: 'Vous nous avez signalé cette affirmation :',
  readerLink: 'Lire notre vérification :',
  readerDeleted:
    'C’est le seul message que nous vous envoyons. Nous avons supprimé votre adresse dès son envoi.',
  readerSignature: '{org}',
  assignedSubject: 'Assignée à vous : {claim}',
  assignedBody: '{by} vous a assigné cette affirmation :',
  digestSubject: 'Vos affirmations du jour ({count})',
  digestIntro: 'Affirmations qui vous sont assignées, à échéance ou en relecture :',
  digestDue: 'échéance {date}',
  digestInReview: 'en relecture',
  mentionSubject: '{by} vous a mentionné',
  mentionBody: '{by} vous a mentionné dans une note sur cette affirmation :',
  editorFooter: 'Vous pouvez désactiver ces e-mails dans votre compte : {url}',
  submitEmailHint:
    'Facultatif. Nous vous écrivons une fois, quand notre verdict est publié, puis supprimons votre adresse (au plus tard après 90 jours). Jamais affiché publiquement.',
  outboxTitle: 'Boîte d’envoi',
  outboxHelp:
    'Chaque e-mail écrit par ClaimDesk, le plus récent d’abord. Avec le transport local, rien ne quitte cette machine : lisez les messages ici.',
  outboxEmpty: 'Aucun e-mail pour l’instant.',
  colRecipient: 'À',
  colSubject: 'Objet',
  colStatus: 'État',
  colAttempts: 'Tentatives',
  colCreated: 'Écrit',
  colError: 'Dernière erreur',
  notComposed: '(écrit à l’envoi)',
  status_queued: 'En attente',
  status_sent: 'Envoyé',
  status_failed: 'Échec, nouvel essai prévu',
  status_dead: 'Abandonné : essais épuisés',
  status_held: 'Non envoyé : pas de messagerie',
  status_cancelled: 'Annulé',
  sentLocally: 'Déposé dans la boîte locale (non envoyé)',
  retry: 'Réessayer',
  retried: 'Le message est de nouveau en attente.',
  notRetryable: 'Seul un message en échec, abandonné ou retenu peut être réessayé.',
  messageTitle: 'Message',
  backToOutbox: 'Retour à la boîte d’envoi',
  deliveryLog: 'Journal d’envoi',
  kind_reader_published: 'Lecteur : verdict publié',
  kind_editor_assigned: 'Rédaction : assignation',
  kind_editor_digest: 'Rédaction : résumé quotidien',
  kind_editor_mention: 'Rédaction : mention',
  colKind: 'Type',
  bodyLabel: 'Texte',
  mailPrefTitle: 'E-mail',
  mailPrefOn: 'M’envoyer des e-mails (assignations, résumé quotidien, mentions)',
  mailPrefOff: 'Aucun e-mail',
  mailPrefSave: 'Enregistrer',
  mailPrefSaved: 'Votre préférence e-mail est enregistrée.',
};

const MESSAGES: MessagesByLocale<NotifyStrings> = { en, ar, fr };

/** The e-mail strings of one locale (anything unknown is English). */
export function notifyStrings(locale: string | null | undefined): NotifyStrings {
  const l: Language = locale === 'ar' || locale === 'fr' ? locale : 'en';
  return pick(MESSAGES, l);
}

/** Fill `{name}` placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
