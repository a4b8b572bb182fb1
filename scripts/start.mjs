// `npm start`: local database migrated, demo data on first run, then `wrangler dev` on :8787.
// Everything stays on this machine (.wrangler/state); nothing here touches a deployed database.
import { spawn, spawnSync } from 'node:child_process';

const wrangler = process.platform === 'win32' ? 'wrangler.cmd' : 'wrangler';
const bin = new URL('../node_modules/.bin/', import.meta.url).pathname;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CI: 'true' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(process.execPath, [new URL('./vendor-assets.mjs', import.meta.url).pathname]);
run(bin + wrangler, ['d1', 'migrations', 'apply', 'DB', '--local']);
run(process.execPath, [new URL('./seed.mjs', import.meta.url).pathname]);
console.log(
  `\nClaimDesk on http://localhost:${process.env.PORT ?? '8787'}  (desk: /desk, API: /api/v1, docs: /api/docs)\n`,
);
const dev = spawn(
  bin + wrangler,
  ['dev', '--port', process.env.PORT ?? '8787', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => dev.kill(sig));
dev.on('exit', (code) => process.exit(code ?? 0));
