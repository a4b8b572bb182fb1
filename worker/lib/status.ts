/** The claim status machine (DESIGN.md). Pure: used by the API, the desk and tests. */
export const STATUSES = [
  'candidate',
  'submitted',
  'queued',
  'in_review',
  'published',
  'rejected',
  'duplicate',
] as const;
export type ClaimStatus = (typeof STATUSES)[number];

const MOVES: Record<ClaimStatus, readonly ClaimStatus[]> = {
  candidate: ['queued', 'rejected'],
  submitted: ['queued', 'rejected', 'duplicate'],
  queued: ['in_review'],
  in_review: ['published'],
  published: ['in_review'],
  rejected: [],
  duplicate: [],
};

/** Statuses a claim in `from` may move to. */
export function allowedMoves(from: ClaimStatus): readonly ClaimStatus[] {
  return MOVES[from];
}

export function canMove(from: ClaimStatus, to: ClaimStatus): boolean {
  return MOVES[from].includes(to);
}

/** A sentence for the 409 answer to an illegal move. */
export function illegalMoveMessage(from: ClaimStatus, to: ClaimStatus): string {
  const allowed = MOVES[from];
  return allowed.length === 0
    ? `A ${from} claim is final and cannot move to ${to}.`
    : `A ${from} claim cannot move to ${to}; allowed: ${allowed.join(', ')}.`;
}
