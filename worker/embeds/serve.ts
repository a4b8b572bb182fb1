import type { Context } from 'hono';
import { getEmbedClaim } from '../../d1/embeds';
import type { AppEnv } from '../env';
import { cachedAnswer, embedCacheKey, publicOrigin, storeAnswer, type EmbedKey } from './cache';
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
  if (cacheUrl) {
    const cached = await cachedAnswer(cacheUrl);
    if (cached) return finish(c, cached.res, cached.tier);
  }
  const claim = lookup.id ? await getEmbedClaim(c.env.DB, lookup.id, lookup.pinned) : null;
  const { res, cache: store } = build(claim);
  if (cacheUrl && store) await storeAnswer(cacheUrl, res);
  return finish(c, res, cacheUrl ? 'miss' : 'none');
}
