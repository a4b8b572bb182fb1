/** Turns a published claim page read into the claim page view, its metadata and JSON-LD. */
import type { PublicClaimPage } from '../../d1/public';
import type { Rating } from '../../d1/ratings';
import { ratingLabel } from '../lib/ratings';
import type { Verdict } from '../../d1/verdicts';
import { strings, type Locale } from '../i18n/public';
import { claimReview } from '../seo/claim-review';
import { stripBidiControls } from '../lib/bidi';
import { markupToPlainText } from '../lib/markup';
import { snapshotChanges } from '../domain/corrections';
import type { ClaimPageProps, RecordEntryView, VersionView } from '../views/public/claim-page';
import type { EmbedBoxView } from '../views/public/claim-lead';
import type { ClaimCardView } from '../views/public/parts';
import { shareLinks } from '../lib/share-links';
import { DEFAULT_EMBED_CHOICE, embedBox } from './embed-box';
import { OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH, ogImageVersion } from '../og/card-svg';
import type { PageMeta } from '../views/public/layout';
import { ratingView, scaleBounds } from './rating-view';
import { truncateText } from '../lib/text';

function versionView(v: Verdict, ratings: Rating[], locale: Locale): VersionView {
  return {
    version: v.version,
    rating: ratingView(ratings, v.ratingKey, locale),
    headline: v.headline,
    language: v.language,
    correctionNote: v.correctionNote,
    publishedAt: v.publishedAt ?? v.createdAt,
  };
}

function truncate(text: string, max: number): string {
  const clean = stripBidiControls(text).replace(/\s+/g, ' ').trim();
  return truncateText(clean, max);
}

export interface ClaimPageModel {
  props: Omit<ClaimPageProps, 'feedback' | 'feedbackError' | 'reason'>;
  meta: PageMeta;
}

/** Everything the claim page shows, from one read. */
export function claimPageModel(
  page: PublicClaimPage,
  ctx: {
    locale: Locale;
    origin: string;
    org: string;
    oembed: string;
    /** The "Embed this" box (default: no choice made, closed). */
    embedBox?: EmbedBoxView;
    related?: ClaimCardView[];
    langSuffix?: string;
  },
): ClaimPageModel {
  const { claim, verdicts, ratings } = page;
  const first = verdicts[0]!;
  const current = verdicts.at(-1)!;
  const canonical = `${ctx.origin}/claims/${claim.id}`;
  const rating = ratings.find((r) => r.key === current.ratingKey) ?? null;
  const jsonLd = claimReview({
    url: canonical,
    org: { name: ctx.org, url: `${ctx.origin}/` },
    claim: {
      text: claim.text,
      claimant: claim.claimant,
      claimantType: claim.claimantType,
      claimDate: claim.claimDate,
      appearances: claim.appearances,
      claimReviewed: claim.claimReviewed,
    },
    verdict: {
      headline: current.headline,
      language: current.language,
      datePublished: first.publishedAt ?? first.createdAt,
      dateModified: current.publishedAt ?? current.createdAt,
    },
    rating: rating
      ? { label: ratingLabel(rating, current.language), value: rating.value }
      : { label: current.ratingKey, value: null },
    scale: scaleBounds(ratings),
  });
  const label = ratingView(ratings, current.ratingKey, ctx.locale).label;
  const retracted = claim.status === 'retracted';
  const record = recordView(page, ctx.locale);
  const latest = record.at(-1);
  return {
    props: {
      locale: ctx.locale,
      claim,
      current: { ...versionView(current, ratings, ctx.locale), explanation: current.explanation },
      firstPublishedAt: page.versions[0]?.publishedAt ?? first.publishedAt ?? first.createdAt,
      record: record.filter((r) => r.kind !== 'publication'),
      banner:
        latest && (latest.kind === 'correction' || latest.kind === 'update')
          ? { kind: latest.kind, at: latest.publishedAt }
          : null,
      retraction:
        retracted && latest?.kind === 'retraction'
          ? { at: latest.publishedAt, note: latest.note ?? '' }
          : retracted
            ? { at: claim.retractedAt ?? claim.updatedAt, note: '' }
            : null,
      sources: page.sources,
      embedBox: retracted
        ? null
        : (ctx.embedBox ?? embedBox(ctx.origin, claim.id, ctx.locale, DEFAULT_EMBED_CHOICE, false)),
      org: ctx.org,
      byline: page.versions[0]?.editorName ?? first.authorName ?? ctx.org,
      related: ctx.related ?? [],
      share: { url: canonical, links: shareLinks(canonical, current.headline) },
      langSuffix: ctx.langSuffix ?? '',
    },
    meta: {
      title: `${label}: ${truncate(claim.text, 70)}`,
      description: truncate(
        `${strings(ctx.locale).claim.verdict}: ${label}. ${current.headline} — ${markupToPlainText(current.explanation)}`,
        200,
      ),
      canonical,
      ogType: 'article',
      oembed: ctx.oembed,
      image: {
        url: `${canonical}/og.png?v=${ogImageVersion(claim, current)}`,
        width: OG_IMAGE_WIDTH,
        height: OG_IMAGE_HEIGHT,
        alt: `${label}: ${truncate(current.headline, 120)}`,
      },
      styles: ['/css/claim-page.css'],
      scripts: retracted ? undefined : ['/js/claim-page.js'],
      // A retracted fact-check withdraws its ClaimReview: no structured data on the page.
      jsonLd: retracted ? undefined : jsonLd,
    },
  };
}

/** The public record as the page shows it: each version with what changed from the one before. */
function recordView(page: PublicClaimPage, locale: Locale): RecordEntryView[] {
  return page.versions.map((v, i) => {
    const prev = page.versions[i - 1];
    const diff =
      prev && v.kind !== 'retraction' ? snapshotChanges(prev.snapshot, v.snapshot) : null;
    return {
      number: v.number,
      kind: v.kind,
      publishedAt: v.publishedAt,
      note: v.note,
      language: v.snapshot.verdict?.language ?? v.snapshot.language,
      ratingBefore: diff?.ratingBefore ? ratingView(page.ratings, diff.ratingBefore, locale) : null,
      ratingAfter: diff?.ratingAfter ? ratingView(page.ratings, diff.ratingAfter, locale) : null,
      changes: (diff?.changes ?? []).map((ch) => ({ ...ch })),
    };
  });
}
