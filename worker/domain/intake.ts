/**
 * Public claim intake, the same for the /submit form and POST /api/v1/submissions: the fields are
 * validated by the caller with SubmissionFields (worker/schemas), then: the honeypot, rate limits, Turnstile,
 * then the write (a new claim, or one more submission of a known one).
 */
import type { Actor } from '../../d1/audit';
import { hit } from '../../d1/rate-limits';
import { createSubmission, type SubmissionResult } from '../../d1/submissions';
import type { Bindings } from '../env';
import { detectLanguage } from '../extract/language';
import { emitEvent } from '../integrations/webhooks';
import { embedSoon } from '../match/embed-jobs';
import { randomToken, sha256Hex } from '../lib/crypto';
import { encryptContact, keyedHash } from '../lib/reader-keys';
import { LANGUAGES } from '../lib/lang';
import { readerMailPossible, type MailEnv } from '../notify/mailer';
import type { SubmissionInput } from '../schemas/requests';
import { turnstile } from '../turnstile';
import { refuse, type Outcome } from './outcome';

/** Submissions per client address per window (the D1 counter; a rate-limiting binding may run first). */
export const SUBMIT_RATE = { windowSeconds: 600, limit: 5 };

/** What intake needs of the Worker's bindings: the database, PUBLIC_DATA_KEY (address hash, contact encryption), Turnstile, the optional rate limiter. */
export type IntakeEnv = Pick<
  Bindings,
  'DB' | 'PUBLIC_DATA_KEY' | 'TURNSTILE_SECRET_KEY' | 'SUBMIT_RATE_LIMITER'
> &
  MailEnv;

export type IntakeRefusal =
  | { kind: 'honeypot' }
  | { kind: 'rate-limited'; retryAfter: number }
  | { kind: 'captcha'; errorCodes: string[] };

export interface Received {
  result: SubmissionResult;
  /** The submitter's secret for /track/:token (only its hash is stored). */
  trackingToken: string;
  language: string;
}

/** Abuse checks and the write. The caller validated `input`. */
export async function submitClaim(
  env: IntakeEnv,
  input: SubmissionInput,
  client: { address: string; turnstileToken: string | null | undefined },
  actor: Actor,
): Promise<Outcome<Received, IntakeRefusal>> {
  if (input.website !== '') return refuse({ kind: 'honeypot' });
  const db = env.DB;
  const ipHash = await keyedHash(env.PUBLIC_DATA_KEY, 'ip', client.address);
  if (env.SUBMIT_RATE_LIMITER) {
    const { success } = await env.SUBMIT_RATE_LIMITER.limit({ key: `submit:${ipHash}` });
    if (!success) return refuse({ kind: 'rate-limited', retryAfter: 60 });
  }
  const limit = await hit(db, `submit:${ipHash}`, SUBMIT_RATE.windowSeconds, SUBMIT_RATE.limit);
  if (!limit.allowed) return refuse({ kind: 'rate-limited', retryAfter: limit.retryAfter });
  const check = await turnstile({ secret: env.TURNSTILE_SECRET_KEY }).verify(
    client.turnstileToken,
    client.address,
  );
  if (!check.success) return refuse({ kind: 'captcha', errorCodes: check.errorCodes });
  const detected = detectLanguage(input.text);
  const language = input.language || (LANGUAGES.find((l) => l === detected) ?? 'en');
  const trackingToken = randomToken(24);
  const result = await createSubmission(
    db,
    {
      text: input.text,
      whereSeenUrl: input.where_url || null,
      whereSeenText: input.where_text || null,
      why: input.why || null,
      language,
      languageDetected: input.language === '',
      // An address is kept only when a mailer can send the one message it is for.
      contactEmailEnc:
        input.email && readerMailPossible(env)
          ? await encryptContact(env.PUBLIC_DATA_KEY, input.email)
          : null,
      trackingHash: await sha256Hex(trackingToken),
      ipHash,
    },
    actor,
  );
  if (result.newClaim)
    await emitEvent(db, 'claim.submitted', {
      id: result.claimId,
      status: 'submitted',
      version: 1,
      language,
      text: input.text,
    });
  if (result.newClaim) await embedSoon(result.claimId); // semantic index
  // A submission is not public: a new claim starts as `submitted`, a repeat only counts up.
  return { ok: true, value: { result, trackingToken, language }, changed: [] };
}
