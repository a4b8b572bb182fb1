/**
 * Status moves, shared by the JSON API, the desk workspace and the article triage page, so every
 * surface accepts and refuses exactly the same moves: the status machine, a verdict to publish,
 * a real original for a duplicate, and only an article's own candidates in triage.
 */
import type { Actor } from '../../d1/audit';
import { getClaimDetail } from '../../d1/claim-detail';
import { getClaim, transitionClaim, type Claim } from '../../d1/claims';
import { canMove, illegalMoveMessage, type ClaimStatus } from '../lib/status';
import { publishFirst, retract } from './corrections';
import { refuse, versionMatches, type ExpectedVersion, type Outcome } from './outcome';

/**
 * Move a claim through the status machine. `expectedVersion` (when given) must still be current;
 * publishing needs a verdict; a duplicate needs another existing claim.
 */
export async function moveClaim(
  db: D1Database,
  claimId: string,
  to: ClaimStatus,
  opts: {
    expectedVersion?: ExpectedVersion;
    duplicateOf?: string | null;
    note?: string | null;
    isAdmin?: boolean;
  },
  actor: Actor,
): Promise<Outcome<Claim>> {
  // Publication and retraction write the public record (domain/corrections.ts).
  const expectedVersion = opts.expectedVersion ?? null;
  if (to === 'published')
    return publishFirst(db, claimId, { expectedVersion, note: opts.note }, actor);
  if (to === 'retracted')
    return retract(
      db,
      claimId,
      { expectedVersion, note: opts.note, isAdmin: opts.isAdmin === true },
      actor,
    );
  const detail = await getClaimDetail(db, claimId);
  if (!detail) return refuse({ kind: 'not-found' });
  const { claim } = detail;
  if (!versionMatches(opts.expectedVersion ?? null, claim.version))
    return refuse({ kind: 'stale', current: claim });
  if (!canMove(claim.status, to)) {
    return refuse({
      kind: 'illegal-move',
      from: claim.status,
      to,
      message: illegalMoveMessage(claim.status, to),
    });
  }
  if (to === 'duplicate') {
    const original =
      opts.duplicateOf && opts.duplicateOf !== claimId
        ? await getClaim(db, opts.duplicateOf)
        : null;
    if (!original) {
      const message = opts.duplicateOf
        ? 'No other claim with this id'
        : 'Required when marking a duplicate';
      return refuse({ kind: 'invalid', fields: [{ field: 'duplicateOf', message }] });
    }
  }
  const result = await transitionClaim(
    db,
    claim,
    to,
    { duplicateOf: to === 'duplicate' ? opts.duplicateOf : null, note: opts.note },
    actor,
  );
  return result.ok
    ? { ok: true, value: result.claim, changed: [claimId] }
    : refuse({ kind: 'stale', current: result.current });
}

/**
 * Article triage: accept (queue) or reject candidate claims of one article. Only this article's
 * claims still in `candidate` move; each move is guarded by its version and audited. Claims
 * that are gone, elsewhere or already moved are skipped, not refused.
 */
export async function reviewCandidates(
  db: D1Database,
  articleId: string,
  action: 'accept' | 'reject',
  claimIds: readonly string[],
  actor: Actor,
): Promise<Outcome<{ moved: number }>> {
  const to = action === 'accept' ? 'queued' : 'rejected';
  const changed: string[] = [];
  for (const claimId of new Set(claimIds)) {
    const claim = await getClaim(db, claimId);
    if (!claim || claim.articleId !== articleId || claim.status !== 'candidate') continue;
    const result = await transitionClaim(db, claim, to, {}, actor);
    if (result.ok) changed.push(claim.id);
  }
  return { ok: true, value: { moved: changed.length }, changed };
}
