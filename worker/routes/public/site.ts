/** `/sitemap.xml` (one urlset, or an index of pages for a large archive), `/robots.txt`, `/favicon.ico`. */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { sitemapIndex, sitemapPage } from '../../../d1/sitemap';
import type { AppEnv } from '../../env';
import { LOCALES } from '../../i18n/public';
import { originOf, publicError, publicHeaders, sendCacheable } from '../../http/public-context';
import { sitemapIndexXml, sitemapUrlset, type SitemapUrl } from '../../seo/sitemap';

/** Claim URLs per sitemap page (the protocol allows 50,000; smaller files are kinder to crawlers). */
const SITEMAP_PAGE = 10_000;
const XML = 'application/xml; charset=utf-8';
const SEQ = /^\d{1,15}$/;

export const site = new Hono<AppEnv>();
site.onError(publicError);
site.use('/sitemap.xml', publicHeaders());
site.use('/robots.txt', publicHeaders());

/** A page URL with its `?lang=` alternates (the layout links the same ones). */
function withAlternates(url: string, lastmod?: string | null): SitemapUrl {
  const sep = url.includes('?') ? '&' : '?';
  return {
    loc: url,
    lastmod,
    alternates: [
      { hreflang: 'x-default', href: url },
      ...LOCALES.map((l) => ({ hreflang: l, href: `${url}${sep}lang=${l}` })),
    ],
  };
}

site.get('/sitemap.xml', async (c) => {
  const origin = originOf(c);
  const from = c.req.query('from');
  const to = c.req.query('to');
  if ((from !== undefined && !SEQ.test(from)) || (to !== undefined && !SEQ.test(to)))
    throw new HTTPException(400, { message: 'bad page' });
  let index = null;
  if (from === undefined) {
    index = await sitemapIndex(c.env.DB, SITEMAP_PAGE);
    if (index.starts.length > 1) {
      // Page k covers seq in [start_k, start_k+1): bounds from one snapshot, so no gap or repeat.
      const pages = index.starts.map((s, k) => {
        const next = index!.starts[k + 1];
        const query = `from=${k === 0 ? 0 : s}${next === undefined ? '' : `&to=${next}`}`;
        return { loc: `${origin}/sitemap.xml?${query}`, lastmod: index!.lastModified };
      });
      return sendCacheable(c, sitemapIndexXml(pages), XML, index.lastModified);
    }
  }
  const start = Number(from ?? 0);
  const entries = await sitemapPage(c.env.DB, start, to === undefined ? null : Number(to));
  const urls = entries.map((e) => withAlternates(`${origin}/claims/${e.id}`, e.lastModified));
  const newest = entries.reduce<string | null>(
    (m, e) => (m === null || e.lastModified > m ? e.lastModified : m),
    null,
  );
  // The home page and the list live in the first page.
  if (start === 0) urls.unshift(withAlternates(`${origin}/`), withAlternates(`${origin}/claims`));
  return sendCacheable(c, sitemapUrlset(urls), XML, index?.lastModified ?? newest);
});

site.get('/robots.txt', (c) => {
  const body = [
    'User-agent: *',
    'Allow: /',
    'Disallow: /desk',
    'Disallow: /api',
    'Disallow: /track',
    '',
    `Sitemap: ${originOf(c)}/sitemap.xml`,
    '',
  ].join('\n');
  return sendCacheable(c, body, 'text/plain; charset=utf-8');
});

// Browsers ask for /favicon.ico by habit; the icon is the SVG in public/.
site.get('/favicon.ico', (c) => {
  c.header('Cache-Control', 'public, max-age=86400');
  return c.redirect('/favicon.svg', 301);
});
