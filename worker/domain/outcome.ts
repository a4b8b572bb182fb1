/**
 * What a domain function answers. Success carries the value and the ids of the claims whose
 * public face (text, status, verdict) changed, so the HTTP layer purges their embeds in one
 * place (worker/middleware/purge-changed.ts). Refusals are data (a kind plus the fields at
 * fault); each surface words them its own way.
 */
import type { Claim } from '../../d1/claims';
import type { ClaimStatus } from '../lib/status';

export type Refusal =
  | { kind: 'not-found' }
  | { kind: 'invalid'; fields: { field: string; message: string }[] }
  | { kind: 'illegal-state'; message: string }
  | { kind: 'illegal-move'; from: ClaimStatus; to: ClaimStatus; message: string }
  | { kind: 'verdict-required' }
  /** A rule of the editorial record (409): `code` is stable for API clients. */
  | { kind: 'conflict'; code: string; title: string; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'stale'; current: Claim | null }
  /** An undo came too late: the claim was written after the move (nothing was changed). */
  | { kind: 'superseded'; current: Claim | null }
  /** An undo of something that is not an undoable status move (a publication, an edit). */
  | { kind: 'not-undoable'; message: string };

export type Outcome<T, R = Refusal> =
  { ok: true; value: T; changed: readonly string[] } | { ok: false; refusal: R };

/**
 * The version(s) the caller's copy may be: one from a desk form, a list from an If-Match
 * header, or 'any' (`If-Match: *`). `null` means the caller did not say (no check).
 */
export type ExpectedVersion = number | readonly number[] | 'any' | null;

/** True when `current` satisfies what the caller expected. */
export function versionMatches(expected: ExpectedVersion, current: number): boolean {
  if (expected === null || expected === 'any') return true;
  return typeof expected === 'number' ? expected === current : expected.includes(current);
}

export function refuse<R>(refusal: R): { ok: false; refusal: R } {
  return { ok: false, refusal };
}
