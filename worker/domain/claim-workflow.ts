/**
 * The editorial rules shared by the JSON API and the desk forms, so both surfaces accept and
 * refuse exactly the same things: which claims take a verdict, when a correction note is needed,
 * which status moves are legal, what publishing and marking a duplicate require.
 * Refusals are data (a kind plus the fields at fault); each surface words them its own way.
 */
import type { Actor } from '../../d1/audit';
import { getClaimDetail } from '../../d1/claim-detail';
import { getClaim, transitionClaim, type Claim } from '../../d1/claims';
import { activeRatings } from '../../d1/ratings';
import { appendVerdict, type Verdict } from '../../d1/verdicts';
import { canMove, illegalMoveMessage, type ClaimStatus } from '../lib/status';

export { SUMMARY_MAX } from '../lib/limits';

/** Statuses in which a claim can take a verdict version. */
const VERDICT_STATUSES: readonly ClaimStatus[] = ['queued', 'in_review', 'published'];

export type Refusal =
  | { kind: 'not-found' }
  | { kind: 'invalid'; fields: { field: string; message: string }[] }
  | { kind: 'illegal-state'; message: string }
  | { kind: 'illegal-move'; from: ClaimStatus; to: ClaimStatus; message: string }
  | { kind: 'verdict-required' }
  | { kind: 'stale'; current: Claim | null };

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export interface VerdictInput {
  ratingKey: string;
  summary: string;
  explanation: string;
  language: string;
  correctionNote?: string | null;
}

/**
 * Append a verdict version. On a claim that already has a published verdict the new version is a
 * correction and needs a note; on a published claim it is public at once.
 */
export async function addVerdict(db: D1Database, claimId: string, input: VerdictInput, actor: Actor): Promise<Outcome<Verdict>> {
  const [detail, ratings] = await Promise.all([getClaimDetail(db, claimId), activeRatings(db)]);
  if (!detail) return { ok: false, refusal: { kind: 'not-found' } };
  const fields: { field: string; message: string }[] = [];
  if (!ratings.some((r) => r.key === input.ratingKey)) {
    fields.push({ field: 'ratingKey', message: `Not on the rating scale; one of: ${ratings.map((r) => r.key).join(', ')}` });
  }
  const { status } = detail.claim;
  if (!VERDICT_STATUSES.includes(status)) {
    return { ok: false, refusal: { kind: 'illegal-state', message: `A ${status} claim must be queued before it can take a verdict.` } };
  }
  const isCorrection = detail.publishedVerdict !== null;
  const note = input.correctionNote?.trim() || null;
  if (isCorrection && (!note || note.length < 3)) {
    fields.push({ field: 'correctionNote', message: 'Required for a correction to a published verdict' });
  }
  if (fields.length > 0) return { ok: false, refusal: { kind: 'invalid', fields } };
  const verdict = await appendVerdict(
    db,
    claimId,
    { ...input, correctionNote: isCorrection ? note : null, publishNow: status === 'published' },
    actor,
  );
  return { ok: true, value: verdict };
}

/**
 * Move a claim through the status machine. `expectedVersion` (when given) must still be current;
 * publishing needs a verdict; a duplicate needs another existing claim.
 */
export async function moveClaim(
  db: D1Database,
  claimId: string,
  to: ClaimStatus,
  opts: { expectedVersion?: number | null; duplicateOf?: string | null; note?: string | null },
  actor: Actor,
): Promise<Outcome<Claim>> {
  const detail = await getClaimDetail(db, claimId);
  if (!detail) return { ok: false, refusal: { kind: 'not-found' } };
  const { claim } = detail;
  if (opts.expectedVersion != null && opts.expectedVersion !== claim.version) return { ok: false, refusal: { kind: 'stale', current: claim } };
  if (!canMove(claim.status, to)) {
    return { ok: false, refusal: { kind: 'illegal-move', from: claim.status, to, message: illegalMoveMessage(claim.status, to) } };
  }
  if (to === 'published' && !detail.currentVerdict) return { ok: false, refusal: { kind: 'verdict-required' } };
  if (to === 'duplicate') {
    const original = opts.duplicateOf && opts.duplicateOf !== claimId ? await getClaim(db, opts.duplicateOf) : null;
    if (!original) {
      const message = opts.duplicateOf ? 'No other claim with this id' : 'Required when marking a duplicate';
      return { ok: false, refusal: { kind: 'invalid', fields: [{ field: 'duplicateOf', message }] } };
    }
  }
  const result = await transitionClaim(db, claim, to, { duplicateOf: to === 'duplicate' ? opts.duplicateOf : null, note: opts.note }, actor);
  return result.ok ? { ok: true, value: result.claim } : { ok: false, refusal: { kind: 'stale', current: result.current } };
}
