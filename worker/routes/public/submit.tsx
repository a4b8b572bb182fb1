/** `/submit`: the claim form (no JavaScript needed), its "check first" action and live matches for the script. */
import { stripBidiControls } from '../../lib/bidi';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { completeKey, releaseKey, reserveKey } from '../../../d1/idempotency';
import { submitClaim } from '../../domain/intake';
import { readerMailPossible } from '../../notify/mailer';
import type { AppEnv } from '../../env';
import {
  claimHref,
  langSuffix,
  localeOf,
  publicError,
  publicHeaders,
  renderPage,
} from '../../http/public-context';
import { publishedMatches } from '../../http/published-matches';
import { messageFor } from '../../i18n/field-codes';
import { strings } from '../../i18n/public';
import { actorOf, clientAddress } from '../../http/actor';
import { keyedHash, openForHolder, sealForHolder } from '../../lib/reader-keys';
import {
  formValidator,
  typedValues,
  type FormErrors,
  type OnInvalid,
} from '../../middleware/form-validator';
import { SUBMISSION_CODE, SubmissionFields } from '../../schemas/requests';
import { newId } from '../../lib/ids';
import { SUBMIT_BODY_LIMIT } from '../../lib/limits';
import { DUMMY_TOKEN, isTestSecret, isTestSiteKey } from '../../turnstile';
import {
  EMPTY_VALUES,
  SubmitPage,
  type SubmitField,
  type SubmitPageProps,
  type SubmitValues,
} from '../../views/public/submit-page';
import { sliceText } from '../../lib/text';

export const submitPages = new Hono<AppEnv>();
submitPages.onError(publicError);
submitPages.use('*', publicHeaders({ turnstile: true }));
submitPages.use('*', async (c, next) => {
  await next();
  // The form carries a one-time nonce; answers may echo what the reader typed: never cache.
  c.header('Cache-Control', 'no-store');
});

const NONCE = /^[0-9a-z]{16,40}$/;
const FORM_SCOPE = 'submit-form';

type Page = Partial<Omit<SubmitPageProps, 'locale' | 'turnstile' | 'hrefOf'>>;

function render(c: Context<AppEnv>, page: Page, status = 200) {
  const locale = localeOf(c);
  const t = strings(locale);
  const siteKey = c.env.TURNSTILE_SITE_KEY;
  // Offline test keys: the dummy token travels in a hidden field, no third-party script (dev and tests).
  const offline = isTestSiteKey(siteKey) && isTestSecret(c.env.TURNSTILE_SECRET_KEY);
  const scripts = offline
    ? ['/js/submit.js']
    : ['/js/submit.js', 'https://challenges.cloudflare.com/turnstile/v0/api.js'];
  return renderPage(
    c,
    { title: t.submit.title, description: t.submit.intro, noindex: status !== 200, scripts },
    <SubmitPage
      locale={locale}
      values={page.values ?? EMPTY_VALUES}
      errors={page.errors ?? {}}
      formError={page.formError}
      matches={page.matches ?? null}
      nonce={page.nonce ?? newId(24)}
      turnstile={{ siteKey, offlineToken: offline ? DUMMY_TOKEN : null }}
      hrefOf={(id) => claimHref(c, id)}
      askEmail={readerMailPossible(c.env)}
    />,
    status,
  );
}

const SUBMIT_FIELDS = [
  'text',
  'where_url',
  'where_text',
  'why',
  'language',
  'email',
] as const satisfies readonly (keyof SubmitValues)[];

/** The first problem of each field in the reader's words (a problem of another field, the honeypot, goes to the text). */
function localized(errors: FormErrors, c: Context<AppEnv>): SubmitPageProps['errors'] {
  const locale = localeOf(c);
  const out: SubmitPageProps['errors'] = {};
  for (const [field, messages] of Object.entries(errors)) {
    const key: SubmitField = SUBMIT_FIELDS.find((f) => f === field) ?? 'text';
    const code = messages[0] ?? '';
    out[key] ??= messageFor(SUBMISSION_CODE.test(code) ? code : 'required', locale);
  }
  return out;
}

/** A nonce that does not look like ours is dropped (the form then gets a fresh one). */
const Nonce = z.string().regex(NONCE).optional().catch(undefined);
const SubmitForm = SubmissionFields.extend({
  nonce: Nonce,
  'cf-turnstile-response': z.string().optional(),
});
const typed = z.string().default('');
const CheckForm = z.object({
  text: typed,
  where_url: typed,
  where_text: typed,
  why: typed,
  language: typed,
  email: typed,
  nonce: Nonce,
});

