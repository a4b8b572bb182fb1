// Back up the LOCAL D1 database to a JSON-lines file (every data table; see d1/backup.ts).
// Usage: npm run backup -- --out FILE [--persist-to DIR]     (DIR as for `wrangler dev --persist-to`)
//        npm run backup -- --remote --out FILE.sql           (production: `wrangler d1 export`, SQL)
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
  console.error('Usage: npm run backup -- --out FILE [--persist-to DIR] | --remote --out FILE.sql');
  process.exit(2);
}

if (args.includes('--remote')) {
  // The production database, exported by Cloudflare as SQL (schema + data).
  const r = spawnSync(
    'wrangler',
    ['d1', 'export', 'claimdesk', '--remote', '--env', 'production', '--output', out],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}

const persistTo = option('--persist-to', '.wrangler/state');
const { exportLines } = await importTs('d1/backup.ts');
const proxy = await getPlatformProxy({
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
  console.log(`Backup of ${persistTo}: ${rows} rows in ${header.tables.length} tables → ${out}`);
} finally {
  await proxy.dispose();
}
