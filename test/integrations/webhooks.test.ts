import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { getDelivery } from '../../d1/webhooks';
import worker from '../../worker/index';
import { webhookDeliverJob, webhookSender } from '../../worker/integrations/webhooks';
import { DEAD_LETTER_QUEUE, JOBS_QUEUE } from '../../worker/jobs/queue';
import { WEBHOOK_EVENTS } from '../../worker/lib/webhook-events';
import { apiDraftedClaim, apiPublishedClaim, callJson, makeUser, unique } from '../helpers';

interface Received {
  headers: Record<string, string>;
  body: string;
  verified: boolean[];
}

/** Steer the fixture receiver `name`: the secrets it verifies with and the status it answers. */
async function receiver(name: string, secrets: string[], status = 204): Promise<void> {
  await env.WEBHOOK_FETCHER!.fetch(`https://fixture.test/__hooks/${name}`, {
    method: 'PUT',
    body: JSON.stringify({ secrets, status }),
  });
}

async function received(name: string): Promise<Received[]> {
  return (await env.WEBHOOK_FETCHER!.fetch(`https://fixture.test/__hooks/${name}`)).json();
}

async function register(token: string, name: string, events: readonly string[] = WEBHOOK_EVENTS) {
  const { res, body } = await callJson('/api/v1/webhooks', {
    token,
    body: { url: `https://hooks.example.com/hooks/${name}`, events },
  });
  expect(res.status).toBe(201);
  return body as { id: string; secret: string };
}

/** The deliveries an endpoint got for one claim, oldest first. */
async function deliveriesFor(endpointId: string, claimId: string) {
  const { results } = await env.DB.prepare(
    `SELECT id, event FROM webhook_deliveries WHERE endpoint_id = ?1 AND payload LIKE ?2 ORDER BY rowid`,
  )
    .bind(endpointId, `%"id":"${claimId}"%`)
    .all<{ id: string; event: string }>();
  return results;
}

