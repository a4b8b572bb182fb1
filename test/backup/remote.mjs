// `npm run backup -- --remote` and `npm run restore -- --remote --yes`, offline (run by
// `npm run test:backup`, so by .ci/run): a fake `wrangler` first on PATH records its arguments and
// plays the remote D1 with a SQLite file (node:sqlite, foreign keys on, FTS5, the migrations'
// triggers). What this proves: the commands wrangler is given (database, --remote, --env, --json,
// --command / --file), that a backup only ever sends SELECT / schema PRAGMA reads, the refusals
// (no --yes, a database already in use, --remote with --persist-to), and that backup → restore →
// backup gives the same rows with a working search index. What it cannot prove: how the real
// wrangler and D1 answer (see RUNBOOK.md, "What was verified").
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'node_modules/.bin/');
const work = mkdtempSync(join(tmpdir(), 'claimdesk-remote-backup-'));
const fakeBin = join(work, 'bin');
const log = join(work, 'wrangler-calls.jsonl');
const remoteFile = join(work, 'remote.sqlite');

// The fake wrangler (CommonJS: no package.json around it). Only `d1 execute` and
// `d1 migrations apply`, only with --remote.
const FAKE = `#!${process.execPath}
const { appendFileSync, readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { DatabaseSync } = require('node:sqlite');
const args = process.argv.slice(2);
appendFileSync(process.env.FAKE_WRANGLER_LOG, JSON.stringify(args) + '\\n');
if (!args.includes('--remote')) { console.error('fake wrangler: only --remote'); process.exit(1); }
const db = new DatabaseSync(process.env.FAKE_D1);
const value = (name) => args[args.indexOf(name) + 1];
try {
  if (args[0] === 'd1' && args[1] === 'execute' && args.includes('--command')) {
    const results = db.prepare(value('--command')).all();
    process.stdout.write(JSON.stringify([{ results, success: true, meta: { served_by: 'fake' } }]));
  } else if (args[0] === 'd1' && args[1] === 'execute' && args.includes('--file')) {
    db.exec(readFileSync(value('--file'), 'utf8'));
    console.log('executed');
  } else if (args[0] === 'd1' && args[1] === 'migrations' && args[2] === 'apply') {
    db.exec('CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY, name TEXT UNIQUE, applied_at TEXT)');
    const done = new Set(db.prepare('SELECT name FROM d1_migrations').all().map((r) => r.name));
    const dir = process.env.FAKE_MIGRATIONS;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
      if (done.has(f)) continue;
      db.exec(readFileSync(join(dir, f), 'utf8'));
      db.prepare("INSERT INTO d1_migrations (name, applied_at) VALUES (?, datetime('now'))").run(f);
    }
    console.log('migrations applied');
  } else {
    console.error('fake wrangler: unexpected ' + args.join(' '));
    process.exit(1);
  }
} catch (err) {
  console.error(JSON.stringify({ error: { text: String(err.message) } }));
  process.exit(1);
}
`;

