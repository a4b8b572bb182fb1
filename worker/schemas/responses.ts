/**
 * Response schemas of the JSON API (and so of the OpenAPI document). Each is checked at compile
 * time against the d1 type it describes, in both directions, so the document cannot drift from
 * what d1 returns: add a column to `Claim` and this file stops compiling until ClaimSchema has it.
 */
import { z } from '@hono/zod-openapi';
import type { Article, ArticleSummary } from '../../d1/articles';
import type { AuditEntry } from '../../d1/audit';
import type { ClaimDetail } from '../../d1/claim-detail';
import type { Claim } from '../../d1/claims';
import type { ClaimMatch } from '../../d1/matches';
import type { Rating } from '../../d1/ratings';
import type { Source } from '../../d1/sources';
import type { ApiToken } from '../../d1/tokens';
import type { User } from '../../d1/users';
import type { Verdict } from '../../d1/verdicts';
import {
  ClaimantTypeField,
  EXPLANATION_DOC,
  HEADLINE_DOC,
  RoleField,
  StanceField,
  StatusField,
  TokenScopeField,
} from './fields';

/** True when A and B are assignable to each other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** True when a schema's output and a d1 type are the same shape. */
type Describes<S extends z.ZodType, T> = Same<z.output<S>, T>;
/** Compiles only for `true`. */
type Check<T extends true> = T;

const ProblemSchema = z
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
    claimantType: ClaimantTypeField.nullable(),
    claimDate: z.string().nullable(),
    appearances: z.array(z.string()),
    claimReviewed: z.string().nullable().openapi({
      description:
        'A neutral short wording of the claim written by an editor (ClaimReview claimReviewed; ≤ 75 characters); null: not written yet, the claim text stands in.',
    }),
    articleId: z.string().nullable(),
    start: z.number().nullable(),
    end: z.number().nullable(),
    score: z.number().nullable(),
    claimType: z.string().nullable(),
    speaker: z.string().nullable(),
    why: z.array(z.string()),
    status: StatusField,
    duplicateOf: z.string().nullable(),
    assigneeId: z.number().nullable(),
    submissionCount: z.number(),
    version: z.number(),
    createdBy: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    retractedAt: z.string().nullable(),
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
    stance: StanceField,
    archivedUrl: z.string().nullable(),
    addedBy: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    draft: z.enum(['add', 'remove']).nullable().openapi({
      description:
        "In a correction draft: 'add' = public once the draft is published; 'remove' = withdrawn by the draft, still public until then",
    }),
  })
  .openapi('Source');

