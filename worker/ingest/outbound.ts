import type { Bindings } from '../env';
import type { FetchArticleOptions } from './fetch-article';

/** Optional bindings that change how article URLs are reached (development and tests only). */
export interface IngestBindings {
  /** A service that answers article fetches instead of the internet (a fixture server in tests). */
  ARTICLE_FETCHER?: Fetcher;
  /** Comma-separated `host[:port]` list allowed despite the private-address rules (local fixtures). */
  ARTICLE_FETCH_ALLOW_HOSTS?: string;
}

/**
 * The outbound policy for one request: the transport (global fetch unless a fixture service
 * is bound), this Worker's own host names (never fetched), and any explicit local allowance.
 */
export function articleFetchOptions(
  env: Pick<Bindings, 'PUBLIC_ORIGIN'> & IngestBindings,
  requestUrl: string,
): FetchArticleOptions {
  const own = [new URL(requestUrl).hostname];
  if (env.PUBLIC_ORIGIN) {
    try {
      own.push(new URL(env.PUBLIC_ORIGIN).hostname);
    } catch {
      // A malformed PUBLIC_ORIGIN names no host to protect.
    }
  }
  const service = env.ARTICLE_FETCHER;
  return {
    fetcher: service ? (req) => service.fetch(req) : (req) => fetch(req),
    ownHosts: own,
    allowHosts: (env.ARTICLE_FETCH_ALLOW_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  };
}
