/**
 * A tiny in-isolate tier in front of the Cache API for the hottest embeds. A Cache API lookup is
 * a call out of the isolate; a badge hit from memory is as cheap as a hello-world answer.
 *
 * Entries live MEMO_TTL_MS at most. A purge (purgeClaimEmbeds) clears them in the isolate that handled
 * the write at once; other isolates (and other locations) may serve an entry until it expires,
 * so the TTL bounds that extra staleness to a couple of seconds, well inside what the Cache API
 * tier already allows across locations.
 */
const MEMO_TTL_MS = 2000;
const MAX_ENTRIES = 1000;

interface Entry {
  expires: number;
  status: number;
  headers: [string, string][];
  /** UTF-8 once, not on every hit. */
  body: Uint8Array;
}

const encoder = new TextEncoder();

const entries = new Map<string, Entry>();

/** A fresh copy of the memoized answer for `key`, or null. */
export function memoGet(key: string, now = Date.now()): Response | null {
  const e = entries.get(key);
  if (!e) return null;
  if (e.expires <= now) {
    entries.delete(key);
    return null;
  }
  return new Response(e.body, { status: e.status, headers: e.headers });
}

/** Remember an answer (its text body) for MEMO_TTL_MS. */
export function memoSet(
  key: string,
  status: number,
  headers: Headers,
  body: string,
  now = Date.now(),
): void {
  if (entries.size >= MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  entries.set(key, {
    expires: now + MEMO_TTL_MS,
    status,
    headers: [...headers],
    body: encoder.encode(body),
  });
}

export function memoDelete(keys: string[]): void {
  for (const k of keys) entries.delete(k);
}
