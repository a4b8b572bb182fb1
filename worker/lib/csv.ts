/**
 * CSV (RFC 4180) for spreadsheets: every cell quoted, CRLF rows, and a formula guard — a cell
 * that starts with = + - @ (or a tab / carriage return) gets a leading apostrophe, so a spreadsheet
 * shows it as text instead of running it (OWASP "CSV injection").
 */

/** The UTF-8 byte order mark: spreadsheet programs need it to read Arabic right. */
export const CSV_BOM = '\uFEFF';

/** One cell, guarded and quoted. */
export function csvCell(value: string | null | undefined): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return `"${v.replace(/"/g, '""')}"`;
}

/** One row, CRLF-terminated. */
export function csvRow(cells: (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