async function runQueue(queue: string, id: string) {
  const batch = createMessageBatch(queue, [
    { id: 'm0', timestamp: new Date(), attempts: 1, body: { type: 'webhook.deliver', id } },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  return getQueueResult(batch, ctx);
}

describe('webhook endpoints', () => {
  it('shows the secret once, lists endpoints without it, and refuses http and private URLs', async () => {
    const admin = await makeUser('admin');
    const created = await register(admin.token, unique('reg'), ['claim.published']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const list = await callJson('/api/v1/webhooks', { token: admin.token });
    const mine = list.body.items.find((e: { id: string }) => e.id === created.id);
    expect(mine).toMatchObject({ events: ['claim.published'], active: true });
    expect(JSON.stringify(list.body)).not.toContain(created.secret);
    for (const url of [
      'http://hooks.example.com/x',
      'https://127.0.0.1/x',
      'https://169.254.169.254/latest',
      'https://intranet.local/x',
      'https://hooks.example.com:8443/x',
    ]) {
      const { res, body } = await callJson('/api/v1/webhooks', {
        token: admin.token,
        body: { url, events: ['claim.published'] },
      });
      expect(res.status, url).toBe(422);
      expect(body.errors[0].field, url).toBe('json.url');
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|SQLITE/);
    }
    const noEvents = await callJson('/api/v1/webhooks', {
      token: admin.token,
      body: { url: 'https://hooks.example.com/x', events: [] },
    });
    expect(noEvents.res.status).toBe(422);
    const del = await callJson(`/api/v1/webhooks/${created.id}`, {
      token: admin.token,
      method: 'DELETE',
    });
    expect(del.res.status).toBe(204);
    const again = await callJson(`/api/v1/webhooks/${created.id}`, {
      token: admin.token,
      method: 'DELETE',
    });
    expect(again.res.status).toBe(404);
  });

  it('the sender refuses non-https and private addresses whatever the stored URL', async () => {
    const sender = webhookSender({ PUBLIC_ORIGIN: 'https://claimdesk.test' });
    for (const url of [
      'http://hooks.example.com/x',
      'https://10.0.0.7/x',
      'https://claimdesk.test/x',
    ]) {
      const result = await sender.send(url, {}, '{}');
      expect(result, url).toMatchObject({ ok: false, refused: true, statusCode: null });
    }
  });
});

describe('webhook deliveries', () => {
  it('emits each event where it happens, and a receiver verifies the signature with standardwebhooks', async () => {
    const admin = await makeUser('admin');
    const name = unique('rcv');
    const endpoint = await register(admin.token, name);
    await receiver(name, [endpoint.secret]);
    // in_review (status_changed), published, a correction of the rating, then a retraction.
    const claim = await apiDraftedClaim(admin.token, 'mostly-false');
    const published = await callJson(`/api/v1/claims/${claim.id}/draft/publish`, {
      token: admin.token,
      body: { note: 'Revised figures from the statistics office.' },
      headers: { 'If-Match': `"v${claim.version}"` },
    });
    expect(published.res.status).toBe(200);
    const retracted = await callJson(`/api/v1/claims/${claim.id}/retract`, {
      token: admin.token,
      body: { note: 'The source was fabricated.' },
      headers: { 'If-Match': published.res.headers.get('ETag')! },
    });
    expect(retracted.res.status).toBe(200);
    const rows = await deliveriesFor(endpoint.id, claim.id);
    expect(rows.map((r) => r.event)).toEqual([
      'claim.status_changed',
      'claim.published',
      'verdict.corrected',
      'claim.retracted',
    ]);

    const corrected = rows[2]!;
    await webhookDeliverJob.run({ id: corrected.id }, env, 1);
    const got = (await received(name)).filter((r) => r.headers['webhook-id'] === corrected.id);
    expect(got.length).toBeGreaterThanOrEqual(1);
    expect(got[0]!.verified).toEqual([true]);
    expect(got[0]!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(got[0]!.body)).toMatchObject({
      type: 'verdict.corrected',
      data: { claim: { id: claim.id, status: 'published' } },
    });
    const row = await getDelivery(env.DB, corrected.id);
    expect(row).toMatchObject({ status: 'delivered', lastStatusCode: 204, lastError: null });
    expect(row!.attempts).toBeGreaterThanOrEqual(1);
    expect(row!.lastDurationMs).not.toBeNull();

    const log = await callJson(`/api/v1/webhooks/${endpoint.id}/deliveries`, {
      token: admin.token,
    });
    expect(log.res.status).toBe(200);
    expect(log.body.items.map((d: { id: string }) => d.id)).toContain(corrected.id);
  });

  it('during a rotation signs with both secrets (each verifies), after the overlap with the new one only', async () => {
    const admin = await makeUser('admin');
    const name = unique('rot');
    const endpoint = await register(admin.token, name, ['claim.published']);
    const rotated = await callJson(`/api/v1/webhooks/${endpoint.id}/rotate`, {
      token: admin.token,
      body: { overlapHours: 24 },
    });
    expect(rotated.res.status).toBe(200);
    const fresh = rotated.body.secret as string;
    expect(fresh).not.toBe(endpoint.secret);
    await receiver(name, [endpoint.secret, fresh]);

    const claim = await apiPublishedClaim(admin.token);
    const [first] = await deliveriesFor(endpoint.id, claim.id);
    await webhookDeliverJob.run({ id: first!.id }, env, 1);
    const both = (await received(name)).find((r) => r.headers['webhook-id'] === first!.id)!;
    expect(both.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(both.verified).toEqual([true, true]);

    // A second rotation with no overlap: only the newest secret signs.
    const again = await callJson(`/api/v1/webhooks/${endpoint.id}/rotate`, {
      token: admin.token,
      body: { overlapHours: 0 },
    });
    const newest = again.body.secret as string;
    await receiver(name, [endpoint.secret, fresh, newest]);
    const other = await apiPublishedClaim(admin.token);
    const [second] = await deliveriesFor(endpoint.id, other.id);
    await webhookDeliverJob.run({ id: second!.id }, env, 1);
    const one = (await received(name)).find((r) => r.headers['webhook-id'] === second!.id)!;
    expect(one.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(one.verified).toEqual([false, false, true]);
  });

  it('retries a failing endpoint with back-off, gives up from the DLQ, and redelivers on request', async () => {
    const admin = await makeUser('admin');
    const name = unique('down');
    const endpoint = await register(admin.token, name, ['claim.published']);
    await receiver(name, [endpoint.secret], 503);
    const claim = await apiPublishedClaim(admin.token);
    const [delivery] = await deliveriesFor(endpoint.id, claim.id);

    const result = await runQueue(JOBS_QUEUE, delivery!.id);
    expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(['m0']);
    const failing = await getDelivery(env.DB, delivery!.id);
    expect(failing).toMatchObject({ status: 'pending', lastStatusCode: 503 });
    expect(failing!.lastError).toContain('503');

    const dead = await runQueue(DEAD_LETTER_QUEUE, delivery!.id);
    expect(dead.explicitAcks).toEqual(['m0']);
    expect(await getDelivery(env.DB, delivery!.id)).toMatchObject({ status: 'failed' });

    await receiver(name, [endpoint.secret], 200);
    const redo = await callJson(
      `/api/v1/webhooks/${endpoint.id}/deliveries/${delivery!.id}/redeliver`,
      { token: admin.token, method: 'POST' },
    );
    expect(redo.res.status).toBe(202);
    await webhookDeliverJob.run({ id: delivery!.id }, env, 1);
    const done = await getDelivery(env.DB, delivery!.id);
    expect(done).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
    const ok = (await received(name)).filter((r) => r.headers['webhook-id'] === delivery!.id);
    expect(ok.at(-1)!.verified).toEqual([true]);

    const missing = await callJson(
      `/api/v1/webhooks/${endpoint.id}/deliveries/msg_000000000000000000000000/redeliver`,
      { token: admin.token, method: 'POST' },
    );
    expect(missing.res.status).toBe(404);
  });
});
