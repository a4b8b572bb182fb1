/** The claim status machine (DESIGN.md). Pure: used by the API, the desk and tests. */
export const STATUSES = [
  'candidate',
  'submitted',
  'queued',
  'in_review',
  'published',
  'rejected',
  'duplicate',
  'retracted',
] as const;
export type ClaimStatus = (typeof STATUSES)[number];

/**
 * Triage is reversible (rejected and duplicate go back to the queue, a queued claim can be
 * dropped, a review can go back to the queue). A published claim never goes back: it changes
 * through a correction draft beside it (domain/corrections.ts), and only an admin's retraction
 * (with a public note) takes its verdict down; a retraction is final.
 */
const MOVES: Record<ClaimStatus, readonly ClaimStatus[]> = {
  candidate: ['queued', 'rejected'],
  submitted: ['queued', 'rejected', 'duplicate'],
  queued: ['in_review', 'rejected'],
  in_review: ['published', 'queued'],
  published: ['retracted'],
  rejected: ['queued'],
  duplicate: ['queued'],
  retracted: [],
};

/** Moves only an admin may make (and only with a public note). */
export function isAdminOnlyMove(from: ClaimStatus, to: ClaimStatus): boolean {
  return from === 'published' && to === 'retracted';
}

/** Statuses a claim in `from` may move to. */
export function allowedMoves(from: ClaimStatus): readonly ClaimStatus[] {
  return MOVES[from];
}

export function canMove(from: ClaimStatus, to: ClaimStatus): boolean {
  return MOVES[from].includes(to);
}

/**
 * Whether the move `from` → `to` may be undone (the claim put back in `from`). Every triage move
 * can; a publication and a retraction cannot (they are public acts with their own way back:
 * a correction, nothing). Undo is not a move of the machine: it may restore `candidate` or
 * `submitted`, which no move enters.
 */
export function canUndo(from: ClaimStatus, to: ClaimStatus): boolean {
  return canMove(from, to) && to !== 'published' && to !== 'retracted';
}

/** A sentence for the 409 answer to an illegal move. */
export function illegalMoveMessage(from: ClaimStatus, to: ClaimStatus): string {
  const allowed = MOVES[from];
  return allowed.length === 0
    ? `A ${from} claim is final and cannot move to ${to}.`
    : `A ${from} claim cannot move to ${to}; allowed: ${allowed.join(', ')}.`;
}
