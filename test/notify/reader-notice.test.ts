/** The reader's one message: written with the first publication, delivered to the local outbox, address erased. */
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { submitClaim } from '../../worker/domain/intake';
import { JOBS_QUEUE } from '../../worker/jobs/queue';
import { deliver, expireReaderContacts } from '../../worker/notify/deliver';
import { readerMailPossible } from '../../worker/notify/mailer';
import { DUMMY_TOKEN } from '../../worker/turnstile';
import { correct } from '../public/fixtures';
import { unique } from '../helpers';
import {
  ACTOR,
  contactOf,
  outboxRows,
  publish,
  readerSubmission,
  reviewedClaim,
  runQueue,
} from './notify-fixtures';

describe('reader notice on first publication', () => {
  it('writes exactly one message per reader with an address, never a second one', async () => {
    const claim = await reviewedClaim('ar', `${unique('ادعاء ')} تضاعف سعر الخبز`);
    const withAddress = await readerSubmission(claim, 'reader@example.org');
    await readerSubmission(claim, null);
    expect(await outboxRows('claim_id = ?1', claim.id)).toHaveLength(0);

    const published = await publish(claim);
    const rows = await outboxRows('claim_id = ?1', claim.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'reader.published',
      recipient_ref: `submission:${withAddress}`,
      locale: 'ar',
      status: 'queued',
      subject: null,
    });
    // The address is a reference: no row of the outbox holds it.
    expect(JSON.stringify(rows)).not.toContain('reader@example.org');

    // Publishing again is refused; a correction is a new version, not a second message.
    await expect(publish(published)).rejects.toThrow();
    await correct(published, { rating: 'mostly-false', note: 'The office revised its table.' });
    expect(await outboxRows('claim_id = ?1', claim.id)).toHaveLength(1);
  });

  it('is delivered by the job to the local outbox, in Arabic, and the address is deleted', async () => {
    const claim = await reviewedClaim('ar', `${unique('ادعاء ')} ارتفعت الأجور`);
    const submission = await readerSubmission(claim, 'rania@example.org');
    await publish(claim);
    const [row] = await outboxRows('claim_id = ?1', claim.id);

    const result = await runQueue(JOBS_QUEUE, [{ type: 'email.send', id: row!.id }]);
    expect(result.explicitAcks).toEqual(['m0']);
    const [sent] = await outboxRows('id = ?1', row!.id);
    expect(sent).toMatchObject({
      status: 'sent',
      transport: 'local',
      attempts: 1,
      recipient_masked: 'r***@example.org',
      subject: 'نُشر حكمنا على الادعاء الذي أرسلته',
    });
    expect(sent!.body_text).toContain(`/claims/${claim.id}?lang=ar`);
    expect(sent!.body_text).toContain('حذفنا بريدك الإلكتروني');
    expect(await contactOf(submission)).toBeNull();

    // A repeated message for the sent row does nothing.
    expect(await deliver(env, row!.id)).toBe('skipped');
    const [again] = await outboxRows('id = ?1', row!.id);
    expect(again).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('cancels the message when the reader deleted the address first', async () => {
    const claim = await reviewedClaim();
    const submission = await readerSubmission(claim, 'gone@example.org');
    await publish(claim);
    await env.DB.prepare(`UPDATE submissions SET contact_email_enc = NULL WHERE id = ?1`)
      .bind(submission)
      .run();
    const [row] = await outboxRows('claim_id = ?1', claim.id);
    expect(await deliver(env, row!.id)).toBe('cancelled');
    expect((await outboxRows('id = ?1', row!.id))[0]).toMatchObject({ status: 'cancelled' });
  });
});

describe('the 90-day limit on readers’ addresses', () => {
  it('the daily task erases addresses older than 90 days and keeps newer ones', async () => {
    const claim = await reviewedClaim();
    const old = await readerSubmission(claim, 'old@example.org');
    const recent = await readerSubmission(claim, 'recent@example.org');
    const now = new Date();
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86400_000).toISOString();
    await env.DB.prepare(`UPDATE submissions SET created_at = ?2 WHERE id = ?1`)
      .bind(old, daysAgo(91))
      .run();
    await env.DB.prepare(`UPDATE submissions SET created_at = ?2 WHERE id = ?1`)
      .bind(recent, daysAgo(89))
      .run();
    expect(await expireReaderContacts(env, now)).toBeGreaterThanOrEqual(1);
    expect(await contactOf(old)).toBeNull();
    expect(await contactOf(recent)).not.toBeNull();
  });
});

describe('the form’s promise follows the configuration', () => {
  const base = { ENVIRONMENT: 'production', MAIL_FROM: 'N <d@news.test>' };
  it('asks for an address only when a mailer can send the message', () => {
    expect(readerMailPossible({ ...base, MAIL_TRANSPORT: '' })).toBe(false);
    expect(readerMailPossible({ ...base, MAIL_TRANSPORT: 'local' })).toBe(false);
    expect(readerMailPossible({ ...base, MAIL_TRANSPORT: 'cloudflare' })).toBe(false);
    expect(
      readerMailPossible({ ...base, MAIL_TRANSPORT: 'http', MAIL_API_URL: 'https://m.test' }),
    ).toBe(false);
    expect(
      readerMailPossible({
        ...base,
        MAIL_TRANSPORT: 'http',
        MAIL_API_URL: 'https://m.test',
        MAIL_API_KEY: 'k',
      }),
    ).toBe(true);
    expect(
      readerMailPossible({ ENVIRONMENT: 'local', MAIL_TRANSPORT: 'local', MAIL_FROM: '' }),
    ).toBe(true);
  });

  it('shows the e-mail field with the new promise locally', async () => {
    const page = await exports.default.fetch(new Request('https://claimdesk.test/submit?lang=fr'));
    const html = await page.text();
    expect(html).toContain('name="email"');
    expect(html).toContain('quand notre verdict est publié');
  });

  it('stores no address when no mailer is configured', async () => {
    const outcome = await submitClaim(
      { ...env, MAIL_TRANSPORT: '', ENVIRONMENT: 'production' },
      {
        text: `${unique('Rents ')} fell by half last year`,
        where_url: '',
        where_text: '',
        why: '',
        language: 'en',
        email: 'someone@example.org',
        website: '',
      },
      { address: `10.9.${Math.floor(Math.random() * 200)}.7`, turnstileToken: DUMMY_TOKEN },
      ACTOR,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const row = await env.DB.prepare(`SELECT contact_email_enc FROM submissions WHERE id = ?1`)
      .bind(outcome.value.result.id)
      .first<{ contact_email_enc: string | null }>();
    expect(row?.contact_email_enc).toBeNull();
  });
});
