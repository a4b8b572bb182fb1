import type { Context } from 'hono';
import {
  BADGE_STYLES,
  EMBED_LANGS,
  EMBED_THEMES,
  type BadgeStyle,
  type EmbedLang,
  type EmbedTheme,
} from './messages';
import type { AppEnv } from '../env';
import { memoDelete, memoGet, memoSet } from './memo';

/**
 * Edge cache for embeds (Cache API, caches.default), with a short in-isolate memo in front (memo.ts);
 * claim pages (http/page-cache.ts) use the same tiers through cachedAnswer() / storeAnswer().
 *
 * The key is computed from the request alone (route kind, claim id, normalized options), so a hit
 * needs no D1 query. Freshness comes from purging: every write that changes what an embed shows
 * (verdict appended, status moved, claim edited) records the claim with claimsChanged(), and
 * purgeChanged() (middleware/purge-changed.ts) deletes every key of that claim (claimEmbedKeys: the
 * options are a small closed set) with purgeKeys(), and once more a moment later (purgeTwice) to
 * catch a miss that read D1 before the write and stored its answer after the first purge.
 * Pinned `?v=N` answers never change (verdicts are append-only) and are cached as immutable.
 *
 * The Cache API is per data centre: purgeKeys() reaches this location only; elsewhere an entry
 * lives at most its s-maxage (300 s), unless the zone purge (http/edge-purge.ts) is configured.
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

/** Where the answer's Vary waits in the Cache API: the key already names the variant. */
const CLIENT_VARY_HEADER = 'X-Claimdesk-Client-Vary';

/**
 * The answer stored under `key` in the memo or this data centre's Cache API, as a Response of our
 * own (mutable headers, the browser-facing Cache-Control and Vary restored), or null on a miss.
 */
export async function cachedAnswer(
  key: string,
): Promise<{ res: Response; tier: 'memo' | 'hit' } | null> {
  const memo = memoGet(key);
  if (memo) return { res: memo, tier: 'memo' };
  const hit = await caches.default.match(key);
  if (!hit) return null;
  const body = await hit.text();
  const res = new Response(body, hit);
  res.headers.set(
    'Cache-Control',
    hit.headers.get(CLIENT_CACHE_CONTROL_HEADER) ?? hit.headers.get('Cache-Control') ?? '',
  );
  res.headers.delete(CLIENT_CACHE_CONTROL_HEADER);
  const vary = hit.headers.get(CLIENT_VARY_HEADER);
  if (vary !== null) res.headers.set('Vary', vary);
  res.headers.delete(CLIENT_VARY_HEADER);
  memoSet(key, res.status, res.headers, body);
  return { res, tier: 'hit' };
}

/**
 * Store `res` (left untouched) under `key` in the Cache API, for its shared-cache lifetime, and in
 * the memo. Its Cache-Control and Vary are kept aside in the stored copy and restored on a hit.
 * With `later` (the request's execution context) the memo is filled at once and the Cache API put
 * runs after the answer is sent (waitUntil); the stored copy is taken before this returns either way.
 */
export async function storeAnswer(key: string, res: Response, later?: WaitUntil): Promise<void> {
  const body = await res.clone().text();
  const stored = new Response(body, res);
  const client = res.headers.get('Cache-Control') ?? '';
  stored.headers.set(CLIENT_CACHE_CONTROL_HEADER, client);
  stored.headers.set('Cache-Control', edgeCacheControl(client));
  const vary = res.headers.get('Vary');
  if (vary !== null) {
    stored.headers.set(CLIENT_VARY_HEADER, vary);
    stored.headers.delete('Vary');
  }
  if (later) {
    memoSet(key, res.status, res.headers, body);
    later.waitUntil(caches.default.put(key, stored));
    return;
  }
  await caches.default.put(key, stored);
  memoSet(key, res.status, res.headers, body);
}

export interface EmbedKey {
  kind: EmbedKind;
  id: string;
  /** '' = the claim's own language. */
  lang: EmbedLang | '';
  /** '' for kinds without styles. */
  style: BadgeStyle | '';
  pinned: number | null;
  /** Cards only: the theme (light when not asked); '' or absent for the other kinds. */
  theme?: EmbedTheme | '';
}

/** The origin that public URLs (and cache keys) use: PUBLIC_ORIGIN when set, else the request's. */
export function publicOrigin(c: Context<AppEnv>): string {
  const configured = c.env.PUBLIC_ORIGIN;
  return configured ? new URL(configured).origin : new URL(c.req.url).origin;
}

/** Cache key URL of one embed answer (a path no route serves, so it never shadows a real URL). */
export function embedCacheKey(origin: string, key: EmbedKey): string {
  const theme = key.theme ? `/${key.theme}` : '';
  return `${origin}/_edge/embeds/${key.kind}/${key.id}/${key.lang || '-'}/${key.style || '-'}/${key.pinned ?? 'live'}${theme}`;
}

/** Every live (unpinned) cache key of a claim's embeds. */
export function claimEmbedKeys(origin: string, id: string): string[] {
  const langs: (EmbedLang | '')[] = ['', ...EMBED_LANGS];
  const keys: string[] = [];
  for (const lang of langs) {
    for (const style of BADGE_STYLES)
      keys.push(embedCacheKey(origin, { kind: 'svg', id, lang, style, pinned: null }));
    for (const kind of ['json', 'oembed'] as const)
      keys.push(embedCacheKey(origin, { kind, id, lang, style: '', pinned: null }));
    for (const theme of EMBED_THEMES)
      keys.push(embedCacheKey(origin, { kind: 'card', id, lang, style: '', pinned: null, theme }));
  }
  return keys;
}

const SECOND_PURGE_MS = 2000;

/** Delete `keys` from the in-isolate memo and this data centre's Cache API. */
export async function purgeKeys(keys: readonly string[]): Promise<void> {
  memoDelete(keys);
  const cache = caches.default;
  await Promise.all(keys.map((k) => cache.delete(k)));
}

/** What a purge needs of the request's execution context: somewhere to run the second purge. */
export interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * Run a purge `round` now (awaited) and once more SECOND_PURGE_MS later through `ctx.waitUntil`,
 * for a miss that read D1 (or a lagging replica) before the write and stored its answer after
 * the first round. Without a context (app.request in a unit test) the awaited round is all there is.
 */
export async function purgeTwice(
  ctx: WaitUntil | undefined,
  round: () => Promise<void>,
): Promise<void> {
  await round();
  if (!ctx) return;
  const later = new Promise<void>((resolve) => setTimeout(resolve, SECOND_PURGE_MS))
    .then(round)
    .catch(() => undefined);
  ctx.waitUntil(later);
}

/** The request's execution context, or undefined under app.request() in a unit test. */
export function waitUntilOf(c: Context<AppEnv>): WaitUntil | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined; // Hono throws when there is no execution context.
  }
}
