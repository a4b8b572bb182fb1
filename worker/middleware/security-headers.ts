import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

export interface SecurityHeadersOptions {
  /** Content-Security-Policy directives (Hono's secureHeaders format; NONCE allowed). */
  csp?: SecureHeadersOptions['contentSecurityPolicy'];
  /** `Cache-Control` to set when the handler set none. */
  cacheControl?: string;
  /** Allow framing by any site (embeds only): drops X-Frame-Options. */
  frameable?: boolean;
  /** Cross-Origin-Resource-Policy (embeds: 'cross-origin'). */
  corp?: 'same-origin' | 'same-site' | 'cross-origin';
}

/**
 * Per-route-group header policy on top of hono/secure-headers. Desk and public pages keep
 * `frame-ancestors 'none'`; embed routes opt in to framing and cross-origin loading.
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler<AppEnv> {
  // Built on the first request through it, not when a router module is loaded (start-up time).
  let inner: MiddlewareHandler | undefined;
  const build = () =>
    secureHeaders({
      contentSecurityPolicy: options.csp ?? {
        defaultSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      xFrameOptions: options.frameable ? false : 'DENY',
      crossOriginResourcePolicy: options.corp ?? 'same-origin',
      crossOriginOpenerPolicy: options.frameable ? false : 'same-origin',
      crossOriginEmbedderPolicy: false,
      referrerPolicy: 'strict-origin-when-cross-origin',
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
      xContentTypeOptions: 'nosniff',
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    });
  return async function securityHeadersMiddleware(c, next) {
    inner ??= build();
    await inner(c, async () => {
      await next();
      if (options.cacheControl && !c.res.headers.has('Cache-Control'))
        c.header('Cache-Control', options.cacheControl);
    });
  };
}

/** What every answer without a policy of its own gets (404s, /healthz, errors outside a group). */
const BASELINE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The floor under every Worker answer, whichever route (or none) produced it: nosniff, a
 * referrer policy, HSTS, and — only where the route set no CSP of its own — a restrictive CSP
 * with no framing. Route groups keep their own policies (embeds stay frameable: they set a CSP
 * with `frame-ancestors *` and no X-Frame-Options, and this adds neither).
 */
export function baselineHeaders(): MiddlewareHandler<AppEnv> {
  return async function baselineHeadersMiddleware(c, next) {
    await next();
    const missing: [string, string][] = [
      ['X-Content-Type-Options', 'nosniff'],
      ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
    ];
    if (!c.res.headers.has('Content-Security-Policy')) {
      missing.push(['Content-Security-Policy', BASELINE_CSP]);
      missing.push(['X-Frame-Options', 'DENY']);
    }
    const toSet = missing.filter(([name]) => !c.res.headers.has(name));
    if (toSet.length === 0) return;
    // Responses from fetch() or the Cache API have immutable headers: copy once, then set.
    let headers = c.res.headers;
    try {
      headers.set(toSet[0]![0], toSet[0]![1]);
    } catch {
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
    }
    for (const [name, value] of toSet) headers.set(name, value);
  };
}
