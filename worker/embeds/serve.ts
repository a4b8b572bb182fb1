import type { Context } from 'hono';
import { getEmbedClaim } from '../../d1/embeds';
import type { AppEnv } from '../env';
import {
  CLIENT_CACHE_CONTROL_HEADER,
  edgeCacheControl,
  embedCacheKey,
  publicOrigin,
  type EmbedKey,
} from './cache';
import { memoGet, memoSet } from './memo';
import type { EmbedClaim } from './view';

/** Headers a 304 keeps from the full answer. */
const NOT_MODIFIED_HEADERS = [
  'ETag',
  'Cache-Control',
  'Access-Control-Allow-Origin',
  'Content-Location',
];

/** True when an If-None-Match header names `etag` (weak comparison, lists and `*` allowed). */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  const want = bare(etag);
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === want);
}

/** The answer to send: a 304 when the client already has it, else `res` itself. */
function finish(
  c: Context<AppEnv>,
  res: Response,
  cacheStatus: 'memo' | 'hit' | 'miss' | 'none',
): Response {
  const etag = res.headers.get('ETag');
  const ifNoneMatch = c.req.header('If-None-Match');
  let out: Response;
  if (etag && ifNoneMatch && etagMatches(ifNoneMatch, etag)) {
    const headers = new Headers();
    for (const name of NOT_MODIFIED_HEADERS) {
      const value = res.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    out = new Response(null, { status: 304, headers });
  } else {
    out = res; // always our own Response here (Cache API answers are copied first): headers are mutable
  }
  out.headers.append('Server-Timing', `edge;desc="${cacheStatus}"`);
  return out;
}

/** What to look up: `id` null for a malformed id (no query); `key` null to bypass the edge cache. */
export interface EmbedLookup {
  id: string | null;
  pinned: number | null;
  key: EmbedKey | null;
}

/**
 * Serve one embed answer through the in-isolate memo and the edge cache. A hit in either costs no
 * D1 query (the key comes from the request alone); a miss costs exactly one (getEmbedClaim),
 * renders, and stores the answer in both when `build` marked it cacheable.
 */
export async function serveEmbed(
  c: Context<AppEnv>,
  lookup: EmbedLookup,
  build: (claim: EmbedClaim | null) => { res: Response; cache: boolean },
): Promise<Response> {
  const cacheUrl = lookup.id && lookup.key ? embedCacheKey(publicOrigin(c), lookup.key) : null;
  const cache = caches.default;
  if (cacheUrl) {
    const memo = memoGet(cacheUrl);
    if (memo) return finish(c, memo, 'memo');
    const hit = await cache.match(cacheUrl);
    if (hit) {
      const body = await hit.text();
      const res = new Response(body, hit);
      res.headers.set(
        'Cache-Control',
        hit.headers.get(CLIENT_CACHE_CONTROL_HEADER) ?? hit.headers.get('Cache-Control') ?? '',
      );
      res.headers.delete(CLIENT_CACHE_CONTROL_HEADER);
      memoSet(cacheUrl, res.status, res.headers, body);
      return finish(c, res, 'hit');
    }
  }
  const claim = lookup.id ? await getEmbedClaim(c.env.DB, lookup.id, lookup.pinned) : null;
  const { res, cache: store } = build(claim);
  if (cacheUrl && store) {
    const body = await res.clone().text();
    const stored = new Response(body, res);
    const client = res.headers.get('Cache-Control') ?? '';
    stored.headers.set(CLIENT_CACHE_CONTROL_HEADER, client);
    stored.headers.set('Cache-Control', edgeCacheControl(client));
    await cache.put(cacheUrl, stored);
    memoSet(cacheUrl, res.status, res.headers, body);
  }
  return finish(c, res, cacheUrl ? 'miss' : 'none');
}
