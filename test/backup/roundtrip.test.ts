import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  dataTables,
  exportDatabase,
  FTS_TABLE,
  importLines,
  rowCounts,
  type BackupHeader,
} from '../../d1/backup';
import { ftsQuery } from '../../d1/search';
import { seedDemo } from '../../d1/seed';
import { apiClaim, call, callJson, makeUser } from '../helpers';

/** Every row of every data table, in a stable order, for an exact comparison. */
async function allRows(tables: string[]) {
  const out: Record<string, unknown[]> = {};
  // Sorted by content: WITHOUT ROWID tables (mentions, tags, checklists) have no rowid to order by.
  for (const t of tables)
    out[t] = (await env.DB.prepare(`SELECT * FROM "${t}"`).all()).results
      .map((r) => JSON.stringify(r))
      .sort();
  return out;
}

async function ftsHits(word: string): Promise<number> {
  const row = await env.DB.prepare(
    `SELECT count(*) AS n FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ?1`,
  )
    .bind(ftsQuery(word))
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe('backup and restore (d1/backup.ts against the real D1 binding)', () => {
  it('round-trips every table: equal counts, equal rows, search works after the FTS rebuild', async () => {
    // This file's storage starts empty, so the demo data can be seeded; add data of our own too.
    expect(await seedDemo(env.DB)).toBe(true);
    const editor = await makeUser('editor');
    const arabic = await apiClaim(editor.token, {
      text: 'قال الوزير إن البطالة انخفضت بنسبة ١٢٪ في عام ٢٠٢٥',
      language: 'ar',
    });
    // Rows in the WITHOUT ROWID tables too (paged by their primary key): a mention, tags.
    const other = await makeUser('editor');
    const handle = other.email.split('@')[0]!;
    for (let i = 0; i < 3; i++) {
      const note = await call(`/api/v1/claims/${arabic.id}/notes`, {
        token: editor.token,
        body: { body: `Note ${i} for @${handle}` },
      });
      expect(note.status).toBe(201);
    }
    const tables = await dataTables(env.DB);
    expect(await rowCounts(env.DB, ['note_mentions'])).toEqual({ note_mentions: 3 });
    expect(tables).toEqual(expect.arrayContaining(['users', 'claims', 'verdicts', 'audit_log']));
    expect(tables).not.toContain(FTS_TABLE);
    expect(tables).not.toContain('d1_migrations');
    expect(tables).not.toContain('claim_status_counts');
    // Parents come before children.
    expect(tables.indexOf('users')).toBeLessThan(tables.indexOf('claims'));
    expect(tables.indexOf('claims')).toBeLessThan(tables.indexOf('verdicts'));

    const before = await allRows(tables);
    const counts = await rowCounts(env.DB, tables);
    expect(counts.claims).toBeGreaterThan(5);

    const backup = await exportDatabase(env.DB);
    const lines = backup.trimEnd().split('\n');
    const header = JSON.parse(lines[0]!) as BackupHeader;
    expect(header.counts).toEqual(counts);
    expect(lines.length - 1).toBe(Object.values(counts).reduce((a, b) => a + b, 0));

    // Restore over a database whose data is wrong in every way: rows gone, rows added,
    // and an FTS index that no longer matches. What comes back must be the backup, exactly.
    await env.DB.batch([
      env.DB.prepare('DELETE FROM audit_log WHERE id % 2 = 0'),
      env.DB.prepare(`DELETE FROM sources`),
      env.DB.prepare(`INSERT INTO ${FTS_TABLE}(${FTS_TABLE}) VALUES('delete-all')`),
    ]);
    await makeUser('admin');
    expect(await ftsHits('البطالة')).toBe(0);

    const report = await importLines(env.DB, lines);
    expect(report.differences).toEqual([]);
    expect(report.counts).toEqual(counts);
    expect(await allRows(tables)).toEqual(before);
    // Derived per-status counts (not in the file) agree with the restored claims.
    const stored = await env.DB.prepare(
      'SELECT status, n FROM claim_status_counts WHERE n > 0 ORDER BY status',
    ).all();
    const actual = await env.DB.prepare(
      'SELECT status, count(*) AS n FROM claims GROUP BY status ORDER BY status',
    ).all();
    expect(stored.results).toEqual(actual.results);

    // The index is whole again: integrity-check throws on drift, and search finds the claim.
    await env.DB.prepare(`INSERT INTO ${FTS_TABLE}(${FTS_TABLE}) VALUES('integrity-check')`).run();
    expect(await ftsHits('البطالة')).toBeGreaterThan(0);
    const { res, body } = await callJson(`/api/v1/search?q=${encodeURIComponent('البطالة')}`, {
      token: editor.token,
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(body)).toContain(arabic.id);
  });

  it('reports a table whose count differs and refuses a file that is not a backup', async () => {
    const editor = await makeUser('editor');
    await apiClaim(editor.token);
    const lines = (await exportDatabase(env.DB)).trimEnd().split('\n');
    // Drop one audit row from the file (no other row depends on it): the restore must say so.
    const auditLine = lines.findIndex((l) => l.startsWith('{"t":"audit_log"'));
    const expected = (JSON.parse(lines[0]!) as BackupHeader).counts.audit_log!;
    const report = await importLines(
      env.DB,
      lines.filter((_, i) => i !== auditLine),
    );
    expect(report.differences).toEqual([`audit_log: expected ${expected}, got ${expected - 1}`]);
    await expect(importLines(env.DB, ['{"format":"something else"}'])).rejects.toThrow(
      /not a ClaimDesk backup/,
    );
  });
});
