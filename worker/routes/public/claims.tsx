/** Public claim pages: `/claims` (list and search), `/claims/:id`, and the "was this helpful?" form. */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { recordFeedback } from '../../../d1/feedback';
import { getPublicClaim } from '../../../d1/public';
import { hit } from '../../../d1/rate-limits';
import type { AppEnv } from '../../env';
import { clientAddress } from '../../http/actor';
import { formValidator, type OnInvalid } from '../../middleware/form-validator';
import { ID_PATTERN } from '../../lib/ids';
import { MALFORMED_TEXT, text } from '../../schemas/fields';
import { strings } from '../../i18n/public';
import { ClaimPage } from '../../views/public/claim-page';
import { PublicError } from '../../views/public/error-page';
import {
  conditional,
  errorPage,
  langSuffix,
  localeOf,
  notFoundPage,
  originOf,
  publicError,
  publicHeaders,
  renderPage,
} from '../../http/public-context';
import { listResponse } from '../../http/public-list';
import { claimPageModel } from '../../http/claim-page-model';
import { claimPageCache } from '../../http/page-cache';
import { keyedHash, readerAddress, readerHash } from '../../lib/reader-keys';
import { embedFor } from '../../embeds/snippets';
import { ratingView } from '../../http/rating-view';
import { embedBox, embedChoice } from '../../http/embed-box';
import { relatedCards, relatedFactChecks } from '../../http/published-matches';
import { relatedSoon } from '../../http/related-jobs';
import { waitUntilOf } from '../../embeds/cache';
import { removedPage } from '../../http/removed-claim';

/** Feedback votes per address (IPv6: per /64) per hour (on top of one vote per reader per claim per day). */
export const FEEDBACK_RATE = { windowSeconds: 3600, limit: 30 };
const FEEDBACK_BODY_LIMIT = 4 * 1024;
const REASON_MAX = 500;

export const claimPages = new Hono<AppEnv>();
claimPages.onError(publicError);
claimPages.use('*', publicHeaders({ selfFrames: true }));

claimPages.get('/', (c) => listResponse(c, 'list'));

type FeedbackState = { state: 'thanks' | 'already' | null; error?: string; reason?: string };

async function claimResponse(
  c: Context<AppEnv>,
  id: string,
  fb: FeedbackState,
  status = 200,
): Promise<Response> {
  if (!ID_PATTERN.test(id)) return notFoundPage(c);
  const page = await getPublicClaim(c.env.DB, id);
  if (!page) return notFoundPage(c);
  if (page.removal) return removedPage(c, { ...page, removal: page.removal });
  const locale = localeOf(c);
  const current = page.verdicts.at(-1)!;
  const { choice, chosen } = embedChoice((name) => c.req.query(name));
  if (status === 200) {
    const stamp = Date.parse(page.claim.updatedAt).toString(36);
    const embedTag = chosen ? `.${choice.lang || '-'}${choice.style}${choice.theme}` : '';
    const etag = `W/"c-${id}.${page.claim.version}.${current.version}.${stamp}.${locale}.${fb.state ?? '-'}${embedTag}"`;
    const newest = [page.claim.updatedAt, current.publishedAt ?? ''].sort().at(-1);
    const notModified = conditional(c, etag, newest);
    if (notModified) return notModified;
  } else {
    c.header('Cache-Control', 'no-store');
  }
  const origin = originOf(c);
  const related = page.related
    ? relatedCards(page.related, page.ratings, locale)
    : await relatedUnstored(c, page.claim, page.ratings, locale);
  const alsoChecked = page.alsoChecked; // other publishers' reviews, read with the page
  const { props, meta } = claimPageModel(page, {
    locale,
    origin,
    org: c.env.ORG_NAME,
    oembed: embedFor(origin, id, locale).oembed,
    embedBox: embedBox(
      origin,
      id,
      locale,
      choice,
      chosen,
      page.claim.status === 'retracted'
        ? undefined
        : ratingView(page.ratings, current.ratingKey, choice.lang || locale).label,
    ),
    related,
    langSuffix: langSuffix(c),
  });
  return renderPage(
    c,
    meta,
    <ClaimPage
      {...props}
      alsoChecked={alsoChecked}
      feedback={fb.state}
      feedbackError={fb.error}
      reason={fb.reason}
    />,
    status,
  );
}

