/**
 * The public record of a fact-check, the same for the JSON API and the desk:
 * - a published claim never goes dark: changes are prepared in a draft beside it (fields, a new
 *   verdict version, sources added or withdrawn) that readers do not see until "publish", which
 *   swaps it in with a public note as a new numbered version (a *correction* when the rating
 *   changes, an *update* otherwise);
 * - the first publication is version 1; only an admin's retraction (with a note) takes the
 *   verdict down, and the page stays with the notice;
 * - when the newsroom requires it, a second editor approves exactly the version the first one
 *   asked to publish (never their own request).
 */
import type { Actor } from '../../d1/audit';
import { getClaimDetail, type ClaimDetail } from '../../d1/claim-detail';
import type { Claim, ClaimPatch } from '../../d1/claims';
import {
  discardDraft as discardDraftRows,
  DRAFT_FIELDS,
  publicSnapshot,
  publishClaim,
  publishDraft,
  requestPublication,
  retractClaim as retractClaimRows,
  startDraft,
  updateDraftFields,
  withdrawPublishRequest,
  type DraftFields,
  type GuardedResult,
  type PublicSnapshot,
  type PublishVersion,
  type VersionKind,
} from '../../d1/corrections';
import type { Source } from '../../d1/sources';
import type { Verdict } from '../../d1/verdicts';
import { emitOnSuccess } from '../integrations/webhooks';
import { proposeClaimReviewed } from '../lib/claim-reviewed';
import { canMove, illegalMoveMessage } from '../lib/status';
import {
  refuse,
  versionMatches,
  type ExpectedVersion,
  type Outcome,
  type Refusal,
} from './outcome';

/** Shortest public note (a correction, update or retraction always says why). */
export const NOTE_MIN = 3;
export const NOTE_MAX = 2000;

/** The claim as the draft would publish it: its fields with the draft's changes applied. */
export function draftClaim(detail: ClaimDetail): Claim {
  return detail.draft ? { ...detail.claim, ...detail.draft.fields } : detail.claim;
}

/** Sources readers see now (a draft's additions are not public yet). */
export function publicSources(sources: readonly Source[]): Source[] {
  return sources.filter((s) => s.draft !== 'add');
}

/** Sources as the draft would publish them. */
export function draftSources(sources: readonly Source[]): Source[] {
  return sources.filter((s) => s.draft !== 'remove');
}

/** The verdict a publication would make public: the newest version (draft or published). */
function verdictToPublish(detail: ClaimDetail): Verdict | null {
  return detail.currentVerdict;
}

/** The snapshot a draft would publish, and whether it differs from the public one. */
export function pendingSnapshot(detail: ClaimDetail): PublicSnapshot {
  return publicSnapshot(draftClaim(detail), draftSources(detail.sources), verdictToPublish(detail));
}

/** 'correction' when the rating changes, 'update' when anything else public changes, else null. */
export function changeKind(before: PublicSnapshot, after: PublicSnapshot): VersionKind | null {
  if ((before.verdict?.ratingKey ?? null) !== (after.verdict?.ratingKey ?? null))
    return 'correction';
  return JSON.stringify(before) === JSON.stringify(after) ? null : 'update';
}

type Refused = { ok: false; refusal: Refusal };

/** The refusal of any public change to a published claim without an open draft (409). */
export function draftRequired(what: 'claim' | 'verdict' | 'sources'): Refusal {
  return {
    kind: 'conflict',
    code: 'draft_required',
    title: 'A published fact-check changes through a correction',
    message: `Start a correction (POST /api/v1/claims/{id}/draft), change the ${what} there, then publish it with a public note.`,
  };
}

/** The refusal of any change to a retracted claim (409). */
export const RETRACTED: Refusal = {
  kind: 'conflict',
  code: 'retracted',
  title: 'This fact-check was retracted',
  message: 'A retracted claim no longer changes.',
};

function conflict(code: string, title: string, message: string): Refused {
  return refuse({ kind: 'conflict', code, title, message });
}

function noteRefusal(note: string | null | undefined, field = 'note'): Refused | null {
  const n = note?.trim() ?? '';
  if (n.length >= NOTE_MIN && n.length <= NOTE_MAX) return null;
  return refuse({
    kind: 'invalid',
    fields: [
      {
        field,
        message:
          n.length < NOTE_MIN
            ? 'A public note is required: say what changed and why'
            : `At most ${NOTE_MAX} characters`,
      },
    ],
  });
}

async function loadAt(
  db: D1Database,
  claimId: string,
  expected: ExpectedVersion,
): Promise<{ detail: ClaimDetail } | Refused> {
  const detail = await getClaimDetail(db, claimId);
  if (!detail) return refuse({ kind: 'not-found' });
  if (!versionMatches(expected, detail.claim.version))
    return refuse({ kind: 'stale', current: detail.claim });
  return { detail };
}

