// Seed demo data into the LOCAL D1 database (never a remote one): bundles d1/seed.ts with
// esbuild, opens the local database through wrangler's platform proxy and runs seedDemo().
// Usage: node scripts/seed.mjs [--persist-to DIR]   (same DIR as `wrangler dev --persist-to`)
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getPlatformProxy } from 'wrangler';

const args = process.argv.slice(2);
const persistIndex = args.indexOf('--persist-to');
const persistTo = persistIndex >= 0 ? args[persistIndex + 1] : '.wrangler/state';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-seed-'));
const out = join(dir, 'seed.mjs');
await build({ entryPoints: ['d1/seed.ts'], bundle: true, format: 'esm', platform: 'neutral', outfile: out, logLevel: 'error' });
const { seedDemo, DEMO_ADMIN, DEMO_EDITOR } = await import(pathToFileURL(out).href);

const proxy = await getPlatformProxy({ configPath: 'wrangler.toml', persist: { path: join(persistTo, 'v3') } });
try {
  const seeded = await seedDemo(proxy.env.DB);
  if (seeded) {
    console.log('Demo data created (local database only).');
    console.log(`  admin:  ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
    console.log(`  editor: ${DEMO_EDITOR.email} / ${DEMO_EDITOR.password}`);
  } else {
    console.log('Database already has users: demo data not added.');
  }
} finally {
  await proxy.dispose();
  rmSync(dir, { recursive: true, force: true });
}
