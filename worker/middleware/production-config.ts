import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Bindings } from '../env';
import { problemResponse } from '../lib/problem';

/**
 * What is wrong with a production configuration, or an empty list. Canonical URLs (ClaimReview,
 * feeds, embeds, cache keys) must never come from the request's Host header, so production needs
 * PUBLIC_ORIGIN as a bare https origin.
 */
export function productionConfigErrors(
  env: Pick<Bindings, 'ENVIRONMENT' | 'PUBLIC_ORIGIN'>,
): string[] {
  if (env.ENVIRONMENT !== 'production') return [];
  let url: URL;
  try {
    url = new URL(env.PUBLIC_ORIGIN);
  } catch {
    return [
      'PUBLIC_ORIGIN is not set: put the public https origin in env.production.vars of wrangler.jsonc',
    ];
  }
  if (url.protocol !== 'https:' || url.origin !== env.PUBLIC_ORIGIN.replace(/\/+$/, '')) {
    return [
      `PUBLIC_ORIGIN must be a bare https origin such as https://factcheck.example.org, not ${env.PUBLIC_ORIGIN}`,
    ];
  }
  return [];
}

/**
 * Refuse to serve (503, logged once per isolate) while the production configuration is unsafe,
 * rather than serving pages whose canonical links a stranger's Host header could choose.
 */
export function productionConfig(): MiddlewareHandler<AppEnv> {
  let logged = false;
  return async function productionConfigMiddleware(c, next) {
    const errors = productionConfigErrors(c.env);
    if (errors.length === 0) return next();
    if (!logged) {
      logged = true;
      console.error(
        JSON.stringify({ level: 'error', message: 'misconfigured production Worker', errors }),
      );
    }
    return problemResponse(
      503,
      {
        title: 'Service not configured',
        detail:
          'This deployment is missing required configuration; the operator has been told in the logs.',
        code: 'misconfigured',
      },
      { 'Retry-After': '300' },
    );
  };
}
