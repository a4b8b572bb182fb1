/** The ClaimReview rules of issue 5, as a validator the tests run over every JSON-LD we emit. */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isHttp = (v: unknown) => typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v);

/** A list of broken rules (empty = valid). `scale` = the numeric ratings' best and worst, if the rating is on it. */
export function claimReviewProblems(
  doc: unknown,
  expect: {
    canonical?: string;
    scale?: { best: number; worst: number; value: number } | null;
  } = {},
): string[] {
  const p: string[] = [];
  if (!isObj(doc)) return ['not an object'];
  if (doc['@type'] !== 'ClaimReview') p.push('@type must be ClaimReview');
  if (doc['@context'] !== undefined && doc['@context'] !== 'https://schema.org')
    p.push('@context must be https://schema.org');
  if (typeof doc.claimReviewed !== 'string' || !doc.claimReviewed.trim())
    p.push('claimReviewed missing');
  if (!isHttp(doc.url)) p.push('url must be absolute http(s)');
  if (expect.canonical && doc.url !== expect.canonical) p.push('url must be the canonical URL');
  const author = doc.author;
  if (
    !isObj(author) ||
    author['@type'] !== 'Organization' ||
    typeof author.name !== 'string' ||
    !author.name
  )
    p.push('author must be an Organization with a name');
  if (!isDate(doc.datePublished)) p.push('datePublished must be a date');
  if (typeof doc.inLanguage !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(doc.inLanguage))
    p.push('inLanguage must be a BCP 47 tag');
  const rating = doc.reviewRating;
  if (!isObj(rating) || rating['@type'] !== 'Rating') p.push('reviewRating must be a Rating');
  else {
    if (typeof rating.alternateName !== 'string' || !rating.alternateName)
      p.push('reviewRating.alternateName missing');
    if (typeof rating.name !== 'string' || !rating.name) p.push('reviewRating.name missing');
    const numeric = ['ratingValue', 'bestRating', 'worstRating'].filter((k) => k in rating);
    if (expect.scale) {
      if (rating.ratingValue !== expect.scale.value) p.push('ratingValue must be the rating value');
      if (rating.bestRating !== expect.scale.best)
        p.push('bestRating must be the max of the scale');
      if (rating.worstRating !== expect.scale.worst)
        p.push('worstRating must be the min of the scale');
    } else if (expect.scale === null && numeric.length)
      p.push(`non-scale rating must not have ${numeric.join(', ')}`);
    if (numeric.length && numeric.length !== 3)
      p.push('ratingValue, bestRating and worstRating go together');
  }
  const item = doc.itemReviewed;
  if (!isObj(item) || item['@type'] !== 'Claim') p.push('itemReviewed must be a Claim');
  else {
    if (item.author !== undefined) {
      const a = item.author;
      if (
        !isObj(a) ||
        !['Person', 'Organization'].includes(String(a['@type'])) ||
        typeof a.name !== 'string'
      )
        p.push('itemReviewed.author must be a Person or Organization with a name');
    }
    if (item.datePublished !== undefined && !isDate(item.datePublished))
      p.push('itemReviewed.datePublished must be a date');
    if (item.appearance !== undefined) {
      if (
        !Array.isArray(item.appearance) ||
        !item.appearance.every((a) => isObj(a) && isHttp(a.url))
      )
        p.push('appearance must be CreativeWorks with http(s) urls');
      if (!isObj(item.firstAppearance) || !isHttp(item.firstAppearance.url))
        p.push('firstAppearance must be a CreativeWork');
    }
  }
  return p;
}
