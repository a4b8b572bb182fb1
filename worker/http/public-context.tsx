/** Helpers shared by the public routers: locale, origin, rendering in the layout, headers, 304s. */
import type { Context, ErrorHandler, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../env';
import { logUnexpected } from './log';
import { sha256Hex } from '../lib/crypto';
import { readerLocale, strings, type Locale } from '../i18n/public';
import { securityHeaders } from '../middleware/security-headers';
import { isTestSiteKey } from '../turnstile';
import { PublicError } from '../views/public/error-page';
import { PublicLayout, type PageMeta } from '../views/public/layout';

type C = Context<AppEnv>;

const BASE_CSP = {
  defaultSrc: ["'none'"],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};
const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com';
const strict = securityHeaders({ csp: BASE_CSP });
// The claim page previews its own embed card in an iframe.
const selfFrames = securityHeaders({ csp: { ...BASE_CSP, frameSrc: ["'self'"] } });
const withTurnstile = securityHeaders({
  csp: {
    ...BASE_CSP,
    scriptSrc: ["'self'", TURNSTILE_ORIGIN],
    frameSrc: [TURNSTILE_ORIGIN],
    connectSrc: ["'self'", TURNSTILE_ORIGIN],
  },
});

/** Strict CSP, frame-ancestors 'none' and friends for every public page. */
export function publicHeaders(
  options: { turnstile?: boolean; selfFrames?: boolean } = {},
): MiddlewareHandler<AppEnv> {
  return async function publicHeadersMiddleware(c, next) {
    const online = options.turnstile === true && !isTestSiteKey(c.env.TURNSTILE_SITE_KEY);
    return (online ? withTurnstile : options.selfFrames ? selfFrames : strict)(c, next);
  };
}

/** Cache policy of public GET pages: browsers revalidate after a minute, the edge serves stale while refreshing. */
const PUBLIC_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

export function localeOf(c: C): Locale {
  return readerLocale(c.req.query('lang'), c.req.header('Accept-Language'));
}

/** `?lang=xx` to carry on internal links when the reader chose a language explicitly. */
export function langSuffix(c: C, sep: '?' | '&' = '?'): string {
  const explicit = c.req.query('lang');
  return explicit ? `${sep}lang=${localeOf(c)}` : '';
}

/** The canonical origin: PUBLIC_ORIGIN when configured, else the request's. */
export function originOf(c: C): string {
  return (c.env.PUBLIC_ORIGIN || new URL(c.req.url).origin).replace(/\/+$/, '');
}

export function claimHref(c: C, id: string): string {
  return `/claims/${id}${langSuffix(c)}`;
}

/** Render a page body in the public layout. */
export function renderPage(
  c: C,
  meta: PageMeta,
  body: Child,
  status = 200,
): Response | Promise<Response> {
  const locale = localeOf(c);
  const url = new URL(c.req.url);
  const langHref = (l: Locale) => {
    const u = new URL(url);
    u.searchParams.set('lang', l);
    return `${u.pathname}${u.search}`;
  };
  c.header('Content-Language', locale);
  c.header('Vary', 'Accept-Language');
  return c.html(
    <PublicLayout
      locale={locale}
      org={c.env.ORG_NAME}
      meta={meta}
      langHref={langHref}
      atomUrl="/feeds/atom.xml"
    >
      {body}
    </PublicLayout>,
    status as 200,
  );
}

/** The public "not found" page, in the reader's language. */
export function notFoundPage(c: C): Response | Promise<Response> {
  return errorPage(c, 404, 'public, max-age=60');
}

/**
 * A public error page (404 not found, 403 cross-site form) in the site's chrome and the
 * reader's language (`?lang=` or Accept-Language), with a way home and a search box.
 */
export function errorPage(
  c: C,
  status: 403 | 404,
  cacheControl = 'no-store',
): Response | Promise<Response> {
  const locale = localeOf(c);
  const t = strings(locale);
  const title = status === 403 ? t.errors.crossSite : t.errors.notFound;
  c.header('Cache-Control', cacheControl);
  return renderPage(
    c,
    { title, noindex: true },
    <PublicError
      title={title}
      detail={status === 403 ? undefined : t.errors.notFoundHint}
      locale={locale}
      lang={c.req.query('lang') ? locale : undefined}
    />,
    status,
  );
}

/** True when If-None-Match names this ETag (weak comparison, as for GET). */
function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

/**
 * Set the validators and cache policy of a cacheable GET answer; returns a 304 when the client's
 * copy is current (If-None-Match first; If-Modified-Since only without it).
 */
export function conditional(
  c: C,
  etag: string,
  lastModified?: string,
  opts: { varyLanguage?: boolean } = {},
): Response | null {
  c.header('ETag', etag);
  c.header('Cache-Control', PUBLIC_CACHE);
  if (opts.varyLanguage !== false) c.header('Vary', 'Accept-Language');
  const lm = lastModified ? new Date(lastModified) : null;
  if (lm && !Number.isNaN(lm.getTime())) c.header('Last-Modified', lm.toUTCString());
  const inm = c.req.header('If-None-Match');
  let fresh = etagMatches(inm, etag);
  if (!inm && lm) {
    const ims = Date.parse(c.req.header('If-Modified-Since') ?? '');
    fresh = !Number.isNaN(ims) && Math.floor(lm.getTime() / 1000) <= Math.floor(ims / 1000);
  }
  return fresh ? c.body(null, 304) : null;
}

/**
 * Answer a public document that does not depend on the reader's language (feeds, sitemap,
 * robots.txt): a strong ETag from its bytes, Last-Modified, one cached copy for everyone.
 */
export async function sendCacheable(
  c: C,
  body: string,
  type: string,
  lastModified?: string | null,
): Promise<Response> {
  const etag = `"${(await sha256Hex(body)).slice(0, 32)}"`;
  const notModified = conditional(c, etag, lastModified ?? undefined, { varyLanguage: false });
  if (notModified) return notModified;
  c.header('Content-Type', type);
  return c.body(body, 200);
}

/**
 * Errors on public pages: the reader's language and the public layout, no internals. Expected
 * HTTP errors keep their status; anything else is logged with the request id and becomes a 500.
 */
export const publicError: ErrorHandler<AppEnv> = (err, c) => {
  const t = strings(localeOf(c));
  let status = 500;
  if (err instanceof HTTPException) status = err.status;
  else logUnexpected(c, err);
  c.header('Cache-Control', 'no-store');
  const title = status === 404 ? t.errors.notFound : t.errors.serverError;
  return renderPage(
    c,
    { title, noindex: true },
    <PublicError
      title={title}
      detail={`${c.get('requestId') ?? ''}`}
      locale={localeOf(c)}
      lang={c.req.query('lang') ? localeOf(c) : undefined}
    />,
    status,
  );
};
