/** ClaimReview's short-headline limit (UTF-16 units, like `maxlength`), enforced on every surface. */
export const HEADLINE_MAX = 75;

/** Largest public submission body, form or JSON. */
export const SUBMIT_BODY_LIMIT = 16 * 1024;

/** API token lifetimes, in days: the default, and the most a creator may choose. */
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;

/** ClaimReview's claimReviewed: a neutral short wording of the claim, same limit as a headline. */
export const CLAIM_REVIEWED_MAX = HEADLINE_MAX;
