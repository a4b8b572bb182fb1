/**
 * schema.org ClaimReview, built from plain values (pure, no I/O). One per public claim page and
 * one per item of the DataFeed. Rules: ratingValue/bestRating/worstRating only for ratings on the
 * numeric scale; the claim's author is a Person or an Organization by claimant type; only
 * http(s) appearance URLs are emitted.
 */
import type { ClaimantType } from '../lib/enums';

export interface ClaimReviewInput {
  /** Canonical URL of the claim page. */
  url: string;
  org: { name: string; url: string };
  claim: {
    text: string;
    claimant: string | null;
    claimantType: ClaimantType | null;
    /** When the claim was made (ISO date), if known. */
    claimDate: string | null;
    appearances: string[];
    /** A neutral short wording of the claim itself (ClaimReview claimReviewed); else its text. */
    claimReviewed: string | null;
  };
  verdict: {
    /** The verdict's conclusion in one line (the review's headline, never claimReviewed). */
    headline: string;
    language: string;
    /** When the review was first published. */
    datePublished: string;
    /** When its newest public version was published. */
    dateModified: string;
  };
  rating: { label: string; value: number | null } | null;
  /** Best and worst values of the active scale (max and min of ratings.value). */
  scale: { best: number; worst: number } | null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** True for absolute http: or https: URLs (the only links we emit). */
export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function reviewRating(input: ClaimReviewInput): Json | undefined {
  if (!input.rating) return undefined;
  const rating: Record<string, Json> = {
    '@type': 'Rating',
    name: input.rating.label,
    alternateName: input.rating.label,
  };
  if (input.rating.value !== null && input.scale) {
    rating.ratingValue = input.rating.value;
    rating.bestRating = input.scale.best;
    rating.worstRating = input.scale.worst;
  }
  return rating;
}

function itemReviewed(claim: ClaimReviewInput['claim']): Json {
  const item: Record<string, Json> = { '@type': 'Claim' };
  if (claim.claimant) {
    item.author = {
      '@type': claim.claimantType === 'organization' ? 'Organization' : 'Person',
      name: claim.claimant,
    };
  }
  if (claim.claimDate) item.datePublished = claim.claimDate;
  const urls = claim.appearances.filter(isHttpUrl);
  if (urls.length) {
    item.appearance = urls.map((url) => ({ '@type': 'CreativeWork', url }));
    item.firstAppearance = { '@type': 'CreativeWork', url: urls[0]! };
  }
  return item;
}

/** The ClaimReview object (with @context) for one published verdict. */
export function claimReview(input: ClaimReviewInput): Record<string, Json> {
  const review: Record<string, Json> = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: input.url,
    claimReviewed: input.claim.claimReviewed || input.claim.text,
    headline: input.verdict.headline,
    author: { '@type': 'Organization', name: input.org.name, url: input.org.url },
    datePublished: input.verdict.datePublished,
    dateModified: input.verdict.dateModified,
    inLanguage: input.verdict.language,
    itemReviewed: itemReviewed(input.claim),
  };
  const rating = reviewRating(input);
  if (rating) review.reviewRating = rating;
  return review;
}

/**
 * JSON for a `<script type="application/ld+json">` body: `<`, `>` and `&` (and the JS line
 * separators and bidi controls) become \u escapes, so no claim text can close the script element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(
      /[\u2028\u2029\u202A-\u202E\u2066-\u2069]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16)}`,
    );
}
