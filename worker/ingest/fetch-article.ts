import { hostRefusal } from './address-guard';
import { decodeHtml } from './charset';
import { IngestError } from './errors';

/** How the Worker reaches the web: the global fetch in production, a fixture service in tests. */
export type Fetcher = (req: Request) => Promise<Response>;

export interface FetchArticleOptions {
  fetcher: Fetcher;
  /** Host names of this Worker itself (request host, PUBLIC_ORIGIN): never fetched. */
  ownHosts?: string[];
  /**
   * Explicit local-only allowance: `host[:port]` values that skip the address and port checks
   * (a fixture server in development). Empty by default; a deployed Worker never sets it.
   */
  allowHosts?: string[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface FetchedPage {
  /** The URL the page was finally read from, after redirects. */
  url: string;
  html: string;
  charset: string;
  contentType: string;
  redirects: number;
}

const FETCH_DEFAULTS = {
  timeoutMs: 10_000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
} as const;

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Check a URL against the outbound policy: http(s) only, default ports only, no credentials,
 * not this Worker and not a private, loopback, link-local or metadata address. Throws IngestError.
 */
export function checkArticleUrl(
  input: string | URL,
  opts: Pick<FetchArticleOptions, 'ownHosts' | 'allowHosts'> = {},
): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new IngestError('invalid_url', 'Not a valid absolute URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IngestError(
      'url_scheme_refused',
      `Only http and https URLs can be fetched, not ${url.protocol.replace(':', '')}.`,
    );
  }
  if (url.username || url.password)
    throw new IngestError(
      'url_credentials_refused',
      'URLs with a user name or password are refused.',
    );
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if ((opts.ownHosts ?? []).some((h) => h.toLowerCase().replace(/\.$/, '') === host)) {
    throw new IngestError('url_host_refused', 'ClaimDesk does not fetch its own pages.');
  }
  if ((opts.allowHosts ?? []).includes(url.host.toLowerCase())) return url;
  // The URL parser drops default ports, so any port left is a non-default one.
  if (url.port !== '')
    throw new IngestError(
      'url_port_refused',
      `Only the default ports (80, 443) are allowed, not ${url.port}.`,
    );
  const refusal = hostRefusal(url.hostname);
  if (refusal) throw new IngestError('url_host_refused', `The host is refused: ${refusal}.`);
  return url;
}

/**
 * Fetch an HTML page for ingestion. Redirects are followed by hand (each hop re-checked),
 * the whole exchange has one time-out, the body is read as a stream up to a byte cap, and
 * only HTML is accepted. Every failure is an IngestError with a stable code.
 */
export async function fetchArticle(
  input: string,
  options: FetchArticleOptions,
): Promise<FetchedPage> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...FETCH_DEFAULTS, ...options };
  const signal = AbortSignal.timeout(timeoutMs);
  let url = checkArticleUrl(input, options);
  for (let hop = 0; ; hop++) {
    const res = await guarded(
      options.fetcher(
        new Request(url.toString(), {
          method: 'GET',
          redirect: 'manual',
          signal,
          headers: {
            Accept: 'text/html,application/xhtml+xml;q=0.9',
            'User-Agent': 'ClaimDesk/0.1 (article ingestion)',
          },
        }),
      ),
      signal,
    );
    if (REDIRECTS.has(res.status)) {
      await res.body?.cancel();
      const location = res.headers.get('Location');
      if (!location)
        throw new IngestError(
          'redirect_without_location',
          `The site answered ${res.status} without a Location.`,
        );
      if (hop >= maxRedirects)
        throw new IngestError('too_many_redirects', `More than ${maxRedirects} redirects.`);
      url = checkArticleUrl(new URL(location, url), options);
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new IngestError('upstream_status', `The site answered HTTP ${res.status}.`);
    }
    const contentType = res.headers.get('Content-Type') ?? '';
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    if (!HTML_TYPES.has(mediaType)) {
      await res.body?.cancel();
      throw new IngestError(
        'unsupported_content_type',
        `Only HTML pages can be ingested, not ${mediaType || 'an untyped body'}.`,
      );
    }
    const declared = Number(res.headers.get('Content-Length') ?? NaN);
    if (declared > maxBytes) {
      await res.body?.cancel();
      throw new IngestError('article_too_large', `The page is larger than ${maxBytes} bytes.`);
    }
    const bytes = await readCapped(res, maxBytes, signal);
    const { text, charset } = decodeHtml(bytes, contentType);
    return { url: url.toString(), html: text, charset, contentType: mediaType, redirects: hop };
  }
}

/** Read a body stream, refusing it as soon as it passes `maxBytes`. */
export async function readCapped(
  res: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await guarded(reader.read(), signal);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes)
        throw new IngestError('article_too_large', `The page is larger than ${maxBytes} bytes.`);
      chunks.push(value);
    }
  } catch (err) {
    reader.cancel().catch(() => undefined);
    throw err;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Await a promise, but give up when the signal fires (a fetcher may ignore the signal). */
export async function guarded<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new IngestError('upstream_timeout', 'The site did not answer in time.'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, aborted]);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    if (signal.aborted)
      throw new IngestError('upstream_timeout', 'The site did not answer in time.');
    throw new IngestError('upstream_unreachable', 'The site could not be reached.');
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
