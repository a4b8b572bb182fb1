/**
 * The "Embed this" box and oEmbed discovery link of a claim page, from the embeds module's
 * snippets (worker/views/embed/snippets.ts), with labels in the reader's language.
 */
import type { Locale } from '../../i18n/public';
import { embedSnippets, oembedUrl } from '../../views/embed/snippets';
import type { EmbedSnippetView } from '../../views/public/claim-page';

const LABELS: Record<Locale, { badgeHtml: string; badgeMarkdown: string; iframe: string; script: string }> = {
  en: { badgeHtml: 'Badge (HTML)', badgeMarkdown: 'Badge (Markdown)', iframe: 'Card (iframe)', script: 'Card (script, resizes itself)' },
  ar: { badgeHtml: 'شارة (HTML)', badgeMarkdown: 'شارة (Markdown)', iframe: 'بطاقة (إطار)', script: 'بطاقة (سكربت، تتكيف مع الحجم)' },
  fr: { badgeHtml: 'Badge (HTML)', badgeMarkdown: 'Badge (Markdown)', iframe: 'Carte (iframe)', script: 'Carte (script, taille automatique)' },
};

export function embedFor(origin: string, id: string, locale: Locale): { embed: EmbedSnippetView[]; oembed: string } {
  const s = embedSnippets(origin, id);
  const l = LABELS[locale];
  return {
    oembed: oembedUrl(origin, id),
    embed: [
      { label: l.badgeHtml, code: s.badgeHtml },
      { label: l.badgeMarkdown, code: s.badgeMarkdown },
      { label: l.iframe, code: s.iframe },
      { label: l.script, code: s.script },
    ],
  };
}
