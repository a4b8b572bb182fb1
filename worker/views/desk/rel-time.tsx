/** Relative times ("3 hours ago", "in 2 days") with the exact time on hover: `<time datetime title>`. */
import type { Language } from '../../lib/lang';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago" / "in 2 days" in the UI language, from an ISO instant and now. */
export function relativeText(iso: string, now: Date, locale: Language): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS)
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  return format.format(0, 'minute');
}

/** An instant shown relative to now; the exact UTC time is its `title` and `datetime`. */
export function RelTime(props: { iso: string; now: Date; locale: Language }) {
  const exact = `${props.iso.slice(0, 16).replace('T', ' ')} UTC`;
  return (
    <time datetime={props.iso} title={exact}>
      {relativeText(props.iso, props.now, props.locale)}
    </time>
  );
}

/** A calendar date (YYYY-MM-DD) shown relative to today ("tomorrow", "2 days ago"), the date as title. */
export function RelDate(props: { date: string; today: string; locale: Language }) {
  const days = Math.round(
    (Date.parse(`${props.date}T00:00:00Z`) - Date.parse(`${props.today}T00:00:00Z`)) / 86400000,
  );
  const text = new Intl.RelativeTimeFormat(props.locale, { numeric: 'auto' }).format(days, 'day');
  return (
    <time datetime={props.date} title={props.date}>
      {text}
    </time>
  );
}
