// Seed demo data into the LOCAL D1 database (never a remote one): bundles d1/seed.ts with
// esbuild, opens the local database through wrangler's platform proxy and runs seedDemo().
// Usage: node scripts/seed.mjs [--persist-to DIR]   (same DIR as `wrangler dev --persist-to`)
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { importTs } from './lib/import-ts.mjs';

const args = process.argv.slice(2);
const persistIndex = args.indexOf('--persist-to');
const persistTo = persistIndex >= 0 ? args[persistIndex + 1] : '.wrangler/state';

const { seedDemo, DEMO_ADMIN, DEMO_EDITOR } = await importTs('d1/seed.ts');

const proxy = await getPlatformProxy({
  configPath: 'wrangler.jsonc',
  persist: { path: join(persistTo, 'v3') },
});
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
}
