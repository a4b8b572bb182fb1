import { EMBED_SCRIPT } from '../../badge/embed-manifest';
import { escapeXml } from '../../badge/xml';

/** Copy-paste snippets for the "Embed this" box of a claim page (plain text to show, not markup to render). */
export interface EmbedSnippets {
  badgeMarkdown: string;
  badgeHtml: string;
  iframe: string;
  /** The blockquote (no-JS fallback) plus the widget script with its SRI hash. */
  script: string;
}

/** Default size of the card iframe; the widget resizes it to fit. */
export const CARD_WIDTH = 550;
export const CARD_HEIGHT = 260;

function urls(origin: string, claimId: string) {
  const base = new URL(origin).origin;
  const id = encodeURIComponent(claimId);
  return { base, page: `${base}/claims/${id}`, badge: `${base}/badge/${id}.svg`, card: `${base}/embed/${id}` };
}

/** The snippets for one claim; `origin` is the public origin (e.g. https://factcheck.example.org). */
export function embedSnippets(origin: string, claimId: string): EmbedSnippets {
  const u = urls(origin, claimId);
  const a = (s: string) => escapeXml(s);
  return {
    badgeMarkdown: `[![Fact check](${u.badge})](${u.page})`,
    badgeHtml: `<a href="${a(u.page)}"><img src="${a(u.badge)}" alt="Fact check" height="20"></a>`,
    iframe:
      `<iframe src="${a(u.card)}" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" title="Fact check" loading="lazy" ` +
      `style="border:0;max-width:100%"></iframe>`,
    script:
      `<blockquote class="claimdesk" data-claim="${a(claimId)}"><a href="${a(u.page)}">Fact check</a></blockquote>\n` +
      `<script async src="${a(u.base + EMBED_SCRIPT.path)}" integrity="${a(EMBED_SCRIPT.integrity)}" crossorigin="anonymous"></script>`,
  };
}

/** oEmbed endpoint URL for a claim page (for `<link rel="alternate" type="application/json+oembed">`). */
export function oembedUrl(origin: string, claimId: string): string {
  const u = urls(origin, claimId);
  return `${u.base}/oembed?url=${encodeURIComponent(u.page)}&format=json`;
}
