// Back up the LOCAL D1 database to a JSON-lines file (every data table; see d1/backup.ts).
// Usage: npm run backup -- --out FILE [--persist-to DIR]     (DIR as for `wrangler dev --persist-to`)
//        npm run backup -- --remote --out FILE               (production, through wrangler d1 execute)
// Restore with `npm run restore -- --in FILE --persist-to NEWDIR` (RUNBOOK.md).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { importTs } from './lib/import-ts.mjs';
import { readOnlyRemote, remoteTarget } from './lib/wrangler-d1.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const out = option('--out');
if (!out) {
  console.error(
    'Usage: npm run backup -- --out FILE [--persist-to DIR | --remote [--database NAME] [--env NAME]]',
  );
  process.exit(2);
}
if (args.includes('--remote') && args.includes('--persist-to')) {
  console.error('--remote and --persist-to name two different databases: give one.');
  process.exit(2);
}

// --remote: the deployed database through `wrangler d1 execute --remote --json` (read-only: see
// scripts/lib/wrangler-d1.mjs), 5,000 rows per read. `wrangler d1 export --remote` cannot be
// used: it refuses any database with an FTS5 table (workers-sdk#6305, #9519).
const remote = args.includes('--remote');
const target = remoteTarget(option);
const persistTo = option('--persist-to', '.wrangler/state');
const { exportLines } = await importTs('d1/backup.ts');
const proxy = remote
  ? { env: { DB: readOnlyRemote(target) }, dispose: async () => {} }
  : await getPlatformProxy({
      configPath: 'wrangler.jsonc',
      persist: { path: join(persistTo, 'v3') },
    });
try {
  const file = createWriteStream(out);
  let header;
  let rows = 0;
  for await (const line of exportLines(proxy.env.DB, { page: remote ? 5000 : undefined })) {
    if (header) rows++;
    else header = JSON.parse(line);
    if (!file.write(`${line}\n`)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
  for (const t of header.tables) console.log(`  ${String(header.counts[t]).padStart(8)}  ${t}`);
  console.log(
    `Backup of ${remote ? `remote D1 ${target.database} (env ${target.env})` : persistTo}: ${rows} rows in ${header.tables.length} tables → ${out}`,
  );
} finally {
  await proxy.dispose();
}
