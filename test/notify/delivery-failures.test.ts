/** A provider that refuses: attempts and the error recorded, retried, dead after the DLQ, visible and retryable in /desk/outbox. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DEAD_LETTER_QUEUE, JOBS_QUEUE } from '../../worker/jobs/queue';
import { deliver } from '../../worker/notify/deliver';
import { desk, post, signIn } from '../desk/desk-helpers';
import {
  contactOf,
  httpEnv,
  outboxRows,
  publish,
  readerSubmission,
  reviewedClaim,
  runQueue,
} from './notify-fixtures';

async function queuedNotice(email: string) {
  const claim = await reviewedClaim('fr');
  const submission = await readerSubmission(claim, email);
  await publish(claim);
  const [row] = await outboxRows('claim_id = ?1', claim.id);
  return { claim, submission, id: row!.id };
}

describe('delivery through the HTTP provider', () => {
  it('sends an accepted message and records the transport', async () => {
    const { id, submission } = await queuedNotice('ok-reader@example.org');
    expect(await deliver(httpEnv(), id)).toBe('sent');
    expect((await outboxRows('id = ?1', id))[0]).toMatchObject({
      status: 'sent',
      transport: 'http',
      attempts: 1,
    });
    expect(await contactOf(submission)).toBeNull();
  });

  it('records a refusal, asks the queue to retry, and marks the message dead after the DLQ', async () => {
    const { id, submission } = await queuedNotice('reject-me@example.org');
    const first = await runQueue(JOBS_QUEUE, [{ type: 'email.send', id }], httpEnv());
    expect(first.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(['m0']);
    let [row] = await outboxRows('id = ?1', id);
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'provider answered HTTP 500',
    });
    // The error never carries the address.
    expect(row!.last_error).not.toContain('reject-me');

    await runQueue(JOBS_QUEUE, [{ type: 'email.send', id }], httpEnv());
    [row] = await outboxRows('id = ?1', id);
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });

    const dead = await runQueue(DEAD_LETTER_QUEUE, [{ type: 'email.send', id }], httpEnv());
    expect(dead.explicitAcks).toEqual(['m0']);
    [row] = await outboxRows('id = ?1', id);
    expect(row).toMatchObject({ status: 'dead', attempts: 2 });
    // Nothing was sent: the address is still there for a retry.
    expect(await contactOf(submission)).not.toBeNull();
    // A late retry of a dead message does nothing.
    expect(await deliver(httpEnv(), id)).toBe('skipped');

    // The admin sees it in the outbox, with the error and a retry button.
    const admin = await signIn('admin');
    const list = await (await desk('/desk/outbox', { cookie: admin.cookie, ip: admin.ip })).text();
    expect(list).toContain(`/desk/outbox/${id}/retry`);
    expect(list).toContain('provider answered HTTP 500');
    expect(list).toContain('r***@example.org');
    const one = await desk(`/desk/outbox/${id}`, { cookie: admin.cookie, ip: admin.ip });
    expect(one.status).toBe(200);
    const page = await one.text();
    expect(page).toContain('dead');
    expect(page).not.toContain('reject-me@example.org');

    const retry = await post(admin, `/desk/outbox/${id}/retry`, {});
    expect(retry.status).toBe(303);
    expect(retry.headers.get('Location')).toBe('/desk/outbox?ok=retried');
    [row] = await outboxRows('id = ?1', id);
    expect(['queued', 'sent']).toContain(row!.status);
    const audit = await env.DB.prepare(
      `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'outbox.retry' AND entity_id = ?1`,
    )
      .bind(id)
      .first<{ n: number }>();
    expect(audit?.n).toBe(1);
    // A message that is not failed, dead or held cannot be retried again.
    const sentClaim = await queuedNotice('ok-again@example.org');
    expect(await deliver(env, sentClaim.id)).toBe('sent');
    expect((await post(admin, `/desk/outbox/${sentClaim.id}/retry`, {})).status).toBe(409);
  });

  it('holds the message when no mailer is configured', async () => {
    const { id } = await queuedNotice('held@example.org');
    expect(await deliver({ ...env, MAIL_TRANSPORT: '' }, id)).toBe('held');
    expect((await outboxRows('id = ?1', id))[0]).toMatchObject({
      status: 'held',
      last_error: 'not sent: no mailer',
    });
  });
});

describe('/desk/outbox access', () => {
  it('is for admins: editors get 403, strangers go to sign-in', async () => {
    const editor = await signIn('editor');
    expect((await desk('/desk/outbox', { cookie: editor.cookie, ip: editor.ip })).status).toBe(403);
    const anonymous = await desk('/desk/outbox');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('Location')).toContain('/desk/sign-in');
    const admin = await signIn('admin');
    expect((await desk('/desk/outbox', { cookie: admin.cookie, ip: admin.ip })).status).toBe(200);
    expect(
      (await desk('/desk/outbox/mnosuchmessage', { cookie: admin.cookie, ip: admin.ip })).status,
    ).toBe(404);
  });
});
