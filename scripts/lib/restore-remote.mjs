// `npm run restore -- --in FILE --remote --yes`: load a backup into a REMOTE D1 database through
// wrangler (scripts/restore.mjs has already refused a call without --yes). Steps, each printed:
//   1. refuse a database that holds claims, users or audit rows (restore makes a new database,
//      it never merges into a live one; use Time Travel to put a live one back);
//   2. `wrangler d1 migrations apply --remote` (the schema, FTS table and triggers);
//   3. the rows as INSERT statements in SQL files of at most ROWS_PER_FILE rows, parents first,
//      the first file starting with the same clean-up as d1/backup.ts importLines (rows the
//      migrations added are replaced by the backup's), each run with `wrangler d1 execute --file`;
//   4. the search index and the per-status counts rebuilt (as d1/backup.ts rebuildSearch);
//   5. every table's row count read back and compared with the file's header: exit 1 if any differs.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { importTs } from './import-ts.mjs';
import { applyMigrations, executeFile, readOnlyRemote, sqlLiteral } from './wrangler-d1.mjs';

/** Rows per SQL file sent with `wrangler d1 execute --file`. */
export const ROWS_PER_FILE = 5000;
/** Tables the migrations never fill: any row in one of them means the database is in use. */
const IN_USE = ['claims', 'users', 'audit_log'];

const quote = (name) => `"${name.replace(/"/g, '""')}"`;

/** One INSERT statement for a backup row. */
export function insertStatement(table, row) {
  const columns = Object.keys(row);
  return `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map((c) => sqlLiteral(row[c])).join(', ')});`;
}

export async function restoreRemote(input, target) {
  const { BACKUP_FORMAT, FTS_TABLE, dataTables, rowCounts } = await importTs('d1/backup.ts');
  const remote = readOnlyRemote(target);
  const name = `remote D1 ${target.database} (env ${target.env})`;

  const existing = (
    await remote.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all()
  ).results.map((r) => r.name);
  const present = IN_USE.filter((t) => existing.includes(t));
  const counts = await rowCounts(remote, present);
  const busy = present.filter((t) => counts[t] > 0);
  if (busy.length) {
    console.error(
      `Refused: ${name} already holds data (${busy.map((t) => `${t}: ${counts[t]} rows`).join(', ')}). ` +
        'Restore only into a new, empty database (RUNBOOK.md).',
    );
    return 2;
  }

  console.log(`1/4 applying the migrations to ${name}`);
  applyMigrations(target);

  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-restore-'));
  try {
    const files = [];
    let buffer = [];
    let rows = 0;
    const flush = () => {
      if (buffer.length === 0) return;
      const file = join(dir, `part-${String(files.length + 1).padStart(4, '0')}.sql`);
      writeFileSync(file, `${buffer.join('\n')}\n`);
      files.push(file);
      buffer = [];
    };
    let header;
    const lines = createInterface({ input: createReadStream(input), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      if (!header) {
        header = JSON.parse(line);
        if (header.format !== BACKUP_FORMAT || header.version !== 1)
          throw new Error('not a ClaimDesk backup (version 1)');
        const tables = await dataTables(remote);
        const missing = header.tables.filter((t) => !tables.includes(t));
        if (missing.length) throw new Error(`tables missing in ${name}: ${missing.join(', ')}`);
        buffer.push(`INSERT INTO ${FTS_TABLE}(${FTS_TABLE}) VALUES('rebuild');`);
        for (const t of [...header.tables].reverse()) buffer.push(`DELETE FROM ${quote(t)};`);
        continue;
      }
      const { t, r } = JSON.parse(line);
      if (!header.tables.includes(t)) throw new Error(`row for unknown table ${t}`);
      buffer.push(insertStatement(t, r));
      if (++rows % ROWS_PER_FILE === 0) flush();
    }
    if (!header) throw new Error('empty backup file');
    flush();
    buffer.push(
      `INSERT INTO ${FTS_TABLE}(${FTS_TABLE}) VALUES('rebuild');`,
      'DELETE FROM claim_status_counts;',
      'INSERT INTO claim_status_counts (status, n) SELECT status, count(*) FROM claims GROUP BY status;',
      'DELETE FROM claim_language_counts;',
      'INSERT INTO claim_language_counts (language, status, n) SELECT language, status, count(*) FROM claims GROUP BY language, status;',
    );
    const rebuild = join(dir, 'rebuild.sql');
    writeFileSync(rebuild, `${buffer.join('\n')}\n`);

    console.log(`2/4 loading ${rows} rows in ${files.length} files`);
    files.forEach((file, k) => {
      executeFile(target, file);
      console.log(`  ${k + 1}/${files.length}`);
    });
    console.log('3/4 rebuilding the search index and the per-status counts');
    executeFile(target, rebuild);

    console.log('4/4 comparing row counts');
    const after = await rowCounts(remote, header.tables);
    const differences = header.tables.filter((t) => after[t] !== header.counts[t]);
    for (const t of header.tables)
      console.log(
        `  ${after[t] === header.counts[t] ? 'ok ' : 'DIFF'} ${String(after[t]).padStart(8)} / ${String(header.counts[t]).padStart(8)}  ${t}`,
      );
    console.log(
      differences.length
        ? `Restore into ${name} INCOMPLETE: ${differences.join(', ')}`
        : `Restored ${input} into ${name}: every table's row count matches; search index rebuilt.`,
    );
    return differences.length ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
