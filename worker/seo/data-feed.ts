import { claimReview, type ClaimReviewInput } from './claim-review';

/**
 * A schema.org DataFeed of ClaimReview items (the feed format fact-check aggregators read).
 * Pure: the route passes the newest published reviews.
 */
export function claimReviewFeed(input: {
  name: string;
  url: string;
  dateModified: string;
  items: ClaimReviewInput[];
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    name: input.name,
    url: input.url,
    dateModified: input.dateModified,
    dataFeedElement: input.items.map((item) => claimReview(item)),
  };
}
