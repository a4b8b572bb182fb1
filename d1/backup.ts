/**
 * Logical backup of the whole database as JSON lines, and its restore into a fresh database that
 * already has the migrations applied. Used by `npm run backup` / `npm run restore`
 * (scripts/backup.mjs, scripts/restore.mjs) and tested inside workerd against the real binding.
 *
 * File format: the first line is a header `{"format":"claimdesk-backup","version":1,…,"counts":{…}}`,
 * then one line per row: `{"t":"<table>","r":{<column>:<value>,…}}`, tables in foreign-key order.
 * Migrations bookkeeping (d1_migrations), SQLite/D1 internals and the FTS index are not exported:
 * restore applies the migrations itself and rebuilds the index from `claims`.
 */

export const BACKUP_FORMAT = 'claimdesk-backup';
/** The external-content FTS5 table over claims.search_text (migrations/0001_core.sql). */
export const FTS_TABLE = 'claims_fts';
/**
 * Tables derived from others by triggers (migrations/0007_scale.sql, 0018_scale_indexes2.sql): not
 * exported, recomputed on restore.
 */
const DERIVED_TABLES = ['claim_status_counts', 'claim_language_counts'];

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  /** Tables in the order their rows follow (parents before children). */
  tables: string[];
  /** Rows per table at export time: restore compares against these. */
  counts: Record<string, number>;
}

type Row = Record<string, unknown>;
const PAGE = 500;
/** Statements per db.batch() on restore (each batch is one transaction). */
const BATCH = 50;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Data tables (not internals, not virtual tables or their shadow tables), parents first. */
export async function dataTables(db: D1Database): Promise<string[]> {
  const { results } = await db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .all<{ name: string; sql: string | null }>();
  const virtual = results
    .filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? ''))
    .map((t) => t.name);
  const names = results
    .map((t) => t.name)
    .filter(
      (n) =>
        !/^(sqlite_|_cf_|d1_migrations$)/.test(n) &&
        !DERIVED_TABLES.includes(n) &&
        !virtual.some((v) => n === v || n.startsWith(`${v}_`)),
    );
  const parents = new Map<string, string[]>();
  for (const name of names) {
    const fks = await db
      .prepare(`PRAGMA foreign_key_list(${quote(name)})`)
      .all<{ table: string }>();
    parents.set(
      name,
      fks.results.map((fk) => fk.table).filter((p) => p !== name && names.includes(p)),
    );
  }
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name) || path.includes(name)) return;
    for (const parent of parents.get(name) ?? []) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const name of names) visit(name, []);
  return ordered;
}

/** Row count of each table, in one round trip. */
export async function rowCounts(db: D1Database, tables: string[]): Promise<Record<string, number>> {
  if (tables.length === 0) return {};
  const sql = `SELECT ${tables.map((t, i) => `(SELECT count(*) FROM ${quote(t)}) AS c${i}`).join(', ')}`;
  const row = (await db.prepare(sql).first<Record<string, number>>()) ?? {};
  return Object.fromEntries(tables.map((t, i) => [t, row[`c${i}`] ?? 0]));
}

function checkValue(table: string, column: string, value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  throw new Error(
    `${table}.${column}: unsupported value type ${typeof value} (blobs are not used)`,
  );
}

/**
 * The backup as JSON lines: the header first, then every row of every data table, `page` rows per
 * read (a remote backup through wrangler asks for bigger pages: each read is one process).
 */
export async function* exportLines(
  db: D1Database,
  { page = PAGE }: { page?: number } = {},
): AsyncGenerator<string> {
  const tables = await dataTables(db);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    tables,
    counts: await rowCounts(db, tables),
  };
  yield JSON.stringify(header);
  for (const table of tables) {
    const key = await withoutRowidKey(db, table);
    const rows = key ? pageByKey(db, table, key, page) : pageByRowid(db, table, page);
    for await (const row of rows) {
      for (const [k, v] of Object.entries(row)) row[k] = checkValue(table, k, v);
      yield JSON.stringify({ t: table, r: row });
    }
  }
}

