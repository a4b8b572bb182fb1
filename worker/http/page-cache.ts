/**
 * Edge cache of public claim pages (`GET /claims/:id`): the same Cache API tier and in-isolate memo
 * as the embeds (worker/embeds/cache.ts), keyed by the request alone, so a hit makes no D1 query.
 *
 * Key: claim id + the resolved locale (`?lang=` or Accept-Language) + whether `?lang=` was explicit
 * (internal links carry it then). Only a plain GET/HEAD with no query but `lang` is cached; any
 * other parameter (`?feedback=thanks`) goes straight to the route, as before.
 *
 * Freshness comes from purging: purgeChanged() (middleware/purge-changed.ts) deletes every key of
 * a changed claim (claimPageKeys) with its embeds, now and again 2 s later. Browsers revalidate
 * every view (`no-cache` + ETag), answered 304 from the cached copy without D1, so an editor sees
 * a correction on the next load; the edge copy lives CLAIM_PAGE_EDGE_SECONDS. Unknown ids (404)
 * are cached at the edge for a minute only (and purged on publication like any other key).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { cachedAnswer, publicOrigin, storeAnswer, waitUntilOf } from '../embeds/cache';
import { etagMatches } from '../embeds/serve';
import { LOCALES, type Locale } from '../i18n/public';
import { ID_PATTERN } from '../lib/ids';
import { localeOf } from './public-context';

/** How long a claim page lives in a data centre's Cache API (purges keep it fresh meanwhile). */
export const CLAIM_PAGE_EDGE_SECONDS = 300;
/** Browser-facing policy of a claim page: always revalidate (a 304 from the edge costs no D1). */
export const CLAIM_PAGE_CACHE_CONTROL = `public, no-cache, s-maxage=${CLAIM_PAGE_EDGE_SECONDS}`;
/** An unknown or unpublished id: kept at the edge for a minute, revalidated by browsers. */
export const MISSING_PAGE_CACHE_CONTROL = 'public, no-cache, s-maxage=60';

/** Headers a 304 keeps from the full answer. */
const NOT_MODIFIED_HEADERS = [
  'ETag',
  'Cache-Control',
  'Vary',
  'Content-Language',
  'Last-Modified',
  'Content-Location',
];

/** Cache key URL of one claim page variant (a path no route serves). */
export function claimPageKey(
  origin: string,
  id: string,
  locale: Locale,
  explicit: boolean,
): string {
  return `${origin}/_edge/pages/claims/${id}/${locale}/${explicit ? 'lang' : 'auto'}`;
}

/** Every cache key of a claim's page: each locale, with and without an explicit `?lang=`. */
export function claimPageKeys(origin: string, id: string): string[] {
  return LOCALES.flatMap((l) => [
    claimPageKey(origin, id, l, false),
    claimPageKey(origin, id, l, true),
  ]);
}

/** The public URLs of a claim's page in each locale form (for a purge of caches in front of us). */
export function claimPageUrls(origin: string, id: string): string[] {
  return [`${origin}/claims/${id}`, ...LOCALES.map((l) => `${origin}/claims/${id}?lang=${l}`)];
}

/** The cache key of this request, or null when it must bypass the cache. */
function requestKey(c: Context<AppEnv>): string | null {
  const method = c.req.method;
  if (method !== 'GET' && method !== 'HEAD') return null;
  const id = c.req.param('id') ?? '';
  if (!ID_PATTERN.test(id)) return null; // answered 404 without a query anyway
  const params = [...new URL(c.req.url).searchParams.keys()];
  if (params.length > 1 || params.some((p) => p !== 'lang')) return null;
  return claimPageKey(publicOrigin(c), id, localeOf(c), Boolean(c.req.query('lang')));
}

/** A 304 when the client's copy is current (If-None-Match first, If-Modified-Since without it). */
function answer(c: Context<AppEnv>, res: Response, tier: 'memo' | 'hit' | 'miss'): Response {
  const etag = res.headers.get('ETag');
  const inm = c.req.header('If-None-Match');
  let fresh = etag !== null && inm !== undefined && etagMatches(inm, etag);
  const lm = Date.parse(res.headers.get('Last-Modified') ?? '');
  if (inm === undefined && !Number.isNaN(lm)) {
    const ims = Date.parse(c.req.header('If-Modified-Since') ?? '');
    fresh = !Number.isNaN(ims) && lm <= ims;
  }
  let out = res;
  if (fresh && res.status === 200) {
    const headers = new Headers();
    for (const name of NOT_MODIFIED_HEADERS) {
      const value = res.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    out = new Response(null, { status: 304, headers });
  }
  out.headers.append('Server-Timing', `edge;desc="${tier}"`);
  return out;
}

/**
 * Route middleware for `GET /claims/:id`: serve the page from the memo or the Cache API when the
 * key is there, else run the route and store its 200, 404 or 410 (retracted and removed; a restore
 * purges it like any other change) under the claim-page cache policy.
 * On a miss the route renders the full page even when the client sent validators (they are
 * answered here), so a revalidating browser fills the cache too.
 */
export function claimPageCache(): MiddlewareHandler<AppEnv> {
  return async function claimPageCacheMiddleware(c, next) {
    const key = requestKey(c);
    if (!key) return next();
    const cached = await cachedAnswer(key);
    if (cached) return answer(c, cached.res, cached.tier);

    const raw = c.req.raw;
    if (raw.headers.has('If-None-Match') || raw.headers.has('If-Modified-Since')) {
      const headers = new Headers(raw.headers);
      headers.delete('If-None-Match');
      headers.delete('If-Modified-Since');
      c.req.raw = new Request(raw, { headers });
    }
    try {
      await next();
    } finally {
      c.req.raw = raw;
    }
    const res = c.res;
    const status = res.status;
    if ((status !== 200 && status !== 404 && status !== 410) || res.headers.has('Set-Cookie'))
      return;
    res.headers.set(
      'Cache-Control',
      status === 200 ? CLAIM_PAGE_CACHE_CONTROL : MISSING_PAGE_CACHE_CONTROL,
    );
    // The Cache API put runs after the answer is sent (the memo serves this isolate meanwhile).
    await storeAnswer(key, res, waitUntilOf(c));
    // Replace the answer wholesale: assigning over a set c.res would merge the old headers in.
    c.res = undefined;
    c.res = answer(c, res, 'miss');
  };
}
