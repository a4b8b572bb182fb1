/** Undoing a status move: the claim's last move (from its audit trail) and the guarded way back. */
import type { ClaimStatus } from '../worker/lib/status';
import { AUDIT_COLUMNS, auditStatement, toAuditEntry, type Actor, type AuditRow } from './audit';
import { selectClaim, toClaim, type Claim, type ClaimRow, type WriteResult } from './claims';

/** A status move as its `claim.transition` audit row recorded it (d1/claims.ts `transitionClaim`). */
export interface RecordedMove {
  auditId: number;
  from: ClaimStatus;
  to: ClaimStatus;
  /** The duplicate link before the move (restored by an undo). */
  fromDuplicateOf: string | null;
  /** The version the move produced; null for rows written before moves recorded it. */
  version: number | null;
}

function toRecordedMove(row: AuditRow): RecordedMove | null {
  const entry = toAuditEntry(row);
  const before = entry.before as { status?: ClaimStatus; duplicateOf?: string } | null;
  const after = entry.after as { status?: ClaimStatus; version?: number } | null;
  if (!before?.status || !after?.status) return null;
  return {
    auditId: entry.id,
    from: before.status,
    to: after.status,
    fromDuplicateOf: before.duplicateOf ?? null,
    version: typeof after.version === 'number' ? after.version : null,
  };
}

const LAST_MOVE_SQL = `SELECT ${AUDIT_COLUMNS} FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
  WHERE a.entity_type = 'claim' AND a.entity_id = ?1 AND a.action = 'claim.transition'
  ORDER BY a.id DESC LIMIT 1`;

/** A claim and its latest recorded status move, in one round trip. */
export async function getClaimAndLastMove(
  db: D1Database,
  id: string,
): Promise<{ claim: Claim; lastMove: RecordedMove | null } | null> {
  const [claims, moves] = await db.batch<ClaimRow | AuditRow>([
    selectClaim(db, id),
    db.prepare(LAST_MOVE_SQL).bind(id),
  ]);
  const row = claims?.results[0] as ClaimRow | undefined;
  if (!row) return null;
  const move = moves?.results[0] as AuditRow | undefined;
  return { claim: toClaim(row), lastMove: move ? toRecordedMove(move) : null };
}

/**
 * Put a claim back where `move` took it from, only if it is still at `claim.version` in
 * `move.to` and `move` is still its latest status move. The update, its `claim.undo` audit row
 * (written only if the update won) and the read-back are one batch.
 */
export async function undoTransition(
  db: D1Database,
  claim: Claim,
  move: RecordedMove,
  actor: Actor,
): Promise<WriteResult> {
  const now = new Date().toISOString();
  const update = db
    .prepare(
      `UPDATE claims SET status = ?3, duplicate_of = ?4, version = version + 1, updated_at = ?5
       WHERE id = ?1 AND version = ?2 AND status = ?6
         AND (SELECT MAX(a.id) FROM audit_log a WHERE a.entity_type = 'claim' AND a.entity_id = ?1
              AND a.action = 'claim.transition') = ?7`,
    )
    .bind(claim.id, claim.version, move.from, move.fromDuplicateOf, now, move.to, move.auditId);
  const audit = auditStatement(
    db,
    actor,
    'claim.undo',
    { type: 'claim', id: claim.id },
    { status: claim.status, duplicateOf: claim.duplicateOf ?? undefined, version: claim.version },
    {
      status: move.from,
      duplicateOf: move.fromDuplicateOf ?? undefined,
      version: claim.version + 1,
      undoes: move.auditId,
    },
    { onlyIfChanged: true, at: now },
  );
  const results = await db.batch<ClaimRow>([update, audit, selectClaim(db, claim.id)]);
  const row = results[2]?.results[0];
  const current = row ? toClaim(row) : null;
  return results[1]?.results.length === 1 && current
    ? { ok: true, claim: current }
    : { ok: false, current };
}
