/**
 * Purge in every Cloudflare data centre. The Cache API (embeds, claim pages) is per data centre,
 * and cache.delete() reaches only the one that handled the write; a zone purge by URL reaches all
 * of them, Cache API entries included (their keys are URLs on the public origin).
 *
 * Off unless both PURGE_ZONE_ID (a var) and PURGE_API_TOKEN (a secret, an API token with the zone's
 * "Cache Purge" permission) are set, so tests and local development never reach the internet.
 */
import type { Bindings } from '../env';

/** One outbound call: purge these absolute URLs everywhere. Rejects when the purge failed. */
export interface EdgePurger {
  purgeUrls(urls: readonly string[]): Promise<void>;
}

/** Cloudflare accepts at most 30 URLs per purge-by-URL call (plans other than Enterprise). */
const URLS_PER_CALL = 30;
const API = 'https://api.cloudflare.com/client/v4';

type Transport = (req: Request) => Promise<Response>;

/** A zone purge by URL through the Cloudflare API (`transport` is fetch, or a test's fake). */
export function zonePurger(zoneId: string, token: string, transport: Transport): EdgePurger {
  return {
    async purgeUrls(urls) {
      for (let i = 0; i < urls.length; i += URLS_PER_CALL) {
        const res = await transport(
          new Request(`${API}/zones/${encodeURIComponent(zoneId)}/purge_cache`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ files: urls.slice(i, i + URLS_PER_CALL) }),
          }),
        );
        const body = await res.json<{ success?: boolean }>().catch(() => null);
        if (!res.ok || body?.success !== true) throw new Error(`zone purge answered ${res.status}`);
      }
    },
  };
}

/** The configured EdgePurger, or null when the zone id or the token is missing. */
export function edgePurgerOf(
  env: Pick<Bindings, 'PURGE_ZONE_ID' | 'PURGE_API_TOKEN' | 'PURGE_API'>,
): EdgePurger | null {
  const zone = env.PURGE_ZONE_ID?.trim();
  const token = env.PURGE_API_TOKEN?.trim();
  if (!zone || !token) return null;
  const service = env.PURGE_API;
  return zonePurger(zone, token, service ? (req) => service.fetch(req) : (req) => fetch(req));
}