const refuseSubmission: OnInvalid<string> = (c, errors, values) =>
  render(
    c,
    {
      values: typedValues(values, SUBMIT_FIELDS),
      nonce: NONCE.test(values.nonce ?? '') ? values.nonce : undefined,
      errors: localized(errors, c),
    },
    422,
  );

const tooLarge = bodyLimit({
  maxSize: SUBMIT_BODY_LIMIT,
  onError: (c) =>
    render(
      c as Context<AppEnv>,
      { formError: strings(localeOf(c as Context<AppEnv>)).errors.tooLarge },
      413,
    ),
});

/** `?text=` pre-fills the claim (the search page's "Send us this claim"); bidi controls and NUL are dropped. */
submitPages.get('/', (c) => {
  const text = sliceText(stripBidiControls(c.req.query('text') ?? '').replace(/\u0000/g, ''), 1000);
  return render(c, text.trim() ? { values: { ...EMPTY_VALUES, text } } : {});
});

submitPages.post('/check', tooLarge, formValidator(CheckForm, refuseSubmission), async (c) => {
  const { nonce, ...values } = c.req.valid('form');
  return render(c, {
    values,
    nonce,
    matches: await publishedMatches(c.env.DB, values.text, localeOf(c)),
  });
});

/** JSON for /js/submit.js: matches as the reader types. */
submitPages.get('/matches', async (c) => {
  const text = sliceText(c.req.query('text') ?? '', 1000);
  const locale = localeOf(c);
  const matches = text.trim().length >= 10 ? await publishedMatches(c.env.DB, text, locale) : [];
  const t = strings(locale);
  return c.json({
    title: t.submit.matchesTitle,
    intro: matches.length ? t.submit.matchesIntro : t.submit.noMatches,
    matches: matches.map((m) => ({ ...m, url: claimHref(c, m.id) })),
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

submitPages.post('/', tooLarge, formValidator(SubmitForm, refuseSubmission), async (c) => {
  const locale = localeOf(c);
  const t = strings(locale);
  const { nonce, 'cf-turnstile-response': token, ...input } = c.req.valid('form');
  const values: SubmitValues = {
    text: input.text,
    where_url: input.where_url,
    where_text: input.where_text,
    why: input.why,
    language: input.language,
    email: input.email,
  };

  // A double click posts the same form twice: the nonce makes the second one follow the first.
  // Nothing secret is kept: the key is a keyed hash of the nonce, the request a keyed hash of
  // what was typed, and the answer (the tracking link) is sealed with the nonce itself, so only
  // the browser that holds the form can open it again.
  let lease: string | null = null;
  let formKey = '';
  if (nonce) {
    formKey = await keyedHash(c.env.PUBLIC_DATA_KEY, 'submit-form-nonce', nonce);
    const requestHash = await keyedHash(
      c.env.PUBLIC_DATA_KEY,
      'submit-form-request',
      JSON.stringify(values),
    );
    let state = 'in-progress';
    for (let attempt = 0; attempt < 15 && state === 'in-progress'; attempt++) {
      if (attempt > 0) await sleep(200);
      const r = await reserveKey(c.env.DB, FORM_SCOPE, formKey, requestHash);
      if (r.state === 'replay') {
        const location = await openForHolder(nonce, r.body);
        if (location?.startsWith('/track/')) return c.redirect(location, 303);
        state = 'mismatch';
        break;
      }
      if (r.state === 'new') lease = r.lease;
      state = r.state;
    }
    if (state === 'in-progress')
      return render(c, { values, nonce, formError: t.errors.inProgress }, 409);
    // 'mismatch': the reader went back and changed the text; that is a new submission.
  }
  const release = () =>
    lease ? releaseKey(c.env.DB, FORM_SCOPE, formKey, lease) : Promise.resolve();
  try {
    const outcome = await submitClaim(
      c.env,
      input,
      { address: clientAddress(c), turnstileToken: token },
      actorOf(c),
    );
    if (!outcome.ok) {
      await release();
      const fresh = newId(24);
      const refusal = outcome.refusal;
      if (refusal.kind === 'rate-limited') {
        c.header('Retry-After', String(refusal.retryAfter));
        return render(
          c,
          { values, nonce: fresh, formError: t.errors.rateLimited(refusal.retryAfter) },
          429,
        );
      }
      return render(c, { values, nonce: fresh, errors: { turnstile: t.errors.captcha } }, 403);
    }
    const location = `/track/${outcome.value.trackingToken}?new=1${langSuffix(c, '&')}`;
    if (lease && nonce)
      await completeKey(
        c.env.DB,
        FORM_SCOPE,
        formKey,
        lease,
        303,
        await sealForHolder(nonce, location),
      );
    return c.redirect(location, 303);
  } catch (err) {
    await release();
    throw err;
  }
});
