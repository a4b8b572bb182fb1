import { BOLD_11PX, REGULAR_11PX, type WidthRange } from './font-widths';

/**
 * Estimated rendered width of badge text, so that the badge is sized to fit it. Latin comes from
 * a measured table (see font-widths.ts); Arabic is estimated per letter class on the joined
 * (shaped) forms, which are narrower than the isolated ones; anything else gets a wide default.
 * Estimates err on the wide side: a little padding is fine, clipping is not.
 */
export interface TextStyle {
  bold?: boolean;
  /** Font size in px (tables are at 11px and scale linearly). */
  size?: number;
  /** Extra px after each visible character (CSS letter-spacing). */
  letterSpacing?: number;
}

// Letters that join to nothing on their left and are narrow when shaped: alef forms, dal, thal, reh, zain, waw.
const ARABIC_NARROW = new Set([
  0x621, 0x622, 0x623, 0x624, 0x625, 0x627, 0x62f, 0x630, 0x631, 0x632, 0x648, 0x671, 0x698,
]);

function lookup(table: readonly WidthRange[], cp: number): number | undefined {
  for (const range of table) {
    const w = range.widths[cp - range.from];
    if (cp >= range.from && w !== undefined) return w;
  }
  return undefined;
}

function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x300 && cp <= 0x36f) || // combining diacritics
    (cp >= 0x64b && cp <= 0x65f) || // Arabic harakat
    cp === 0x670 ||
    (cp >= 0x6d6 && cp <= 0x6ed) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f)
  );
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f000
  );
}

/** Width in px of one code point at 11px. */
function charWidth(cp: number, bold: boolean): number {
  const measured = lookup(bold ? BOLD_11PX : REGULAR_11PX, cp);
  if (measured !== undefined) return measured;
  if (isZeroWidth(cp)) return 0;
  if (cp >= 0x600 && cp <= 0x6ff) {
    if (cp >= 0x660 && cp <= 0x669) return bold ? 7.7 : 7; // Arabic-Indic digits
    if (cp >= 0x6f0 && cp <= 0x6f9) return bold ? 7.7 : 7;
    if (cp === 0x60c || cp === 0x61b || cp === 0x61f) return bold ? 4.6 : 4.1; // ، ؛ ؟
    if (cp === 0x640) return bold ? 3.6 : 3.2; // tatweel
    return ARABIC_NARROW.has(cp) ? (bold ? 5.4 : 4.6) : bold ? 8.9 : 7.6;
  }
  if (cp >= 0x750 && cp <= 0x77f) return bold ? 8.9 : 7.6; // Arabic supplement
  if (isWide(cp)) return 11 * (cp >= 0x1f000 ? 1.3 : 1);
  return bold ? 9.4 : 8.5;
}

/** Estimated width in px of `text` in the badge font. */
export function textWidth(text: string, style: TextStyle = {}): number {
  const scale = (style.size ?? 11) / 11;
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const w = charWidth(cp, style.bold ?? false);
    width += w * scale + (w > 0 ? (style.letterSpacing ?? 0) : 0);
  }
  return width;
}
