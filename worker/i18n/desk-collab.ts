/** UI strings of the desk's collaboration parts (notes, due date, tags, checklist) and the "My work" inbox. */
import type { Language } from '../lib/lang';
import { pick, type MessagesByLocale } from './pick';

const en = {
  navInbox: 'My work',
  inboxTitle: 'My work',
  inboxAssigned: 'Assigned to me',
  inboxDue: 'Due soon',
  inboxDueHelp: 'Due within 3 days or overdue, yours or unassigned.',
  inboxMentions: 'Mentions',
  inboxSubmissions: 'New reader submissions',
  inboxEmpty: 'Nothing here.',
  seeAll: 'See all',
  unread: 'Unread',
  overdue: 'Overdue',
  dueOn: 'Due {date}',
  readerDemand: '{n} reader requests',
  mentionedBy: '{name} mentioned you',
  collabTitle: 'Team work',
  notes: 'Internal notes',
  notesHelp:
    'Never shown to readers. Mention a colleague with @ and the part of their e-mail before the @ (up to {max} characters).',
  noteBody: 'New note',
  addNote: 'Add note',
  noNotes: 'No notes yet.',
  mentionable: 'Handles: {handles}',
  dueDate: 'Due date',
  dueDateHelp: 'Today or later (YYYY-MM-DD). Leave empty to clear.',
  saveDue: 'Save due date',
  noDue: 'No due date.',
  tags: 'Topic tags',
  tagsHelp: 'Separated by commas; at most {max} tags of up to {len} characters.',
  saveTags: 'Save tags',
  noTags: 'No tags.',
  checklist: 'Checklist',
  checklistEmpty: 'No checklist: an admin sets the default steps in Settings.',
  tick: 'Tick',
  untick: 'Untick',
  doneBy: 'Done by {name}',
  noteAdded: 'Note added.',
  dueSaved: 'Due date saved.',
  tagsSaved: 'Tags saved.',
  checklistSaved: 'Checklist updated.',
  collabStale:
    'Someone changed this meanwhile. The page shows the current state; nothing was saved.',
  err_empty: 'Write something first.',
  err_too_long: 'Too long: at most {max} characters.',
  err_unknown_mention: 'No desk user with this handle: {names}.',
  err_ambiguous_mention: 'Several desk users share this handle: {names}.',
  err_malformed: 'Not a date: use YYYY-MM-DD.',
  err_past: 'This date is in the past.',
  err_too_many: 'Too many: at most {max}.',
  err_tag_too_long: 'A tag is too long: at most {max} characters ({names}).',
  err_no_step: 'This step no longer exists.',
  checklistDefaults: 'Default checklist',
  checklistDefaultsHelp:
    'One step per line (at most {max} steps of up to {len} characters). Each claim gets these steps, as they are at its first tick.',
  saveChecklist: 'Save checklist',
  audit_note_add: 'Note added',
  audit_claim_due: 'Due date changed',
  audit_claim_tags: 'Tags changed',
  audit_checklist_tick: 'Checklist step ticked',
  audit_checklist_untick: 'Checklist step unticked',
};

export type CollabKey = keyof typeof en;
type CollabStrings = Record<CollabKey, string>;

const ar: CollabStrings = {
  navInbox: 'عملي',
  inboxTitle: 'عملي',
  inboxAssigned: 'مُسندة إليّ',
  inboxDue: 'قريبة الاستحقاق',
  inboxDueHelp: 'تستحق خلال 3 أيام أو متأخرة، لك أو غير مُسندة.',
  inboxMentions: 'الإشارات',
  inboxSubmissions: 'مساهمات جديدة من القراء',
  inboxEmpty: 'لا شيء هنا.',
  seeAll: 'عرض الكل',
  unread: 'غير مقروءة',
  overdue: 'متأخرة',
  dueOn: 'تستحق في {date}',
  readerDemand: '{n} طلبات من القراء',
  mentionedBy: 'أشار إليك {name}',
  collabTitle: 'عمل الفريق',
  notes: 'ملاحظات داخلية',
  notesHelp:
    'لا تظهر للقراء أبدًا. أشِر إلى زميل بـ @ متبوعة بالجزء الذي يسبق @ في بريده الإلكتروني (حتى {max} حرف).',
  noteBody: 'ملاحظة جديدة',
  addNote: 'أضف الملاحظة',
  noNotes: 'لا توجد ملاحظات بعد.',
  mentionable: 'المعرّفات: {handles}',
  dueDate: 'تاريخ الاستحقاق',
  dueDateHelp: 'اليوم أو بعده (YYYY-MM-DD). اتركه فارغًا للإزالة.',
  saveDue: 'احفظ تاريخ الاستحقاق',
  noDue: 'لا يوجد تاريخ استحقاق.',
  tags: 'وسوم الموضوع',
  tagsHelp: 'افصل بينها بفواصل؛ {max} وسوم على الأكثر، كل منها حتى {len} حرفًا.',
  saveTags: 'احفظ الوسوم',
  noTags: 'لا وسوم.',
  checklist: 'قائمة المهام',
  checklistEmpty: 'لا توجد قائمة مهام: يحدد المسؤول الخطوات الافتراضية في الإعدادات.',
  tick: 'أنجِز',
  untick: 'ألغِ الإنجاز',
  doneBy: 'أنجزها {name}',
  noteAdded: 'أُضيفت الملاحظة.',
  dueSaved: 'حُفظ تاريخ الاستحقاق.',
  tagsSaved: 'حُفظت الوسوم.',
  checklistSaved: 'حُدّثت قائمة المهام.',
  collabStale: 'غيّر أحدهم هذا في الأثناء. تعرض الصفحة الحالة الراهنة؛ لم يُحفظ شيء.',
  err_empty: 'اكتب شيئًا أولًا.',
  err_too_long: 'طويل جدًا: {max} حرف على الأكثر.',
  err_unknown_mention: 'لا يوجد مستخدم في المكتب بهذا المعرّف: {names}.',
  err_ambiguous_mention: 'أكثر من مستخدم يحمل هذا المعرّف: {names}.',
  err_malformed: 'ليس تاريخًا: استخدم YYYY-MM-DD.',
  err_past: 'هذا التاريخ في الماضي.',
  err_too_many: 'كثيرة جدًا: {max} على الأكثر.',
  err_tag_too_long: 'وسم طويل جدًا: {max} حرفًا على الأكثر ({names}).',
  err_no_step: 'هذه الخطوة لم تعد موجودة.',
  checklistDefaults: 'قائمة المهام الافتراضية',
  checklistDefaultsHelp:
    'خطوة في كل سطر ({max} خطوات على الأكثر، كل منها حتى {len} حرفًا). يحصل كل ادعاء على هذه الخطوات كما هي عند أول إنجاز فيه.',
  saveChecklist: 'احفظ قائمة المهام',
  audit_note_add: 'أُضيفت ملاحظة',
  audit_claim_due: 'تغيّر تاريخ الاستحقاق',
  audit_claim_tags: 'تغيّرت الوسوم',
  audit_checklist_tick: 'أُنجزت خطوة من القائمة',
  audit_checklist_untick: 'أُلغي إنجاز خطوة من القائمة',
};

