/**
 * Outgoing webhooks: `emitEvent` (called by the domain right after a write that made the event)
 * records one delivery per subscribed endpoint and queues `webhook.deliver` jobs; the job signs the
 * message the Standard Webhooks way and sends it through the one `WebhookSender`.
 */
import { env as workerEnv } from 'cloudflare:workers';
import type { Claim } from '../../d1/claims';
import {
  getDelivery,
  getEndpointSecrets,
  insertEventDeliveries,
  markDeliveryFailed,
  recordAttempt,
  strandedDeliveries,
} from '../../d1/webhooks';
import type { Bindings } from '../env';
import { checkArticleUrl } from '../ingest/fetch-article';
import { IngestError } from '../ingest/errors';
import type { JobHandler } from '../jobs/registry';
import { openWebhookSecret } from '../lib/reader-keys';
import type { WebhookEvent } from '../lib/webhook-events';
import { webhookHeaders } from '../lib/webhook-signature';

/** What a receiver gets: the Standard Webhooks payload shape `{ type, timestamp, data }`. */
/** The claim fields an event carries. */
export type EventClaim = Pick<Claim, 'id' | 'status' | 'version' | 'language' | 'text'>;

export function eventPayload(event: WebhookEvent, claim: EventClaim, at = new Date()): string {
  return JSON.stringify({
    type: event,
    timestamp: at.toISOString(),
    data: {
      claim: {
        id: claim.id,
        status: claim.status,
        version: claim.version,
        language: claim.language,
        text: claim.text,
        path: `/claims/${claim.id}`,
      },
    },
  });
}

/** Log without failing: an event must never undo or fail the write that made it. */
function logEvent(event: string, fields: Record<string, unknown>): void {
  console.log(JSON.stringify({ level: 'warn', event, ...fields }));
}

/**
 * Record the deliveries of one event (one INSERT … SELECT over the subscribed endpoints) and queue
 * them. Never throws: a delivery whose message could not be queued is picked up by the cron sweep.
 */
export async function emitEvent(
  db: D1Database,
  event: WebhookEvent,
  claim: EventClaim,
): Promise<void> {
  try {
    const ids = await insertEventDeliveries(db, event, eventPayload(event, claim));
    if (ids.length > 0) await queueDeliveries(workerEnv, ids);
  } catch (error) {
    logEvent('webhook.emit_failed', { type: event, claim: claim.id, error: String(error) });
  }
}

/** `emitEvent` when the outcome is a success; returns the outcome (a one-line hook in the domain). */
export async function emitOnSuccess<O extends { ok: boolean; value?: unknown }>(
  db: D1Database,
  event: WebhookEvent | ((value: Claim) => WebhookEvent | null),
  outcome: O,
): Promise<O> {
  if (outcome.ok) {
    const claim = outcome.value as Claim;
    const name = typeof event === 'function' ? event(claim) : event;
    if (name) await emitEvent(db, name, claim);
  }
  return outcome;
}

export async function queueDeliveries(env: Pick<Bindings, 'JOBS'>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await env.JOBS.sendBatch(ids.map((id) => ({ body: { type: 'webhook.deliver', id } })));
}

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** The URL is refused by the outbound rules: retrying will not help. */
  refused?: boolean;
}

/** The one way a webhook leaves the Worker. */
export interface WebhookSender {
  send(url: string, headers: Record<string, string>, body: string): Promise<SendResult>;
}

/** Why a webhook URL is refused (https only; never this Worker or a private/loopback address), or null. */
export function webhookUrlRefusal(url: string, publicOrigin?: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Not a valid absolute URL.';
  }
  if (parsed.protocol !== 'https:') return 'Webhook URLs must use https.';
  const ownHosts: string[] = [];
  try {
    if (publicOrigin) ownHosts.push(new URL(publicOrigin).hostname);
  } catch {
    // A malformed PUBLIC_ORIGIN names no host to protect.
  }
  try {
    checkArticleUrl(parsed, { ownHosts });
  } catch (err) {
    if (err instanceof IngestError) return err.message;
    throw err;
  }
  return null;
}

