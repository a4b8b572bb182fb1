/**
 * The "Embed this" box of a claim page: copy-paste snippets for the badge and the card, and the
 * oEmbed discovery URL, with labels in the reader's language.
 */
import { escapeXml } from '../lib/xml';
import { EMBED_SCRIPT } from './embed-manifest';
import { embedWords, type EmbedLang } from './messages';

/** Copy-paste snippets for the "Embed this" box of a claim page (plain text to show, not markup to render). */
export interface EmbedSnippets {
  badgeMarkdown: string;
  badgeHtml: string;
  iframe: string;
  /** The blockquote (no-JS fallback) plus the widget script with its SRI hash. */
  script: string;
}

/** Default size of the card iframe; the widget resizes it to fit. */
const CARD_WIDTH = 550;
const CARD_HEIGHT = 260;

function urls(origin: string, claimId: string) {
  const base = new URL(origin).origin;
  const id = encodeURIComponent(claimId);
  return {
    base,
    page: `${base}/claims/${id}`,
    badge: `${base}/badge/${id}.svg`,
    card: `${base}/embed/${id}`,
  };
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
function oembedUrl(origin: string, claimId: string): string {
  const u = urls(origin, claimId);
  return `${u.base}/oembed?url=${encodeURIComponent(u.page)}&format=json`;
}

/** One labelled snippet of the box (the shape the claim page view takes). */
export interface LabelledSnippet {
  label: string;
  code: string;
}

/** The box of one claim for a reader's language: labelled snippets, and the oEmbed URL for the page head. */
export function embedFor(
  origin: string,
  id: string,
  lang: EmbedLang,
): { embed: LabelledSnippet[]; oembed: string } {
  const s = embedSnippets(origin, id);
  const l = embedWords(lang).snippets;
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
