/** The workspace's view of the public record: draft changes, pending request, retraction. */
import type { ClaimDetail } from '../../d1/claim-detail';
import { changeKind, draftClaim, pendingSnapshot, snapshotChanges } from '../domain/corrections';
import type { PublicationView } from '../views/desk/workspace-record';

export function publicationView(
  detail: ClaimDetail,
  user: { id: number; role: string } | null,
): PublicationView {
  const latest = detail.versions.at(-1) ?? null;
  const retraction = latest?.kind === 'retraction' ? latest : null;
  const published = [...detail.versions].reverse().find((v) => v.kind !== 'retraction') ?? null;
  let draft: PublicationView['draft'] = null;
  if (detail.draft) {
    const after = pendingSnapshot(detail);
    const before = published?.snapshot ?? after;
    const diff = snapshotChanges(before, after);
    const kind = changeKind(before, after);
    draft = {
      createdByName: detail.draft.createdByName,
      createdAt: detail.draft.createdAt,
      kind: kind === 'correction' || kind === 'update' ? kind : null,
      ratingBefore: diff.ratingBefore,
      ratingAfter: diff.ratingAfter,
      changes: diff.changes,
    };
  }
  const request = detail.publishRequest;
  return {
    isAdmin: user?.role === 'admin',
    userId: user?.id ?? null,
    needsSecondEditor: detail.settings.publishNeedsSecondEditor,
    hasVerdict: detail.currentVerdict !== null,
    publishedVersion: published?.number ?? null,
    formClaim: draftClaim(detail),
    draft,
    request: request
      ? {
          requestedBy: request.requestedBy,
          requestedByName: request.requestedByName,
          requestedAt: request.requestedAt,
          note: request.note,
        }
      : null,
    retraction: retraction
      ? { at: retraction.publishedAt, note: retraction.note ?? '' }
      : detail.claim.status === 'retracted'
        ? { at: detail.claim.retractedAt ?? detail.claim.updatedAt, note: '' }
        : null,
  };
}
