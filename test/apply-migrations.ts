import { applyD1Migrations } from 'cloudflare:test';
import { DurableObject, env, WorkerEntrypoint } from 'cloudflare:workers';

// Runs before every test file. Test files share one workerd process and Worker isolate per vitest
// worker (vitest.config.ts `isolate: false`: starting workerd and loading the Worker's module graph
// costs seconds, most files run in well under one), so the database may hold what the previous
// file left. Every file starts from the state a fresh machine has: the whole schema is dropped
// (triggers, views, FTS tables with their shadow tables, tables) and the migrations applied again,
// which also restores the rows migrations seed (the default rating scale).

// @cloudflare/vitest-pool-workers 0.23 builds `exports.default` (and every other entrypoint) from a
// wrapper class whose constructor replaces the class's prototype with a Proxy around the previous
// one, on every construction, i.e. on every `exports.default.fetch()`. In one long-lived isolate
// the chain grows by one Proxy per request until a property lookup overflows the stack (it did
// after ~50 files). The wrapper constructs through Reflect.construct(superClass, args, Class): keep
// the first Proxy it made and put it back before each later construction, so the chain stays one
// deep (the Proxy only forwards unknown keys to the Worker, the same way on every level).
const firstPrototype = new WeakMap<object, unknown>();
const bases = new Set<unknown>([WorkerEntrypoint, DurableObject]);
const construct = Reflect.construct;
if (!(construct as { claimdeskFlat?: true }).claimdeskFlat) {
  type Ctor = new (...args: never[]) => unknown;
  const flat = function (target: Ctor, args: readonly never[], newTarget?: Ctor) {
    if (newTarget !== undefined && newTarget !== target && bases.has(target)) {
      const first = firstPrototype.get(newTarget);
      if (first === undefined) firstPrototype.set(newTarget, newTarget.prototype);
      else newTarget.prototype = first;
    }
    return newTarget === undefined ? construct(target, args) : construct(target, args, newTarget);
  };
  Object.assign(flat, { claimdeskFlat: true });
  Reflect.construct = flat as typeof Reflect.construct;
}

const leftovers = await env.DB.prepare(
  `SELECT type, name FROM sqlite_master
    WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND type IN ('table', 'view', 'trigger')`,
).all<{ type: string; name: string }>();
if (leftovers.results.length > 0) {
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const tables = (
    await env.DB.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).all<{
      name: string;
      sql: string | null;
    }>()
  ).results;
  const virtual = new Set(
    tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name),
  );
  // Children before the tables their foreign keys name: dropping a table deletes its rows, and a
  // row that still points at a dropped parent fails the batch even with deferred checks.
  const parents = new Map(
    tables.map((t) => [
      t.name,
      [...(t.sql ?? '').matchAll(/REFERENCES\s+"?(\w+)"?/gi)].map((m) => m[1]!),
    ]),
  );
  const depth = (name: string, seen: ReadonlySet<string> = new Set()): number =>
    seen.has(name)
      ? 0
      : Math.max(
          0,
          ...(parents.get(name) ?? []).map((p) => 1 + depth(p, new Set([...seen, name]))),
        );
  const order = (t: { type: string; name: string }) =>
    t.type === 'trigger'
      ? 1e6
      : t.type === 'view'
        ? 1e5
        : virtual.has(t.name)
          ? 1e4
          : depth(t.name);
  // The shadow tables of an FTS table go with it; dropping them first would break its drop.
  const shadow = (name: string) => [...virtual].some((v) => name.startsWith(`${v}_`));
  const drops = leftovers.results
    .filter((t) => !(t.type === 'table' && shadow(t.name)))
    .sort((a, b) => order(b) - order(a))
    .map((t) => env.DB.prepare(`DROP ${t.type.toUpperCase()} IF EXISTS ${quoted(t.name)}`));
  await env.DB.batch([env.DB.prepare('PRAGMA defer_foreign_keys = on'), ...drops]);
}
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
