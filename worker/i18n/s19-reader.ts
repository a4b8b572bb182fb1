/**
 * Strings of retracted-and-removed fact-checks (issue 12): the public 410 page and the desk's
 * "Remove from the public site" panel, in en, ar and fr.
 */
import type { Language } from '../lib/lang';
import { pick, type MessagesByLocale } from './pick';

export interface RemovalStrings {
  /** The 410 page. */
  goneTitle: string;
  goneLead: string;
  removedOn: (date: string) => string;
  reason: string;
  retractedOn: (date: string) => string;
  policy: string;
  /** The desk panel (admins). */
  deskTitle: string;
  deskHelp: string;
  deskReason: string;
  deskReasonHelp: string;
  deskReasonError: string;
  deskRemove: string;
  deskRemoved: (date: string) => string;
  deskRestore: string;
  deskRestoreHelp: string;
  deskAdminsOnly: string;
  deskDoneRemoved: string;
  deskDoneRestored: string;
}

const en: RemovalStrings = {
  goneTitle: 'This fact-check was retracted and removed',
  goneLead:
    'We retracted this fact-check and then removed it from our site. Its verdict no longer stands.',
  removedOn: (date) => `Removed on ${date}.`,
  reason: 'Why it was removed',
  retractedOn: (date) => `Retracted on ${date}.`,
  policy: 'How we rate fact-checks',
  deskTitle: 'Remove from the public site',
  deskHelp:
    'The page will answer “410 Gone” with the date and your reason; embeds show “removed”; it leaves the sitemap and the export. You can restore it later.',
  deskReason: 'Reason (shown to readers)',
  deskReasonHelp: 'Say why readers can no longer see it (at least 3 characters).',
  deskReasonError: 'A reason is required: readers see it on the page.',
  deskRemove: 'Remove from the public site',
  deskRemoved: (date) => `Removed from the public site on ${date}.`,
  deskRestore: 'Restore the public page',
  deskRestoreHelp: 'The retracted page, with its notice, becomes public again.',
  deskAdminsOnly: 'Only an admin can remove a retracted fact-check from the public site.',
  deskDoneRemoved: 'Removed from the public site: its page now answers 410 Gone.',
  deskDoneRestored: 'Restored: the retracted page is public again.',
};

const ar: RemovalStrings = {
  goneTitle: 'سُحب هذا التحقق وأُزيل',
  goneLead: 'سحبنا هذا التحقق ثم أزلناه من موقعنا. لم يعد حكمه قائمًا.',
  removedOn: (date) => `أُزيل في ${date}.`,
  reason: 'سبب الإزالة',
  retractedOn: (date) => `سُحب في ${date}.`,
  policy: 'كيف نقيّم التحققات',
  deskTitle: 'الإزالة من الموقع العام',
  deskHelp:
    'ستجيب الصفحة بالرمز ‎410‎ (أُزيل) مع التاريخ وسببك، وتعرض التضمينات «أُزيل»، ويخرج من خريطة الموقع ومن التصدير. يمكنك استعادته لاحقًا.',
  deskReason: 'السبب (يراه القرّاء)',
  deskReasonHelp: 'اذكر لماذا لم يعد بإمكان القرّاء رؤيته (٣ أحرف على الأقل).',
  deskReasonError: 'السبب مطلوب: يراه القرّاء على الصفحة.',
  deskRemove: 'إزالة من الموقع العام',
  deskRemoved: (date) => `أُزيل من الموقع العام في ${date}.`,
  deskRestore: 'استعادة الصفحة العامة',
  deskRestoreHelp: 'تعود صفحة التحقق المسحوب، مع إشعار السحب، إلى العموم.',
  deskAdminsOnly: 'لا يزيل تحققًا مسحوبًا من الموقع العام إلا المشرف.',
  deskDoneRemoved: 'أُزيل من الموقع العام: صفحته تجيب الآن بالرمز ‎410‎.',
  deskDoneRestored: 'استُعيد: صفحة التحقق المسحوب عامة من جديد.',
};

const fr: RemovalStrings = {
  goneTitle: 'Cette vérification a été retirée puis supprimée',
  goneLead:
    'Nous avons retiré cette vérification, puis l’avons supprimée de notre site. Son verdict ne tient plus.',
  removedOn: (date) => `Supprimée le ${date}.`,
  reason: 'Pourquoi elle a été supprimée',
  retractedOn: (date) => `Retirée le ${date}.`,
  policy: 'Comment nous évaluons',
  deskTitle: 'Supprimer du site public',
  deskHelp:
    'La page répondra « 410 Gone » avec la date et votre raison ; les intégrations affichent « supprimée » ; elle quitte le plan du site et l’export. Vous pourrez la rétablir.',
  deskReason: 'Raison (visible des lecteurs)',
  deskReasonHelp: 'Dites pourquoi les lecteurs ne peuvent plus la voir (au moins 3 caractères).',
  deskReasonError: 'Une raison est requise : les lecteurs la voient sur la page.',
  deskRemove: 'Supprimer du site public',
  deskRemoved: (date) => `Supprimée du site public le ${date}.`,
  deskRestore: 'Rétablir la page publique',
  deskRestoreHelp: 'La page retirée, avec son avis, redevient publique.',
  deskAdminsOnly: 'Seul un administrateur peut supprimer une vérification retirée du site public.',
  deskDoneRemoved: 'Supprimée du site public : sa page répond désormais 410 Gone.',
  deskDoneRestored: 'Rétablie : la page retirée est de nouveau publique.',
};

const messages: MessagesByLocale<RemovalStrings> = { en, ar, fr };

export function removalStrings(locale: Language): RemovalStrings {
  return pick(messages, locale);
}
