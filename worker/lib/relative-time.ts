/** "3 h ago" in the UI language (Intl.RelativeTimeFormat), from two instants. Pure. */
import type { Language } from './lang';

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

const formats = new Map<Language, Intl.RelativeTimeFormat>();

/** `iso` relative to `now` (both ISO-8601), in the largest unit that fits: "3 hr. ago", "il y a 2 j". */
export function relativeTime(iso: string, now: string, locale: Language): string {
  let value = (Date.parse(iso) - Date.parse(now)) / 1000;
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    formats.set(locale, format);
  }
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit);
    value /= size;
  }
  return format.format(Math.round(value), 'year');
}

/** The exact time for a tooltip: "2026-11-30 17:43 UTC". */
export function exactTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
