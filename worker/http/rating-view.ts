/** The rating scale as readers see it: labels in their locale, the scale's bounds for ClaimReview. */
import type { Rating } from '../../d1/ratings';
import { ratingLabel } from '../lib/ratings';
import type { RatingView } from '../views/public/parts';

/** A rating as the reader sees it (label in their locale). */
export function ratingView(ratings: Rating[], key: string, locale: string): RatingView {
  const r = ratings.find((x) => x.key === key);
  return r
    ? { key, label: ratingLabel(r, locale), color: r.color }
    : { key, label: key, color: '#57606a' };
}

/** Best and worst values of the scale (max and min of the numeric ratings), null when it has none. */
export function scaleBounds(ratings: Rating[]): { best: number; worst: number } | null {
  const values = ratings.map((r) => r.value).filter((v): v is number => v !== null);
  return values.length ? { best: Math.max(...values), worst: Math.min(...values) } : null;
}
