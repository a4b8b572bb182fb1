/**
 * Editing a claim's fields (text, claimant, date, language, assignee), the same for
 * PATCH /api/v1/claims/:id, the desk's edit form and its assign form: the edit applies only to
 * the version the editor read, and an assignee must be an active account. A published claim's
 * public fields change only inside its correction draft (domain/corrections.ts).
 */
import type { Actor } from '../../d1/audit';
import { getClaim, updateClaim, type Claim, type ClaimPatch } from '../../d1/claims';
import { getClaimDetail } from '../../d1/claim-detail';
import { getUser } from '../../d1/users';
import { embedSoon } from '../match/embed-jobs';
import { noteAssignment } from '../notify/editors';
import { editDraft, RETRACTED } from './corrections';
import { refuse, versionMatches, type ExpectedVersion, type Outcome } from './outcome';

/**
 * Apply `patch` if the claim is still at `expectedVersion` (a guarded UPDATE decides a race).
 * A stale edit is refused with the current claim so the caller can show or merge it.
 * Only an assignee change is invisible to readers: it is not reported as changed.
 */
export async function editClaim(
  db: D1Database,
  claimId: string,
  patch: ClaimPatch,
  expectedVersion: ExpectedVersion,
  actor: Actor,
): Promise<Outcome<Claim>> {
  const [before, assignee] = await Promise.all([
    getClaim(db, claimId),
    patch.assigneeId != null ? getUser(db, patch.assigneeId) : null,
  ]);
  if (!before) return refuse({ kind: 'not-found' });
  if (patch.assigneeId != null && !assignee?.active) {
    return refuse({
      kind: 'invalid',
      fields: [{ field: 'assigneeId', message: 'No active account with this id' }],
    });
  }
  if (!versionMatches(expectedVersion, before.version))
    return refuse({ kind: 'stale', current: before });
  if (before.status === 'retracted') return refuse(RETRACTED);
  // Only the assignee, which readers never see, changes a published claim directly.
  const onlyAssignee = Object.keys(patch).every((k) => k === 'assigneeId');
  if (before.status === 'published' && !onlyAssignee) {
    // Readers never see an edit without a public note: it goes into the correction draft.
    const detail = await getClaimDetail(db, claimId);
    if (!detail) return refuse({ kind: 'not-found' });
    if (detail.claim.version !== before.version)
      return refuse({ kind: 'stale', current: detail.claim });
    return editDraft(detail, db, patch, actor);
  }
  const result = await updateClaim(db, claimId, before.version, patch, before, actor);
  if (!result.ok) return refuse({ kind: 'stale', current: result.current });
  // "Assigned to you" when another editor assigns the claim (worker/notify/editors.ts).
  if ('assigneeId' in patch) await noteAssignment(db, result.claim, before.assigneeId, actor);
  if ('text' in patch) await embedSoon(claimId); // semantic index (worker/match/embed-jobs.ts)
  const visible = Object.keys(patch).some((k) => k !== 'assigneeId');
  return { ok: true, value: result.claim, changed: visible ? [claimId] : [] };
}
