import { el, xmlDocument } from '../lib/xml';

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** One page URL, with its language alternates (`hreflang` → URL). */
export interface SitemapUrl {
  loc: string;
  lastmod?: string | null;
  alternates?: { hreflang: string; href: string }[];
}

/** A sitemap (urlset) with `xhtml:link` alternates. Pure. */
export function sitemapUrlset(urls: SitemapUrl[]): string {
  return xmlDocument(
    el(
      'urlset',
      { xmlns: NS, 'xmlns:xhtml': 'http://www.w3.org/1999/xhtml' },
      ...urls.map((u) =>
        el(
          'url',
          {},
          el('loc', {}, u.loc),
          u.lastmod ? el('lastmod', {}, u.lastmod) : null,
          ...(u.alternates ?? []).map((a) =>
            el('xhtml:link', { rel: 'alternate', hreflang: a.hreflang, href: a.href }),
          ),
        ),
      ),
    ),
  );
}

/** A sitemap index pointing at page sitemaps. Pure. */
export function sitemapIndexXml(pages: { loc: string; lastmod?: string | null }[]): string {
  return xmlDocument(
    el(
      'sitemapindex',
      { xmlns: NS },
      ...pages.map((p) =>
        el('sitemap', {}, el('loc', {}, p.loc), p.lastmod ? el('lastmod', {}, p.lastmod) : null),
      ),
    ),
  );
}
