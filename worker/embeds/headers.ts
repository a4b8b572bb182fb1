import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env';

/**
 * Header policy of the SVG badge, the hottest response we serve: only what matters for an image
 * loaded by other sites. Its CSP stops any script or external load should the SVG be opened as
 * a document; CORP lets other origins load it; nosniff pins the type. The page-oriented headers
 * of securityHeaders() (X-Frame-Options, Referrer-Policy, Permissions-Policy, X-DNS-Prefetch-
 * Control, X-Download-Options, X-XSS-Protection, …) do nothing for an image and would double
 * the size of a ~1 KB answer. No cookies are ever set on this route.
 */
export function badgeImageHeaders(): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"] },
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginOpenerPolicy: false,
    crossOriginEmbedderPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xContentTypeOptions: 'nosniff',
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  }) as MiddlewareHandler<AppEnv>;
}
