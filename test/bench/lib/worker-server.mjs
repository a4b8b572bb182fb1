// Shared setup for the Miniflare benchmarks in test/bench/ (this folder is not a benchmark:
// scripts/bench.mjs only runs test/bench/*.bench.mjs). startBundledWorker() bundles a Worker,
// gives it a local D1 with the migrations applied and serves it from Miniflare on a free port of
// 127.0.0.1; close() stops it and deletes its temporary directory.
import { unstable_readConfig } from 'wrangler';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';

export const ROOT = new URL('../../../', import.meta.url).pathname;
const DB_ID = '00000000-0000-0000-0000-000000000000';
const childEnv = { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' };

/** Runs a command from the repository root; throws with its output when it fails. */
export function run(cmd, args, { timeout = 180_000 } = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: childEnv, encoding: 'utf8', timeout });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** The p-th percentile (0-100) of some numbers: the element at floor(p% of n) of the sorted copy. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** D1 round trips reported by the Worker in Server-Timing (d1;desc="queries=N"), NaN when absent. */
export function d1Queries(res) {
  return Number(/d1;desc="queries=(\d+)"/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN);
}

/**
 * The local (top-level) settings of wrangler.jsonc, read by wrangler itself: compatibility date and
 * flags, and the top-level `vars` (env.production's vars are a different table and never merge in).
 */
export function readWranglerConfig() {
  const config = unstable_readConfig({ config: join(ROOT, 'wrangler.jsonc') });
  return {
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags ?? [],
    vars: config.vars ?? {},
  };
}

/** SQL migration text split into statements (trigger bodies kept whole), comments dropped. */
function splitSql(sql) {
  const out = [];
  let buf = [];
  let inTrigger = false;
  for (const line of sql.split('\n')) {
    if (/^\s*--/.test(line) || line.trim() === '') continue;
    buf.push(line);
    if (/\bBEGIN\s*$/i.test(line)) inTrigger = true;
    if (inTrigger ? /^\s*END;\s*$/i.test(line) : /;\s*$/.test(line)) {
      out.push(buf.join('\n'));
      buf = [];
      inTrigger = false;
    }
  }
  return out;
}

/**
 * Starts a bundled Worker with D1 binding DB.
 * - label: names the temporary directory (claimdesk-bench-<label>-XXXXXX).
 * - bindings: plain-text bindings; default: the top-level vars of wrangler.jsonc.
 * - cache: Cache API on or off (Miniflare's default, on, when omitted).
 * - seed: also load the demo data (scripts/seed.mjs) before starting.
 * - source: a Worker module's source text, bundled with esbuild from the repository root, instead
 *   of the real Worker (wrangler deploy --dry-run).
 * - persist: true (default): D1 in the temporary directory, migrations applied by wrangler;
 *   false: D1 in memory, migrations applied statement by statement through the binding.
 * Returns { mf, origin, db, dir, close }.
 */
export async function startBundledWorker({
  label,
  bindings,
  cache,
  seed = false,
  source,
  persist = true,
  serviceBindings,
} = {}) {
  if (seed && !persist) throw new Error('seed needs a persisted D1 (persist: true)');
  const dir = mkdtempSync(join(tmpdir(), `claimdesk-bench-${label ?? 'worker'}-`));
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
    let script;
    if (source === undefined) {
      run(wrangler, ['deploy', '--dry-run', '--outdir', join(dir, 'dist')]);
      // The bundle and the modules it imports (resvg's WebAssembly for the share image).
      const dist = join(dir, 'dist');
      script = {
        modulesRoot: dist,
        modules: [
          { type: 'ESModule', path: join(dist, 'index.js') },
          ...readdirSync(dist)
            .filter((f) => f.endsWith('.wasm'))
            .map((f) => ({ type: 'CompiledWasm', path: join(dist, f) })),
        ],
      };
    } else {
      const bundle = await build({
        stdin: { contents: source, resolveDir: ROOT, loader: 'js' },
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        write: false,
        logLevel: 'error',
      });
      script = { script: bundle.outputFiles[0].text };
    }
    if (persist) {
      run(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state]);
      if (seed) run(process.execPath, [join(ROOT, 'scripts/seed.mjs'), '--persist-to', state]);
    }
    // Miniflare 5 takes `workers: [...]`; convertV4MiniflareOptions() keeps this one-Worker shape.
    mf = new Miniflare(
      convertV4MiniflareOptions({
        name: 'claimdesk',
        modules: true,
        ...script,
        compatibilityDate: config.compatibilityDate,
        compatibilityFlags: config.compatibilityFlags,
        bindings: bindings ?? config.vars,
        d1Databases: { DB: DB_ID },
        ...(persist ? { resourcePersistencePath: join(state, 'v3') } : {}),
        ...(cache === undefined ? {} : { cache }),
        ...(serviceBindings ? { serviceBindings } : {}),
        port: 0,
        host: '127.0.0.1',
      }),
    );
    const origin = (await mf.ready).origin;
    const db = await mf.getD1Database('DB');
    if (!persist) {
      const files = readdirSync(join(ROOT, 'migrations'))
        .filter((f) => f.endsWith('.sql'))
        .sort();
      for (const file of files) {
        const statements = splitSql(readFileSync(join(ROOT, 'migrations', file), 'utf8'));
        await db.batch(statements.map((s) => db.prepare(s)));
      }
    }
    return { mf, origin, db, dir, close };
  } catch (err) {
    await close();
    throw err;
  }
}
