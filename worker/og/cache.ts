/**
 * The share images in this data centre's Cache API. One key per claim (not per version), so the
 * purge of a changed claim (middleware/purge-changed.ts) names it without knowing old versions;
 * the stored PNG carries its version, and a request for another `?v=` renders afresh.
 */
import { OG_IMAGE_CACHE_SECONDS } from './headers';

const VERSION_HEADER = 'X-Claimdesk-Og-Version';

/** Cache key URL of a claim's share image (a path no route serves). */
export function ogImageKey(origin: string, id: string): string {
  return `${origin}/_edge/og/claims/${id}`;
}

/** The keys to purge when a claim changes. */
export function ogImageKeys(origin: string, id: string): string[] {
  return [ogImageKey(origin, id)];
}

/** The stored image and its version, or null. */
export async function cachedImage(
  key: string,
): Promise<{ png: ArrayBuffer; version: string } | null> {
  const hit = await caches.default.match(key);
  if (!hit) return null;
  return { png: await hit.arrayBuffer(), version: hit.headers.get(VERSION_HEADER) ?? '' };
}

export async function storeImage(key: string, png: Uint8Array, version: string): Promise<void> {
  await caches.default.put(
    key,
    new Response(png, {
      headers: {
        'Content-Type': 'image/png',
        'Cache-Control': `public, max-age=${OG_IMAGE_CACHE_SECONDS}`,
        [VERSION_HEADER]: version,
      },
    }),
  );
}
