/** Test data for e-mail: a claim in review with a verdict, and a reader's submission of it with an address. */
import { createMessageBatch, getQueueResult, createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { Actor } from '../../d1/audit';
import { createClaim, type Claim } from '../../d1/claims';
import { createSubmission } from '../../d1/submissions';
import { appendVerdict } from '../../d1/verdicts';
import type { Bindings } from '../../worker/env';
import worker from '../../worker/index';
import { moveClaim } from '../../worker/domain/claim-workflow';
import { encryptContact } from '../../worker/lib/reader-keys';
import { unique } from '../helpers';

export const ACTOR: Actor = { userId: null, requestId: 'test-notify' };

/** A claim taken to in_review with a draft verdict: ready to publish. */
export async function reviewedClaim(language = 'en', text?: string): Promise<Claim> {
  const claim = await createClaim(
    env.DB,
    { text: text ?? `${unique('Bread prices ')} doubled in 2025`, language, status: 'queued' },
    ACTOR,
  );
  const moved = await moveClaim(env.DB, claim.id, 'in_review', {}, ACTOR);
  if (!moved.ok) throw new Error('move to in_review failed');
  await appendVerdict(
    env.DB,
    claim.id,
    {
      ratingKey: 'false',
      headline: 'They did not double',
      explanation: 'The statistics office reports 9%.',
      language,
      correctionNote: null,
    },
    ACTOR,
  );
  return moved.value;
}

/** A reader's submission of the claim's own text (it joins the claim), with an address or none. */
export async function readerSubmission(
  claim: Claim,
  email: string | null,
  language = claim.language,
): Promise<string> {
  const r = await createSubmission(
    env.DB,
    {
      text: claim.text,
      whereSeenUrl: null,
      whereSeenText: null,
      why: null,
      language,
      languageDetected: false,
      contactEmailEnc: email ? await encryptContact(env.PUBLIC_DATA_KEY, email) : null,
      trackingHash: unique('track'),
      ipHash: unique('ip'),
    },
    ACTOR,
  );
  if (r.claimId !== claim.id) throw new Error('the submission did not join the claim');
  return r.id;
}

export async function publish(claim: Claim): Promise<Claim> {
  const r = await moveClaim(env.DB, claim.id, 'published', {}, ACTOR);
  if (!r.ok) throw new Error(`publish failed: ${r.refusal.kind}`);
  return r.value;
}

export interface OutboxRowT {
  id: string;
  kind: string;
  recipient_ref: string;
  recipient_masked: string | null;
  locale: string;
  subject: string | null;
  body_text: string | null;
  status: string;
  transport: string | null;
  attempts: number;
  last_error: string | null;
  claim_id: string | null;
}

export async function outboxRows(where: string, ...params: unknown[]): Promise<OutboxRowT[]> {
  const { results } = await env.DB.prepare(
    `SELECT * FROM outbox WHERE ${where} ORDER BY created_at`,
  )
    .bind(...params)
    .all<OutboxRowT>();
  return results;
}

export async function contactOf(submissionId: string): Promise<string | null> {
  const row = await env.DB.prepare(`SELECT contact_email_enc FROM submissions WHERE id = ?1`)
    .bind(submissionId)
    .first<{ contact_email_enc: string | null }>();
  return row?.contact_email_enc ?? null;
}

/** The bindings with the HTTP transport pointed at the test provider (vitest.config.ts MAIL_API). */
export function httpEnv(): Bindings {
  return {
    ...env,
    MAIL_TRANSPORT: 'http',
    MAIL_FROM: 'Newsroom <desk@newsroom.test>',
    MAIL_API_URL: 'https://mail-provider.test/v1/send',
    MAIL_API_KEY: 'test-mail-key',
  };
}

/** Run one queue batch through the Worker's queue handler with these bindings. */
export async function runQueue(queue: string, bodies: unknown[], bindings: Bindings = env) {
  const batch = createMessageBatch(
    queue,
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, bindings);
  return getQueueResult(batch, ctx);
}