/** A claim whose related list was never stored: ask the matcher now, and queue the job that stores it. */
async function relatedUnstored(
  c: Context<AppEnv>,
  claim: { id: string; text: string },
  ratings: Parameters<typeof relatedFactChecks>[2],
  locale: Parameters<typeof relatedFactChecks>[3],
) {
  const queued = relatedSoon(c.env, [claim.id]);
  const ctx = waitUntilOf(c);
  if (ctx) ctx.waitUntil(queued);
  else await queued;
  return relatedFactChecks(c.env.DB, claim, ratings, locale);
}

claimPages.get('/:id', claimPageCache(), (c) => {
  const fb = c.req.query('feedback');
  return claimResponse(c, c.req.param('id'), {
    state: fb === 'thanks' || fb === 'already' ? fb : null,
  });
});

const FeedbackForm = z.object({
  helpful: z.enum(['yes', 'no']),
  reason: text().trim().max(REASON_MAX).default(''),
});

/** A vote needs its yes/no; a reason may be left out but not run long. */
const refuseFeedback: OnInvalid<string> = (c, errors, values) => {
  const t = strings(localeOf(c));
  c.header('Cache-Control', 'no-store');
  const error = errors.helpful
    ? t.errors.required
    : errors.reason?.[0] === MALFORMED_TEXT
      ? t.errors.malformedText
      : t.errors.tooLong(REASON_MAX);
  return claimResponse(
    c,
    c.req.param('id') ?? '',
    { state: null, error, reason: values.reason?.trim() ?? '' },
    422,
  );
};

/**
 * Votes come from our own pages only: the Origin is ours, or (without Origin) the browser says
 * Sec-Fetch-Site is same-origin, same-site or none. Another site cannot make its visitors vote.
 */
function sameSite(c: Context<AppEnv>): boolean {
  const origin = c.req.header('Origin');
  if (origin !== undefined) return origin === originOf(c) || origin === new URL(c.req.url).origin;
  const site = c.req.header('Sec-Fetch-Site');
  return site === 'same-origin' || site === 'same-site' || site === 'none';
}

claimPages.post(
  '/:id/feedback',
  async (c, next) => {
    if (!sameSite(c)) return errorPage(c, 403);
    await next();
  },
  bodyLimit({
    maxSize: FEEDBACK_BODY_LIMIT,
    onError: (c) => {
      const t = strings(localeOf(c));
      return renderPage(
        c,
        { title: t.errors.tooLarge, noindex: true },
        <PublicError title={t.errors.tooLarge} />,
        413,
      );
    },
  }),
  formValidator(FeedbackForm, refuseFeedback),
  async (c) => {
    const id = c.req.param('id');
    c.header('Cache-Control', 'no-store');
    const t = strings(localeOf(c));
    const { helpful, reason } = c.req.valid('form');
    const address = clientAddress(c);
    const limit = await hit(
      c.env.DB,
      `feedback:${await keyedHash(c.env.PUBLIC_DATA_KEY, 'ip', readerAddress(address))}`,
      FEEDBACK_RATE.windowSeconds,
      FEEDBACK_RATE.limit,
    );
    if (!limit.allowed) {
      c.header('Retry-After', String(limit.retryAfter));
      return claimResponse(
        c,
        id,
        { state: null, error: t.errors.rateLimited(limit.retryAfter), reason },
        429,
      );
    }
    const outcome = await recordFeedback(c.env.DB, {
      claimId: id,
      helpful: helpful === 'yes',
      reason: reason || null,
      readerHash: await readerHash(c.env.PUBLIC_DATA_KEY, address),
    });
    if (outcome === 'not_found') return notFoundPage(c);
    return c.redirect(
      `/claims/${id}?feedback=${outcome === 'recorded' ? 'thanks' : 'already'}${langSuffix(c, '&')}#feedback`,
      303,
    );
  },
);
