/** A published list item as the ClaimReview its public page carries (http/claim-page-model.ts). */
import type { PublicItem } from '../../d1/public';
import type { Rating } from '../../d1/ratings';
import { ratingLabel } from '../lib/ratings';
import type { ClaimReviewInput } from '../seo/claim-review';
import { scaleBounds } from './rating-view';

/**
 * The same inputs the claim page gives `claimReview()`: first publication of a verdict as
 * datePublished, the current verdict's publication as dateModified, the rating's label in the
 * verdict's language.
 */
export function claimReviewInput(
  item: PublicItem,
  ratings: Rating[],
  ctx: { origin: string; org: string },
): ClaimReviewInput {
  const rating = ratings.find((r) => r.key === item.verdict.ratingKey);
  return {
    url: `${ctx.origin}/claims/${item.id}`,
    org: { name: ctx.org, url: `${ctx.origin}/` },
    claim: {
      text: item.text,
      claimant: item.claimant,
      claimantType: item.claimantType,
      claimDate: item.claimDate,
      appearances: item.appearances,
      claimReviewed: item.claimReviewed,
    },
    verdict: {
      headline: item.verdict.headline,
      language: item.verdict.language,
      datePublished: item.verdict.firstPublishedAt,
      dateModified: item.verdict.publishedAt,
    },
    rating: rating
      ? { label: ratingLabel(rating, item.verdict.language), value: rating.value }
      : { label: item.verdict.ratingKey, value: null },
    scale: scaleBounds(ratings),
  };
}
