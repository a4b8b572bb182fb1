/** Small pieces shared by the public pages. Everything untrusted arrives as text and JSX escapes it. */
import { dirOf } from '../../lib/lang';
import { formatDate, type Locale } from '../../i18n/public';
import { LatinIsolated, shown, UserText } from '../shared/user-text';
import { highlightRuns } from '../../lib/highlight';
import { metaSeparator } from '../../i18n/reader-search';

/** A rating as pages show it. */
export interface RatingView {
  key: string;
  label: string;
  color: string;
}

/** A published claim in a list or among "this may already be checked". */
export interface ClaimCardView {
  id: string;
  text: string;
  language: string;
  headline?: string;
  claimant?: string | null;
  publishedAt?: string;
  rating: RatingView | null;
}

const SAFE_COLOR = /^#[0-9a-fA-F]{3,8}$/;

/** A rating label with its colour as an SVG dot (presentation attribute: no inline style needed under the CSP). */
export function RatingBadge(props: { rating: RatingView | null; locale: Locale }) {
  if (!props.rating) return null;
  const color = SAFE_COLOR.test(props.rating.color) ? props.rating.color : '#57606a';
  return (
    <span class={`rating rating-${props.rating.key.replace(/[^a-z0-9-]/g, '')}`}>
      <svg
        class="rating-dot"
        width="14"
        height="14"
        viewBox="0 0 14 14"
        aria-hidden="true"
        focusable="false"
      >
        <circle cx="7" cy="7" r="7" fill={color} />
      </svg>
      <span class="rating-label">{props.rating.label}</span>
    </span>
  );
}

/** A date as `<time>`. */
export function DateText(props: { iso: string | null | undefined; locale: Locale }) {
  if (!props.iso) return null;
  return <time datetime={props.iso}>{formatDate(props.iso, props.locale)}</time>;
}

/** A user text with the words a search matched in `<mark>` (plain strings only: JSX escapes them). */
export function Highlighted(props: { text: string; query?: string }) {
  return (
    <>
      {highlightRuns(shown(props.text), props.query).map((r) =>
        r.mark ? <mark>{r.text}</mark> : <LatinIsolated text={r.text} />,
      )}
    </>
  );
}

/** One published claim as a card (lists and matches); `highlight` marks a search's words. */
export function ClaimCard(props: {
  item: ClaimCardView;
  locale: Locale;
  href: string;
  highlight?: string;
}) {
  const { item } = props;
  return (
    <article class="claim-card">
      <RatingBadge rating={item.rating} locale={props.locale} />
      <h3 class="claim-card-text" lang={item.language} dir={dirOf(item.language)}>
        <a href={props.href}>
          <Highlighted text={item.text} query={props.highlight} />
        </a>
      </h3>
      {item.headline ? (
        <UserText as="p" lang={item.language} class="claim-card-headline">
          <Highlighted text={item.headline} query={props.highlight} />
        </UserText>
      ) : null}
      <p class="claim-card-meta">
        {item.claimant ? <bdi>{shown(item.claimant)}</bdi> : null}
        {item.claimant && item.publishedAt ? metaSeparator(props.locale) : null}
        <DateText iso={item.publishedAt} locale={props.locale} />
      </p>
    </article>
  );
}

/** The field's error message, tied to the input by id (aria-describedby). */
export function FieldError(props: { id: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="field-error" id={props.id} role="alert">
      <LatinIsolated text={props.message} />
    </p>
  );
}
