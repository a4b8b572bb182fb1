/**
 * Retracted-and-removed fact-checks (migration 0016): an admin takes a retracted claim off the
 * public site with a reason, or puts it back. Each write is one db.batch() opened by the claim's
 * version guard (a claim changed since it was read rolls the batch back), with its audit row.
 */
import { auditStatement, type Actor } from './audit';
import { selectClaim, toClaim, type Claim, type ClaimRow } from './claims';
import { isGuardFailure, versionGuard, type GuardedResult } from './corrections';

/** Why and when a claim left the public site. */
export interface ClaimRemoval {
  at: string;
  reason: string;
  byName: string | null;
}

/** The removal of a claim, or null while its page is public (or the claim does not exist). */
export async function getRemoval(db: D1Database, claimId: string): Promise<ClaimRemoval | null> {
  const row = await db
    .prepare(
      `SELECT c.removed_at, c.removed_reason, u.name AS by_name FROM claims c
       LEFT JOIN users u ON u.id = c.removed_by WHERE c.id = ?1 AND c.removed_at IS NOT NULL`,
    )
    .bind(claimId)
    .first<{ removed_at: string; removed_reason: string | null; by_name: string | null }>();
  return row ? { at: row.removed_at, reason: row.removed_reason ?? '', byName: row.by_name } : null;
}

async function runGuarded(
  db: D1Database,
  claimId: string,
  statements: D1PreparedStatement[],
): Promise<GuardedResult> {
  try {
    const results = await db.batch<ClaimRow>([...statements, selectClaim(db, claimId)]);
    const row = results.at(-1)?.results[0];
    return row ? { ok: true, claim: toClaim(row) } : { ok: false, current: null };
  } catch (error) {
    if (!isGuardFailure(error)) throw error;
    const row = await selectClaim(db, claimId).first<ClaimRow>();
    return { ok: false, current: row ? toClaim(row) : null };
  }
}

/** Take a retracted claim at `version` off the public site (bumps the version; audited). */
export function removeClaim(
  db: D1Database,
  claim: Claim,
  version: number,
  reason: string,
  actor: Actor,
): Promise<GuardedResult> {
  const now = new Date().toISOString();
  return runGuarded(db, claim.id, [
    versionGuard(db, claim.id, version),
    db
      .prepare(
        `UPDATE claims SET removed_at = ?2, removed_reason = ?3, removed_by = ?4, version = version + 1, updated_at = ?2
         WHERE id = ?1 AND status = 'retracted' AND removed_at IS NULL`,
      )
      .bind(claim.id, now, reason, actor.userId),
    auditStatement(
      db,
      actor,
      'claim.remove',
      { type: 'claim', id: claim.id },
      null,
      { reason },
      { at: now, onlyIfChanged: true },
    ),
  ]);
}

/** Put a removed claim back on the public site (as retracted; bumps the version; audited). */
export function restoreClaim(
  db: D1Database,
  claim: Claim,
  version: number,
  removal: ClaimRemoval,
  actor: Actor,
): Promise<GuardedResult> {
  const now = new Date().toISOString();
  return runGuarded(db, claim.id, [
    versionGuard(db, claim.id, version),
    db
      .prepare(
        `UPDATE claims SET removed_at = NULL, removed_reason = NULL, removed_by = NULL, version = version + 1, updated_at = ?2
         WHERE id = ?1 AND removed_at IS NOT NULL`,
      )
      .bind(claim.id, now),
    auditStatement(
      db,
      actor,
      'claim.restore',
      { type: 'claim', id: claim.id },
      { removedAt: removal.at, reason: removal.reason },
      null,
      { at: now, onlyIfChanged: true },
    ),
  ]);
}
