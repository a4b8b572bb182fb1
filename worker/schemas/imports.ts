/** Request and response shapes of the ClaimReview import (API; the desk reads the same fields). */
import { z } from '@hono/zod-openapi';
import { HttpUrl, Id, RatingKey, text } from './fields';

export const NewImportBody = z
  .strictObject({
    url: HttpUrl.optional().openapi({
      description: 'A page carrying ClaimReview JSON-LD (fetched under the article address rules)',
    }),
    document: z
      .union([text(), z.record(z.string(), z.unknown()), z.array(z.unknown())])
      .optional()
      .openapi({
        description:
          'A JSON-LD document: a ClaimReview, a list, an @graph or a schema.org DataFeed (as JSON or as its text)',
      }),
  })
  .refine((b) => (b.url === undefined) !== (b.document === undefined), {
    path: ['url'],
    message: 'Send either url or document',
  })
  .openapi('NewClaimReviewImport');

export const CommitImportBody = z
  .strictObject({
    mappings: z
      .array(z.strictObject({ label: z.number().int().min(0), rating: RatingKey }))
      .max(1000)
      .default([])
      .openapi({ description: 'Our rating per label of the preview (index into labels)' }),
    items: z
      .array(
        z.strictObject({
          index: z.number().int().min(0),
          claimId: Id.nullable().optional(),
          skip: z.boolean().optional(),
        }),
      )
      .max(1000)
      .default([])
      .openapi({ description: 'Per item: the matched claim (null: none) or skip' }),
  })
  .openapi('CommitClaimReviewImport');

const Rating = z.object({
  label: z.string(),
  value: z.number().nullable(),
  best: z.number().nullable(),
  worst: z.number().nullable(),
});

export const ImportSchema = z
  .object({
    id: z.string(),
    source: z.enum(['url', 'document']),
    sourceUrl: z.string().nullable(),
    status: z.enum(['preview', 'committed']),
    importedCount: z.number().nullable(),
    createdAt: z.string(),
    committedAt: z.string().nullable(),
    labels: z.array(
      z.object({
        publisherKey: z.string(),
        publisherName: z.string(),
        labelKey: z.string(),
        label: z.string(),
        proposed: z.string().nullable(),
        confirmed: z.boolean(),
      }),
    ),
    items: z.array(
      z.object({
        reviewUrl: z.string(),
        publisher: z.object({ name: z.string(), url: z.string().nullable() }),
        claimText: z.string(),
        claimant: z.string().nullable(),
        headline: z.string().nullable(),
        datePublished: z.string().nullable(),
        dateModified: z.string().nullable(),
        claimDate: z.string().nullable(),
        rating: Rating,
        language: z.string().nullable(),
        label: z.number(),
        matches: z.array(z.object({ id: z.string(), text: z.string(), similarity: z.number() })),
        proposedClaimId: z.string().nullable(),
        duplicate: z.boolean(),
      }),
    ),
    problems: z.array(
      z.object({ index: z.number(), url: z.string().nullable(), message: z.string() }),
    ),
  })
  .openapi('ClaimReviewImport');

export const CommitResultSchema = z
  .object({ import: ImportSchema, imported: z.number(), duplicates: z.number() })
  .openapi('ClaimReviewImportCommitted');
