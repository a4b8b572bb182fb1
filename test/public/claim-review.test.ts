import { describe, expect, it } from 'vitest';
import { claimReview, jsonForScript, type ClaimReviewInput } from '../../worker/seo/claim-review';
import { call } from '../helpers';
import { claimReviewProblems } from './claim-review-rules';
import { jsonLdBlocks, publishedClaim } from './fixtures';

async function pageJsonLd(id: string) {
  const html = await (await call(`/claims/${id}`)).text();
  const blocks = jsonLdBlocks(html);
  expect(blocks).toHaveLength(1);
  return blocks[0] as Record<string, any>;
}

describe('ClaimReview JSON-LD on claim pages', () => {
  it('passes the rules for a scale rating with a person claimant', async () => {
    const claim = await publishedClaim({
      rating: 'mostly-false',
      claimant: 'Jane Doe',
      claimantType: 'person',
      claimDate: '2026-02-03',
      appearances: ['https://tv.example/clip', 'javascript:alert(1)', 'https://x.example/2'],
    });
    const doc = await pageJsonLd(claim.id);
    expect(
      claimReviewProblems(doc, {
        canonical: `https://claimdesk.test/claims/${claim.id}`,
        scale: { value: 2, best: 5, worst: 1 },
      }),
    ).toEqual([]);
    expect(doc.reviewRating).toMatchObject({
      alternateName: 'Mostly false',
      name: 'Mostly false',
      ratingValue: 2,
      bestRating: 5,
      worstRating: 1,
    });
    expect(doc.itemReviewed).toEqual({
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Jane Doe' },
      datePublished: '2026-02-03',
      appearance: [
        { '@type': 'CreativeWork', url: 'https://tv.example/clip' },
        { '@type': 'CreativeWork', url: 'https://x.example/2' },
      ],
      firstAppearance: { '@type': 'CreativeWork', url: 'https://tv.example/clip' },
    });
    expect(doc.author).toEqual({
      '@type': 'Organization',
      name: 'ClaimDesk Demo Newsroom',
      url: 'https://claimdesk.test/',
    });
    // claimReviewed is the claim's own wording, never the verdict's conclusion.
    expect(doc.claimReviewed).toBe(claim.text);
    expect(doc.headline).toBe('Unemployment did not fall by 12%');
    expect(doc.inLanguage).toBe('en');
  });

  it('omits the numbers for a non-scale rating and names an organisation claimant', async () => {
    const claim = await publishedClaim({
      rating: 'misleading',
      claimant: 'Ministry of Truth',
      claimantType: 'organization',
      language: 'ar',
      text: 'وزارة تقول إن الأسعار انخفضت ٥٠٪',
      headline: 'الأسعار لم تنخفض',
    });
    const doc = await pageJsonLd(claim.id);
    expect(claimReviewProblems(doc, { scale: null })).toEqual([]);
    expect(doc.reviewRating).toEqual({ '@type': 'Rating', name: 'مضلل', alternateName: 'مضلل' });
    expect(doc.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Ministry of Truth' });
    expect(doc.inLanguage).toBe('ar');
  });

  it('dates the review by its first publication and reflects the current correction', async () => {
    const claim = await publishedClaim({
      rating: 'false',
      corrections: [{ rating: 'true', headline: 'It did fall by 12%', note: 'New figures' }],
    });
    const doc = await pageJsonLd(claim.id);
    expect(claimReviewProblems(doc, { scale: { value: 5, best: 5, worst: 1 } })).toEqual([]);
    expect(doc.claimReviewed).toBe(claim.text);
    expect(doc.headline).toBe('It did fall by 12%');
    expect(Date.parse(doc.dateModified)).toBeGreaterThanOrEqual(Date.parse(doc.datePublished));
  });

  it('leaves out the claim author and date when unknown', async () => {
    const claim = await publishedClaim({
      claimant: null,
      claimantType: null,
      claimDate: null,
      appearances: [],
    });
    const doc = await pageJsonLd(claim.id);
    expect(claimReviewProblems(doc)).toEqual([]);
    expect(doc.itemReviewed).toEqual({ '@type': 'Claim' });
  });
});

describe('claimReview builder and script escaping', () => {
  const base: ClaimReviewInput = {
    url: 'https://f.example/claims/abc',
    org: { name: 'Org', url: 'https://f.example/' },
    claim: {
      text: 't',
      claimant: null,
      claimantType: null,
      claimDate: null,
      appearances: [],
      claimReviewed: '</script><script>alert(1)</script>',
    },
    verdict: {
      headline: '</script><script>alert(1)</script>',
      language: 'en',
      datePublished: '2026-01-01T00:00:00Z',
      dateModified: '2026-01-01T00:00:00Z',
    },
    rating: { label: 'False', value: 1 },
    scale: { best: 5, worst: 1 },
  };

  it('escapes < > & and line separators so the script element cannot be closed', () => {
    const json = jsonForScript(
      claimReview({ ...base, claim: { ...base.claim, text: 'a\u2028b' } }),
    );
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json).claimReviewed).toBe(base.claim.claimReviewed);
    expect(JSON.parse(json).headline).toBe(base.verdict.headline);
  });

  it('falls back to the claim text, never the verdict headline, without a short wording', () => {
    expect(
      claimReview({
        ...base,
        claim: { ...base.claim, text: 'claim text', claimReviewed: null },
      }).claimReviewed,
    ).toBe('claim text');
  });

  it('puts no numbers on a rating without a scale', () => {
    const doc = claimReview({ ...base, scale: null });
    expect(claimReviewProblems(doc, { scale: null })).toEqual([]);
  });
});
