/** `GET /how-we-rate` (+ `?lang=`): the rating scale, in the reader's language, from the active scale. */
import { Hono } from 'hono';
import { activeRatings } from '../../../d1/ratings';
import type { AppEnv } from '../../env';
import {
  conditional,
  localeOf,
  originOf,
  publicError,
  publicHeaders,
  renderPage,
} from '../../http/public-context';
import { ratingView } from '../../http/rating-view';
import { readerPageStrings } from '../../i18n/reader-page';
import { sha256Hex } from '../../lib/crypto';
import { HowWeRatePage } from '../../views/public/how-we-rate-page';

export const howWeRate = new Hono<AppEnv>();
howWeRate.onError(publicError);
howWeRate.use('/how-we-rate', publicHeaders());

howWeRate.get('/how-we-rate', async (c) => {
  const locale = localeOf(c);
  const ratings = await activeRatings(c.env.DB);
  const etag = `W/"rate-${(await sha256Hex(JSON.stringify(ratings))).slice(0, 24)}.${locale}"`;
  const notModified = conditional(c, etag);
  if (notModified) return notModified;
  const t = readerPageStrings(locale).rate;
  const entries = ratings
    .map((r) => ({
      rating: ratingView(ratings, r.key, locale),
      description: t.descriptions[r.key] ?? null,
      onScale: r.value !== null,
      value: r.value ?? 0,
      position: r.position,
    }))
    .sort(
      (a, b) =>
        Number(b.onScale) - Number(a.onScale) || b.value - a.value || a.position - b.position,
    );
  const origin = originOf(c);
  return renderPage(
    c,
    { title: t.title, description: t.intro, canonical: `${origin}/how-we-rate` },
    <HowWeRatePage locale={locale} entries={entries} />,
  );
});
