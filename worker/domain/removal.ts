/**
 * Removing a retracted fact-check from the public site, the same for the JSON API and the desk:
 * admins only, a retracted claim only, a reason always (readers see it on the 410 page); reversible
 * (restore puts the retracted page back). Both bump the claim's version and change its public face,
 * so the caller purges its pages and embeds (`changed`).
 */
import type { Actor } from '../../d1/audit';
import { getClaim, type Claim } from '../../d1/claims';
import type { GuardedResult } from '../../d1/corrections';
import {
  getRemoval,
  removeClaim as removeClaimRows,
  restoreClaim as restoreClaimRows,
} from '../../d1/removal';
import {
  refuse,
  versionMatches,
  type ExpectedVersion,
  type Outcome,
  type Refusal,
} from './outcome';

/** Shortest and longest removal reason (shown to readers on the 410 page). */
export const REASON_MIN = 3;
export const REASON_MAX = 500;

export interface RemovalInput {
  expectedVersion: ExpectedVersion;
  isAdmin: boolean;
}

function done(result: GuardedResult, claimId: string): Outcome<Claim> {
  return result.ok
    ? { ok: true, value: result.claim, changed: [claimId] }
    : refuse({ kind: 'stale', current: result.current });
}

async function load(
  db: D1Database,
  claimId: string,
  opts: RemovalInput,
): Promise<{ claim: Claim } | { ok: false; refusal: Refusal }> {
  const claim = await getClaim(db, claimId);
  if (!claim) return refuse({ kind: 'not-found' });
  if (!opts.isAdmin)
    return refuse({
      kind: 'forbidden',
      message: 'Only an admin can remove a fact-check from the public site.',
    });
  if (!versionMatches(opts.expectedVersion, claim.version))
    return refuse({ kind: 'stale', current: claim });
  return { claim };
}

/** Take a retracted fact-check off the public site, with the reason readers will see. */
export async function removeFromSite(
  db: D1Database,
  claimId: string,
  opts: RemovalInput & { reason?: string | null },
  actor: Actor,
): Promise<Outcome<Claim>> {
  const loaded = await load(db, claimId, opts);
  if (!('claim' in loaded)) return loaded;
  const { claim } = loaded;
  if (claim.status !== 'retracted')
    return refuse({
      kind: 'conflict',
      code: 'not_retracted',
      title: 'Only a retracted fact-check can be removed',
      message: `This claim is ${claim.status}; retract it first (POST /api/v1/claims/{id}/retract).`,
    });
  if (await getRemoval(db, claimId))
    return refuse({
      kind: 'conflict',
      code: 'already_removed',
      title: 'Already removed',
      message: 'This fact-check is already off the public site.',
    });
  const reason = opts.reason?.trim() ?? '';
  if (reason.length < REASON_MIN || reason.length > REASON_MAX)
    return refuse({
      kind: 'invalid',
      fields: [
        {
          field: 'reason',
          message:
            reason.length < REASON_MIN
              ? 'A reason is required: readers see it on the page'
              : `At most ${REASON_MAX} characters`,
        },
      ],
    });
  return done(await removeClaimRows(db, claim, claim.version, reason, actor), claimId);
}

/** Put a removed fact-check back on the public site (its retracted page returns). */
export async function restoreToSite(
  db: D1Database,
  claimId: string,
  opts: RemovalInput,
  actor: Actor,
): Promise<Outcome<Claim>> {
  const loaded = await load(db, claimId, opts);
  if (!('claim' in loaded)) return loaded;
  const removal = await getRemoval(db, claimId);
  if (!removal)
    return refuse({
      kind: 'conflict',
      code: 'not_removed',
      title: 'Not removed',
      message: 'This fact-check is not removed from the public site.',
    });
  return done(
    await restoreClaimRows(db, loaded.claim, loaded.claim.version, removal, actor),
    claimId,
  );
}
