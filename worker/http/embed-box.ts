/**
 * The claim page's "Embed this" box: the reader's choices (language, card or badge, theme), the
 * snippets they give, and the preview. The snippets are templates with two tokens filled with the
 * embed's URL (`__SRC__` HTML-escaped, `__URL__` as is), so the page's script (public/js/claim-page.js)
 * fills the same templates when a choice changes; without JavaScript the form reloads the page.
 */
import { embedSnippets } from '../embeds/snippets';
import { EMBED_LANGS, embedWords, type EmbedLang } from '../embeds/messages';
import { escapeXml } from '../lib/xml';
import type { EmbedBoxView, EmbedChoice } from '../views/public/claim-lead';

const STYLES = ['card', 'badge'] as const;
const THEMES = ['auto', 'light', 'dark'] as const;

export const DEFAULT_EMBED_CHOICE: EmbedChoice = { lang: '', style: 'card', theme: 'auto' };

/** The choices in a page's query (`elang`, `estyle`, `etheme`); anything unknown is the default. */
export function embedChoice(query: (name: string) => string | undefined): {
  choice: EmbedChoice;
  chosen: boolean;
} {
  const lang = query('elang');
  const style = query('estyle');
  const theme = query('etheme');
  return {
    choice: {
      lang: (EMBED_LANGS as readonly string[]).includes(lang ?? '') ? (lang as EmbedLang) : '',
      style: (STYLES as readonly string[]).includes(style ?? '')
        ? (style as EmbedChoice['style'])
        : 'card',
      theme: (THEMES as readonly string[]).includes(theme ?? '')
        ? (theme as EmbedChoice['theme'])
        : 'auto',
    },
    chosen: lang !== undefined || style !== undefined || theme !== undefined,
  };
}

/** The embed URL of a choice: the card with `lang` and `theme`, the badge with `lang`. */
function embedUrl(base: { card: string; badge: string }, choice: EmbedChoice): string {
  const q = new URLSearchParams();
  if (choice.lang) q.set('lang', choice.lang);
  if (choice.style === 'card' && choice.theme !== 'auto') q.set('theme', choice.theme);
  const s = q.toString();
  return `${choice.style === 'card' ? base.card : base.badge}${s ? `?${s}` : ''}`;
}

export function fillSnippet(template: string, url: string): string {
  return template.replaceAll('__SRC__', escapeXml(url)).replaceAll('__URL__', url);
}

/** The box of one claim for a reader's language and choice. */
export function embedBox(
  origin: string,
  id: string,
  locale: EmbedLang,
  choice: EmbedChoice,
  open: boolean,
  /** The published rating's label in the reader's language (alt/title texts); none when retracted. */
  rating?: string,
): EmbedBoxView {
  const base = new URL(origin).origin;
  const urls = {
    card: `${base}/embed/${encodeURIComponent(id)}`,
    badge: `${base}/badge/${encodeURIComponent(id)}.svg`,
  };
  const words = embedWords(locale).snippets;
  // The same snippets as everywhere else (worker/embeds/snippets.ts: the rating in alt/title,
  // the self-sizing iframe), with placeholders where the chosen options' URL goes.
  const s = embedSnippets(origin, id, {
    lang: choice.lang || locale,
    rating,
    src: { card: '__SRC__', badge: '__SRC__' },
  });
  const templates = {
    card: [
      { label: words.iframe, code: s.iframe },
      {
        label: words.script,
        code: embedSnippets(origin, id, { lang: choice.lang || locale, rating }).script,
      },
    ],
    badge: [
      { label: words.badgeHtml, code: s.badgeHtml },
      { label: words.badgeMarkdown, code: s.badgeMarkdown.replace('](__SRC__)', '](__URL__)') },
    ],
  };
  // "Automatic" is the reader's language: the card and the alt/title text then agree.
  const src = embedUrl(urls, { ...choice, lang: choice.lang || locale });
  return {
    choice,
    lang: locale,
    open,
    base: urls,
    templates,
    preview: src,
    snippets: templates[choice.style].map((t) => ({
      label: t.label,
      code: fillSnippet(t.code, src),
    })),
  };
}
