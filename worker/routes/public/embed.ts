/**
 * The "Embed this" box and oEmbed discovery link of a claim page. Adapter over the embeds
 * module's URL scheme (/oembed, /badge/:id.svg, /embed/:id — DESIGN.md).
 */
import type { Locale } from '../../i18n/public';
import type { EmbedSnippetView } from '../../views/public/claim-page';

const LABELS: Record<Locale, { badge: string; card: string }> = {
  en: { badge: 'Badge (image)', card: 'Card (iframe)' },
  ar: { badge: 'شارة (صورة)', card: 'بطاقة (إطار)' },
  fr: { badge: 'Badge (image)', card: 'Carte (iframe)' },
};

export function embedFor(origin: string, id: string, locale: Locale): { embed: EmbedSnippetView[]; oembed: string } {
  const page = `${origin}/claims/${id}`;
  const l = LABELS[locale];
  return {
    oembed: `${origin}/oembed?url=${encodeURIComponent(page)}&format=json`,
    embed: [
      { label: l.badge, code: `<a href="${page}"><img src="${origin}/badge/${id}.svg" alt="ClaimDesk verdict"></a>` },
      { label: l.card, code: `<iframe src="${origin}/embed/${id}" width="400" height="220" loading="lazy" title="ClaimDesk verdict"></iframe>` },
    ],
  };
}
