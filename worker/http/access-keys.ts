/**
 * The Access team's signing keys (`https://<team>/cdn-cgi/access/certs`) behind one interface,
 * cached in this isolate's memory and in the Cache API for an hour; a token signed by a key we
 * do not hold yet (rotation) refetches once. Tests give an `ACCESS_CERTS` binding that answers
 * a local JWKS instead of Cloudflare.
 */
import { teamHost } from '../lib/access-jwt';

const TTL_SECONDS = 3600;
const memory = new Map<string, { keys: JsonWebKey[]; until: number }>();

export interface AccessKeySource {
  /** The team's keys; `fresh` skips both caches (a kid we did not know). */
  keys(fresh?: boolean): Promise<JsonWebKey[]>;
}

function parseKeys(body: unknown): JsonWebKey[] {
  const keys = (body as { keys?: unknown } | null)?.keys;
  return Array.isArray(keys) ? (keys as JsonWebKey[]) : [];
}

/** The key source for a team: `fetcher` (a binding in tests) or the global fetch. */
export function accessKeySource(teamDomain: string, fetcher?: Fetcher): AccessKeySource {
  const url = `https://${teamHost(teamDomain)}/cdn-cgi/access/certs`;
  return {
    async keys(fresh = false) {
      const now = Date.now();
      const held = memory.get(url);
      if (!fresh && held && held.until > now) return held.keys;
      const cache = (caches as unknown as { default: Cache }).default;
      if (!fresh) {
        const cached = await cache.match(url);
        if (cached) {
          const keys = parseKeys(await cached.json());
          memory.set(url, { keys, until: now + TTL_SECONDS * 1000 });
          return keys;
        }
      }
      const res = await (fetcher ? fetcher.fetch(url) : fetch(url));
      if (!res.ok) return held?.keys ?? [];
      const body: unknown = await res.json();
      const keys = parseKeys(body);
      memory.set(url, { keys, until: now + TTL_SECONDS * 1000 });
      await cache.put(
        url,
        new Response(JSON.stringify({ keys }), {
          headers: {
            'Content-Type': 'application/json',
            'Cache-Control': `max-age=${TTL_SECONDS}`,
          },
        }),
      );
      return keys;
    },
  };
}
