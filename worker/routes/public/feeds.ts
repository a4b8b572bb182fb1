/** `/feeds/atom.xml` (Atom 1.0) and `/feeds/claimreview.json` (schema.org DataFeed), with ETag/Last-Modified. */
import { Hono, type Context } from 'hono';
import { feedItems, type PublicItem } from '../../../d1/public';
import type { Rating } from '../../../d1/ratings';
import { ratingLabel } from '../../lib/ratings';
import type { AppEnv } from '../../env';
import { sha256Hex } from '../../lib/crypto';
import { atomFeed } from '../../seo/atom';
import type { ClaimReviewInput } from '../../seo/claim-review';
import { claimReviewFeed } from '../../seo/data-feed';
import { stripBidiControls } from '../../lib/bidi';
import { markupToPlainText } from '../../lib/markup';
import { conditional, originOf, publicHeaders } from '../../http/public-context';
import { scaleBounds } from '../../http/rating-view';

const FEED_SIZE = 50;

export const feeds = new Hono<AppEnv>();
feeds.use('*', publicHeaders());

function newest(items: PublicItem[]): string {
  return items.reduce(
    (m, i) => [m, i.verdict.publishedAt, i.updatedAt].sort().at(-1)!,
    '1970-01-01T00:00:00.000Z',
  );
}

function label(ratings: Rating[], key: string, lang: string): string {
  const r = ratings.find((x) => x.key === key);
  return r ? ratingLabel(r, lang) : key;
}

function shorten(text: string, max: number): string {
  const t = stripBidiControls(text).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

async function send(
  c: Context<AppEnv>,
  body: string,
  type: string,
  lastModified: string,
): Promise<Response> {
  const etag = `"${(await sha256Hex(body)).slice(0, 32)}"`;
  // Feeds do not depend on the reader's language: one cached copy for everyone.
  const notModified = conditional(c, etag, lastModified, { varyLanguage: false });
  if (notModified) return notModified;
  c.header('Content-Type', type);
  return c.body(body, 200);
}

feeds.get('/atom.xml', async (c) => {
  const origin = originOf(c);
  const { items, ratings } = await feedItems(c.env.DB, FEED_SIZE);
  const updated = newest(items);
  const xml = atomFeed({
    selfUrl: `${origin}/feeds/atom.xml`,
    siteUrl: `${origin}/`,
    title: c.env.ORG_NAME,
    author: c.env.ORG_NAME,
    updated,
    entries: items.map((i) => ({
      url: `${origin}/claims/${i.id}`,
      title: `${label(ratings, i.verdict.ratingKey, i.verdict.language)}: ${shorten(i.text, 120)}`,
      language: i.verdict.language,
      published: i.verdict.firstPublishedAt,
      updated: i.verdict.publishedAt,
      summary: stripBidiControls(i.verdict.headline),
      content: stripBidiControls(
        `${i.verdict.headline}\n\n${markupToPlainText(i.verdict.explanation)}`,
      ),
    })),
  });
  return send(c, xml, 'application/atom+xml; charset=utf-8', updated);
});

feeds.get('/claimreview.json', async (c) => {
  const origin = originOf(c);
  const { items, ratings } = await feedItems(c.env.DB, FEED_SIZE);
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
        dateModified: i.verdict.publishedAt,
      },
      rating: {
        label: label(ratings, i.verdict.ratingKey, i.verdict.language),
        value: r?.value ?? null,
      },
      scale,
    };
  });
  const body = JSON.stringify(
    claimReviewFeed({
      name: `${c.env.ORG_NAME} ClaimReview`,
      url: `${origin}/feeds/claimreview.json`,
      dateModified: updated,
      items: reviews,
    }),
  );
  return send(c, body, 'application/json; charset=utf-8', updated);
});
