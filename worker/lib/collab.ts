/** Pure rules of the claim collaboration parts: limits, @mention handles, tag normalization, due dates. */

/** Longest internal note, in characters (the migration's CHECK says the same). */
export const NOTE_MAX = 2000;
/** Most topic tags on one claim, and the longest tag. */
export const TAGS_MAX = 8;
export const TAG_MAX_LEN = 32;
/** Most default checklist steps, and the longest step. */
export const CHECKLIST_MAX = 12;
export const STEP_MAX_LEN = 80;
/** "Due soon" in the inbox: due within this many days, or overdue. */
export const DUE_SOON_DAYS = 3;

/**
 * The handles a note mentions, lower-cased and unique, in order of appearance. A handle is the
 * part of a desk user's e-mail before the @; `@` inside a word (an e-mail address) is no mention,
 * and sentence punctuation after a handle is not part of it.
 */
export function mentionHandles(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/(?<![\p{L}\p{N}_.+-])@([\p{L}\p{N}_.+-]+)/gu)) {
    const handle = (m[1] ?? '').replace(/[.+-]+$/u, '').toLowerCase();
    if (handle && !out.includes(handle)) out.push(handle);
  }
  return out;
}

/** A user's handle: the part of the e-mail before the @, lower-cased. */
export function handleOf(email: string): string {
  return email.slice(0, Math.max(0, email.indexOf('@'))).toLowerCase();
}

/**
 * Tags as typed (comma- or Arabic-comma-separated) → normalized: NFC, lower case, inner spaces to
 * '-', only letters, marks, digits and '-', unique, sorted. `tooLong` lists the ones over the limit.
 */
export function normalizeTags(input: string): { tags: string[]; tooLong: string[] } {
  const tags = new Set<string>();
  for (const part of input.split(/[,،\n]/u)) {
    const tag = part
      .normalize('NFC')
      .toLowerCase()
      .trim()
      .replace(/[\s_]+/gu, '-')
      .replace(/[^\p{L}\p{M}\p{N}-]/gu, '')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '');
    if (tag) tags.add(tag);
  }
  const all = [...tags].sort();
  return { tags: all, tooLong: all.filter((t) => t.length > TAG_MAX_LEN) };
}

/** The tags as one canonical string (sorted, comma-joined): what a tags form says it started from. */
export function tagsKey(tags: readonly string[]): string {
  return [...tags].sort().join(',');
}

/** Today's date in UTC (YYYY-MM-DD): the newsroom's day for due dates. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