export const VerdictSchema = z
  .object({
    id: z.number(),
    claimId: z.string(),
    version: z.number(),
    ratingKey: z.string(),
    headline: z.string().openapi({ description: HEADLINE_DOC }),
    explanation: z.string().openapi({ description: EXPLANATION_DOC }),
    language: z.string(),
    correctionNote: z.string().nullable(),
    authorId: z.number().nullable(),
    authorName: z.string().nullable(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .openapi('Verdict');

const AuditEntrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actorId: z.number().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');

const SnapshotSchema = z
  .object({
    text: z.string(),
    claimant: z.string().nullable(),
    claimantType: ClaimantTypeField.nullable(),
    claimDate: z.string().nullable(),
    appearances: z.array(z.string()),
    claimReviewed: z.string().nullable(),
    language: z.string(),
    verdict: z
      .object({
        ratingKey: z.string(),
        headline: z.string(),
        explanation: z.string(),
        language: z.string(),
        version: z.number(),
      })
      .nullable(),
    sources: z.array(
      z.object({
        url: z.string(),
        title: z.string().nullable(),
        publisher: z.string().nullable(),
        stance: z.string(),
      }),
    ),
  })
  .openapi('PublicSnapshot');

export const ClaimVersionSchema = z
  .object({
    id: z.number(),
    claimId: z.string(),
    number: z.number(),
    kind: z.enum(['publication', 'correction', 'update', 'retraction']),
    note: z.string().nullable(),
    snapshot: SnapshotSchema,
    publishedAt: z.string(),
    editorId: z.number().nullable(),
    editorName: z.string().nullable(),
    approverId: z.number().nullable(),
    approverName: z.string().nullable(),
  })
  .openapi('ClaimVersion');

export const ClaimDraftSchema = z
  .object({
    claimId: z.string(),
    fields: z.object({
      text: z.string().optional(),
      claimant: z.string().nullable().optional(),
      claimantType: ClaimantTypeField.nullable().optional(),
      claimDate: z.string().nullable().optional(),
      appearances: z.array(z.string()).optional(),
      claimReviewed: z.string().nullable().optional(),
      language: z.string().optional(),
    }),
    createdBy: z.number().nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ClaimDraft');

export const PublishRequestSchema = z
  .object({
    claimId: z.string(),
    claimVersion: z.number(),
    note: z.string().nullable(),
    requestedBy: z.number(),
    requestedByName: z.string().nullable(),
    requestedAt: z.string(),
  })
  .openapi('PublishRequest');

export const SettingsSchema = z
  .object({ publishNeedsSecondEditor: z.boolean() })
  .openapi('NewsroomSettings');

export const ClaimDetailSchema = z.object({
  claim: ClaimSchema,
  sources: z.array(SourceSchema),
  currentVerdict: VerdictSchema.nullable(),
  publishedVerdict: VerdictSchema.nullable(),
  verdicts: z.array(VerdictSchema),
  audit: z.array(AuditEntrySchema),
  draft: ClaimDraftSchema.nullable(),
  versions: z.array(ClaimVersionSchema),
  publishRequest: PublishRequestSchema.nullable(),
  settings: SettingsSchema,
});

export const UserSchema = z
  .object({
    id: z.number(),
    email: z.string(),
    name: z.string(),
    role: RoleField,
    locale: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('User');

export const TokenSchema = z
  .object({
    id: z.number(),
    userId: z.number(),
    ownerName: z.string(),
    ownerEmail: z.string(),
    name: z.string(),
    scope: TokenScopeField,
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    state: z.enum(['active', 'expired', 'revoked']),
  })
  .openapi('ApiToken');

export const RatingSchema = z
  .object({
    key: z.string(),
    value: z.number().nullable(),
    color: z.string(),
    position: z.number(),
    labels: z.record(z.string(), z.string()),
  })
  .openapi('Rating');

export const ArticleSchema = z
  .object({
    id: z.string(),
    url: z.string().nullable(),
    canonicalUrl: z.string().nullable(),
    title: z.string().nullable(),
    byline: z.string().nullable(),
    publisher: z.string().nullable(),
    language: z.string(),
    direction: z.enum(['ltr', 'rtl']),
    publishedAt: z.string().nullable(),
    body: z.string(),
    fetchedAt: z.string().nullable(),
    createdBy: z.number().nullable(),
    createdAt: z.string(),
  })
  .openapi('Article');

export const ArticleSummarySchema = ArticleSchema.omit({ body: true })
  .extend({ claimCount: z.number() })
  .openapi('ArticleSummary');

export const MatchSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    status: z.string(),
    language: z.string(),
    similarity: z.number(),
    published_rating: z.string().nullable().optional(),
  })
  .openapi('ClaimMatch');

// The drift checks: one line per response schema and the d1 type it describes.
export type ResponseSchemasMatchD1 = [
  Check<Describes<typeof ClaimSchema, Claim>>,
  Check<Describes<typeof SourceSchema, Source>>,
  Check<Describes<typeof VerdictSchema, Verdict>>,
  Check<Describes<typeof AuditEntrySchema, AuditEntry>>,
  Check<Describes<typeof ClaimDetailSchema, ClaimDetail>>,
  Check<Describes<typeof UserSchema, User>>,
  Check<Describes<typeof TokenSchema, ApiToken>>,
  Check<Describes<typeof RatingSchema, Rating>>,
  Check<Describes<typeof ArticleSchema, Article>>,
  Check<Describes<typeof ArticleSummarySchema, ArticleSummary>>,
  Check<Describes<typeof MatchSchema, ClaimMatch>>,
];

/** Standard error responses for a route's OpenAPI description. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: 'Problem',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}

/** A JSON request body, marked required so a missing or non-JSON body is a validation error. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}
