/** The events a webhook endpoint can subscribe to (zod-free, so schemas, d1 and views share it). */
export const WEBHOOK_EVENTS = [
  'claim.submitted',
  'claim.published',
  'verdict.corrected',
  'claim.updated',
  'claim.retracted',
  'claim.status_changed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Longest overlap of a rotated-out secret (hours), and the default. */
export const ROTATION_MAX_HOURS = 168;
export const ROTATION_DEFAULT_HOURS = 24;