function done(result: GuardedResult, claimId: string, publicChange: boolean): Outcome<Claim> {
  return result.ok
    ? { ok: true, value: result.claim, changed: publicChange ? [claimId] : [] }
    : refuse({ kind: 'stale', current: result.current });
}

/** "Start a correction": open a draft beside a published claim. */
export async function startCorrection(
  db: D1Database,
  claimId: string,
  expected: ExpectedVersion,
  actor: Actor,
): Promise<Outcome<Claim>> {
  const loaded = await loadAt(db, claimId, expected);
  if ('ok' in loaded) return loaded;
  const { claim, draft } = loaded.detail;
  if (claim.status !== 'published') {
    return conflict(
      'not_published',
      'Only a published claim takes a correction',
      `This claim is ${claim.status}; edit it directly.`,
    );
  }
  if (draft) {
    return conflict(
      'draft_exists',
      'A correction is already being prepared',
      'Continue the open draft, or discard it first.',
    );
  }
  return done(await startDraft(db, claim, actor), claimId, false);
}

/** Throw the open draft away: readers never saw it; the published version stays. */
export async function discardCorrection(
  db: D1Database,
  claimId: string,
  expected: ExpectedVersion,
  actor: Actor,
): Promise<Outcome<Claim>> {
  const loaded = await loadAt(db, claimId, expected);
  if ('ok' in loaded) return loaded;
  const { claim, draft } = loaded.detail;
  if (!draft) return conflict('no_draft', 'No draft to discard', 'This claim has no open draft.');
  return done(await discardDraftRows(db, claimId, claim.version, actor), claimId, false);
}

/**
 * An edit of a published claim's public fields goes into its draft (never straight to
 * readers); the assignee, which readers never see, changes at once. Without an open draft
 * the edit is refused: a published claim changes only through a correction or update.
 */
export async function editDraft(
  detail: ClaimDetail,
  db: D1Database,
  patch: ClaimPatch,
  actor: Actor,
): Promise<Outcome<Claim>> {
  const { claim, draft } = detail;
  const publicKeys = DRAFT_FIELDS.filter((k) => k in patch);
  if (!draft) return refuse(draftRequired('claim'));
  const fields: DraftFields = { ...draft.fields };
  for (const key of publicKeys) {
    const value = patch[key];
    // A field set back to its published value leaves the draft.
    if (JSON.stringify(value) === JSON.stringify(claim[key])) delete fields[key];
    else Object.assign(fields, { [key]: value });
  }
  const before = Object.fromEntries(publicKeys.map((k) => [k, draftClaim(detail)[k]]));
  const after = Object.fromEntries(publicKeys.map((k) => [k, patch[k]]));
  const direct = 'assigneeId' in patch ? { assigneeId: patch.assigneeId ?? null } : {};
  const result = await updateDraftFields(
    db,
    claim,
    claim.version,
    fields,
    direct,
    { before, after: { ...after, ...direct } },
    actor,
  );
  return done(result, claim.id, false);
}

export interface PublishOptions {
  expectedVersion: ExpectedVersion;
  note?: string | null;
  /** Set when a second editor approves another editor's request. */
  approval?: { requestedBy: number; approverId: number };
}

/**
 * First publication of an in-review claim: its newest verdict and sources become public as
 * version 1. Needs a verdict; with the second-editor setting, an approval.
 */
export async function publishFirst(
  db: D1Database,
  claimId: string,
  opts: PublishOptions,
  actor: Actor,
): Promise<Outcome<Claim>> {
  const loaded = await loadAt(db, claimId, opts.expectedVersion);
  if ('ok' in loaded) return loaded;
  const { detail } = loaded;
  const { claim } = detail;
  if (!canMove(claim.status, 'published')) {
    return refuse({
      kind: 'illegal-move',
      from: claim.status,
      to: 'published',
      message: illegalMoveMessage(claim.status, 'published'),
    });
  }
  if (!detail.currentVerdict) return refuse({ kind: 'verdict-required' });
  if (detail.settings.publishNeedsSecondEditor && !opts.approval) return approvalRequired();
  // ClaimReview needs the claim's own short wording: an editor's, else the proposal from its text.
  const reviewed = claim.claimReviewed ?? proposeClaimReviewed(claim.text);
  const snapshot = publicSnapshot(
    { ...claim, claimReviewed: reviewed },
    draftSources(detail.sources),
    detail.currentVerdict,
  );
  const v: PublishVersion = {
    kind: 'publication',
    note: opts.note?.trim() || null,
    snapshot,
    verdictId: detail.currentVerdict.publishedAt ? null : detail.currentVerdict.id,
    editorId: opts.approval?.requestedBy ?? actor.userId,
    approverId: opts.approval?.approverId ?? null,
  };
  const out = done(await publishClaim(db, claim, claim.version, v, actor), claimId, true);
  return emitOnSuccess(db, 'claim.published', out);
}

