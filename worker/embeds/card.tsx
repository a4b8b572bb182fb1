import { textColorOn } from './color';
import type { EmbedView } from './view';
import { embedWords, type EmbedTheme } from './messages';
import { truncate } from './svg';
import { dirOf } from '../lib/lang';
import { FRAME_SCRIPT } from './frame-script';

/** Longest claim text shown on a card; the claim page has the rest. */
const CARD_TEXT_MAX = 280;

// Self-contained: no external stylesheet, font or image, so the card makes no other request.
const LIGHT = '--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--link:#0550ae';
const DARK = '--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--link:#6cb6ff';
/**
 * The colours per theme. An iframe is light unless asked: `light` declares `color-scheme: light`
 * only, so a reader in dark mode on a light partner page sees a light card, not a black slab.
 * `auto` follows prefers-color-scheme, which inside an iframe is the embedding page's colour scheme.
 */
const THEME_CSS: Record<EmbedTheme, string> = {
  light: `:root{color-scheme:light;${LIGHT}}`,
  dark: `:root{color-scheme:dark;${DARK}}`,
  auto: `:root{color-scheme:light dark;${LIGHT}}@media (prefers-color-scheme:dark){:root{${DARK}}}`,
};
const CSS = `html{background:transparent;color:var(--fg)}
body{margin:0;padding:1px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif}
.cd{margin:0;background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:14px 16px;overflow-wrap:anywhere}
.cd p{margin:0}
.cd-top{font-size:12px;color:var(--muted);display:flex;gap:6px;flex-wrap:wrap;justify-content:space-between}
.cd-kind{font-weight:600;text-transform:uppercase;letter-spacing:.04em}
.cd-quote{margin:10px 0;padding:0 12px;border-inline-start:3px solid var(--line);font-size:16px}
.cd-pill{display:inline-block;padding:2px 10px;border-radius:999px;font-weight:700;font-size:14px}
.cd-headline{margin-top:8px!important}
.cd-note{margin-top:6px!important;color:var(--muted)}
.cd a{display:inline-block;margin-top:10px;color:var(--link)}
@media (max-width:340px){body{font-size:14px}.cd{padding:10px 12px}.cd-quote{font-size:15px;padding:0 8px}}`;

export interface CardProps {
  view: EmbedView;
  /** Absolute URL of the claim page. */
  claimUrl: string;
  orgName: string;
  /** Light when not given (an iframe is light unless asked otherwise). */
  theme?: EmbedTheme;
}

function Verdict({ view }: { view: EmbedView }) {
  const words = embedWords(view.lang);
  const pill = (
    <p>
      <span class="cd-pill" style={`background:${view.color};color:${textColorOn(view.color)}`}>
        {view.message}
      </span>
    </p>
  );
  if (view.kind === 'published') {
    const v = view.verdict;
    return (
      <>
        {pill}
        <p class="cd-headline" lang={v.language} dir={dirOf(v.language)}>
          {v.headline}
        </p>
        {v.correctionNote ? (
          <p class="cd-note">
            {`${embedWords(view.lang).corrected}: `}
            <span lang={v.language} dir={dirOf(v.language)}>
              {v.correctionNote}
            </span>
          </p>
        ) : null}
      </>
    );
  }
  return (
    <>
      {pill}
      <p class="cd-note">
        {view.kind === 'review'
          ? words.inReviewNote
          : view.kind === 'retracted'
            ? words.retractedNote
            : view.kind === 'removed'
              ? words.removedNote
              : words.unknownNote}
      </p>
    </>
  );
}

/** The embeddable card: a whole HTML document for an iframe, sized by its own postMessage. */
export function EmbedCard({ view, claimUrl, orgName, theme = 'light' }: CardProps) {
  const words = embedWords(view.lang);
  // A removed claim shows neither its text nor its verdict: only the notice and a link to why.
  const claim = view.kind === 'unknown' || view.kind === 'removed' ? null : view.claim;
  return (
    <html lang={view.lang} dir={dirOf(view.lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="referrer" content="strict-origin-when-cross-origin" />
        <title>
          {claim
            ? `${words.titled(view.message)} — ${truncate(claim.text, 80)}`
            : words.titled(view.message)}
        </title>
        <style dangerouslySetInnerHTML={{ __html: THEME_CSS[theme] + CSS }} />
      </head>
      <body data-claim={claim?.id ?? (view.kind === 'removed' ? view.claimId : '')}>
        <article class="cd">
          <p class="cd-top">
            <span class="cd-kind">{view.label}</span>
            <span class="cd-org">
              {`${words.by} `}
              <bdi>{orgName}</bdi>
            </span>
          </p>
          {claim ? (
            <blockquote class="cd-quote" lang={claim.language} dir={dirOf(claim.language)}>
              {truncate(claim.text, CARD_TEXT_MAX)}
            </blockquote>
          ) : null}
          <Verdict view={view} />
          {claim || view.kind === 'removed' ? (
            <a href={claimUrl} target="_blank" rel="noopener">
              {claim ? words.readMore : words.removedWhy}
            </a>
          ) : null}
        </article>
        <script dangerouslySetInnerHTML={{ __html: FRAME_SCRIPT }} />
      </body>
    </html>
  );
}