/** The primary-key columns of a WITHOUT ROWID table (in key order); null for an ordinary table. */
async function withoutRowidKey(db: D1Database, table: string): Promise<string[] | null> {
  const def = await db
    .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1`)
    .bind(table)
    .first<{ sql: string }>();
  if (!def || !/\)\s*WITHOUT\s+ROWID\s*;?\s*$/i.test(def.sql)) return null;
  const { results } = await db
    .prepare(`SELECT name, pk FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk`)
    .bind(table)
    .all<{ name: string; pk: number }>();
  return results.map((r) => r.name);
}

/** Rows of an ordinary table, a page at a time by rowid, so a large table never loads at once. */
async function* pageByRowid(db: D1Database, table: string, size: number): AsyncGenerator<Row> {
  let after = -9007199254740991;
  for (;;) {
    const { results } = await db
      .prepare(
        `SELECT rowid AS "__rowid", * FROM ${quote(table)} WHERE rowid > ?1 ORDER BY rowid LIMIT ?2`,
      )
      .bind(after, size)
      .all<Row & { __rowid: number }>();
    for (const { __rowid, ...row } of results) {
      after = __rowid;
      yield row;
    }
    if (results.length < size) return;
  }
}

/** Rows of a WITHOUT ROWID table, a page at a time by its primary key (a row-value seek). */
async function* pageByKey(
  db: D1Database,
  table: string,
  key: string[],
  size: number,
): AsyncGenerator<Row> {
  const cols = key.map(quote).join(', ');
  const marks = key.map((_, i) => `?${i + 1}`).join(', ');
  let last: unknown[] | null = null;
  for (;;) {
    const sql: string = last
      ? `SELECT * FROM ${quote(table)} WHERE (${cols}) > (${marks}) ORDER BY ${cols} LIMIT ?${key.length + 1}`
      : `SELECT * FROM ${quote(table)} ORDER BY ${cols} LIMIT ?1`;
    const { results }: D1Result<Row> = await db
      .prepare(sql)
      .bind(...(last ?? []), size)
      .all<Row>();
    for (const row of results as Row[]) {
      last = key.map((k) => row[k]);
      yield row;
    }
    if (results.length < size) return;
  }
}

/** The whole backup as one string (small databases and tests). */
export async function exportDatabase(db: D1Database): Promise<string> {
  const lines: string[] = [];
  for await (const line of exportLines(db)) lines.push(line);
  return `${lines.join('\n')}\n`;
}

export interface RestoreReport {
  header: BackupHeader;
  /** Rows per table after the restore. */
  counts: Record<string, number>;
  /** Tables whose count differs from the header's, as "table: expected N, got M". */
  differences: string[];
}

/**
 * Restore a backup into `db`, which must have the migrations applied and no data of its own
 * (rows the migrations add, e.g. the default rating scale, are replaced by the backup's).
 * Rebuilds the search index and compares row counts with the header.
 */
export async function importLines(
  db: D1Database,
  lines: Iterable<string> | AsyncIterable<string>,
): Promise<RestoreReport> {
  let header: BackupHeader | undefined;
  let pending: D1PreparedStatement[] = [];
  const flush = async () => {
    if (pending.length) await db.batch(pending);
    pending = [];
  };
  for await (const line of lines) {
    if (!line.trim()) continue;
    if (!header) {
      header = JSON.parse(line) as BackupHeader;
      if (header.format !== BACKUP_FORMAT || header.version !== 1)
        throw new Error('not a ClaimDesk backup (version 1)');
      const present = await dataTables(db);
      const missing = header.tables.filter((t) => !present.includes(t));
      if (missing.length) throw new Error(`tables missing here: ${missing.join(', ')}`);
      // Make the index agree with claims first (the delete trigger needs it), then remove
      // children before parents, so no foreign key is left dangling.
      pending.push(db.prepare(`INSERT INTO ${FTS_TABLE}(${FTS_TABLE}) VALUES('rebuild')`));
      for (const table of [...header.tables].reverse())
        pending.push(db.prepare(`DELETE FROM ${quote(table)}`));
      await flush();
      continue;
    }
    const { t: table, r: row } = JSON.parse(line) as { t: string; r: Row };
    if (!header.tables.includes(table)) throw new Error(`row for unknown table ${table}`);
    const columns = Object.keys(row);
    pending.push(
      db
        .prepare(
          `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map((_, i) => `?${i + 1}`).join(', ')})`,
        )
        .bind(...columns.map((c) => row[c])),
    );
    if (pending.length >= BATCH) await flush();
  }
  await flush();
  if (!header) throw new Error('empty backup file');
  await rebuildSearch(db);
  const counts = await rowCounts(db, header.tables);
  const differences = header.tables
    .filter((t) => counts[t] !== header!.counts[t])
    .map((t) => `${t}: expected ${header!.counts[t]}, got ${counts[t]}`);
  return { header, counts, differences };
}

/**
 * Rebuild what is derived from claims (after a restore or a suspected drift): the external-content
 * FTS index and the per-status counts.
 */
export async function rebuildSearch(db: D1Database): Promise<void> {
  await db.batch([
    db.prepare(`INSERT INTO ${FTS_TABLE}(${FTS_TABLE}) VALUES('rebuild')`),
    db.prepare('DELETE FROM claim_status_counts'),
    db.prepare(
      'INSERT INTO claim_status_counts (status, n) SELECT status, count(*) FROM claims GROUP BY status',
    ),
    db.prepare('DELETE FROM claim_language_counts'),
    db.prepare(
      'INSERT INTO claim_language_counts (language, status, n) SELECT language, status, count(*) FROM claims GROUP BY language, status',
    ),
  ]);
}