const SEND_TIMEOUT_MS = 10_000;

/** The production sender (global fetch), or the WEBHOOK_FETCHER service in tests. */
export function webhookSender(
  env: Pick<Bindings, 'PUBLIC_ORIGIN' | 'WEBHOOK_FETCHER'>,
): WebhookSender {
  const transport = env.WEBHOOK_FETCHER;
  return {
    async send(url, headers, body) {
      const refusal = webhookUrlRefusal(url, env.PUBLIC_ORIGIN);
      if (refusal)
        return { ok: false, statusCode: null, error: refusal, durationMs: 0, refused: true };
      const started = Date.now();
      const req = new Request(url, {
        method: 'POST',
        // A redirect is an answer, not a hop: following it would reach an unchecked address.
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'ClaimDesk-Webhooks/1',
          ...headers,
        },
        body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      try {
        const res = await (transport ? transport.fetch(req) : fetch(req));
        await res.body?.cancel();
        const ok = res.status >= 200 && res.status < 300;
        return {
          ok,
          statusCode: res.status,
          error: ok ? null : `The endpoint answered HTTP ${res.status}.`,
          durationMs: Date.now() - started,
        };
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        return {
          ok: false,
          statusCode: null,
          error: timedOut
            ? 'The endpoint did not answer in time.'
            : 'The endpoint could not be reached.',
          durationMs: Date.now() - started,
        };
      }
    },
  };
}

/** The secrets that sign now: the current one, and the previous one inside its overlap window. */
async function signingSecrets(
  key: string,
  ep: { secretEnc: string; previousSecretEnc: string | null; previousExpiresAt: string | null },
  now: Date,
): Promise<string[]> {
  const out: string[] = [];
  const current = await openWebhookSecret(key, ep.secretEnc);
  if (current) out.push(current);
  if (ep.previousSecretEnc && ep.previousExpiresAt && ep.previousExpiresAt > now.toISOString()) {
    const previous = await openWebhookSecret(key, ep.previousSecretEnc);
    if (previous) out.push(previous);
  }
  return out;
}

/** `webhook.deliver`: send one delivery; a failed answer throws so the queue retries with back-off. */
export const webhookDeliverJob: JobHandler = {
  async run(body, env) {
    const id = String(body.id);
    const delivery = await getDelivery(env.DB, id);
    if (!delivery || delivery.status !== 'pending') return;
    const endpoint = await getEndpointSecrets(env.DB, delivery.endpointId);
    if (!endpoint || !endpoint.active) return;
    const now = new Date();
    const secrets = await signingSecrets(env.PUBLIC_DATA_KEY, endpoint, now);
    if (secrets.length === 0) {
      await markDeliveryFailed(
        env.DB,
        id,
        'The signing secret cannot be opened (PUBLIC_DATA_KEY changed?).',
      );
      return;
    }
    const headers = await webhookHeaders(
      secrets,
      id,
      Math.floor(now.getTime() / 1000),
      delivery.payload,
    );
    const result = await webhookSender(env).send(endpoint.url, headers, delivery.payload);
    await recordAttempt(env.DB, id, result);
    if (result.refused) {
      await markDeliveryFailed(env.DB, id);
      return;
    }
    if (!result.ok) throw new Error(`webhook ${id}: ${result.error}`);
  },
  async dead(body, env) {
    await markDeliveryFailed(env.DB, String(body.id), 'Gave up after the last retry.');
  },
};

/** Cron sweep: deliveries recorded but never queued (the queue was unreachable at the time). */
export async function requeueStranded(env: Bindings, now: Date): Promise<void> {
  const ids = await strandedDeliveries(env.DB, new Date(now.getTime() - 10 * 60_000).toISOString());
  await queueDeliveries(env, ids);
}
