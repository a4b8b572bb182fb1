/** Small pieces shared by desk views. */
import type { Rating } from '../models';
import { ratingLabel } from '../../lib/ratings';
import type { DeskKey } from '../../i18n/desk';
import type { ClaimStatus } from '../../lib/status';
import type { DeskUi } from './layout';

export function statusLabel(ui: DeskUi, status: ClaimStatus): string {
  return ui.t(`status_${status}` as DeskKey);
}

export function StatusBadge(props: { ui: DeskUi; status: ClaimStatus }) {
  return <span class={`badge status-${props.status}`}>{statusLabel(props.ui, props.status)}</span>;
}

/** CSS class carrying a rating's colour (rules come from /desk/ratings.css: no inline styles under our CSP). */
export function swatchClass(key: string): string {
  return `swatch-${key.replace(/[^a-z0-9-]/g, '_')}`;
}

/** A rating chip in the rating's colour (colour also shown as text-independent swatch). */
export function RatingChip(props: { ui: DeskUi; ratings: Rating[]; ratingKey: string | null }) {
  if (!props.ratingKey) return null;
  const rating = props.ratings.find((r) => r.key === props.ratingKey);
  return (
    <span class="rating-chip">
      <span class={`swatch ${swatchClass(props.ratingKey)}`} aria-hidden="true"></span>
      {rating ? ratingLabel(rating, props.ui.locale) : props.ratingKey}
    </span>
  );
}

/** An ISO time as a <time> element (shown as written, Western digits, UTC). */
export function Time(props: { iso: string | null | undefined }) {
  if (!props.iso) return null;
  return (
    <time datetime={props.iso} dir="ltr">
      {props.iso.slice(0, 16).replace('T', ' ')}
    </time>
  );
}
