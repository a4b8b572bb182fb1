/**
 * Field schemas, each defined once: the JSON API's request bodies and the desk and public forms
 * (through worker/middleware/form-validator.ts) are built from these, so a rule cannot differ
 * between surfaces. Enums come from the zod-free tuples in worker/lib/.
 */
import { z } from '@hono/zod-openapi';
import { CLAIMANT_TYPES, ROLES, STANCES, TOKEN_SCOPES } from '../lib/enums';
import { isCommonPassword } from '../lib/common-passwords';
import { ID_PATTERN } from '../lib/ids';
import { CLAIM_REVIEWED_MAX, HEADLINE_MAX } from '../lib/limits';
import { STATUSES } from '../lib/status';
import { isWellFormedText } from '../lib/text';

/** The message (and submission field code) of text with NUL or an unpaired surrogate. */
export const MALFORMED_TEXT = 'malformed_text';

/**
 * Every free-text field starts here: a string that is well-formed Unicode without NUL
 * (worker/lib/text.ts). Chain trim/min/max after it as usual.
 */
export const text = (message = MALFORMED_TEXT) =>
  z.string().refine(isWellFormedText, { message, abort: true });

export const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Must be a BCP 47 language tag such as ar, en or fr')
  .max(35);

export const HttpUrl = z
  .url({ protocol: /^https?$/, message: 'Must be an http or https URL' })
  .max(2048);

/** Dates: a calendar day or a full timestamp. */
export const IsoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const Email = z.email().max(254);

/** An id made by newId() (claims, articles, submissions). */
export const Id = z.string().regex(ID_PATTERN, 'Not an id');

export const IdParam = z.object({
  id: z
    .string()
    .regex(ID_PATTERN, 'Not a claim id')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'k3m9x2p7q4r8t1v5' }),
});

export const StatusField = z.enum(STATUSES);
export const StanceField = z.enum(STANCES);
export const ClaimantTypeField = z.enum(CLAIMANT_TYPES);
export const RoleField = z.enum(ROLES);
export const TokenScopeField = z.enum(TOKEN_SCOPES);

/** A key on the rating scale as the scale editor accepts it (and filters expect it). */
export const RatingKey = z.string().regex(/^[a-z0-9-]{1,40}$/);
export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** A claim's version number, sent back with a desk form (the API uses If-Match). */
export const Version = z.coerce.number().int().positive();

// --- claims ---------------------------------------------------------------------------------
export const ClaimText = text()
  .trim()
  .min(3, 'At least 3 characters')
  .max(2000, 'At most 2000 characters');
export const Claimant = text().trim().min(1).max(200).nullable();
export const ClaimantType = ClaimantTypeField.nullable();
export const Appearances = z.array(HttpUrl).max(20);
/** ClaimReview's claimReviewed, written by an editor: a neutral short wording of the claim. */
export const ClaimReviewed = text()
  .trim()
  .min(1)
  .max(CLAIM_REVIEWED_MAX, `At most ${CLAIM_REVIEWED_MAX} characters (ClaimReview)`)
  .nullable()
  .openapi({
    description: `A neutral short wording of the claim (at most ${CLAIM_REVIEWED_MAX} UTF-16 units), published as ClaimReview claimReviewed; null: the claim text is used.`,
    example: 'Unemployment fell by 12% in 2025',
  });

// --- sources --------------------------------------------------------------------------------
export const SourceFields = {
  url: HttpUrl,
  title: text().trim().max(300).nullable().default(null),
  publisher: text().trim().max(200).nullable().default(null),
  excerpt: text().trim().max(2000).nullable().default(null),
  stance: StanceField,
  archivedUrl: HttpUrl.nullable().default(null),
};

// --- verdicts -------------------------------------------------------------------------------
export const HEADLINE_DOC = `The verdict's conclusion in one line (at most ${HEADLINE_MAX} characters), shown on cards and badges and published as the ClaimReview headline.`;
export const EXPLANATION_DOC =
  'Why: plain text in a small markup. A blank line starts a paragraph, a single newline is a line break; lines starting "- " or "* " are a bullet list, "1. " a numbered list; *emphasis*, _emphasis_, **strong**; [text](https://…) and bare http(s) URLs are links (no other scheme). HTML is never interpreted.';
export const VerdictFields = {
  ratingKey: z.string().min(1).max(40),
  headline: text()
    .trim()
    .min(3)
    .max(HEADLINE_MAX, `At most ${HEADLINE_MAX} characters (ClaimReview)`)
    .openapi({ description: HEADLINE_DOC }),
  explanation: text().trim().min(1).max(20_000).openapi({ description: EXPLANATION_DOC }),
  language: LanguageTag,
  correctionNote: text().trim().min(3).max(1000).optional(),
};

// --- users ----------------------------------------------------------------------------------
export const UserName = text().trim().min(1).max(120);

/** Password rules, each with a stable message code (the desk shows it in the editor's language). */
export const PASSWORD_MIN = 12;
export const NewPassword = text()
  .min(PASSWORD_MIN, 'password_too_short')
  .max(200, 'password_too_long')
  .refine((p) => p.trim() !== '', { message: 'password_blank', abort: true })
  .refine((p) => !isCommonPassword(p), 'password_common');

export const CredentialFields = {
  email: Email,
  password: text().min(1).max(200),
};

/** A six-digit code from an authenticator app (spaces forgiven). */
export const TotpCode = z
  .string()
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'six digits'));

/** Change of one's own password: the current one, the new one (the desk form adds a repeat). */
export const PasswordChangeFields = {
  currentPassword: text().min(1).max(200),
  newPassword: NewPassword,
};
