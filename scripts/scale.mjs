// `npm run scale -- --claims 100000 [--persist-to DIR]`: fill a LOCAL D1 with N synthetic claims
// (ar/en/fr, every status) with verdicts, sources, reader submissions and audit rows, then print
// rows per table, the FTS integrity check and the time taken. The database is the local one that
// `wrangler dev --persist-to DIR` serves (default .wrangler/state, the one `npm start` uses); it is
// migrated first. Rows go in through wrangler's platform proxy (the D1 binding), in batches, so the
// FTS triggers run exactly as in production. Never touches a remote database.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { ROOT } from './lib/import-ts.mjs';
import { describeDatabase, fillClaims } from './lib/scale-data.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const claims = Number(flag('--claims', '100000'));
const persistTo = flag('--persist-to', '.wrangler/state');
if (!Number.isInteger(claims) || claims < 1 || claims > 2_000_000) {
  console.error('--claims must be an integer between 1 and 2,000,000');
  process.exit(2);
}
if (args.includes('--remote')) {
  console.error('scale only fills a local database');
  process.exit(2);
}

const t0 = performance.now();
const migrate = spawnSync(
  join(ROOT, 'node_modules/.bin/wrangler'),
  ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo],
  {
    cwd: ROOT,
    env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  },
);
if (migrate.status !== 0) {
  console.error(migrate.stdout, migrate.stderr);
  process.exit(1);
}
const tMigrated = performance.now();

const proxy = await getPlatformProxy({
  configPath: join(ROOT, 'wrangler.jsonc'),
  persist: { path: join(persistTo, 'v3') },
});
try {
  const db = proxy.env.DB;
  let lastPrint = 0;
  const { ms } = await fillClaims(db, {
    claims,
    log: (done) => {
      if (done - lastPrint >= 20_000 || done === claims) {
        lastPrint = done;
        console.log(
          `  ${done.toLocaleString('en')} claims, ${((performance.now() - tMigrated) / 1000).toFixed(1)} s`,
        );
      }
    },
  });
  const tCheck = performance.now();
  const { counts, fts } = await describeDatabase(db);
  console.log(`\nlocal D1 at ${persistTo} (rows per table):`);
  for (const [table, n] of Object.entries(counts))
    console.log(`  ${table.padEnd(12)} ${String(n).padStart(9)}`);
  console.log(
    `FTS integrity-check: ${fts} (${((performance.now() - tCheck) / 1000).toFixed(1)} s)`,
  );
  console.log(
    `generated ${claims.toLocaleString('en')} claims in ${(ms / 1000).toFixed(1)} s ` +
      `(migrations ${((tMigrated - t0) / 1000).toFixed(1)} s, total ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  if (fts !== 'ok') process.exitCode = 1;
} finally {
  await proxy.dispose();
}
