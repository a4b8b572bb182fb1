/**
 * Verdicts, the same for the JSON API and the desk form: which claims take a verdict, when a
 * correction note is needed, and when a new version is public at once.
 */
import type { Actor } from '../../d1/audit';
import { getClaimDetail } from '../../d1/claim-detail';
import { activeRatings } from '../../d1/ratings';
import { appendVerdict, type Verdict } from '../../d1/verdicts';
import type { ClaimStatus } from '../lib/status';
import { refuse, type Outcome } from './outcome';

/** Statuses in which a claim can take a verdict version. */
const VERDICT_STATUSES: readonly ClaimStatus[] = ['queued', 'in_review', 'published'];

export interface VerdictInput {
  ratingKey: string;
  headline: string;
  explanation: string;
  language: string;
  correctionNote?: string | null;
}

/**
 * Append a verdict version. On a claim that already has a published verdict the new version is a
 * correction and needs a note; on a published claim it is public at once.
 */
export async function addVerdict(
  db: D1Database,
  claimId: string,
  input: VerdictInput,
  actor: Actor,
): Promise<Outcome<Verdict>> {
  const [detail, ratings] = await Promise.all([getClaimDetail(db, claimId), activeRatings(db)]);
  if (!detail) return refuse({ kind: 'not-found' });
  const fields: { field: string; message: string }[] = [];
  if (!ratings.some((r) => r.key === input.ratingKey)) {
    fields.push({
      field: 'ratingKey',
      message: `Not on the rating scale; one of: ${ratings.map((r) => r.key).join(', ')}`,
    });
  }
  const { status } = detail.claim;
  if (!VERDICT_STATUSES.includes(status)) {
    return refuse({
      kind: 'illegal-state',
      message: `A ${status} claim must be queued before it can take a verdict.`,
    });
  }
  const isCorrection = detail.publishedVerdict !== null;
  const note = input.correctionNote?.trim() || null;
  if (isCorrection && (!note || note.length < 3)) {
    fields.push({
      field: 'correctionNote',
      message: 'Required for a correction to a published verdict',
    });
  }
  if (fields.length > 0) return refuse({ kind: 'invalid', fields });
  const verdict = await appendVerdict(
    db,
    claimId,
    { ...input, correctionNote: isCorrection ? note : null, publishNow: status === 'published' },
    actor,
  );
  // A draft verdict is not public yet, but the embeds of a claim in review read the latest state.
  return { ok: true, value: verdict, changed: [claimId] };
}
