/**
 * The public face a publication would give a claim, built from the desk's read of it: the page
 * readers would see (a PublicClaimPage for claimPageModel) and the claim as embeds would show it.
 * Nothing here is stored or public.
 */
import type { ClaimDetail } from '../../d1/claim-detail';
import type { ClaimVersion } from '../../d1/corrections';
import type { PublicClaimPage } from '../../d1/public';
import type { Rating } from '../../d1/ratings';
import type { Verdict } from '../../d1/verdicts';
import { changeKind, draftClaim, draftSources, pendingSnapshot } from '../domain/corrections';
import type { EmbedClaim } from '../embeds/view';

/**
 * What publishing now would show: the draft of a published claim, or an in-review claim's first
 * publication. Null when there is nothing to publish (no verdict, no draft, or retracted).
 */
export function previewPage(
  detail: ClaimDetail,
  ratings: Rating[],
  opts: { now: string; note: string },
): PublicClaimPage | null {
  const { claim, currentVerdict } = detail;
  const first = claim.status === 'in_review';
  if (!currentVerdict || !(first || (claim.status === 'published' && detail.draft))) return null;
  const published = detail.verdicts.filter((v) => v.publishedAt !== null);
  const pending: Verdict | null = currentVerdict.publishedAt
    ? null
    : { ...currentVerdict, publishedAt: opts.now };
  const snapshot = pendingSnapshot(detail);
  const before = detail.versions.at(-1)?.snapshot ?? null;
  const kind = first ? 'publication' : (changeKind(before ?? snapshot, snapshot) ?? 'update');
  const version: ClaimVersion = {
    id: 0,
    claimId: claim.id,
    number: (detail.versions.at(-1)?.number ?? 0) + 1,
    kind,
    note: first ? null : opts.note,
    snapshot,
    publishedAt: opts.now,
    editorId: null,
    editorName: null,
    approverId: null,
    approverName: null,
  };
  return {
    claim: {
      ...draftClaim(detail),
      status: 'published',
      publishedAt: claim.publishedAt ?? opts.now,
      updatedAt: opts.now,
    },
    sources: draftSources(detail.sources),
    verdicts: pending ? [...published, pending] : published,
    ratings,
    versions: [...detail.versions, version],
    removal: null,
    alsoChecked: [],
    related: [],
  };
}

/** The previewed claim as the partner card would show it. */
export function previewEmbedClaim(page: PublicClaimPage): EmbedClaim {
  const v = page.verdicts.at(-1)!;
  const rating = page.ratings.find((r) => r.key === v.ratingKey);
  return {
    id: page.claim.id,
    status: 'published',
    language: page.claim.language,
    text: page.claim.text,
    version: page.claim.version,
    verdict: {
      version: v.version,
      ratingKey: v.ratingKey,
      headline: v.headline,
      language: v.language,
      // What getEmbedClaim reads: the verdict version's own note (the record's note is not on it).
      correctionNote: v.correctionNote,
      rating: rating ? { color: rating.color, labels: rating.labels } : null,
    },
  };
}
