/**
 * Webhooks and monitored feeds, the same for the JSON API and the desk admin pages: URL rules,
 * secrets (shown once, sealed at rest), rotation with an overlap window, redelivery, poll-now.
 */
import type { Actor } from '../../d1/audit';
import { createFeed, deleteFeed, getFeed, type Feed } from '../../d1/feeds';
import {
  createEndpoint,
  deleteEndpoint,
  resetDelivery,
  rotateEndpointSecret,
  type WebhookEndpoint,
} from '../../d1/webhooks';
import type { Bindings } from '../env';
import { IngestError } from '../ingest/errors';
import { checkArticleUrl } from '../ingest/fetch-article';
import { queueDeliveries, webhookUrlRefusal } from '../integrations/webhooks';
import { enqueue } from '../jobs/enqueue';
import { sealWebhookSecret } from '../lib/reader-keys';
import type { WebhookEvent } from '../lib/webhook-events';
import { newWebhookSecret } from '../lib/webhook-signature';
import { refuse, type Outcome } from './outcome';

type IntegrationEnv = Pick<Bindings, 'DB' | 'PUBLIC_DATA_KEY' | 'PUBLIC_ORIGIN' | 'JOBS'>;

function badUrl(message: string) {
  return refuse({ kind: 'invalid' as const, fields: [{ field: 'url', message }] });
}

/** Register an endpoint; the secret is in this answer only. */
export async function registerWebhook(
  env: IntegrationEnv,
  input: { url: string; description?: string | null; events: WebhookEvent[] },
  actor: Actor,
): Promise<Outcome<{ endpoint: WebhookEndpoint; secret: string }>> {
  const refusal = webhookUrlRefusal(input.url, env.PUBLIC_ORIGIN);
  if (refusal) return badUrl(refusal);
  const secret = newWebhookSecret();
  const endpoint = await createEndpoint(
    env.DB,
    {
      url: input.url,
      description: input.description ?? null,
      events: [...new Set(input.events)],
      secretEnc: await sealWebhookSecret(env.PUBLIC_DATA_KEY, secret),
    },
    actor,
  );
  return { ok: true, value: { endpoint, secret }, changed: [] };
}

export async function removeWebhook(
  env: IntegrationEnv,
  id: string,
  actor: Actor,
): Promise<Outcome<null>> {
  return (await deleteEndpoint(env.DB, id, actor))
    ? { ok: true, value: null, changed: [] }
    : refuse({ kind: 'not-found' });
}

/** A new secret signs from now on; the old one signs too for `overlapHours` (both signatures sent). */
export async function rotateWebhookSecret(
  env: IntegrationEnv,
  id: string,
  overlapHours: number,
  actor: Actor,
): Promise<Outcome<{ secret: string; previousExpiresAt: string }>> {
  const secret = newWebhookSecret();
  const previousExpiresAt = new Date(Date.now() + overlapHours * 3600_000).toISOString();
  const sealed = await sealWebhookSecret(env.PUBLIC_DATA_KEY, secret);
  if (!(await rotateEndpointSecret(env.DB, id, sealed, previousExpiresAt, actor)))
    return refuse({ kind: 'not-found' });
  return { ok: true, value: { secret, previousExpiresAt }, changed: [] };
}

/** Send a delivery again (same webhook-id); attempts keep counting. */
export async function redeliver(
  env: IntegrationEnv,
  endpointId: string,
  deliveryId: string,
  actor: Actor,
): Promise<Outcome<null>> {
  if (!(await resetDelivery(env.DB, endpointId, deliveryId, actor)))
    return refuse({ kind: 'not-found' });
  await queueDeliveries(env, [deliveryId]);
  return { ok: true, value: null, changed: [] };
}

/** Register a feed (polled at once by the next cron tick); the URL follows the article-fetch rules. */
export async function registerFeed(
  env: IntegrationEnv,
  input: { url: string; title?: string | null; intervalMinutes: number },
  actor: Actor,
): Promise<Outcome<Feed>> {
  try {
    checkArticleUrl(input.url, {
      ownHosts: env.PUBLIC_ORIGIN ? [new URL(env.PUBLIC_ORIGIN).hostname] : [],
    });
  } catch (err) {
    if (err instanceof IngestError) return badUrl(err.message);
    throw err;
  }
  const feed = await createFeed(
    env.DB,
    { url: input.url, title: input.title ?? null, intervalMinutes: input.intervalMinutes },
    actor,
  );
  if (!feed) return badUrl('This feed is already registered.');
  return { ok: true, value: feed, changed: [] };
}

export async function removeFeed(
  env: IntegrationEnv,
  id: string,
  actor: Actor,
): Promise<Outcome<null>> {
  return (await deleteFeed(env.DB, id, actor))
    ? { ok: true, value: null, changed: [] }
    : refuse({ kind: 'not-found' });
}

/** Queue a poll now, whatever the schedule says. */
export async function pollFeedNow(env: IntegrationEnv, id: string): Promise<Outcome<null>> {
  if (!(await getFeed(env.DB, id))) return refuse({ kind: 'not-found' });
  await enqueue(env, { type: 'feed.poll', id });
  return { ok: true, value: null, changed: [] };
}
