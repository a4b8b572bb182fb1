import { activeRatingsStatement } from '../../d1/public';
import { toRating, type Rating, type RatingRow } from '../../d1/ratings';
import type { RelatedRow } from '../../d1/related';
import type { Locale } from '../i18n/public';
import { matcherFor } from '../match/matcher';
import { ratingView } from './rating-view';
import type { ClaimCardView } from '../views/public/parts';

const MATCH_LIMIT = 5;

/** Published verdicts that match a text ("this may already be checked"), as cards: /submit, /track and the submissions API. */
export async function publishedMatches(
  db: D1Database,
  text: string,
  locale: Locale,
): Promise<ClaimCardView[]> {
  if (text.trim().length < 3) return [];
  const [matches, ratings] = await Promise.all([
    matcherFor(db).find(text, { publishedOnly: true, limit: MATCH_LIMIT }),
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

const RELATED_LIMIT = 3;

/** Stored related fact-checks (read with the page, d1/related.ts) as cards. */
export function relatedCards(rows: RelatedRow[], scale: Rating[], locale: Locale): ClaimCardView[] {
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    language: r.language,
    rating: r.rating_key ? ratingView(scale, r.rating_key, locale) : null,
  }));
}

/**
 * Other published fact-checks that match a claim page's claim, up to three, as cards, asked of the
 * matcher: one more D1 round trip. Only for a claim whose list was never stored (see
 * http/related-jobs.ts); the page's read already holds the rating scale.
 */
export async function relatedFactChecks(
  db: D1Database,
  claim: { id: string; text: string },
  scale: Rating[],
  locale: Locale,
): Promise<ClaimCardView[]> {
  const matches = await matcherFor(db).find(claim.text, {
    publishedOnly: true,
    excludeId: claim.id,
    limit: RELATED_LIMIT,
  });
  return matches.map((m) => ({
    id: m.id,
    text: m.text,
    language: m.language,
    rating: m.published_rating ? ratingView(scale, m.published_rating, locale) : null,
  }));
}
