// Restore a backup made by `npm run backup` into a NEW local D1 database: applies the migrations,
// loads every row, rebuilds the search index and compares row counts table by table.
// Usage: npm run restore -- --in FILE --persist-to NEWDIR    (exit 1 if any count differs)
//        npm run restore -- --in FILE --remote --yes [--database NAME] [--env NAME]
//          into a remote D1 database that has no claims, users or audit rows (RUNBOOK.md); refused
//          without --yes.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { getPlatformProxy } from 'wrangler';
import { importTs } from './lib/import-ts.mjs';
import { remoteTarget } from './lib/wrangler-d1.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const input = option('--in');
const persistTo = option('--persist-to');
if (args.includes('--remote')) {
  if (!input || persistTo) {
    console.error(
      'Usage: npm run restore -- --in FILE --remote --yes [--database NAME] [--env NAME]',
    );
    process.exit(2);
  }
  const target = remoteTarget(option);
  if (!args.includes('--yes')) {
    console.error(
      `Refused: this would write every row of ${input} into the REMOTE D1 database ${target.database} ` +
        `(env ${target.env}). Check the target, then run again with --remote --yes.`,
    );
    process.exit(2);
  }
  const { restoreRemote } = await import('./lib/restore-remote.mjs');
  process.exit(await restoreRemote(input, target));
}
if (!input || !persistTo) {
  console.error('Usage: npm run restore -- --in FILE --persist-to NEWDIR');
  process.exit(2);
}
if (existsSync(persistTo) && readdirSync(persistTo).length > 0) {
  console.error(`${persistTo} is not empty: restore only into a fresh directory.`);
  process.exit(2);
}

const migrate = spawnSync(
  'wrangler',
  ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo],
  { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CI: 'true' } },
);
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const { importLines } = await importTs('d1/backup.ts');
const proxy = await getPlatformProxy({
  configPath: 'wrangler.jsonc',
  persist: { path: join(persistTo, 'v3') },
});
let report;
try {
  const lines = createInterface({ input: createReadStream(input), crlfDelay: Infinity });
  report = await importLines(proxy.env.DB, lines);
  for (const t of report.header.tables) {
    const mark = report.counts[t] === report.header.counts[t] ? 'ok ' : 'DIFF';
    console.log(
      `  ${mark} ${String(report.counts[t]).padStart(8)} / ${String(report.header.counts[t]).padStart(8)}  ${t}`,
    );
  }
  console.log(
    report.differences.length > 0
      ? `Restore into ${persistTo} INCOMPLETE: ${report.differences.join('; ')}`
      : `Restored ${input} into ${persistTo}: every table's row count matches; search index rebuilt.`,
  );
} finally {
  await proxy.dispose();
}
process.exit(report.differences.length > 0 ? 1 : 0);
