/**
 * The parts of the claim page readers share: the verdict's colour band, the byline, related
 * fact-checks, share links and the "Embed this" box (collapsed behind one <details>).
 */
import type { EmbedLang } from '../../embeds/messages';
import { readerPageStrings } from '../../i18n/reader-page';
import type { Locale } from '../../i18n/public';
import type { ShareLink } from '../../lib/share-links';
import { ClaimCard, type ClaimCardView, type RatingView } from './parts';

const SAFE_COLOR = /^#[0-9a-fA-F]{3,8}$/;

/** The rating's colour as a band (an SVG presentation attribute: no inline style under the CSP). */
export function RatingBand(props: { rating: RatingView | null }) {
  const color =
    props.rating && SAFE_COLOR.test(props.rating.color) ? props.rating.color : '#57606a';
  return (
    <svg
      class="verdict-band"
      viewBox="0 0 100 6"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="100" height="6" fill={color} />
    </svg>
  );
}

export function RelatedList(props: {
  items: ClaimCardView[];
  locale: Locale;
  href: (id: string) => string;
}) {
  if (props.items.length === 0) return null;
  const t = readerPageStrings(props.locale);
  return (
    <section class="related" aria-labelledby="related-h">
      <h2 id="related-h">{t.lead.related}</h2>
      <div class="claim-list">
        {props.items.map((item) => (
          <ClaimCard item={item} locale={props.locale} href={props.href(item.id)} />
        ))}
      </div>
    </section>
  );
}

export interface ShareView {
  url: string;
  links: ShareLink[];
}

/** Share links: the URL in a readonly field (a copy button when scripts run) and plain links. */
export function ShareBox(props: { share: ShareView; locale: Locale }) {
  const t = readerPageStrings(props.locale).share;
  return (
    <section class="share" aria-labelledby="share-h">
      <h2 id="share-h">{t.title}</h2>
      <label for="share-url">{t.link}</label>
      <div class="copy-row">
        <input id="share-url" type="url" readonly value={props.share.url} dir="ltr" />
        <button type="button" class="copy" data-copy="share-url" data-copied={t.copied} hidden>
          {t.copy}
        </button>
      </div>
      <ul class="share-links">
        {props.share.links.map((l) => (
          <li>
            <a href={l.href} class={`share-${l.network}`} target="_blank" rel="noopener noreferrer">
              {t[l.network]}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface EmbedChoice {
  lang: EmbedLang | '';
  style: 'card' | 'badge';
  theme: 'auto' | 'light' | 'dark';
}

export interface EmbedBoxView {
  choice: EmbedChoice;
  /** The page's language: what "Automatic" means for the snippets. */
  lang: EmbedLang;
  /** Open when the reader chose options (the no-script form reloads the page). */
  open: boolean;
  base: { card: string; badge: string };
  /** Snippet templates per style (`__SRC__` escaped URL, `__URL__` raw URL), for the page script. */
  templates: Record<'card' | 'badge', { label: string; code: string }[]>;
  preview: string;
  snippets: { label: string; code: string }[];
}

function Choice(props: {
  name: string;
  label: string;
  value: string;
  options: [string, string][];
}) {
  return (
    <div class="field">
      <label for={`embed-${props.name}`}>{props.label}</label>
      <select id={`embed-${props.name}`} name={props.name}>
        {props.options.map(([v, l]) => (
          <option value={v} selected={v === props.value}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "Embed this": one button; inside, the choices, a live preview and the code with copy buttons. */
export function EmbedBox(props: {
  box: EmbedBoxView;
  locale: Locale;
  action: string;
  languages: Record<string, string>;
  title: string;
  /** The reader's explicit `?lang=`, kept when the no-script form reloads the page. */
  uiLang?: string;
}) {
  const t = readerPageStrings(props.locale).embed;
  const { box } = props;
  return (
    <section class="embed-box" aria-labelledby="embed-h" id="embed">
      <details open={box.open}>
        <summary>
          <span id="embed-h">{t.open}</span>
        </summary>
        <form
          method="get"
          action={`${props.action}#embed`}
          class="embed-options"
          data-lang={box.lang}
          data-card={box.base.card}
          data-badge={box.base.badge}
          data-templates={JSON.stringify(box.templates)}
        >
          {props.uiLang ? <input type="hidden" name="lang" value={props.uiLang} /> : null}
          <Choice
            name="elang"
            label={t.language}
            value={box.choice.lang}
            options={[['', t.auto], ...Object.entries(props.languages)]}
          />
          <Choice
            name="estyle"
            label={t.style}
            value={box.choice.style}
            options={[
              ['card', t.card],
              ['badge', t.badge],
            ]}
          />
          <Choice
            name="etheme"
            label={t.theme}
            value={box.choice.theme}
            options={[
              ['auto', t.auto],
              ['light', t.light],
              ['dark', t.dark],
            ]}
          />
          <div class="buttons embed-apply">
            <button type="submit">{t.update}</button>
          </div>
        </form>
        <h3>{t.preview}</h3>
        <div class="embed-preview" data-kind={box.choice.style}>
          {box.choice.style === 'card' ? (
            <iframe src={box.preview} title={t.previewTitle} loading="lazy" />
          ) : (
            <img src={box.preview} alt={props.title} height="20" />
          )}
        </div>
        <h3>{t.code}</h3>
        <div class="embed-codes">
          {box.snippets.map((s, i) => (
            <div class="embed-snippet">
              <label for={`embed-${i}`}>{s.label}</label>
              <textarea id={`embed-${i}`} readonly rows={4} dir="ltr">
                {s.code}
              </textarea>
              <button
                type="button"
                class="copy"
                data-copy={`embed-${i}`}
                data-copied={readerPageStrings(props.locale).share.copied}
                hidden
              >
                {t.copy}
              </button>
            </div>
          ))}
        </div>
      </details>
    </section>
  );
}
