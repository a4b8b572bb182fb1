/**
 * Delivery of the outbox (d1/outbox.ts): the `email.send` job, the hand-off of new rows to the
 * queue, and the cron work (lost jobs, the daily digest, the 90-day limit on readers' addresses).
 * A queue message only names a row; the row decides: a sent row is never sent again.
 */
import { getClaim } from '../../d1/claims';
import {
  claimForEnqueue,
  contactOfSubmission,
  digestLines,
  expireContacts,
  leaseMessage,
  mailableUser,
  markDead,
  markFailed,
  markSent,
  markStopped,
  messageStatements,
  saveComposed,
  type OutboxMessage,
} from '../../d1/outbox';
import { getUser } from '../../d1/users';
import type { Bindings } from '../env';
import { decryptContact } from '../lib/reader-keys';
import type { JobHandler } from '../jobs/registry';
import { digestNotice, editorNotice, maskAddress, readerNotice, type Composed } from './compose';
import { mailerOf, senderOf, type Mailer } from './mailer';

export const EMAIL_JOB = 'email.send';

/** A reader's address is kept at most this long, sent or not. */
export const CONTACT_MAX_DAYS = 90;

/** How long one delivery holds its row (longer than any provider call). */
const LEASE_SECONDS = 120;

type DeliverEnv = Pick<
  Bindings,
  | 'DB'
  | 'JOBS'
  | 'ENVIRONMENT'
  | 'ORG_NAME'
  | 'PUBLIC_ORIGIN'
  | 'PUBLIC_DATA_KEY'
  | 'MAIL_TRANSPORT'
  | 'MAIL_FROM'
  | 'MAIL_API_URL'
  | 'MAIL_API_KEY'
  | 'EMAIL'
  | 'MAIL_API'
>;

/** Links in e-mail: PUBLIC_ORIGIN (always set in production), else the writer's request origin. */
function originOf(env: Pick<Bindings, 'PUBLIC_ORIGIN'>, hint?: unknown): string {
  const origin = env.PUBLIC_ORIGIN || (typeof hint === 'string' ? hint : '');
  return (origin || 'http://localhost:8787').replace(/\/+$/, '');
}

type Resolved = { to: string; composed: Composed } | { stop: string };

/** Who receives a message composed at delivery, and what it says. */
async function resolve(env: DeliverEnv, m: OutboxMessage, origin: string): Promise<Resolved> {
  const [refKind, refId = ''] = m.recipientRef.split(':');
  const claim = m.claimId ? await getClaim(env.DB, m.claimId) : null;
  if (refKind === 'submission') {
    const blob = await contactOfSubmission(env.DB, refId);
    const to = blob ? await decryptContact(env.PUBLIC_DATA_KEY, blob) : null;
    if (!to) return { stop: 'no address: the reader deleted it' };
    if (!claim) return { stop: 'the claim is gone' };
    const lang = m.locale === 'en' ? '' : `?lang=${m.locale}`;
    return {
      to,
      composed: readerNotice({
        locale: m.locale,
        claimText: claim.text,
        claimUrl: `${origin}/claims/${claim.id}${lang}`,
        org: env.ORG_NAME,
      }),
    };
  }
  const user = await mailableUser(env.DB, Number(refId));
  if (!user) return { stop: 'the editor turned e-mail off or is inactive' };
  if (m.subject && m.bodyText) {
    return {
      to: user.email,
      composed: { subject: m.subject, bodyText: m.bodyText, bodyHtml: m.bodyHtml ?? '' },
    };
  }
  if (!claim) return { stop: 'the claim is gone' };
  const by = m.causedBy ? ((await getUser(env.DB, m.causedBy))?.name ?? '') : '';
  return {
    to: user.email,
    composed: editorNotice({
      kind: m.kind === 'editor.mention' ? 'mention' : 'assigned',
      locale: m.locale,
      by,
      claimText: claim.text,
      claimUrl: `${origin}/desk/claims/${claim.id}`,
      accountUrl: `${origin}/desk/account/email`,
    }),
  };
}

/**
 * Deliver one outbox row: compose it if needed, send it through the configured mailer, record
 * the result. A refusal is recorded and thrown (the queue retries with back-off, then the DLQ).
 */
