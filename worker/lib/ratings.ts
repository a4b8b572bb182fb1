/** Label of a rating in a locale, falling back to English, then the key. */
export function ratingLabel(
  rating: { key: string; labels: Record<string, string> },
  locale: string,
): string {
  return rating.labels[locale] ?? rating.labels.en ?? rating.key;
}
