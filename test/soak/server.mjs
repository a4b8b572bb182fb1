// `wrangler dev` the way `npm start` serves the Worker, for the soak: a fresh local state directory
// (migrations + demo seed, like test/e2e/harness.ts), a free port on 127.0.0.1, its own process
// group (so SIGKILL reaches workerd too), and direct reads of the D1 file through
// `wrangler d1 execute --local --persist-to DIR` while the server is stopped.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler');
// wrangler refuses Node < 22: children find this process's Node (the project's Node 24) first.
const PATH = [dirname(process.execPath), join(ROOT, 'node_modules/.bin'), process.env.PATH].join(
  ':',
);
const CHILD_ENV = {
  ...process.env,
  PATH,
  CI: '1',
  WRANGLER_SEND_METRICS: 'false',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

function runOnce(cmd, args, timeout = 180_000) {
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    env: CHILD_ENV,
    encoding: 'utf8',
    timeout,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0)
    throw new Error(
      `${[cmd, ...args].join(' ').slice(0, 300)} failed (${r.status ?? r.signal}):\n${r.stdout?.slice(-2000)}\n${r.stderr?.slice(-2000)}`,
    );
  return r.stdout;
}

/** Migrations and the demo seed (admin@claimdesk.local / claimdesk-demo) into `dir`. */
export function prepareState(dir) {
  runOnce(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir]);
  runOnce(process.execPath, [join(ROOT, 'scripts/seed.mjs'), '--persist-to', dir]);
}

/**
 * Rows of one SQL statement against the local D1 in `dir` (wrangler d1 execute --json). Only while
 * no wrangler dev serves `dir`.
 */
export function d1(dir, sql) {
  const out = runOnce(WRANGLER, [
    'd1',
    'execute',
    'DB',
    '--local',
    '--persist-to',
    dir,
    '--json',
    '--command',
    sql,
  ]);
  const parsed = JSON.parse(out.slice(out.indexOf('[')));
  return parsed.at(-1)?.results ?? [];
}

/** Start `wrangler dev` on `dir`; resolves when /healthz answers. */
export async function startDev(dir, { timeoutMs = 120_000 } = {}) {
  const port = await freePort();
  const inspector = await freePort();
  const child = spawn(
    WRANGLER,
    [
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspector),
      '--persist-to',
      dir,
      '--log-level',
      'warn',
      '--show-interactive-dev-session=false',
    ],
    { cwd: ROOT, env: CHILD_ENV, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (b) => {
    output = (output + b.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const origin = `http://127.0.0.1:${port}`;
  const signalGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  const server = {
    origin,
    pid: child.pid,
    log: () => output,
    /** SIGTERM to the process group; SIGKILL after 10 s. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      await new Promise((r) => setTimeout(r, 500)); // workerd's children let go of the files
    },
    /** SIGKILL to the whole process group (wrangler, esbuild, workerd): a crash. */
    async kill() {
      signalGroup('SIGKILL');
      await exited;
      await new Promise((r) => setTimeout(r, 500));
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.kill();
  throw new Error(`wrangler dev did not answer /healthz within ${timeoutMs} ms:\n${output}`);
}
