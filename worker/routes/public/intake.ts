/**
 * Public claim intake shared by the /submit form and POST /api/v1/submissions (both validate with
 * SubmissionFields from worker/schemas): field codes in words, honeypot, rate limits, Turnstile, the write.
 */
import type { Context } from 'hono';
import { findMatches } from '../../../d1/matches';
import { activeRatingsStatement } from '../../../d1/public';
import { hit } from '../../../d1/rate-limits';
import { toRating, type RatingRow } from '../../../d1/ratings';
import { createSubmission, type SubmissionResult } from '../../../d1/submissions';
import type { AppEnv } from '../../env';
import { detectLanguage } from '../../extract/index';
import { actorOf, clientAddress } from '../../lib/actor';
import { randomToken, sha256Hex } from '../../lib/crypto';
import { LANGUAGES } from '../../lib/lang';
import { type Locale, strings } from '../../i18n/public';
import type { SubmissionInput } from '../../schemas/requests';
import { turnstile } from '../../turnstile';
import type { ClaimCardView } from '../../views/public/parts';
import { ratingView } from './context';
import { encryptContact, keyedHash } from './reader-keys';

/** Submissions per client address per window (the D1 counter; a rate-limiting binding may run first). */
export const SUBMIT_RATE = { windowSeconds: 600, limit: 5 };
/** Largest submission body, form or JSON. */
export const SUBMIT_BODY_LIMIT = 16 * 1024;

/** A field code in the reader's words. */
export function messageFor(code: string, locale: Locale): string {
  const e = strings(locale).errors;
  const [kind, n] = code.split(':');
  if (kind === 'too_short') return e.tooShort(Number(n));
  if (kind === 'too_long') return e.tooLong(Number(n));
  if (kind === 'url') return e.url;
  if (kind === 'email') return e.email;
  if (kind === 'language') return e.language;
  if (kind === 'captcha') return e.captcha;
  return e.required;
}

export type IntakeOutcome =
  | { kind: 'created'; result: SubmissionResult; trackingToken: string; language: string }
  | { kind: 'honeypot' }
  | { kind: 'rate_limited'; retryAfter: number }
  | { kind: 'captcha'; errorCodes: string[] };

/** Abuse checks and the write. The caller validated `input`. */
export async function intake(c: Context<AppEnv>, input: SubmissionInput, turnstileToken: string | null | undefined): Promise<IntakeOutcome> {
  if (input.website !== '') return { kind: 'honeypot' };
  const address = clientAddress(c);
  const ipHash = await keyedHash(c.env.PUBLIC_DATA_KEY, 'ip', address);
  if (c.env.SUBMIT_RATE_LIMITER) {
    const { success } = await c.env.SUBMIT_RATE_LIMITER.limit({ key: `submit:${ipHash}` });
    if (!success) return { kind: 'rate_limited', retryAfter: 60 };
  }
  const limit = await hit(c.env.DB, `submit:${ipHash}`, SUBMIT_RATE.windowSeconds, SUBMIT_RATE.limit);
  if (!limit.allowed) return { kind: 'rate_limited', retryAfter: limit.retryAfter };
  const check = await turnstile({ secret: c.env.TURNSTILE_SECRET_KEY }).verify(turnstileToken, address);
  if (!check.success) return { kind: 'captcha', errorCodes: check.errorCodes };
  const detected = detectLanguage(input.text);
  const language = input.language || (LANGUAGES.find((l) => l === detected) ?? 'en');
  const trackingToken = randomToken(24);
  const result = await createSubmission(
    c.env.DB,
    {
      text: input.text,
      whereSeenUrl: input.where_url || null,
      whereSeenText: input.where_text || null,
      why: input.why || null,
      language,
      languageDetected: input.language === '',
      contactEmailEnc: input.email ? await encryptContact(c.env.PUBLIC_DATA_KEY, input.email) : null,
      trackingHash: await sha256Hex(trackingToken),
      ipHash,
    },
    actorOf(c),
  );
  return { kind: 'created', result, trackingToken, language };
}

const MATCH_LIMIT = 5;

/** Published verdicts that match a text ("this may already be checked"), as cards. */
export async function publishedMatches(db: D1Database, text: string, locale: Locale): Promise<ClaimCardView[]> {
  if (text.trim().length < 3) return [];
  const [matches, ratings] = await Promise.all([
    findMatches(db, text, { publishedOnly: true, limit: MATCH_LIMIT }),
    activeRatingsStatement(db).all<RatingRow>(),
  ]);
  const scale = ratings.results.map(toRating);
  return matches.map((m) => ({
    id: m.id,
    text: m.text,
    language: m.language,
    rating: m.published_rating ? ratingView(scale, m.published_rating, locale) : null,
  }));
}
