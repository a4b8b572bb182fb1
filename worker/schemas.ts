/** zod schemas shared by the JSON API routes and the OpenAPI document. */
import { z } from '@hono/zod-openapi';
import { ID_PATTERN } from './lib/ids';
import { STATUSES } from './lib/status';

export const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Must be a BCP 47 language tag such as ar, en or fr')
  .max(35);

export const HttpUrl = z
  .url({ protocol: /^https?$/, message: 'Must be an http or https URL' })
  .max(2048);

export const IdParam = z.object({
  id: z.string().regex(ID_PATTERN, 'Not a claim id').openapi({ param: { name: 'id', in: 'path' }, example: 'k3m9x2p7q4r8t1v5' }),
});

/** Dates: a calendar day or a full timestamp. */
export const IsoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export const ClaimSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    language: z.string(),
    claimant: z.string().nullable(),
    claimantType: z.enum(['person', 'organization']).nullable(),
    claimDate: z.string().nullable(),
    appearances: z.array(z.string()),
    articleId: z.string().nullable(),
    start: z.number().nullable(),
    end: z.number().nullable(),
    score: z.number().nullable(),
    claimType: z.string().nullable(),
    speaker: z.string().nullable(),
    why: z.array(z.string()),
    status: z.enum(STATUSES),
    duplicateOf: z.string().nullable(),
    assigneeId: z.number().nullable(),
    submissionCount: z.number(),
    version: z.number(),
    createdBy: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .openapi('Claim');

export const SourceSchema = z
  .object({
    id: z.number(),
    claimId: z.string(),
    url: z.string(),
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    excerpt: z.string().nullable(),
    stance: z.enum(['supports', 'refutes', 'context']),
    archivedUrl: z.string().nullable(),
    addedBy: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Source');

export const VerdictSchema = z
  .object({
    id: z.number(),
    claimId: z.string(),
    version: z.number(),
    ratingKey: z.string(),
    summary: z.string(),
    explanation: z.string(),
    language: z.string(),
    correctionNote: z.string().nullable(),
    authorId: z.number().nullable(),
    authorName: z.string().nullable(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .openapi('Verdict');

export const UserSchema = z
  .object({
    id: z.number(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'editor']),
    locale: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('User');

/** Standard error responses for a route's OpenAPI description. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: 'Problem', content: { 'application/problem+json': { schema: ProblemSchema } } }]),
  );
}

/** A JSON request body, marked required so a missing or non-JSON body is a validation error. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}
