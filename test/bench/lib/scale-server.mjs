// The real Worker (wrangler's bundle) served by Miniflare on 127.0.0.1 with a persisted local D1,
// migrations applied by wrangler, for the scale benchmark. Same recipe as startBundledWorker() in
// worker-server.mjs, with the Miniflare 5 constructor: the v4-style options go through
// convertV4MiniflareOptions() (miniflare 5 wants `workers: [...]`; the shared helper still passes
// the v4 shape and fails with ERR_VALIDATION "Unrecognized keys").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { readWranglerConfig, ROOT, run } from './worker-server.mjs';

const DB_ID = '00000000-0000-0000-0000-000000000000';

/** Returns { mf, origin, db, dir, close }; close() stops Miniflare and deletes the directory. */
export async function startRealWorker({ label = 'scale' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `claimdesk-bench-${label}-`));
  let mf;
  const close = async () => {
    try {
      await mf?.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    const config = readWranglerConfig();
    const wrangler = join(ROOT, 'node_modules/.bin/wrangler');
    const state = join(dir, 'state');
    run(wrangler, ['deploy', '--dry-run', '--outdir', join(dir, 'dist')]);
    run(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state]);
    mf = new Miniflare(
      convertV4MiniflareOptions({
        name: 'claimdesk',
        modules: true,
        scriptPath: join(dir, 'dist/index.js'),
        modulesRoot: join(dir, 'dist'),
        compatibilityDate: config.compatibilityDate,
        compatibilityFlags: config.compatibilityFlags,
        bindings: config.vars,
        d1Databases: { DB: DB_ID },
        resourcePersistencePath: join(state, 'v3'),
        port: 0,
        host: '127.0.0.1',
      }),
    );
    const origin = (await mf.ready).origin;
    const db = await mf.getD1Database('DB');
    return { mf, origin, db, dir, close };
  } catch (err) {
    await close();
    throw err;
  }
}
