/**
 * A tiny in-isolate tier in front of the Cache API for the hottest embeds. A Cache API lookup is
 * a call out of the isolate; a badge hit from memory is as cheap as a hello-world answer.
 *
 * Entries live MEMO_TTL_MS at most. A purge (purgeKeys, embeds/cache.ts) clears them in the isolate that handled
 * the write at once; other isolates (and other locations) may serve an entry until it expires,
 * so the TTL bounds that extra staleness to a couple of seconds, well inside what the Cache API
 * tier already allows across locations.
 */
const MEMO_TTL_MS = 2000;
const MAX_ENTRIES = 1000;
/** Claim pages (worker/http/page-cache.ts) share the memo and weigh tens of KB each: cap the bytes too. */
const MAX_BYTES = 8 * 1024 * 1024;

interface Entry {
  expires: number;
  status: number;
  headers: [string, string][];
  /** UTF-8 once, not on every hit. */
  body: Uint8Array;
}

const encoder = new TextEncoder();

const entries = new Map<string, Entry>();
let bytes = 0;

function drop(key: string): void {
  const e = entries.get(key);
  if (!e) return;
  bytes -= e.body.byteLength;
  entries.delete(key);
}

/** A fresh copy of the memoized answer for `key`, or null. */
export function memoGet(key: string, now = Date.now()): Response | null {
  const e = entries.get(key);
  if (!e) return null;
  if (e.expires <= now) {
    drop(key);
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
  const encoded = encoder.encode(body);
  if (encoded.byteLength > MAX_BYTES) return;
  drop(key);
  while (entries.size >= MAX_ENTRIES || bytes + encoded.byteLength > MAX_BYTES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    drop(oldest);
  }
  entries.set(key, { expires: now + MEMO_TTL_MS, status, headers: [...headers], body: encoded });
  bytes += encoded.byteLength;
}

export function memoDelete(keys: readonly string[]): void {
  for (const k of keys) drop(k);
}