function approvalRequired(): Refused {
  return conflict(
    'approval_required',
    'Publishing needs a second editor',
    'This newsroom requires another editor to approve: request approval instead.',
  );
}

/** "Publish correction": the draft replaces the public version, with its public note. */
export async function publishCorrection(
  db: D1Database,
  claimId: string,
  opts: PublishOptions,
  actor: Actor,
): Promise<Outcome<Claim>> {
  const noteProblem = noteRefusal(opts.note);
  const loaded = await loadAt(db, claimId, opts.expectedVersion);
  if ('ok' in loaded) return loaded;
  const { detail } = loaded;
  const { claim } = detail;
  if (claim.status !== 'published' || !detail.draft) {
    return conflict('no_draft', 'No draft to publish', 'Start a correction first.');
  }
  if (noteProblem) return noteProblem;
  const before = detail.versions.at(-1)?.snapshot ?? livePublicSnapshot(detail);
  const after = pendingSnapshot(detail);
  const kind = changeKind(before, after);
  if (!kind) {
    return conflict(
      'nothing_to_publish',
      'The draft changes nothing readers see',
      'Change a public field, the sources or the verdict, or discard the draft.',
    );
  }
  if (detail.settings.publishNeedsSecondEditor && !opts.approval) return approvalRequired();
  const verdict = verdictToPublish(detail);
  const v: PublishVersion = {
    kind,
    note: opts.note!.trim(),
    snapshot: after,
    verdictId: verdict && !verdict.publishedAt ? verdict.id : null,
    editorId: opts.approval?.requestedBy ?? actor.userId,
    approverId: opts.approval?.approverId ?? null,
  };
  const out = done(await publishDraft(db, claim, claim.version, v, actor), claimId, true);
  return emitOnSuccess(db, kind === 'correction' ? 'verdict.corrected' : 'claim.updated', out);
}

/** What readers see now, for a published claim without a recorded version (older data). */
function livePublicSnapshot(detail: ClaimDetail): PublicSnapshot {
  return publicSnapshot(detail.claim, publicSources(detail.sources), detail.publishedVerdict);
}

/** Retract a published fact-check (admins only; a public note; final). */
export async function retract(
  db: D1Database,
  claimId: string,
  opts: { expectedVersion: ExpectedVersion; note?: string | null; isAdmin: boolean },
  actor: Actor,
): Promise<Outcome<Claim>> {
  const noteProblem = noteRefusal(opts.note);
  const loaded = await loadAt(db, claimId, opts.expectedVersion);
  if ('ok' in loaded) return loaded;
  const { detail } = loaded;
  if (!canMove(detail.claim.status, 'retracted')) {
    return refuse({
      kind: 'illegal-move',
      from: detail.claim.status,
      to: 'retracted',
      message: illegalMoveMessage(detail.claim.status, 'retracted'),
    });
  }
  if (!opts.isAdmin) {
    return refuse({ kind: 'forbidden', message: 'Only an admin can retract a fact-check.' });
  }
  if (noteProblem) return noteProblem;
  const v: PublishVersion = {
    kind: 'retraction',
    note: opts.note!.trim(),
    snapshot: detail.versions.at(-1)?.snapshot ?? livePublicSnapshot(detail),
    verdictId: null,
    editorId: actor.userId,
    approverId: null,
  };
  const out = done(
    await retractClaimRows(db, detail.claim, detail.claim.version, v, actor),
    claimId,
    true,
  );
  return emitOnSuccess(db, 'claim.retracted', out);
}

/**
 * Ask another editor to publish (first publication or the open draft) exactly as it is now.
 * For a correction the public note travels with the request.
 */
export async function requestApproval(
  db: D1Database,
  claimId: string,
  opts: { expectedVersion: ExpectedVersion; note?: string | null },
  actor: Actor,
): Promise<Outcome<Claim>> {
  if (actor.userId === null) return refuse({ kind: 'forbidden', message: 'Sign in first.' });
  const loaded = await loadAt(db, claimId, opts.expectedVersion);
  if ('ok' in loaded) return loaded;
  const { detail } = loaded;
  const { claim } = detail;
  const correction = claim.status === 'published' && detail.draft !== null;
  if (!correction && claim.status !== 'in_review') {
    return conflict(
      'nothing_to_approve',
      'Nothing to approve',
      'Only a claim in review or a correction draft can be sent for approval.',
    );
  }
  if (!correction && !detail.currentVerdict) return refuse({ kind: 'verdict-required' });
  if (correction) {
    const noteProblem = noteRefusal(opts.note);
    if (noteProblem) return noteProblem;
  }
  const result = await requestPublication(db, claimId, claim.version, opts.note?.trim() || null, {
    ...actor,
    userId: actor.userId,
  });
  return done(result, claimId, false);
}

