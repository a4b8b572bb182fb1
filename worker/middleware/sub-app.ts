import type { Context, Handler, Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

/** What the root app delegates to: a Hono app's fetch (the API, the desk). */
export type SubApp = Pick<Hono<AppEnv>, 'fetch'>;

/** The root Context of each request handed to a sub-app, so the two share their variables. */
const roots = new WeakMap<Request, Context<AppEnv>>();

/**
 * The root app's handler for a route group built on first use (worker/app.tsx): `load()` imports
 * the group's module (a dynamic import, so esbuild leaves its top-level code — zod schemas, routers
 * — unevaluated until then) once per isolate, and every request of the group goes to its fetch
 * with the root's env (the D1 session and counter wrappers) and execution context. The root
 * middlewares run around it exactly as around any route; `fromRoot()` bridges the variables.
 */
export function lazyApp(load: () => Promise<SubApp>): Handler<AppEnv> {
  let built: Promise<SubApp> | undefined;
  return async function lazyAppHandler(c) {
    built ??= load().catch((err: unknown) => {
      built = undefined; // a failed load is tried again by the next request
      throw err;
    });
    const sub = await built;
    roots.set(c.req.raw, c);
    let ctx: Context['executionCtx'] | undefined;
    try {
      ctx = c.executionCtx;
    } catch {
      ctx = undefined; // Hono throws when there is no execution context (app.request in tests).
    }
    return sub.fetch(c.req.raw, c.env, ctx);
  };
}

/**
 * A sub-app's first middleware: the variables the root middlewares set (requestId) are seen in the
 * sub-app, and those the sub-app sets (session, changedClaims, …) are seen by the root middlewares
 * after it (purgeChanged). A request that did not come through the root (a test calling the
 * sub-app directly) passes unchanged.
 */
export function fromRoot(): MiddlewareHandler<AppEnv> {
  return async function fromRootMiddleware(c, next) {
    const root = roots.get(c.req.raw);
    if (!root) return next();
    const into = c as unknown as Context<{ Variables: Record<string, unknown> }>;
    const back = root as unknown as Context<{ Variables: Record<string, unknown> }>;
    for (const [key, value] of Object.entries(root.var)) into.set(key, value);
    try {
      await next();
    } finally {
      for (const [key, value] of Object.entries(c.var)) back.set(key, value);
    }
  };
}
