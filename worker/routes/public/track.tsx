/** `/track/:token`: a submitter's own submission and its status; erasing their contact e-mail. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { deleteContact, getTrackedSubmission } from '../../../d1/submissions';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { sha256Hex } from '../../lib/crypto';
import { formValidator } from '../../middleware/form-validator';
import { strings } from '../../i18n/public';
import { TrackPage } from '../../views/public/track-page';
import {
  claimHref,
  langSuffix,
  localeOf,
  notFoundPage,
  publicError,
  publicHeaders,
  renderPage,
} from '../../http/public-context';
import { publishedMatches } from '../../http/published-matches';

export const trackPages = new Hono<AppEnv>();
trackPages.onError(publicError);
trackPages.use('*', async (c, next) => {
  await next();
  // The token in the address is the submitter's secret: not cached, not sent on as a referrer, not indexed.
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Robots-Tag', 'noindex');
});
trackPages.use('*', publicHeaders());

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

async function page(c: Context<AppEnv>, token: string, notice: 'email-deleted' | null) {
  if (!TOKEN.test(token)) return notFoundPage(c);
  const submission = await getTrackedSubmission(c.env.DB, await sha256Hex(token));
  if (!submission) return notFoundPage(c);
  const locale = localeOf(c);
  const matches = await publishedMatches(c.env.DB, submission.text, locale);
  return renderPage(
    c,
    { title: strings(locale).track.title, noindex: true },
    <TrackPage
      locale={locale}
      submission={submission}
      fresh={c.req.query('new') === '1'}
      notice={notice}
      actionBase={`/track/${token}`}
      matches={matches}
      hrefOf={(id) => claimHref(c, id)}
    />,
  );
}

trackPages.get('/:token', (c) =>
  page(c, c.req.param('token'), c.req.query('done') === 'email-deleted' ? 'email-deleted' : null),
);

// The form carries nothing but the button; the validator still turns a body that is not a form into a 400.
trackPages.post(
  '/:token/delete-contact',
  formValidator(z.object({}), (c) => notFoundPage(c)),
  async (c) => {
    const token = c.req.param('token');
    if (!TOKEN.test(token)) return notFoundPage(c);
    const hash = await sha256Hex(token);
    if (!(await getTrackedSubmission(c.env.DB, hash))) return notFoundPage(c);
    await deleteContact(c.env.DB, hash, actorOf(c));
    return c.redirect(`/track/${token}?done=email-deleted${langSuffix(c, '&')}`, 303);
  },
);
