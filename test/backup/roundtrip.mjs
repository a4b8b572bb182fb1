// The backup and restore commands end to end, as an operator runs them (run by .ci/run):
// a fresh local database with the migrations and the demo data → `npm run backup` → `npm run
// restore` into another directory → the restored database exported again has the same rows,
// and search (FTS) finds a demo claim in it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { importTs } from '../../scripts/lib/import-ts.mjs';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'node_modules/.bin/');
const work = mkdtempSync(join(tmpdir(), 'claimdesk-backup-'));
const source = join(work, 'source');
const restored = join(work, 'restored');

function run(cmd, args) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    // node_modules/.bin first: wrangler's shebang must find the project's Node 24.
    env: { ...process.env, CI: 'true', PATH: `${bin}:${process.env.PATH}` },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

const rowsOf = (file) => readFileSync(file, 'utf8').trimEnd().split('\n').slice(1).sort();

try {
  run(bin + 'wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', source]);
  run(process.execPath, ['scripts/seed.mjs', '--persist-to', source]);
  run(process.execPath, [
    'scripts/backup.mjs',
    '--out',
    join(work, 'a.jsonl'),
    '--persist-to',
    source,
  ]);
  run(process.execPath, [
    'scripts/restore.mjs',
    '--in',
    join(work, 'a.jsonl'),
    '--persist-to',
    restored,
  ]);
  run(process.execPath, [
    'scripts/backup.mjs',
    '--out',
    join(work, 'b.jsonl'),
    '--persist-to',
    restored,
  ]);

  const a = rowsOf(join(work, 'a.jsonl'));
  const b = rowsOf(join(work, 'b.jsonl'));
  if (a.length === 0 || a.join('\n') !== b.join('\n'))
    throw new Error(`rows differ after restore (${a.length} before, ${b.length} after)`);

  const { searchClaims } = await importTs('d1/search.ts');
  const proxy = await getPlatformProxy({
    configPath: join(root, 'wrangler.jsonc'),
    persist: { path: join(restored, 'v3') },
  });
  try {
    const claim = await proxy.env.DB.prepare(
      "SELECT id, text FROM claims WHERE language = 'en' ORDER BY seq LIMIT 1",
    ).first();
    const word = claim.text.split(/\s+/).find((w) => /^\p{L}{5,}$/u.test(w));
    await proxy.env.DB.prepare(
      `INSERT INTO claims_fts(claims_fts) VALUES('integrity-check')`,
    ).run();
    const found = await searchClaims(proxy.env.DB, word, { limit: 50 });
    console.log(
      `search for "${word}" in the restored database:`,
      JSON.stringify(found).slice(0, 200),
    );
    if (!found.some((hit) => hit.claim.id === claim.id))
      throw new Error('search found nothing after restore');
  } finally {
    await proxy.dispose();
  }
  console.log(`Backup round trip ok: ${a.length} rows restored identically, search works.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
