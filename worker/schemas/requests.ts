/** Request bodies shared by the JSON API and the HTML forms (the forms read them through formValidator). */
import { z } from '@hono/zod-openapi';
import { LANGUAGES } from '../lib/lang';
import { isWellFormedText } from '../lib/text';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '../lib/limits';
import { isHttpUrl } from '../seo/claim-review';
import {
  CredentialFields,
  TotpCode,
  Email,
  LanguageTag,
  MALFORMED_TEXT,
  NewPassword,
  PasswordChangeFields,
  RoleField,
  SourceFields,
  TokenScopeField,
  UserName,
  text,
  VerdictFields,
} from './fields';

export const SourceBody = z.strictObject(SourceFields);

export const VerdictBody = z.strictObject(VerdictFields);

export const Credentials = z.strictObject({
  ...CredentialFields,
  code: TotpCode.optional().openapi({
    description:
      "The six-digit code of the account's authenticator app, for accounts with two-step sign-in on (otherwise 401 second_factor_required).",
    example: '123456',
  }),
});

export const PasswordChangeBody = z.strictObject(PasswordChangeFields);

export const NewUserBody = z.strictObject({
  email: Email,
  name: UserName,
  role: RoleField,
  password: NewPassword,
  locale: LanguageTag.nullable().optional(),
});

export const UserPatchFields = {
  name: UserName.optional(),
  role: RoleField.optional(),
  active: z.boolean().optional(),
  locale: LanguageTag.nullable().optional(),
};

/** At least one member: a patch that changes nothing is a mistake. */
export const nonEmpty = (p: object) => Object.keys(p).length > 0;

/** POST /api/v1/tokens and the desk's token form. */
export const NewTokenFields = {
  name: z.string().trim().min(1).max(80),
  scope: TokenScopeField.default('write').openapi({
    description:
      'read: GET only; write: what an editor may do; admin: what an admin may do (admins only).',
  }),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(TOKEN_MAX_DAYS)
    .default(TOKEN_DEFAULT_DAYS)
    .openapi({ description: `Days until the token expires (default ${TOKEN_DEFAULT_DAYS}).` }),
};
export const NewTokenBody = z.strictObject(NewTokenFields);

export const UserPatchBody = z.strictObject(UserPatchFields).refine(nonEmpty, 'Nothing to change');

// --- public submissions ----------------------------------------------------------------------
const SUBMISSION_LIMITS = {
  textMin: 10,
  textMax: 1000,
  urlMax: 2000,
  whereTextMax: 500,
  whyMax: 1000,
  emailMax: 254,
} as const;

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
const optionalText = (max: number) => text().trim().max(max, `too_long:${max}`).default('');
const L = SUBMISSION_LIMITS;

/** The submission fields (the /submit form and POST /api/v1/submissions); each issue's message is a code ('required', 'too_long:1000', …). */
export const SubmissionFields = z.object({
  text: z
    .string('required')
    .refine(isWellFormedText, { message: MALFORMED_TEXT, abort: true })
    .trim()
    .min(1, 'required')
    .min(L.textMin, `too_short:${L.textMin}`)
    .max(L.textMax, `too_long:${L.textMax}`),
  where_url: optionalText(L.urlMax).refine((v) => v === '' || isHttpUrl(v), 'url'),
  where_text: optionalText(L.whereTextMax),
  why: optionalText(L.whyMax),
  language: z.enum(['', ...LANGUAGES] as const, 'language').default(''),
  email: optionalText(L.emailMax).refine((v) => v === '' || EMAIL.test(v), 'email'),
  website: z.string().max(1000).default(''),
});
export type SubmissionInput = z.output<typeof SubmissionFields>;

/** The field codes SubmissionFields reports; anything else is reported as 'required' or 'invalid'. */
export const SUBMISSION_CODE =
  /^(required|too_short:\d+|too_long:\d+|url|email|language|malformed_text)$/;
