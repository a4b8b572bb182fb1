import { findMatches } from '../../d1/matches';
import { activeRatingsStatement } from '../../d1/public';
import { toRating, type RatingRow } from '../../d1/ratings';
import type { Locale } from '../i18n/public';
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
    findMatches(db, text, { publishedOnly: true, limit: MATCH_LIMIT }),
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
