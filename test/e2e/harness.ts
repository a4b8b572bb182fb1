/**
 * Browser end-to-end harness: runs in Node (vitest.e2e.config.ts), not in workerd.
 * startServer() boots `wrangler dev` on a free port with a fresh persistence dir (migrations
 * applied, demo data seeded when scripts/seed.mjs exists); launchBrowser() starts Debian's
 * chromium through playwright-core; checkA11y() runs axe-core inside a page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler');
const CHILD_ENV = {
  ...process.env,
  CI: '1',
  WRANGLER_SEND_METRICS: 'false',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};

/** A TCP port that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

function runOnce(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: CHILD_ENV, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0)
    throw new Error(`${[cmd, ...args].join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/** Build a local D1 in `dir`: migrations, then the demo seed when core's script exists. */
function buildDatabase(dir: string): void {
  runOnce(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir]);
  const seed = join(ROOT, 'scripts/seed.mjs');
  if (existsSync(seed)) runOnce(process.execPath, [seed, '--persist-to', dir]);
}

/** Files whose content decides what the prepared database holds (schema, seed and the code it runs). */
function databaseInputsHash(): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory())
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    else hash.update(path).update(readFileSync(path));
  };
  for (const p of [
    'migrations',
    'd1',
    'scripts/seed.mjs',
    'worker/extract',
    'worker/lib',
    'worker/match',
    'wrangler.jsonc',
  ])
    walk(join(ROOT, p));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Put a fresh copy of the migrated, seeded database in `dir`. The first call builds a template
 * (keyed by the hash of its inputs) and later ones copy it: seconds saved per test file.
 */
export function prepareDatabase(dir: string): void {
  const template = join(tmpdir(), `claimdesk-e2e-db-${databaseInputsHash()}`);
  if (!existsSync(template)) {
    const building = mkdtempSync(`${template}-build-`);
    buildDatabase(building);
    try {
      renameSync(building, template);
    } catch {
      // Another process won the race: its template is as good.
      rmSync(building, { recursive: true, force: true });
    }
  }
  cpSync(template, dir, { recursive: true });
}

async function waitForHealth(
  origin: string,
  child: ChildProcess,
  log: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`wrangler dev exited (${child.exitCode}):\n${log()}`);
    // wrangler dev keeps watching after a failed build: fail now rather than at the timeout.
    if (/Build failed/.test(log()))
      throw new Error(`wrangler dev could not build the Worker:\n${log()}`);
    try {
      const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer /healthz within ${timeoutMs} ms:\n${log()}`);
}

/** One `wrangler dev` per test file: fresh D1 state, free ports, stopped (whole process group) by stop(). */
export async function startServer(): Promise<{ origin: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-e2e-'));
  prepareDatabase(dir);
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
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(origin, child, () => output, 90_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { origin, stop };
}

/** Debian chromium, headless, with no background network traffic. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

let printed = false;
/** Where e2e tests save screenshots (created; printed once per process). */
export function screenshotDir(): string {
  const dir = resolve(ROOT, process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  if (!printed) {
    printed = true;
    console.log(`screenshots: ${dir}`);
  }
  return dir;
}

let axeSource: string | undefined;
/**
 * Run axe-core in the page; return the serious and critical violations. The script is evaluated
 * through the DevTools protocol rather than added as a <script> tag, because our pages' CSP
 * (rightly) refuses inline scripts without the page's nonce.
 */
export async function checkA11y(
  page: Page,
): Promise<{ id: string; impact: string | null; nodes: number }[]> {
  axeSource ??= readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            ctx: Document,
          ): Promise<{ violations: { id: string; impact?: string | null; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      nodes: v.nodes.length,
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
