/** ClaimReview's short-summary limit (UTF-16 units, like `maxlength`), enforced on every surface. */
export const SUMMARY_MAX = 75;
