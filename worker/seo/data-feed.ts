import { claimReview, type ClaimReviewInput } from './claim-review';

/**
 * A schema.org DataFeed of ClaimReview items (the feed format fact-check aggregators read).
 * Pure: the route passes one page of published reviews and the next page's URL.
 */
export function claimReviewFeed(input: {
  name: string;
  url: string;
  dateModified: string;
  items: ClaimReviewInput[];
  /** The next (older) page's URL; null or absent on the last page. */
  next?: string | null;
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    name: input.name,
    url: input.url,
    dateModified: input.dateModified,
    dataFeedElement: input.items.map((item) => claimReview(item)),
    // Not a schema.org term: the feed's paging (also sent as `Link: <…>; rel="next"`).
    ...(input.next ? { next: input.next } : {}),
  };
}
