// Import a TypeScript module of the app from a Node script: bundle it with esbuild (the same
// tool wrangler uses) into a temporary file, import that, and remove it again.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** Bundle `entry` (a path relative to the repository root) and import it. */
export async function importTs(entry) {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-ts-'));
  const outfile = join(dir, 'module.mjs');
  await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile,
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
