/**
 * The closed vocabularies of ClaimDesk, each defined once as a `const` tuple plus its type (like
 * STATUSES in ./status.ts). Pure, no zod: d1/ imports these too; the zod schemas are built from
 * them in worker/schemas/.
 */

/** How a source bears on a claim. */
export const STANCES = ['supports', 'refutes', 'context'] as const;
export type Stance = (typeof STANCES)[number];

/** Who made a claim (ClaimReview's author @type). */
export const CLAIMANT_TYPES = ['person', 'organization'] as const;
export type ClaimantType = (typeof CLAIMANT_TYPES)[number];

/** Desk account roles. */
export const ROLES = ['admin', 'editor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What an API token may do: `read` only reads (GET), `write` does what an editor may, `admin` what
 * an admin may (only admins mint it). Never more than the owner's role at the time of the request.
 */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
