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
  const inner = secureHeaders({
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
    await inner(c, async () => {
      await next();
      if (options.cacheControl && !c.res.headers.has('Cache-Control'))
        c.header('Cache-Control', options.cacheControl);
    });
  };
}
