/** Languages embeds are offered in, and their fixed words. */
import { pick, type MessagesByLocale } from '../i18n/pick';

export const EMBED_LANGS = ['en', 'ar', 'fr'] as const;
export type EmbedLang = (typeof EMBED_LANGS)[number];

export const BADGE_STYLES = ['flat', 'flat-square', 'for-the-badge'] as const;

/**
 * Card themes: light (the default: an iframe is light unless asked otherwise), dark, or auto
 * (follows the preferred colour scheme the iframe sees, which the embedding page's `color-scheme`
 * decides; the widget resolves auto on the host page itself).
 */
export const EMBED_THEMES = ['light', 'dark', 'auto'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
export type BadgeStyle = (typeof BADGE_STYLES)[number];

export interface EmbedWords {
  label: string;
  inReview: string;
  unknown: string;
  retracted: string;
  /** Card: heading above the claim. */
  claim: string;
  /** Card: link to the full fact check. */
  readMore: string;
  /** Card: what an in-review claim's card says instead of a rating. */
  inReviewNote: string;
  unknownNote: string;
  retractedNote: string;
  /** Badge and card of a retracted fact-check an admin removed from the site (neutral, no verdict). */
  removed: string;
  removedNote: string;
  /** Card: link to the removed claim's page (410: when and why). */
  removedWhy: string;
  /** Card: small "by {org}" line (a noun phrase before the organisation's name). */
  by: string;
  /** `alt` / `title` of a badge, card or iframe: "Fact check: Mostly false". */
  titled: (rating: string) => string;
  /** Card: before a correction's public note. */
  corrected: string;
  /** Claim page, "Embed this" box: the label of each snippet. */
  snippets: { badgeHtml: string; badgeMarkdown: string; iframe: string; script: string };
}

const WORDS: MessagesByLocale<EmbedWords> = {
  en: {
    label: 'fact check',
    inReview: 'in review',
    unknown: 'unknown claim',
    retracted: 'retracted',
    claim: 'Claim',
    readMore: 'Read the fact check',
    inReviewNote: 'Our fact-checkers are reviewing this claim.',
    unknownNote: 'This claim is not available.',
    retractedNote: 'We retracted this fact-check; its verdict no longer stands. The page says why.',
    removed: 'removed',
    removedNote: 'We retracted this fact-check and removed it from our site.',
    removedWhy: 'When and why',
    by: 'Fact check by',
    titled: (rating) => `Fact check: ${rating}`,
    corrected: 'Corrected',
    snippets: {
      badgeHtml: 'Badge (HTML)',
      badgeMarkdown: 'Badge (Markdown)',
      iframe: 'Card (iframe)',
      script: 'Card (script, resizes itself)',
    },
  },
  ar: {
    label: 'تحقق',
    inReview: 'قيد المراجعة',
    unknown: 'ادعاء غير معروف',
    retracted: 'مسحوب',
    claim: 'الادعاء',
    readMore: 'اقرأ التحقق كاملاً',
    inReviewNote: 'يراجع فريق التحقق هذا الادعاء حالياً.',
    unknownNote: 'هذا الادعاء غير متاح.',
    retractedNote: 'سحبنا هذا التحقق ولم يعد حكمه قائمًا. توضّح الصفحة السبب.',
    removed: 'أُزيل',
    removedNote: 'سحبنا هذا التحقق وأزلناه من موقعنا.',
    removedWhy: 'متى ولماذا',
    // «تحقق من …» reads as the imperative "check …!"; «من إعداد …» ("prepared by …") is the
    // usual byline of Arabic newsrooms, and the card's kind line already says «تحقق».
    by: 'من إعداد',
    titled: (rating) => `تحقق: ${rating}`,
    corrected: 'تصحيح',
    snippets: {
      badgeHtml: 'شارة (HTML)',
      badgeMarkdown: 'شارة (Markdown)',
      iframe: 'بطاقة (إطار)',
      script: 'بطاقة (سكربت، تتكيف مع الحجم)',
    },
  },
  fr: {
    label: 'vérification',
    inReview: 'en cours',
    unknown: 'affirmation inconnue',
    retracted: 'retirée',
    claim: 'Affirmation',
    readMore: 'Lire la vérification',
    inReviewNote: 'Nos vérificateurs examinent cette affirmation.',
    unknownNote: "Cette affirmation n'est pas disponible.",
    retractedNote:
      'Nous avons retiré cette vérification : son verdict ne tient plus. La page explique pourquoi.',
    removed: 'supprimée',
    removedNote: 'Nous avons retiré cette vérification et l’avons supprimée de notre site.',
    removedWhy: 'Quand et pourquoi',
    by: 'Vérification par',
    // French puts a (narrow no-break) space before the colon; the rating reads lower-case mid-phrase.
    titled: (rating) =>
      `Vérification\u00a0: ${rating.charAt(0).toLocaleLowerCase('fr')}${rating.slice(1)}`,
    corrected: 'Corrigé',
    snippets: {
      badgeHtml: 'Badge (HTML)',
      badgeMarkdown: 'Badge (Markdown)',
      iframe: 'Carte (iframe)',
      script: 'Carte (script, taille automatique)',
    },
  },
};

/** The fixed words of an embed language. */
export function embedWords(lang: EmbedLang): EmbedWords {
  return pick(WORDS, lang);
}

/** Neutral colours (no rating): in review and unknown. */
export const REVIEW_COLOR = '#6e7781';
export const UNKNOWN_COLOR = '#9f9f9f';

/** The embed language for a claim language tag, or null when it is not one we ship. */
export function embedLangOf(tag: string | null | undefined): EmbedLang | null {
  const primary = (tag ?? '').toLowerCase().split('-')[0];
  return EMBED_LANGS.find((l) => l === primary) ?? null;
}
