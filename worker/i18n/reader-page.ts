/** UI strings of the claim page's lead block, share links, embed box and the "How we rate" page (en, ar, fr). */
import type { Language } from '../lib/lang';
import { pick, type MessagesByLocale } from './pick';

export interface ReaderPageStrings {
  lead: {
    claim: string;
    verdict: string;
    by: string;
    howWeRate: string;
    related: string;
  };
  share: {
    title: string;
    link: string;
    copy: string;
    copied: string;
    whatsapp: string;
    telegram: string;
    x: string;
    facebook: string;
  };
  embed: {
    open: string;
    language: string;
    style: string;
    card: string;
    badge: string;
    theme: string;
    light: string;
    dark: string;
    auto: string;
    update: string;
    preview: string;
    previewTitle: string;
    code: string;
    copy: string;
  };
  rate: {
    title: string;
    intro: string;
    scale: string;
    scaleHint: string;
    other: string;
    otherHint: string;
    descriptions: Record<string, string>;
  };
}

const en: ReaderPageStrings = {
  lead: {
    claim: 'Claim',
    verdict: 'Our verdict',
    by: 'By',
    howWeRate: 'How we rate',
    related: 'Related fact-checks',
  },
  share: {
    title: 'Share this fact-check',
    link: 'Link to this page',
    copy: 'Copy link',
    copied: 'Copied',
    whatsapp: 'WhatsApp',
    telegram: 'Telegram',
    x: 'X',
    facebook: 'Facebook',
  },
  embed: {
    open: 'Embed this fact-check',
    language: 'Language',
    style: 'Style',
    card: 'Card',
    badge: 'Badge',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    auto: 'Automatic',
    update: 'Update the code',
    preview: 'Preview',
    previewTitle: 'Preview of the embedded fact-check',
    code: 'Code to paste',
    copy: 'Copy code',
  },
  rate: {
    title: 'How we rate',
    intro:
      'Every fact-check ends with one rating from this scale. The rating sums up what the evidence shows about the claim as it was made; the explanation and the sources say why.',
    scale: 'The scale, from true to false',
    scaleHint: 'Ratings on the scale, best first.',
    other: 'Other ratings',
    otherHint: 'Ratings that are not a point on the scale.',
    descriptions: {
      true: 'The claim is accurate and nothing significant is missing.',
      'mostly-true': 'The claim is accurate but needs clarification or additional information.',
      mixed: 'The claim is partly accurate and partly inaccurate.',
      'mostly-false': 'The claim contains an element of truth but ignores facts that change it.',
      false: 'The claim is not accurate.',
      misleading: 'The facts may be right, but they are presented to give a false impression.',
      unproven: 'There is not enough evidence to confirm or refute the claim.',
    },
  },
};

const ar: Partial<ReaderPageStrings> = {
  lead: {
    claim: 'الادعاء',
    verdict: 'حكمنا',
    by: 'بقلم',
    howWeRate: 'كيف نقيّم',
    related: 'تحقّقات ذات صلة',
  },
  share: {
    title: 'شارك هذا التحقّق',
    link: 'رابط هذه الصفحة',
    copy: 'نسخ الرابط',
    copied: 'تم النسخ',
    whatsapp: 'واتساب',
    telegram: 'تيليغرام',
    x: 'إكس',
    facebook: 'فيسبوك',
  },
  embed: {
    open: 'تضمين هذا التحقّق',
    language: 'اللغة',
    style: 'الشكل',
    card: 'بطاقة',
    badge: 'شارة',
    theme: 'السمة',
    light: 'فاتحة',
    dark: 'داكنة',
    auto: 'تلقائية',
    update: 'تحديث الشيفرة',
    preview: 'معاينة',
    previewTitle: 'معاينة التحقّق المضمَّن',
    code: 'الشيفرة للّصق',
    copy: 'نسخ الشيفرة',
  },
  rate: {
    title: 'كيف نقيّم',
    intro:
      'ينتهي كل تحقّق بتقييم واحد من هذا المقياس. يلخّص التقييم ما تُظهره الأدلة عن الادعاء كما قيل؛ ويشرح التوضيح والمصادر السبب.',
    scale: 'المقياس، من الصحيح إلى الخاطئ',
    scaleHint: 'تقييمات المقياس، الأفضل أولًا.',
    other: 'تقييمات أخرى',
    otherHint: 'تقييمات ليست نقطة على المقياس.',
    descriptions: {
      true: 'الادعاء دقيق ولا ينقصه شيء مهم.',
      'mostly-true': 'الادعاء دقيق لكنه يحتاج إلى توضيح أو معلومات إضافية.',
      mixed: 'الادعاء دقيق في جزء منه وغير دقيق في جزء آخر.',
      'mostly-false': 'في الادعاء عنصر من الحقيقة لكنه يتجاهل وقائع تغيّر معناه.',
      false: 'الادعاء غير دقيق.',
      misleading: 'قد تكون الوقائع صحيحة، لكنها معروضة بطريقة تعطي انطباعًا خاطئًا.',
      unproven: 'لا توجد أدلة كافية لتأكيد الادعاء أو نفيه.',
    },
  },
};

const fr: Partial<ReaderPageStrings> = {
  lead: {
    claim: 'Affirmation',
    verdict: 'Notre verdict',
    by: 'Par',
    howWeRate: 'Notre échelle',
    related: 'Vérifications liées',
  },
  share: {
    title: 'Partager cette vérification',
    link: 'Lien vers cette page',
    copy: 'Copier le lien',
    copied: 'Copié',
    whatsapp: 'WhatsApp',
    telegram: 'Telegram',
    x: 'X',
    facebook: 'Facebook',
  },
  embed: {
    open: 'Intégrer cette vérification',
    language: 'Langue',
    style: 'Format',
    card: 'Carte',
    badge: 'Badge',
    theme: 'Thème',
    light: 'Clair',
    dark: 'Sombre',
    auto: 'Automatique',
    update: 'Mettre à jour le code',
    preview: 'Aperçu',
    previewTitle: 'Aperçu de la vérification intégrée',
    code: 'Code à coller',
    copy: 'Copier le code',
  },
  rate: {
    title: 'Notre échelle de notation',
    intro:
      'Chaque vérification se conclut par une note de cette échelle. La note résume ce que montrent les éléments de preuve sur l’affirmation telle qu’elle a été faite ; l’explication et les sources disent pourquoi.',
    scale: 'L’échelle, du vrai au faux',
    scaleHint: 'Les notes de l’échelle, la meilleure d’abord.',
    other: 'Autres notes',
    otherHint: 'Des notes qui ne sont pas un point de l’échelle.',
    descriptions: {
      true: 'L’affirmation est exacte et rien d’important ne manque.',
      'mostly-true': 'L’affirmation est exacte mais demande une précision ou un complément.',
      mixed: 'L’affirmation est en partie exacte et en partie inexacte.',
      'mostly-false':
        'L’affirmation contient une part de vérité mais ignore des faits qui la changent.',
      false: 'L’affirmation est inexacte.',
      misleading: 'Les faits sont peut-être justes, mais présentés de façon à tromper.',
      unproven: 'Les éléments manquent pour confirmer ou réfuter l’affirmation.',
    },
  },
};

const messages: MessagesByLocale<ReaderPageStrings> = { en, ar, fr };

export function readerPageStrings(locale: Language): ReaderPageStrings {
  return pick(messages, locale);
}
