/**
 * Public claim intake, the same for the /submit form and POST /api/v1/submissions: the fields
 * and their limits (issues are codes the caller words), the honeypot, rate limits, Turnstile,
 * then the write (a new claim, or one more submission of a known one).
 */
import { z } from 'zod';
import type { Actor } from '../../d1/audit';
import { hit } from '../../d1/rate-limits';
import { createSubmission, type SubmissionResult } from '../../d1/submissions';
import type { Bindings } from '../env';
import { detectLanguage } from '../extract/index';
import { randomToken, sha256Hex } from '../lib/crypto';
import { encryptContact, keyedHash } from '../lib/reader-keys';
import { isHttpUrl } from '../seo/claim-review';
import { turnstile } from '../turnstile';
import { refuse, type Outcome } from './outcome';

const LIMITS = { textMin: 10, textMax: 1000, urlMax: 2000, whereTextMax: 500, whyMax: 1000, emailMax: 254 } as const;
/** Submissions per client address per window (the D1 counter; a rate-limiting binding may run first). */
export const SUBMIT_RATE = { windowSeconds: 600, limit: 5 };

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
const optional = (max: number) => z.string().trim().max(max, `too_long:${max}`).default('');

/** The submission fields; each issue's message is a code ('required', 'too_long:1000', …). */
export const SubmissionFields = z.object({
  text: z.string('required').trim().min(1, 'required').min(LIMITS.textMin, `too_short:${LIMITS.textMin}`).max(LIMITS.textMax, `too_long:${LIMITS.textMax}`),
  where_url: optional(LIMITS.urlMax).refine((v) => v === '' || isHttpUrl(v), 'url'),
  where_text: optional(LIMITS.whereTextMax),
  why: optional(LIMITS.whyMax),
  language: z.enum(['', 'ar', 'en', 'fr'], 'language').default(''),
  email: optional(LIMITS.emailMax).refine((v) => v === '' || EMAIL.test(v), 'email'),
  website: z.string().max(1000).default(''),
});
type SubmissionInput = z.output<typeof SubmissionFields>;

const CODED_FIELDS = ['text', 'where_url', 'where_text', 'why', 'language', 'email'] as const;
type CodedField = (typeof CODED_FIELDS)[number];
export type FieldCodes = Partial<Record<CodedField, string>>;

/** Validate raw fields; the first problem of each field, as a code. */
export function validateSubmission(raw: unknown): { ok: true; input: SubmissionInput } | { ok: false; codes: FieldCodes } {
  const parsed = SubmissionFields.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  const codes: FieldCodes = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'text');
    const key = (CODED_FIELDS as readonly string[]).includes(field) ? (field as CodedField) : 'text';
    codes[key] ??= /^(required|too_short:\d+|too_long:\d+|url|email|language)$/.test(issue.message) ? issue.message : 'required';
  }
  return { ok: false, codes };
}

/** What intake needs of the Worker's bindings: the database, PUBLIC_DATA_KEY (address hash, contact encryption), Turnstile, the optional rate limiter. */
export type IntakeEnv = Pick<Bindings, 'DB' | 'PUBLIC_DATA_KEY' | 'TURNSTILE_SECRET_KEY' | 'SUBMIT_RATE_LIMITER'>;

export type IntakeRefusal = { kind: 'honeypot' } | { kind: 'rate-limited'; retryAfter: number } | { kind: 'captcha'; errorCodes: string[] };

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
  const check = await turnstile({ secret: env.TURNSTILE_SECRET_KEY }).verify(client.turnstileToken, client.address);
  if (!check.success) return refuse({ kind: 'captcha', errorCodes: check.errorCodes });
  const detected = detectLanguage(input.text);
  const language = input.language || (['ar', 'en', 'fr'].includes(detected) ? detected : 'en');
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
      contactEmailEnc: input.email ? await encryptContact(env.PUBLIC_DATA_KEY, input.email) : null,
      trackingHash: await sha256Hex(trackingToken),
      ipHash,
    },
    actor,
  );
  // A submission is not public: a new claim starts as `submitted`, a repeat only counts up.
  return { ok: true, value: { result, trackingToken, language }, changed: [] };
}
