// Back up the LOCAL D1 database to a JSON-lines file (every data table; see d1/backup.ts).
// Usage: npm run backup -- --out FILE [--persist-to DIR]     (DIR as for `wrangler dev --persist-to`)
//        npm run backup -- --remote --out FILE               (production, through wrangler d1 execute)
// Restore with `npm run restore -- --in FILE --persist-to NEWDIR` (RUNBOOK.md).
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { importTs } from './lib/import-ts.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const out = option('--out');
if (!out) {
  console.error('Usage: npm run backup -- --out FILE [--persist-to DIR | --remote]');
  process.exit(2);
}

/**
 * The production database through `wrangler d1 execute --remote --json`, in the shape of the
 * D1Database methods d1/backup.ts uses (prepare/bind/all/first). `wrangler d1 export --remote`
 * cannot be used: it refuses any database with an FTS5 table (workers-sdk#6305, #9519). The
 * exporter binds only numbers, which are inlined.
 */
function remoteDatabase() {
  const query = (sql, params) => {
    const text = sql.replace(/\?(\d+)/g, (_, n) => {
      const v = params[Number(n) - 1];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error('only numbers are inlined');
      return String(v);
    });
    const r = spawnSync(
      'wrangler',
      [
        'd1',
        'execute',
        'claimdesk',
        '--remote',
        '--env',
        'production',
        '--json',
        '--command',
        text,
      ],
      { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
    );
    if (r.status !== 0) throw new Error(`wrangler d1 execute failed: ${r.stderr || r.stdout}`);
    return JSON.parse(r.stdout)[0].results;
  };
  const statement = (sql, params = []) => ({
    bind: (...values) => statement(sql, values),
    all: async () => ({ results: query(sql, params) }),
    first: async () => query(sql, params)[0] ?? null,
  });
  return { prepare: (sql) => statement(sql) };
}

const remote = args.includes('--remote');
const persistTo = option('--persist-to', '.wrangler/state');
const { exportLines } = await importTs('d1/backup.ts');
const proxy = remote
  ? { env: { DB: remoteDatabase() }, dispose: async () => {} }
  : await getPlatformProxy({
      configPath: 'wrangler.jsonc',
      persist: { path: join(persistTo, 'v3') },
    });
try {
  const file = createWriteStream(out);
  let header;
  let rows = 0;
  for await (const line of exportLines(proxy.env.DB)) {
    if (header) rows++;
    else header = JSON.parse(line);
    if (!file.write(`${line}\n`)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
  for (const t of header.tables) console.log(`  ${String(header.counts[t]).padStart(8)}  ${t}`);
  console.log(
    `Backup of ${remote ? 'the production database' : persistTo}: ${rows} rows in ${header.tables.length} tables → ${out}`,
  );
} finally {
  await proxy.dispose();
}