const env = {
  ...process.env,
  CI: 'true',
  PATH: `${fakeBin}:${bin}:${process.env.PATH}`,
  FAKE_WRANGLER_LOG: log,
  FAKE_D1: remoteFile,
  FAKE_MIGRATIONS: join(root, 'migrations'),
};
const calls = () =>
  readFileSync(log, 'utf8')
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const script = (name, args) =>
  spawnSync(process.execPath, [join(root, 'scripts', name), ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
function ok(r, what) {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
}
function check(cond, message) {
  if (!cond) throw new Error(message);
}
/** Every call names the remote production database. */
function allRemote(list, what) {
  for (const c of list) {
    check(
      c.includes('--remote') &&
        c.includes('claimdesk') &&
        c[c.indexOf('--env') + 1] === 'production',
      `${what}: a wrangler call not aimed at the remote production database: ${c.join(' ')}`,
    );
  }
}
const rowsOf = (file) => readFileSync(file, 'utf8').trimEnd().split('\n').slice(1).sort();
let checks = 0;

try {
  mkdirSync(fakeBin);
  writeFileSync(join(fakeBin, 'wrangler'), FAKE);
  chmodSync(join(fakeBin, 'wrangler'), 0o755);
  writeFileSync(log, '');

  // A local database with the demo data and its backup: what gets restored to the "remote".
  const source = join(work, 'source');
  const local = (cmd, args) => {
    const r = spawnSync(cmd, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, CI: 'true', PATH: `${bin}:${process.env.PATH}` },
    });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  };
  local(bin + 'wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', source]);
  local(process.execPath, ['scripts/seed.mjs', '--persist-to', source]);
  const a = join(work, 'a.jsonl');
  local(process.execPath, ['scripts/backup.mjs', '--out', a, '--persist-to', source]);

  // 1. Restore to the remote without --yes: refused before wrangler runs at all.
  let r = script('restore.mjs', ['--in', a, '--remote']);
  check(
    r.status === 2 && /Refused/.test(r.stderr),
    `no --yes: expected a refusal, got ${r.status} ${r.stderr}`,
  );
  check(calls().length === 0, 'no --yes: wrangler was called');
  checks++;

  // 2. --remote with --persist-to: refused (two databases named).
  r = script('backup.mjs', ['--out', join(work, 'x.jsonl'), '--remote', '--persist-to', source]);
  check(r.status === 2, `backup --remote --persist-to: expected exit 2, got ${r.status}`);
  r = script('restore.mjs', ['--in', a, '--remote', '--yes', '--persist-to', join(work, 'y')]);
  check(r.status === 2, `restore --remote --persist-to: expected exit 2, got ${r.status}`);
  check(calls().length === 0, '--persist-to with --remote: wrangler was called');
  checks++;

  // 3. Restore with --remote --yes into the empty remote.
  r = script('restore.mjs', ['--in', a, '--remote', '--yes']);
  ok(r, 'restore --remote --yes');
  console.log(r.stdout);
  const restoreCalls = calls();
  allRemote(restoreCalls, 'restore');
  const kinds = restoreCalls.map((c) =>
    c[1] === 'migrations' ? 'migrate' : c.includes('--file') ? 'file' : 'read',
  );
  check(
    kinds.indexOf('migrate') > 0,
    'restore: the emptiness check must come before the migrations',
  );
  check(
    kinds.lastIndexOf('read') > kinds.lastIndexOf('file'),
    'restore: counts are read back after loading',
  );
  check(
    restoreCalls.filter((c) => c.includes('--command')).every((c) => c.includes('--json')),
    'restore: reads without --json',
  );
  checks++;

  // 4. A second restore into the now-used database: refused, nothing written.
  writeFileSync(log, '');
  r = script('restore.mjs', ['--in', a, '--remote', '--yes']);
  check(
    r.status === 2 && /already holds data/.test(r.stderr),
    `in use: expected a refusal, got ${r.status} ${r.stderr}`,
  );
  check(
    calls().every((c) => c[1] === 'execute' && c.includes('--command')),
    'in use: something other than a read was sent',
  );
  checks++;

  // 5. Backup of the remote: only reads, every one a SELECT or a schema PRAGMA with --json.
  writeFileSync(log, '');
  const b = join(work, 'b.jsonl');
  r = script('backup.mjs', ['--remote', '--out', b]);
  ok(r, 'backup --remote');
  console.log(r.stdout.trimEnd().split('\n').at(-1));
  const backupCalls = calls();
  allRemote(backupCalls, 'backup');
  for (const c of backupCalls) {
    check(
      c[0] === 'd1' && c[1] === 'execute' && c.includes('--json') && !c.includes('--file'),
      `backup sent ${c.join(' ')}`,
    );
    const sql = c[c.indexOf('--command') + 1];
    check(
      /^\s*(SELECT|PRAGMA (foreign_key_list|table_info))\b/i.test(sql),
      `backup sent a non-read: ${sql}`,
    );
  }
  checks++;

  // 6. Same rows after local → remote → file; the search index agrees with claims and finds a claim.
  const ra = rowsOf(a);
  const rb = rowsOf(b);
  check(
    ra.length > 0 && ra.join('\n') === rb.join('\n'),
    `rows differ (${ra.length} → ${rb.length})`,
  );
  const db = new DatabaseSync(remoteFile);
  db.exec(`INSERT INTO claims_fts(claims_fts) VALUES('integrity-check')`);
  const claim = db.prepare(`SELECT seq, search_text FROM claims ORDER BY seq LIMIT 1`).get();
  const word = claim.search_text.split(' ').find((w) => w.length >= 4);
  const hits = db.prepare(`SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?`).all(`"${word}"`);
  check(
    hits.some((h) => h.rowid === claim.seq),
    `search for "${word}" did not find claim ${claim.seq}`,
  );
  db.close();
  checks++;

  // 7. A failing wrangler (no credentials, no network) stops the backup with its message.
  r = spawnSync(
    process.execPath,
    [join(root, 'scripts/backup.mjs'), '--remote', '--out', join(work, 'c.jsonl')],
    {
      cwd: root,
      env: { ...env, FAKE_D1: join(work, 'missing-dir', 'none.sqlite') },
      encoding: 'utf8',
    },
  );
  check(
    r.status !== 0 && /wrangler d1 execute \S+ failed/.test(r.stderr),
    `failing wrangler: got ${r.status} ${r.stderr}`,
  );
  checks++;

  console.log(
    `Remote backup/restore (fake wrangler) ok: ${checks} checks, ${ra.length} rows through the remote, ` +
      `${restoreCalls.length} wrangler calls to restore, ${backupCalls.length} to back up (all reads).`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
