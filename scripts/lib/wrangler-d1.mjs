// A remote D1 database reached through the `wrangler` command line (no Worker, no binding): what
// `npm run backup -- --remote` reads from and `npm run restore -- --remote --yes` writes to.
// `wrangler` is looked up on PATH (npm scripts put node_modules/.bin first; the offline test puts
// a fake one there). Every call is `wrangler d1 … <database> --remote --env <env>`.
import { spawnSync } from 'node:child_process';

/** Options shared by backup and restore: `--database NAME` (default claimdesk), `--env NAME` (default production). */
export function remoteTarget(option) {
  return { database: option('--database', 'claimdesk'), env: option('--env', 'production') };
}

/** The arguments that name the remote database after a wrangler subcommand. */
const where = ({ database, env }) => [database, '--remote', ...(env ? ['--env', env] : [])];

function wrangler(args) {
  const r = spawnSync('wrangler', args, {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  });
  if (r.error) throw new Error(`cannot run wrangler: ${r.error.message}`);
  if (r.status !== 0)
    throw new Error(`wrangler ${args.slice(0, 3).join(' ')} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** A SQL literal for a value of a backup row (text, number or null; blobs are not used). */
export function sqlLiteral(value) {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new Error('text with NUL cannot be inlined');
    return `'${value.replaceAll("'", "''")}'`;
  }
  throw new Error(`unsupported value type ${typeof value}`);
}

/** Replace ?1, ?2 … by the bound values as literals (highest number first, so ?1 never eats ?10). */
export function inline(sql, params) {
  return sql.replace(/\?(\d+)/g, (_, n) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= params.length) throw new Error(`no value bound for ?${n}`);
    return sqlLiteral(params[i]);
  });
}

/** Statements a backup may send: reads only (the remote is never written to by a backup). */
const READ_ONLY = /^\s*(SELECT|PRAGMA\s+(foreign_key_list|table_info)\b)/i;

/**
 * The remote database in the shape of the D1Database methods d1/backup.ts uses for reading
 * (prepare/bind/all/first), each statement one `wrangler d1 execute --remote --json --command`.
 * Anything but a SELECT or a schema PRAGMA is refused before wrangler runs.
 */
export function readOnlyRemote(target) {
  const query = (sql, params) => {
    const text = inline(sql, params);
    if (!READ_ONLY.test(text))
      throw new Error(`backup refuses to send a write: ${text.slice(0, 60)}`);
    const out = JSON.parse(
      wrangler(['d1', 'execute', ...where(target), '--json', '--command', text]),
    );
    if (!Array.isArray(out) || !out[0] || !Array.isArray(out[0].results))
      throw new Error(
        `unexpected answer from wrangler d1 execute: ${JSON.stringify(out).slice(0, 200)}`,
      );
    return out[0].results;
  };
  const statement = (sql, params = []) => ({
    bind: (...values) => statement(sql, values),
    all: async () => ({ results: query(sql, params) }),
    first: async () => query(sql, params)[0] ?? null,
  });
  return { prepare: (sql) => statement(sql) };
}

/** Run a SQL file against the remote (`wrangler d1 execute --remote --file`). */
export function executeFile(target, file) {
  wrangler(['d1', 'execute', ...where(target), '--yes', '--file', file]);
}

/** Apply the migrations to the remote (`wrangler d1 migrations apply --remote`). */
export function applyMigrations(target) {
  wrangler(['d1', 'migrations', 'apply', ...where(target)]);
}
