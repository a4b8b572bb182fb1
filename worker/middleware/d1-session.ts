import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env';

/** Request and response header carrying the D1 bookmark (API clients). */
export const BOOKMARK_HEADER = 'x-d1-bookmark';
/** How long a browser keeps its bookmark: long enough to cover replication lag many times over. */
const COOKIE_MAX_AGE = 15 * 60;
/** D1 bookmarks are hex groups joined by dashes; anything else from a client is ignored. */
const BOOKMARK = /^[0-9a-f]{1,64}(?:-[0-9a-f]{1,64}){0,7}$/i;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `__Host-claimdesk_d1` over https; plain http is local development only (see http/session-cookie.ts). */
function cookieName(c: Context): string {
  return new URL(c.req.url).protocol === 'http:' ? 'claimdesk_d1' : '__Host-claimdesk_d1';
}

export interface D1SessionOptions {
  /** Test hook for bindings without the Sessions API: nothing else changes. */
  enabled?: boolean;
}

/**
 * D1 read replication (Sessions API). Every request reads through one `env.DB.withSession(…)`:
 *
 * - a request that names a bookmark (`x-d1-bookmark` header or the `claimdesk_d1` cookie) starts
 *   from it, so an editor reads their own writes even on a replica;
 * - a signed-in request (bearer token or session cookie) or a write without one starts at the
 *   primary (`first-primary`);
 * - anonymous reads (public pages, embeds, feeds) go to the nearest replica (`first-unconstrained`).
 *
 * The bookmark after the request goes back in `x-d1-bookmark` for signed-in requests and writes,
 * and in the cookie for signed-in browsers (the desk). Readers never get the cookie, and answers
 * a shared cache may keep (public, s-maxage) carry no bookmark at all. Runs before d1Counter(), which wraps the session-bound database,
 * so every d1 function gets it without a change of signature. A binding without `withSession`
 * (old local runtimes) is used as is.
 */
export function d1Session(options: D1SessionOptions = {}): MiddlewareHandler<AppEnv> {
  return async function d1SessionMiddleware(c, next) {
    const db = c.env.DB;
    if (options.enabled === false || typeof db.withSession !== 'function') return next();
    const unsafe = UNSAFE.has(c.req.method);
    const browser = getCookie(c, cookieName(c));
    const sent = c.req.header(BOOKMARK_HEADER) ?? browser;
    const bookmark = sent !== undefined && BOOKMARK.test(sent) ? sent : undefined;
    const signedIn =
      c.req.header('Authorization') !== undefined ||
      /(?:^|;\s*)(?:__Host-)?claimdesk_session=/.test(c.req.header('Cookie') ?? '');
    const session = db.withSession(
      bookmark ?? (signedIn || unsafe ? 'first-primary' : 'first-unconstrained'),
    );
    c.env = { ...c.env, DB: sessionDatabase(db, session) };
    await next();
    if (!signedIn && !unsafe && bookmark === undefined) return;
    // An answer a shared cache may keep never carries anyone's bookmark.
    if (/\b(?:public|s-maxage)\b/.test(c.res.headers.get('Cache-Control') ?? '')) return;
    const after = session.getBookmark();
    if (!after) return;
    c.header(BOOKMARK_HEADER, after);
    // Readers get no cookie from us (public forms promise none); editors' browsers do.
    const isBrowser = browser !== undefined || !c.req.path.startsWith('/api/');
    if (signedIn && isBrowser && after !== browser) {
      setCookie(c, cookieName(c), after, {
        path: '/',
        httpOnly: true,
        secure: new URL(c.req.url).protocol !== 'http:',
        sameSite: 'Lax',
        maxAge: COOKIE_MAX_AGE,
      });
    }
  };
}

/** The session in the shape of a D1Database: prepare/batch go through it, the rest to the binding. */
function sessionDatabase(db: D1Database, session: D1DatabaseSession): D1Database {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'prepare') return (sql: string) => session.prepare(sql);
      if (prop === 'batch') return (statements: D1PreparedStatement[]) => session.batch(statements);
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
