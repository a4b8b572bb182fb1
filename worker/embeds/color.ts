/** Colour helpers for badges: only `#rgb`/`#rrggbb` pass; text colour by WCAG contrast. */

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A `#rrggbb` colour (lower case), or `fallback` when `value` is not a hex colour. */
export function safeColor(value: string | null | undefined, fallback: string): string {
  if (!value || !HEX.test(value)) return fallback;
  const hex = value.slice(1).toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((d) => d + d).join('') : hex}`;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio between two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White or near-black, whichever reads better on `background` (a `#rrggbb`). */
export function textColorOn(background: string): '#fff' | '#111' {
  return contrast('#ffffff', background) >= contrast('#111111', background) ? '#fff' : '#111';
}
