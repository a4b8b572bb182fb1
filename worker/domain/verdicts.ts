/**
 * Verdicts, the same for the JSON API and the desk form: which claims take a verdict, when a
 * correction note is needed, and when a new version is public at once.
 */
import type { Actor } from '../../d1/audit';
import { getClaimDetail } from '../../d1/claim-detail';
import { activeRatings } from '../../d1/ratings';
import { appendVerdict, type Verdict } from '../../d1/verdicts';
import type { ClaimStatus } from '../lib/status';
import { draftRequired } from './corrections';
import { refuse, type Outcome } from './outcome';

/** Statuses in which a claim can take a verdict version (published: inside its draft). */
const VERDICT_STATUSES: readonly ClaimStatus[] = ['queued', 'in_review', 'published'];

export interface VerdictInput {
  ratingKey: string;
  headline: string;
  explanation: string;
  language: string;
  /** Ignored: a correction's public note is given when its draft is published. */
  correctionNote?: string | null;
}

/**
 * Append a verdict version. Before publication it is the verdict being written; on a published
 * claim it belongs to the open correction draft (never public until the draft is published
 * with its note), and without a draft it is refused.
 */
export async function addVerdict(
  db: D1Database,
  claimId: string,
  input: VerdictInput,
  actor: Actor,
): Promise<Outcome<Verdict>> {
  const [detail, ratings] = await Promise.all([getClaimDetail(db, claimId), activeRatings(db)]);
  if (!detail) return refuse({ kind: 'not-found' });
  const { status } = detail.claim;
  if (!VERDICT_STATUSES.includes(status)) {
    return refuse({
      kind: 'illegal-state',
      message:
        status === 'retracted'
          ? 'A retracted fact-check no longer changes.'
          : `A ${status} claim must be queued before it can take a verdict.`,
    });
  }
  if (status === 'published' && !detail.draft) return refuse(draftRequired('verdict'));
  if (!ratings.some((r) => r.key === input.ratingKey)) {
    return refuse({
      kind: 'invalid',
      fields: [
        {
          field: 'ratingKey',
          message: `Not on the rating scale; one of: ${ratings.map((r) => r.key).join(', ')}`,
        },
      ],
    });
  }
  const verdict = await appendVerdict(db, claimId, { ...input, correctionNote: null }, actor);
  // Not public yet (a draft or an unpublished claim): readers' pages and embeds do not change.
  return { ok: true, value: verdict, changed: [] };
}