const fr: CollabStrings = {
  navInbox: 'Mon travail',
  inboxTitle: 'Mon travail',
  inboxAssigned: 'Qui me sont assignées',
  inboxDue: 'Échéance proche',
  inboxDueHelp: 'Échéance dans les 3 jours ou dépassée, à moi ou non assignées.',
  inboxMentions: 'Mentions',
  inboxSubmissions: 'Nouvelles soumissions des lecteurs',
  inboxEmpty: 'Rien ici.',
  seeAll: 'Tout voir',
  unread: 'Non lue',
  overdue: 'En retard',
  dueOn: 'Échéance le {date}',
  readerDemand: '{n} demandes de lecteurs',
  mentionedBy: '{name} vous a mentionné',
  collabTitle: 'Travail d’équipe',
  notes: 'Notes internes',
  notesHelp:
    'Jamais montrées aux lecteurs. Mentionnez un collègue avec @ suivi de la partie de son e-mail avant le @ ({max} caractères au plus).',
  noteBody: 'Nouvelle note',
  addNote: 'Ajouter la note',
  noNotes: 'Pas encore de note.',
  mentionable: 'Identifiants : {handles}',
  dueDate: 'Échéance',
  dueDateHelp: 'Aujourd’hui ou plus tard (AAAA-MM-JJ). Laisser vide pour effacer.',
  saveDue: 'Enregistrer l’échéance',
  noDue: 'Pas d’échéance.',
  tags: 'Thèmes',
  tagsHelp: 'Séparés par des virgules ; {max} thèmes au plus, de {len} caractères au plus.',
  saveTags: 'Enregistrer les thèmes',
  noTags: 'Aucun thème.',
  checklist: 'Liste de contrôle',
  checklistEmpty:
    'Pas de liste de contrôle : un administrateur définit les étapes par défaut dans les réglages.',
  tick: 'Cocher',
  untick: 'Décocher',
  doneBy: 'Fait par {name}',
  noteAdded: 'Note ajoutée.',
  dueSaved: 'Échéance enregistrée.',
  tagsSaved: 'Thèmes enregistrés.',
  checklistSaved: 'Liste de contrôle mise à jour.',
  collabStale:
    'Quelqu’un a modifié ceci entre-temps. La page montre l’état actuel ; rien n’a été enregistré.',
  err_empty: 'Écrivez d’abord quelque chose.',
  err_too_long: 'Trop long : {max} caractères au plus.',
  err_unknown_mention: 'Aucun utilisateur du desk avec cet identifiant : {names}.',
  err_ambiguous_mention: 'Plusieurs utilisateurs partagent cet identifiant : {names}.',
  err_malformed: 'Pas une date : utilisez AAAA-MM-JJ.',
  err_past: 'Cette date est passée.',
  err_too_many: 'Trop nombreux : {max} au plus.',
  err_tag_too_long: 'Un thème est trop long : {max} caractères au plus ({names}).',
  err_no_step: 'Cette étape n’existe plus.',
  checklistDefaults: 'Liste de contrôle par défaut',
  checklistDefaultsHelp:
    'Une étape par ligne ({max} étapes au plus, de {len} caractères au plus). Chaque affirmation reçoit ces étapes telles qu’elles sont à sa première coche.',
  saveChecklist: 'Enregistrer la liste',
  audit_note_add: 'Note ajoutée',
  audit_claim_due: 'Échéance modifiée',
  audit_claim_tags: 'Thèmes modifiés',
  audit_checklist_tick: 'Étape cochée',
  audit_checklist_untick: 'Étape décochée',
};

const DICTS: MessagesByLocale<CollabStrings> = { en, ar, fr };

export type CollabTranslate = (key: CollabKey, params?: Record<string, string | number>) => string;

export function collabTranslator(locale: Language): CollabTranslate {
  const dict = pick(DICTS, locale);
  return (key, params) => {
    const text = dict[key];
    return params
      ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
      : text;
  };
}

/** The history's wording of a collaboration audit action (`note.add` → audit_note_add), if it is one. */
export function collabAuditLabel(locale: Language, action: string): string | null {
  const key = `audit_${action.replace('.', '_')}`;
  return key in en ? collabTranslator(locale)(key as CollabKey) : null;
}
