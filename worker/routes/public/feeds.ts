/**
 * `/feeds/atom.xml` (Atom 1.0, paged per RFC 5005), `/feeds/claimreview.json` (schema.org
 * DataFeed, paged by its `next` URL) and `/feeds/fact-checks.csv` (every published fact-check),
 * with ETag/Last-Modified. Pages seek by cursor (`?before=`); the first page is the plain URL.
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { feedItems, isFeedCursor, type FeedPage, type PublicItem } from '../../../d1/public';
import type { Rating } from '../../../d1/ratings';
import { ratingLabel } from '../../lib/ratings';
import type { AppEnv } from '../../env';
import { atomFeed } from '../../seo/atom';
import type { ClaimReviewInput } from '../../seo/claim-review';
import { claimReviewFeed } from '../../seo/data-feed';
import { stripBidiControls } from '../../lib/bidi';
import { CSV_BOM, csvRow } from '../../lib/csv';
import { markupToPlainText } from '../../lib/markup';
import { originOf, publicError, publicHeaders, sendCacheable } from '../../http/public-context';
import { scaleBounds } from '../../http/rating-view';
import { truncateText } from '../../lib/text';

const FEED_SIZE = 50;
/** Rows read per round trip while the CSV export walks every published fact-check. */
const CSV_CHUNK = 500;

export const feeds = new Hono<AppEnv>();
feeds.onError(publicError);
feeds.use('*', publicHeaders());

function newest(items: PublicItem[]): string {
  return items.reduce((m, i) => [m, i.lastModified].sort().at(-1)!, '1970-01-01T00:00:00.000Z');
}

function label(ratings: Rating[], key: string, lang: string): string {
  const r = ratings.find((x) => x.key === key);
  return r ? ratingLabel(r, lang) : key;
}

function shorten(text: string, max: number): string {
  const t = stripBidiControls(text).replace(/\s+/g, ' ').trim();
  return truncateText(t, max);
}

/** The page a feed request names (`?before=<cursor>`); a malformed cursor is a 400. */
async function page(c: Context<AppEnv>): Promise<FeedPage> {
  const before = c.req.query('before');
  if (before !== undefined && !isFeedCursor(before))
    throw new HTTPException(400, { message: 'bad cursor' });
  return feedItems(c.env.DB, FEED_SIZE, before);
}

function pageUrl(base: string, before: string | undefined | null): string {
  return before ? `${base}?before=${encodeURIComponent(before)}` : base;
}

feeds.get('/atom.xml', async (c) => {
  const origin = originOf(c);
  const base = `${origin}/feeds/atom.xml`;
  const { items, ratings, nextCursor } = await page(c);
  const updated = newest(items);
  const next = nextCursor ? pageUrl(base, nextCursor) : null;
  if (next) c.header('Link', `<${next}>; rel="next"`);
  const xml = atomFeed({
    selfUrl: pageUrl(base, c.req.query('before')),
    id: base,
    first: base,
    next,
    siteUrl: `${origin}/`,
    title: c.env.ORG_NAME,
    author: c.env.ORG_NAME,
    updated,
    entries: items.map((i) => ({
      url: `${origin}/claims/${i.id}`,
      title: `${label(ratings, i.verdict.ratingKey, i.verdict.language)}: ${shorten(i.text, 120)}`,
      language: i.verdict.language,
      published: i.verdict.firstPublishedAt,
      updated: i.lastModified,
      summary: stripBidiControls(i.verdict.headline),
      content: stripBidiControls(
        `${i.verdict.headline}\n\n${markupToPlainText(i.verdict.explanation)}`,
      ),
    })),
  });
  return sendCacheable(c, xml, 'application/atom+xml; charset=utf-8', updated);
});

feeds.get('/claimreview.json', async (c) => {
  const origin = originOf(c);
  const base = `${origin}/feeds/claimreview.json`;
  const { items, ratings, nextCursor } = await page(c);
  const updated = newest(items);
  const scale = scaleBounds(ratings);
  const reviews: ClaimReviewInput[] = items.map((i) => {
    const r = ratings.find((x) => x.key === i.verdict.ratingKey);
    return {
      url: `${origin}/claims/${i.id}`,
      org: { name: c.env.ORG_NAME, url: `${origin}/` },
      claim: {
        text: i.text,
        claimant: i.claimant,
        claimantType: i.claimantType,
        claimDate: i.claimDate,
        appearances: i.appearances,
        claimReviewed: i.claimReviewed,
      },
      verdict: {
        headline: i.verdict.headline,
        language: i.verdict.language,
        datePublished: i.verdict.firstPublishedAt,
        dateModified: i.lastModified,
      },
      rating: {
        label: label(ratings, i.verdict.ratingKey, i.verdict.language),
        value: r?.value ?? null,
      },
      scale,
    };
  });
  const next = nextCursor ? pageUrl(base, nextCursor) : null;
  if (next) c.header('Link', `<${next}>; rel="next"`);
  const body = JSON.stringify(
    claimReviewFeed({
      name: `${c.env.ORG_NAME} ClaimReview`,
      url: pageUrl(base, c.req.query('before')),
      dateModified: updated,
      items: reviews,
      next,
    }),
  );
  return sendCacheable(c, body, 'application/json; charset=utf-8', updated);
});

const CSV_HEADER = [
  'id',
  'url',
  'claim',
  'claimant',
  'claim_date',
  'rating_key',
  'rating_label',
  'headline',
  'first_published',
  'last_modified',
  'language',
];

feeds.get('/fact-checks.csv', async (c) => {
  const origin = originOf(c);
  const rows = [CSV_BOM, csvRow(CSV_HEADER)];
  let updated = '1970-01-01T00:00:00.000Z';
  let cursor: string | undefined;
  do {
    const { items, ratings, nextCursor } = await feedItems(c.env.DB, CSV_CHUNK, cursor);
    for (const i of items) {
      rows.push(
        csvRow([
          i.id,
          `${origin}/claims/${i.id}`,
          i.text,
          i.claimant,
          i.claimDate,
          i.verdict.ratingKey,
          label(ratings, i.verdict.ratingKey, i.verdict.language),
          i.verdict.headline,
          i.verdict.firstPublishedAt,
          i.lastModified,
          i.verdict.language,
        ]),
      );
    }
    updated = [updated, newest(items)].sort().at(-1)!;
    cursor = nextCursor ?? undefined;
  } while (cursor);
  c.header('Content-Disposition', 'attachment; filename="fact-checks.csv"');
  return sendCacheable(c, rows.join(''), 'text/csv; charset=utf-8; header=present', updated);
});
