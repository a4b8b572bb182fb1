/** The one layout of the public pages: head metadata, header with language switch, footer. */
import type { Child } from 'hono/jsx';
import { dirOf } from '../../lib/lang';
import { LOCALES, strings, type Locale } from '../../i18n/public';
import { jsonForScript } from '../../seo/claim-review';
import { readerPageStrings } from '../../i18n/reader-page';

export interface PageMeta {
  title: string;
  description?: string;
  /** Absolute canonical URL. */
  canonical?: string;
  ogType?: 'website' | 'article';
  /** oEmbed discovery URL (claim pages). */
  oembed?: string;
  /** JSON-LD object for `<script type="application/ld+json">` (escaped for the script context). */
  jsonLd?: unknown;
  noindex?: boolean;
  /** Share image (og:image, twitter:card summary_large_image): an absolute URL and its size. */
  image?: { url: string; width: number; height: number; alt: string };
  /** Extra same-origin stylesheets after site.css. */
  styles?: string[];
  /** Same-origin scripts (the CSP allows 'self' only, plus Turnstile on /submit in production). */
  scripts?: string[];
}

export interface LayoutProps {
  locale: Locale;
  org: string;
  meta: PageMeta;
  /** The current page in another UI language. */
  langHref: (locale: Locale) => string;
  atomUrl: string;
  children: Child;
}

export function PublicLayout(props: LayoutProps) {
  const t = strings(props.locale);
  const { meta } = props;
  return (
    <html lang={props.locale} dir={dirOf(props.locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${meta.title} · ${props.org}`}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        {meta.canonical ? <link rel="canonical" href={meta.canonical} /> : null}
        {meta.canonical ? (
          <link rel="alternate" hreflang="x-default" href={meta.canonical} />
        ) : null}
        {meta.canonical
          ? LOCALES.map((l) => (
              <link rel="alternate" hreflang={l} href={`${meta.canonical}?lang=${l}`} />
            ))
          : null}
        <meta property="og:site_name" content={props.org} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        {meta.canonical ? <meta property="og:url" content={meta.canonical} /> : null}
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        {meta.image ? (
          <>
            <meta property="og:image" content={meta.image.url} />
            <meta property="og:image:width" content={String(meta.image.width)} />
            <meta property="og:image:height" content={String(meta.image.height)} />
            <meta property="og:image:alt" content={meta.image.alt} />
          </>
        ) : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        {meta.description ? <meta name="twitter:description" content={meta.description} /> : null}
        {meta.oembed ? (
          <link
            rel="alternate"
            type="application/json+oembed"
            href={meta.oembed}
            title={meta.title}
          />
        ) : null}
        <link rel="alternate" type="application/atom+xml" href={props.atomUrl} title={t.nav.feed} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/css/site.css" />
        {(meta.styles ?? []).map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        {meta.jsonLd ? (
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{ __html: jsonForScript(meta.jsonLd) }}
          />
        ) : null}
        {(meta.scripts ?? []).map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t.nav.skip}
        </a>
        <header class="site-header">
          <a class="site-name" href="/">
            {props.org}
          </a>
          <nav aria-label={t.nav.home}>
            <a href="/claims">{t.nav.claims}</a>
            <a href="/submit">{t.nav.submit}</a>
          </nav>
          <nav class="lang-switch" aria-label={t.nav.language}>
            {LOCALES.map((l) => (
              <a
                href={props.langHref(l)}
                lang={l}
                hreflang={l}
                aria-current={l === props.locale ? 'true' : undefined}
              >
                {strings(l).languages[l]}
              </a>
            ))}
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site-footer">
          <a href={props.atomUrl}>{t.nav.feed}</a>
          <a href="/feeds/claimreview.json">ClaimReview</a>
          <a href="/how-we-rate">{readerPageStrings(props.locale).lead.howWeRate}</a>
        </footer>
      </body>
    </html>
  );
}