/** Withdraw a pending request (its requester, or an admin). */
export async function withdrawApproval(
  db: D1Database,
  claimId: string,
  opts: { isAdmin: boolean },
  actor: Actor,
): Promise<Outcome<Claim>> {
  const detail = await getClaimDetail(db, claimId);
  if (!detail) return refuse({ kind: 'not-found' });
  const request = detail.publishRequest;
  if (!request) return conflict('no_request', 'No pending request', 'Nothing to withdraw.');
  if (request.requestedBy !== actor.userId && !opts.isAdmin) {
    return refuse({
      kind: 'forbidden',
      message: 'Only its requester or an admin can withdraw it.',
    });
  }
  return done(
    await withdrawPublishRequest(db, claimId, detail.claim.version, actor),
    claimId,
    false,
  );
}

/**
 * A second editor approves a pending request: it publishes what the requester saw (the claim
 * must still be at the requested version) with both names on the record.
 */
export async function approve(
  db: D1Database,
  claimId: string,
  actor: Actor,
): Promise<Outcome<Claim>> {
  const detail = await getClaimDetail(db, claimId);
  if (!detail) return refuse({ kind: 'not-found' });
  const request = detail.publishRequest;
  if (!request) {
    return conflict('no_request', 'No pending request', 'Nobody asked to publish this claim.');
  }
  if (actor.userId === null || request.requestedBy === actor.userId) {
    return refuse({
      kind: 'forbidden',
      message: 'A second editor must approve: you cannot approve your own request.',
    });
  }
  const opts: PublishOptions = {
    expectedVersion: request.claimVersion,
    note: request.note,
    approval: { requestedBy: request.requestedBy, approverId: actor.userId },
  };
  return detail.claim.status === 'published'
    ? publishCorrection(db, claimId, opts, actor)
    : publishFirst(db, claimId, opts, actor);
}

/** A public field as the record names it. */
export type RecordField =
  | 'text'
  | 'claimant'
  | 'claimDate'
  | 'appearances'
  | 'claimReviewed'
  | 'headline'
  | 'explanation'
  | 'sources'
  | 'language';

export interface RecordChange {
  field: RecordField;
  /** The earlier wording ('' when there was none); for sources, the ones withdrawn. */
  before: string;
  /** The new wording; for sources, the ones added. */
  after: string;
}

function sourceLine(s: PublicSnapshot['sources'][number]): string {
  return s.title ? `${s.title} (${s.url})` : s.url;
}

/**
 * What changed between two public versions, field by field, for the public log (the IFCN
 * transparency rule: show the earlier wording, not only that something changed).
 */
export function snapshotChanges(
  before: PublicSnapshot,
  after: PublicSnapshot,
): { ratingBefore: string | null; ratingAfter: string | null; changes: RecordChange[] } {
  const changes: RecordChange[] = [];
  const push = (field: RecordField, a: string | null | undefined, b: string | null | undefined) => {
    if ((a ?? '') !== (b ?? '')) changes.push({ field, before: a ?? '', after: b ?? '' });
  };
  push('text', before.text, after.text);
  push('claimReviewed', before.claimReviewed, after.claimReviewed);
  push('claimant', before.claimant, after.claimant);
  push('claimDate', before.claimDate, after.claimDate);
  push('language', before.language, after.language);
  push('appearances', before.appearances.join('\n'), after.appearances.join('\n'));
  push('headline', before.verdict?.headline, after.verdict?.headline);
  push('explanation', before.verdict?.explanation, after.verdict?.explanation);
  const was = new Set(before.sources.map(sourceLine));
  const now = new Set(after.sources.map(sourceLine));
  const removed = [...was].filter((s) => !now.has(s));
  const added = [...now].filter((s) => !was.has(s));
  if (removed.length || added.length)
    changes.push({ field: 'sources', before: removed.join('\n'), after: added.join('\n') });
  const ratingBefore = before.verdict?.ratingKey ?? null;
  const ratingAfter = after.verdict?.ratingKey ?? null;
  return ratingBefore === ratingAfter
    ? { ratingBefore: null, ratingAfter: null, changes }
    : { ratingBefore, ratingAfter, changes };
}
