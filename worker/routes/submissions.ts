import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { submitClaim } from '../domain/intake';
import type { AppEnv } from '../env';
import { claimHref, originOf } from '../http/public-context';
import { publishedMatches } from '../http/published-matches';
import { messageFor } from '../i18n/field-codes';
import { readerLocale, type Locale } from '../i18n/public';
import { actorOf, clientAddress } from '../http/actor';
import { SUBMIT_BODY_LIMIT } from '../lib/limits';
import { fieldErrors, problem, ProblemError } from '../lib/problem';
import { shownOnce } from '../middleware/idempotency';
import { jsonBody, jsonResponse, problems, SUBMISSION_CODE, SubmissionFields } from '../schemas';

/** POST /api/v1/submissions: the public claim intake as JSON (same rules as the /submit form). */
const submissionsBase = new OpenAPIHono<AppEnv>();

submissionsBase.use(
  '*',
  bodyLimit({
    maxSize: SUBMIT_BODY_LIMIT,
    onError: () => {
      throw problem(413, 'Request body too large', {
        detail: `At most ${SUBMIT_BODY_LIMIT} bytes.`,
        code: 'body_too_large',
      });
    },
  }),
);

const TurnstileToken = z.string().max(4096).optional();

const SubmissionBody = SubmissionFields.extend({
  turnstileToken: TurnstileToken.openapi({
    description: 'The Turnstile token; or send it in the CF-Turnstile-Response header.',
  }),
  turnstile_token: TurnstileToken.openapi({
    description: 'Older name of turnstileToken, still accepted.',
    deprecated: true,
  }),
}).openapi('SubmissionRequest');

const TurnstileHeader = z.object({
  'cf-turnstile-response': TurnstileToken.openapi({
    description: 'The Turnstile token (CF-Turnstile-Response), when it is not in the body.',
  }),
});

const MatchSchema = z.object({
  id: z.string(),
  text: z.string(),
  language: z.string(),
  url: z.string(),
  rating: z.object({ key: z.string(), label: z.string(), color: z.string() }).nullable(),
});

const Accepted = z
  .object({
    id: z.string(),
    status: z.literal('received'),
    new_claim: z.boolean(),
    language: z.string(),
    tracking_url: z.string().nullable().openapi({
      description:
        'The reader’s private tracking link, shown once. null on an idempotent replay, which also says secret_replayed: false.',
    }),
    secret_replayed: z.literal(false).optional().openapi({
      description:
        'Present (false) only on an Idempotency-Key replay: the link is not shown again.',
    }),
    matches: z.array(MatchSchema),
  })
  .openapi('SubmissionAccepted');

/** The 403 of a failed Turnstile check (also the answer to a filled honeypot). */
function captchaRefused(
  body: { turnstileToken?: string; turnstile_token?: string },
  locale: Locale,
): ProblemError {
  return problem(403, 'Turnstile verification failed', {
    code: 'turnstile_failed',
    errors: [
      {
        field:
          body.turnstile_token !== undefined && body.turnstileToken === undefined
            ? 'body.turnstile_token'
            : 'body.turnstileToken',
        message: messageFor('captcha', locale),
      },
    ],
  });
}

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const submissions = submissionsBase.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['submissions'],
    summary:
      'Submit a claim (public; Turnstile token in turnstileToken or the CF-Turnstile-Response header)',
    request: { body: jsonBody(SubmissionBody), headers: TurnstileHeader },
    responses: {
      202: jsonResponse(Accepted, 'Received; published verdicts that may match come back at once'),
      ...problems(403, 413, 415, 422, 429),
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const locale = readerLocale(null, c.req.header('Accept-Language'));
    const outcome = await submitClaim(
      c.env,
      body,
      {
        address: clientAddress(c),
        turnstileToken:
          body.turnstileToken ??
          body.turnstile_token ??
          c.req.valid('header')['cf-turnstile-response'],
      },
      actorOf(c),
    );
    if (!outcome.ok && outcome.refusal.kind === 'rate-limited') {
      const { retryAfter } = outcome.refusal;
      c.header('Retry-After', String(retryAfter));
      throw problem(429, 'Too many submissions', {
        detail: `Try again in ${retryAfter} seconds.`,
        code: 'rate_limited',
      });
    }
    // The honeypot is answered like a failed anti-spam check, so a bot learns nothing about it.
    if (!outcome.ok) throw captchaRefused(body, locale);
    const received = outcome.value;
    const matches = await publishedMatches(c.env.DB, body.text, locale);
    shownOnce(c, ['tracking_url'], 'secret_replayed');
    return c.json(
      {
        id: received.result.id,
        status: 'received' as const,
        new_claim: received.result.newClaim,
        language: received.language,
        tracking_url: `${originOf(c)}/track/${received.trackingToken}`,
        matches: matches.map((m) => ({ ...m, url: `${originOf(c)}${claimHref(c, m.id)}` })),
      },
      202,
    );
  },
  // Field errors in the reader's language (Accept-Language), each with its stable code.
  (result, c) => {
    if (result.success) return undefined;
    const locale = readerLocale(null, c.req.header('Accept-Language'));
    const all = fieldErrors(result.error, 'body');
    if (all.some((e) => e.field === 'body.website')) throw captchaRefused({}, locale);
    const errors = all.map((e) => {
      const code = SUBMISSION_CODE.test(e.message) ? e.message : 'invalid';
      return {
        field: e.field,
        code,
        message: code === 'invalid' ? e.message : messageFor(code, locale),
      };
    });
    throw new ProblemError(422, {
      title: 'Invalid request',
      detail: `${errors.length} field(s) failed validation`,
      code: 'validation_failed',
      errors,
      instance: c.req.path,
    });
  },
);
