import type { Context } from 'hono';
import { BADGE_STYLES, EMBED_LANGS, type BadgeStyle, type EmbedLang } from './messages';
import type { AppEnv } from '../env';
import { memoDelete } from './memo';

/**
 * Edge cache for embeds (Cache API, caches.default), with a short in-isolate memo in front (memo.ts).
 *
 * The key is computed from the request alone (route kind, claim id, normalized options), so a hit
 * needs no D1 query. Freshness comes from purging: every write that changes what an embed shows
 * (verdict appended, status moved, claim edited) calls invalidateEmbeds() (purgeClaimEmbeds()), which deletes every
 * key of that claim (the options are a small closed set), and once more a moment later to catch a
 * miss that read D1 before the write and stored its answer after the first purge.
 * Pinned `?v=N` answers never change (verdicts are append-only) and are cached as immutable.
 *
 * The Cache API is per data centre: a purge here reaches this location only; elsewhere an entry
 * lives at most its s-maxage (300 s). A multi-location deployment adds a zone purge by URL
 * prefix in purgeClaimEmbeds (one place); nothing else changes.
 */
type EmbedKind = 'svg' | 'json' | 'card' | 'oembed';

export const LIVE_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400';
export const UNKNOWN_CACHE_CONTROL = 'public, max-age=60';
export const PINNED_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Where the browser-facing Cache-Control waits while an answer sits in the Cache API. */
export const CLIENT_CACHE_CONTROL_HEADER = 'X-Claimdesk-Client-Cache-Control';

/**
 * The Cache-Control an answer is stored under in the Cache API: its shared-cache lifetime
 * (s-maxage, else max-age) as a plain max-age. stale-while-revalidate is for browsers and CDNs
 * in front of us; a Cache API store that honoured it would keep a purged-or-not entry for a day.
 */
export function edgeCacheControl(client: string): string {
  const seconds = (name: string) => {
    const m = new RegExp(`(?:^|,)\\s*${name}=(\\d+)`).exec(client);
    return m ? Number(m[1]) : null;
  };
  const ttl = seconds('s-maxage') ?? seconds('max-age') ?? 0;
  return `public, max-age=${ttl}${/\bimmutable\b/.test(client) ? ', immutable' : ''}`;
}

export interface EmbedKey {
  kind: EmbedKind;
  id: string;
  /** '' = the claim's own language. */
  lang: EmbedLang | '';
  /** '' for kinds without styles. */
  style: BadgeStyle | '';
  pinned: number | null;
}

/** The origin that public URLs (and cache keys) use: PUBLIC_ORIGIN when set, else the request's. */
export function publicOrigin(c: Context<AppEnv>): string {
  const configured = c.env.PUBLIC_ORIGIN;
  return configured ? new URL(configured).origin : new URL(c.req.url).origin;
}

/** Cache key URL of one embed answer (a path no route serves, so it never shadows a real URL). */
export function embedCacheKey(origin: string, key: EmbedKey): string {
  return `${origin}/_edge/embeds/${key.kind}/${key.id}/${key.lang || '-'}/${key.style || '-'}/${key.pinned ?? 'live'}`;
}

/** Every live (unpinned) cache key of a claim. */
function liveCacheKeys(origin: string, id: string): string[] {
  const langs: (EmbedLang | '')[] = ['', ...EMBED_LANGS];
  const keys: string[] = [];
  for (const lang of langs) {
    for (const style of BADGE_STYLES)
      keys.push(embedCacheKey(origin, { kind: 'svg', id, lang, style, pinned: null }));
    for (const kind of ['json', 'card', 'oembed'] as const)
      keys.push(embedCacheKey(origin, { kind, id, lang, style: '', pinned: null }));
  }
  return keys;
}

const SECOND_PURGE_MS = 2000;

async function purge(keys: string[]): Promise<void> {
  memoDelete(keys);
  const cache = caches.default;
  await Promise.all(keys.map((k) => cache.delete(k)));
}

/** What a purge needs of the request's execution context: somewhere to run the second purge. */
export interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * Purge every cached embed of `claimId` under the public `origin`; call after a successful write
 * that changes what the claim's embeds show. The first purge is awaited (the next request misses
 * and reads D1); a second one runs after the response through `ctx.waitUntil`, for a miss that
 * raced the write. Without a context (app.request in a unit test) the awaited purge is all there is.
 */
export async function purgeClaimEmbeds(
  ctx: WaitUntil | undefined,
  origin: string,
  claimId: string,
): Promise<void> {
  const keys = liveCacheKeys(origin, claimId);
  await purge(keys);
  if (!ctx) return;
  const later = new Promise<void>((resolve) => setTimeout(resolve, SECOND_PURGE_MS))
    .then(() => purge(keys))
    .catch(() => undefined);
  ctx.waitUntil(later);
}

/** purgeClaimEmbeds() for a route handler: the public origin and execution context come from `c`. */
export function invalidateEmbeds(c: Context<AppEnv>, claimId: string): Promise<void> {
  let ctx: WaitUntil | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    ctx = undefined; // Hono throws when there is no execution context (app.request in a unit test).
  }
  return purgeClaimEmbeds(ctx, publicOrigin(c), claimId);
}
