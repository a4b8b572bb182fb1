/** zod schemas of webhooks and monitored feeds (API bodies, desk forms, OpenAPI responses). */
import { z } from '@hono/zod-openapi';
import { ID_PATTERN } from '../lib/ids';
import { ROTATION_DEFAULT_HOURS, ROTATION_MAX_HOURS, WEBHOOK_EVENTS } from '../lib/webhook-events';
import { HttpUrl, text } from './fields';

export const IntegrationIdParam = z.object({
  id: z
    .string()
    .regex(ID_PATTERN, 'Not an id')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'k3m9x2p7q4r8t1v5' }),
});

export const DeliveryParams = IntegrationIdParam.extend({
  deliveryId: z
    .string()
    .regex(/^msg_[0-9a-f]{24}$/, 'Not a delivery id')
    .openapi({ param: { name: 'deliveryId', in: 'path' } }),
});

export const WebhookFields = {
  url: HttpUrl.openapi({ description: 'https only; never a private or loopback address' }),
  description: text().trim().max(200, 'At most 200 characters').nullable().optional(),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1, 'Pick at least one event')
    .max(WEBHOOK_EVENTS.length),
};
export const NewWebhookBody = z.strictObject(WebhookFields).openapi('NewWebhook');

export const RotateFields = {
  overlapHours: z
    .number()
    .int()
    .min(0)
    .max(ROTATION_MAX_HOURS, `At most ${ROTATION_MAX_HOURS} hours`)
    .default(ROTATION_DEFAULT_HOURS)
    .openapi({ description: 'How long the old secret keeps signing beside the new one' }),
};
export const RotateBody = z.strictObject(RotateFields);

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.string()),
    active: z.boolean(),
    previousExpiresAt: z.string().nullable(),
    createdAt: z.string(),
    delivered: z.number(),
    failed: z.number(),
    pending: z.number(),
  })
  .openapi('Webhook');

export const DeliverySchema = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    event: z.string(),
    payload: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number(),
    lastStatusCode: z.number().nullable(),
    lastError: z.string().nullable(),
    lastDurationMs: z.number().nullable(),
    createdAt: z.string(),
    lastAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('WebhookDelivery');

export const FeedFields = {
  url: HttpUrl,
  title: text().trim().max(200, 'At most 200 characters').nullable().optional(),
  intervalMinutes: z.number().int().min(10).max(1440).default(30),
};
export const NewFeedBody = z.strictObject(FeedFields).openapi('NewFeed');

export const FeedSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    title: z.string().nullable(),
    intervalMinutes: z.number(),
    active: z.boolean(),
    lastRunAt: z.string().nullable(),
    lastStatus: z.string().nullable(),
    lastError: z.string().nullable(),
    itemsSeen: z.number(),
    itemsIngested: z.number(),
    consecutiveErrors: z.number(),
    nextRunAt: z.string(),
    createdAt: z.string(),
  })
  .openapi('Feed');
