import { ratingLabel } from '../lib/ratings';
import { safeColor } from './color';
import { embedLangOf, REVIEW_COLOR, UNKNOWN_COLOR, embedWords, type EmbedLang } from './messages';

/** What an embed is given about a claim (what getEmbedClaim() reads, in one query). */
export interface EmbedClaim {
  id: string;
  status: string;
  language: string;
  text: string;
  /** claims.version: bumps on every edit and status change. */
  version: number;
  /** Retracted and removed from the public site by an admin: a neutral "removed" embed. */
  removed?: boolean;
  /** Its newest published verdict, or the pinned published version. */
  verdict: EmbedVerdict | null;
}

export interface EmbedVerdict {
  version: number;
  ratingKey: string;
  headline: string;
  language: string;
  /** Public note of a correction, else null. */
  correctionNote: string | null;
  /** The rating on the active scale; null when the key is not on it (any more). */
  rating: { color: string; labels: Record<string, string> } | null;
}

/** Bump when the rendered output changes shape, so old ETags stop matching. */
const RENDER_VERSION = 'e1';

/** Claim statuses whose existence is public before a verdict is (they show "in review"). */
const IN_REVIEW = new Set(['queued', 'in_review', 'duplicate']);

/** Everything an embed may show, decided once: published verdict, in review, or unknown. */
export type EmbedView =
  | {
      kind: 'published';
      lang: EmbedLang;
      claim: EmbedClaim;
      verdict: EmbedVerdict;
      label: string;
      message: string;
      color: string;
      etag: string;
    }
  | {
      /** A retracted fact-check: its verdict no longer stands, pinned versions included. */
      kind: 'review' | 'retracted';
      lang: EmbedLang;
      claim: EmbedClaim;
      label: string;
      message: string;
      color: string;
      etag: string;
    }
  | {
      /** Retracted and removed from the site: neutral, no claim text, no verdict, pinned or not. */
      kind: 'removed';
      lang: EmbedLang;
      claimId: string;
      label: string;
      message: string;
      color: string;
      etag: string;
    }
  | {
      kind: 'unknown';
      lang: EmbedLang;
      label: string;
      message: string;
      color: string;
      etag: string;
    };

export interface ViewOptions {
  /** Requested language; null = the claim's own (English when it is not one we ship). */
  lang: EmbedLang | null;
  /** A pinned verdict version (`?v=`), or null for the live one. */
  pinned: number | null;
  /** Route-specific part of the ETag (kind and options). */
  variant: string;
}

/**
 * What readers may see: a published claim shows its published verdict; a retracted one says
 * "retracted" (pinned versions too), or "removed" once an admin took it off the site; a queued, in-review or duplicate claim shows "in review";
 * anything else, including candidates,
 * submissions and rejected claims, looks exactly like an id that does not exist.
 * A pinned `?v=N` shows version N if it was ever published (verdicts are append-only, so it never changes).
 */
export function embedView(claim: EmbedClaim | null, opts: ViewOptions): EmbedView {
  const lang = opts.lang ?? embedLangOf(claim?.language) ?? 'en';
  const words = embedWords(lang);
  if (claim?.status === 'retracted' && claim.removed) {
    return {
      kind: 'removed',
      lang,
      claimId: claim.id,
      label: words.label,
      message: words.removed,
      color: UNKNOWN_COLOR,
      etag: `"${RENDER_VERSION}.g.${claim.id}.${claim.version}.${opts.variant}.${lang}"`,
    };
  }
  if (claim?.status === 'retracted') {
    return {
      kind: 'retracted',
      lang,
      claim,
      label: words.label,
      message: words.retracted,
      color: UNKNOWN_COLOR,
      etag: `"${RENDER_VERSION}.x.${claim.id}.${claim.version}.${opts.variant}.${lang}"`,
    };
  }
  const showVerdict = claim?.verdict && (opts.pinned !== null || claim.status === 'published');
  if (claim && claim.verdict && showVerdict) {
    const v = claim.verdict;
    const message = v.rating
      ? ratingLabel({ key: v.ratingKey, labels: v.rating.labels }, lang)
      : v.ratingKey;
    const etag = `"${RENDER_VERSION}.p.${claim.id}.${claim.version}.${v.version}.${opts.variant}.${lang}"`;
    return {
      kind: 'published',
      lang,
      claim,
      verdict: v,
      label: words.label,
      message,
      color: safeColor(v.rating?.color, REVIEW_COLOR),
      etag,
    };
  }
  if (
    claim &&
    opts.pinned === null &&
    (IN_REVIEW.has(claim.status) || claim.status === 'published')
  ) {
    const etag = `"${RENDER_VERSION}.r.${claim.id}.${claim.version}.${opts.variant}.${lang}"`;
    return {
      kind: 'review',
      lang,
      claim,
      label: words.label,
      message: words.inReview,
      color: REVIEW_COLOR,
      etag,
    };
  }
  return {
    kind: 'unknown',
    lang,
    label: words.label,
    message: words.unknown,
    color: UNKNOWN_COLOR,
    etag: `"${RENDER_VERSION}.u.${opts.variant}.${lang}"`,
  };
}
