import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

/**
 * Count D1 round trips per request and report them as `Server-Timing: d1;desc="queries=N"`.
 * Each statement execution (first/all/run/raw) and each batch or exec is one round trip.
 * The handler sees a per-request wrapper of env.DB; the shared env object is not mutated.
 */
export function d1Counter(): MiddlewareHandler<AppEnv> {
  return async function d1CounterMiddleware(c, next) {
    const counter = { n: 0 };
    c.env = { ...c.env, DB: countingDatabase(c.env.DB, counter) };
    await next();
    const value = `d1;desc="queries=${counter.n}"`;
    try {
      c.res.headers.append('Server-Timing', value);
    } catch {
      // Responses from the Cache API or fetch() have immutable headers: copy once.
      c.res = new Response(c.res.body, c.res);
      c.res.headers.append('Server-Timing', value);
    }
  };
}

const EXECUTE = new Set(['first', 'all', 'run', 'raw']);

function countingDatabase(db: D1Database, counter: { n: number }): D1Database {
  const unwrap = new WeakMap<object, D1PreparedStatement>();
  const wrapStatement = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'bind') return (...args: unknown[]) => wrapStatement(target.bind(...args));
        if (EXECUTE.has(String(prop))) {
          return (...args: unknown[]) => {
            counter.n++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
    unwrap.set(proxy, stmt);
    return proxy;
  };
  return new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'prepare') return (sql: string) => wrapStatement(target.prepare(sql));
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          counter.n++;
          return target.batch(statements.map((s) => unwrap.get(s) ?? s));
        };
      }
      if (prop === 'exec') {
        return (sql: string) => {
          counter.n++;
          return target.exec(sql);
        };
      }
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
