import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// Runs before every test file. Test files share one Worker isolate per vitest worker (the config
// turns per-file isolation off: loading the Worker costs seconds, a file's tests milliseconds), so
// the database a file starts from may hold the previous file's rows. Every file must start from
// the same state as on a fresh machine: drop the whole schema the previous file left (triggers,
// views, FTS tables with their shadow tables, tables) and apply the migrations again, which also
// restores the rows migrations seed (the default rating scale).
const leftovers = await env.DB.prepare(
  `SELECT type, name FROM sqlite_master
    WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND type IN ('table', 'view', 'trigger')`,
).all<{ type: string; name: string }>();
if (leftovers.results.length > 0) {
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const virtual = new Set(
    (
      await env.DB.prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`,
      ).all<{ name: string }>()
    ).results.map((r) => r.name),
  );
  // Children before the tables their foreign keys name: dropping a table deletes its rows, and
  // a row that still points at a dropped parent is an error even with deferred checks.
  const parents = new Map<string, string[]>();
  for (const r of (
    await env.DB.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).all<{
      name: string;
      sql: string | null;
    }>()
  ).results)
    parents.set(
      r.name,
      [...(r.sql ?? '').matchAll(/REFERENCES\s+"?(\w+)"?/gi)].map((m) => m[1]!),
    );
  const depth = (name: string, seen = new Set<string>()): number =>
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
  // Shadow tables of an FTS table go with it; dropping them first would break the drop.
  const shadow = (name: string) => [...virtual].some((v) => name.startsWith(`${v}_`));
  const drops = leftovers.results
    .filter((t) => !(t.type === 'table' && shadow(t.name)))
    .sort((a, b) => order(b) - order(a))
    .map((t) => env.DB.prepare(`DROP ${t.type.toUpperCase()} IF EXISTS ${quoted(t.name)}`));
  await env.DB.batch([env.DB.prepare('PRAGMA defer_foreign_keys = on'), ...drops]);
}
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