export async function deliver(
  env: DeliverEnv,
  id: string,
  opts: { origin?: unknown; mailer?: Mailer | null; now?: Date } = {},
): Promise<OutboxMessage['status'] | 'skipped'> {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const until = new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString();
  const m = await leaseMessage(env.DB, id, at, until);
  if (!m) return 'skipped';
  const mailer = opts.mailer === undefined ? mailerOf(env) : opts.mailer;
  if (!mailer) {
    await markStopped(env.DB, id, 'held', 'not sent: no mailer', at);
    return 'held';
  }
  const resolved = await resolve(env, m, originOf(env, opts.origin));
  if ('stop' in resolved) {
    await markStopped(env.DB, id, 'cancelled', resolved.stop, at);
    return 'cancelled';
  }
  const { to, composed } = resolved;
  if (!m.subject || !m.recipientMasked) {
    await saveComposed(env.DB, id, { ...composed, recipientMasked: maskAddress(to) });
  }
  try {
    await mailer.send({
      from: senderOf(env),
      to,
      subject: composed.subject,
      text: composed.bodyText,
      html: composed.bodyHtml || null,
      messageId: `${id}@${new URL(originOf(env, opts.origin)).hostname}`,
      date: now,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'refused';
    await markFailed(env.DB, id, reason.split(to).join(maskAddress(to)), at);
    throw error;
  }
  await markSent(env.DB, m, mailer.transport, at);
  return 'sent';
}

/** The `email.send` job: `{ type, id, origin? }`. */
export const emailJob: JobHandler = {
  async run(body, env) {
    if (typeof body.id !== 'string') return;
    await deliver(env, body.id, { origin: body.origin });
  },
  async dead(body, env) {
    if (typeof body.id === 'string') await markDead(env.DB, body.id, new Date().toISOString());
  },
};

/**
 * Put a job on the queue for every queued row without one (and, with `lostBefore`, for rows
 * whose job was put there before it and never finished). Returns how many.
 */
export async function enqueuePending(
  env: Pick<Bindings, 'DB' | 'JOBS'>,
  opts: { origin?: string; lostBefore?: string } = {},
): Promise<number> {
  const ids = await claimForEnqueue(env.DB, new Date().toISOString(), opts.lostBefore ?? null);
  if (ids.length === 0) return 0;
  await env.JOBS.sendBatch(
    ids.map((id) => ({
      body: { type: EMAIL_JOB, id, ...(opts.origin ? { origin: opts.origin } : {}) },
    })),
  );
  return ids.length;
}

/** Every 10 minutes: rows nobody enqueued, and jobs lost for an hour. */
export function sweepOutbox(env: Bindings, now: Date): Promise<number> {
  return enqueuePending(env, { lostBefore: new Date(now.getTime() - 3600_000).toISOString() });
}

/** Daily: erase readers' addresses older than 90 days, whatever happened to their claim. */
export function expireReaderContacts(env: Bindings, now: Date): Promise<number> {
  const before = new Date(now.getTime() - CONTACT_MAX_DAYS * 86400_000).toISOString();
  return expireContacts(env.DB, before, now.toISOString());
}

/** Daily: one digest per editor with claims due (today or overdue) or in review; none when empty. */
export async function dailyDigest(env: Bindings, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const lines = await digestLines(env.DB, today);
  if (lines.length === 0) return 0;
  const origin = originOf(env);
  const byUser = new Map<number, typeof lines>();
  for (const line of lines)
    byUser.set(line.assigneeId, [...(byUser.get(line.assigneeId) ?? []), line]);
  const at = now.toISOString();
  const statements: D1PreparedStatement[] = [];
  for (const [userId, own] of byUser) {
    const user = await mailableUser(env.DB, userId);
    if (!user) continue;
    const composed = digestNotice({
      locale: user.locale ?? 'en',
      lines: own.map((l) => ({
        text: l.text,
        url: `${origin}/desk/claims/${l.claimId}`,
        dueDate: l.dueDate,
        inReview: l.status === 'in_review',
      })),
      accountUrl: `${origin}/desk/account/email`,
    });
    statements.push(
      ...messageStatements(
        env.DB,
        {
          kind: 'editor.digest',
          recipientRef: `user:${userId}`,
          recipientMasked: maskAddress(user.email),
          locale: user.locale ?? 'en',
          ...composed,
          dedupeKey: `editor.digest:${userId}:${today}`,
        },
        at,
      ),
    );
  }
  if (statements.length === 0) return 0;
  await env.DB.batch(statements);
  return enqueuePending(env, { origin });
}
