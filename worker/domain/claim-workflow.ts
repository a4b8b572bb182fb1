/**
 * Status moves, shared by the JSON API, the desk workspace and the article triage page, so every
 * surface accepts and refuses exactly the same moves: the status machine, a verdict to publish,
 * a real original for a duplicate, and only an article's own candidates in triage.
 */
import type { Actor } from '../../d1/audit';
import { getClaimDetail } from '../../d1/claim-detail';
import { getClaimAndLastMove, undoTransition } from '../../d1/claim-undo';
import { getClaim, transitionClaim, type Claim } from '../../d1/claims';
import { canMove, canUndo, illegalMoveMessage, type ClaimStatus } from '../lib/status';
import { emitEvent } from '../integrations/webhooks';
import { embedSoon } from '../match/embed-jobs';
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
  if (result.ok) await emitEvent(db, 'claim.status_changed', result.claim);
  if (result.ok) await embedSoon(claimId); // in or out of the semantic index
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
): Promise<Outcome<{ moved: MoveReceipt[] }>> {
  const to = action === 'accept' ? 'queued' : 'rejected';
  const moved: MoveReceipt[] = [];
  for (const claimId of new Set(claimIds)) {
    const claim = await getClaim(db, claimId);
    if (!claim || claim.articleId !== articleId || claim.status !== 'candidate') continue;
    const result = await transitionClaim(db, claim, to, {}, actor);
    if (result.ok) moved.push({ id: claim.id, version: result.claim.version });
    if (result.ok) await emitEvent(db, 'claim.status_changed', result.claim);
  }
  return { ok: true, value: { moved }, changed: moved.map((m) => m.id) };
}

/** A claim and the version a move gave it: what an undo needs to name that move. */
export interface MoveReceipt {
  id: string;
  version: number;
}

/**
 * Undo a status move: put the claim back in the status (and duplicate link) it had before.
 * `version` is the version the move produced; the claim must still be at it (nothing written
 * since, else `superseded`) and its latest recorded move must be the one that produced it.
 * A publication or a retraction is never undone. The undo bumps the version and is audited
 * (`claim.undo`). `expectedVersion` is the API's If-Match, checked first like on a move (stale).
 */
export async function undoMove(
  db: D1Database,
  claimId: string,
  opts: { version: number; expectedVersion?: ExpectedVersion },
  actor: Actor,
): Promise<Outcome<Claim>> {
  const found = await getClaimAndLastMove(db, claimId);
  if (!found) return refuse({ kind: 'not-found' });
  const { claim, lastMove } = found;
  if (!versionMatches(opts.expectedVersion ?? null, claim.version))
    return refuse({ kind: 'stale', current: claim });
  if (claim.version !== opts.version) return refuse({ kind: 'superseded', current: claim });
  if (!lastMove || lastMove.version !== claim.version || lastMove.to !== claim.status) {
    return refuse({
      kind: 'not-undoable',
      message: `Version ${claim.version} of this claim was not made by a status move.`,
    });
  }
  if (!canUndo(lastMove.from, lastMove.to)) {
    return refuse({
      kind: 'not-undoable',
      message: `A move from ${lastMove.from} to ${lastMove.to} cannot be undone.`,
    });
  }
  const result = await undoTransition(db, claim, lastMove, actor);
  if (result.ok) await emitEvent(db, 'claim.status_changed', result.claim);
  if (result.ok) await embedSoon(claimId); // in or out of the semantic index
  return result.ok
    ? { ok: true, value: result.claim, changed: [claimId] }
    : refuse({ kind: 'superseded', current: result.current });
}

/**
 * Undo several moves (a bulk triage action). Each claim is undone on its own, guarded by its
 * version; one that changed since is left as it is and counted, never an error.
 */
export async function undoMoves(
  db: D1Database,
  moves: readonly MoveReceipt[],
  actor: Actor,
): Promise<Outcome<{ undone: number; superseded: number }>> {
  const changed: string[] = [];
  let superseded = 0;
  const seen = new Set<string>();
  for (const move of moves) {
    if (seen.has(move.id)) continue;
    seen.add(move.id);
    const result = await undoMove(db, move.id, { version: move.version }, actor);
    if (result.ok) changed.push(move.id);
    else superseded += 1;
  }
  return { ok: true, value: { undone: changed.length, superseded }, changed };
}
