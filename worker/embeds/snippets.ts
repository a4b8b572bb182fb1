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

/**
 * Starting size of the card iframe: 100% of its column up to 550 px wide, and a first height that
 * holds a typical card at 300 px; the widget script then sets the exact height the card reports.
 */
const CARD_WIDTH = 550;
const CARD_HEIGHT = 380;

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

/** What the snippets may say about the claim: its language and its rating label in that language. */
export interface SnippetOptions {
  lang?: EmbedLang;
  /** The rating label (in `lang`), for the `alt` and `title` texts; left out when unknown. */
  rating?: string | undefined;
  /** The card and badge URLs to put in the snippets instead of the plain ones (the claim page's "Embed this" box puts its chosen options there). */
  src?: { card: string; badge: string };
}

/** The snippets for one claim; `origin` is the public origin (e.g. https://factcheck.example.org). */
export function embedSnippets(
  origin: string,
  claimId: string,
  opts: SnippetOptions = {},
): EmbedSnippets {
  const u = urls(origin, claimId);
  const a = (s: string) => escapeXml(s);
  const words = embedWords(opts.lang ?? 'en');
  // "Fact check: Mostly false", in the reader's language; plain "Fact check" without a rating.
  const label = opts.rating ? words.titled(opts.rating) : capitalized(words.label);
  const q = opts.lang ? `?lang=${opts.lang}` : '';
  const card = opts.src?.card ?? u.card + q;
  const badge = opts.src?.badge ?? u.badge + q;
  const script = `<script async src="${a(u.base + EMBED_SCRIPT.path)}" integrity="${a(EMBED_SCRIPT.integrity)}" crossorigin="anonymous"></script>`;
  return {
    badgeMarkdown: `[![${label.replace(/[[\]]/g, '')}](${badge})](${u.page}${q})`,
    badgeHtml: `<a href="${a(u.page + q)}"><img src="${a(badge)}" alt="${a(label)}" height="20"></a>`,
    // The script (the widget, from our static assets) sizes every card iframe to the height the
    // card reports; without it the iframe keeps its starting height and stays usable.
    iframe:
      `<iframe src="${a(card)}" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" title="${a(label)}" loading="lazy" ` +
      `data-claimdesk-frame style="border:0;width:100%;max-width:${CARD_WIDTH}px"></iframe>\n${script}`,
    script:
      `<blockquote class="claimdesk" data-claim="${a(claimId)}"${opts.lang ? ` data-lang="${opts.lang}"` : ''}><a href="${a(u.page + q)}">${a(label)}</a></blockquote>\n` +
      script,
  };
}

const capitalized = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

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
  rating?: string,
): { embed: LabelledSnippet[]; oembed: string } {
  const s = embedSnippets(origin, id, { lang, rating });
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
