/** ClaimReview's short-summary limit (UTF-16 units, like `maxlength`), enforced on every surface. */
export const SUMMARY_MAX = 75;

/** Largest public submission body, form or JSON. */
export const SUBMIT_BODY_LIMIT = 16 * 1024;
