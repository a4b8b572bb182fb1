/**
 * The share image of a fact-check as SVG (1200×630, the Open Graph size): the rating's colour and
 * label, the headline, an excerpt of the claim and the organisation, in the verdict's language.
 * SVG has no line breaking, so lines are wrapped here by an estimate of each glyph's width;
 * shaping and right-to-left order are the renderer's (resvg shapes Arabic with its fonts).
 */
import { stripBidiControls } from '../lib/bidi';
import { dirOf } from '../lib/lang';
import { escapeXml } from '../lib/xml';
import { sliceText } from '../lib/text';

export const OG_IMAGE_WIDTH = 1200;
export const OG_IMAGE_HEIGHT = 630;

/** What the image shows changes with the claim (text, status) or its verdict: both are in `?v=`. */
export function ogImageVersion(claim: { version: number }, verdict: { version: number }): string {
  return `${claim.version}-${verdict.version}`;
}

export interface OgCard {
  /** BCP 47 language of the verdict (the image's language). */
  language: string;
  ratingLabel: string;
  ratingColor: string;
  headline: string;
  claim: string;
  org: string;
  /** "Fact check" in the image's language. */
  kicker: string;
  retracted: string | null;
}

const SAFE_COLOR = /^#[0-9a-fA-F]{6}$/;
const MARGIN = 80;
const TEXT_WIDTH = OG_IMAGE_WIDTH - 2 * MARGIN;

/** Rough advance of one character at 1px, for wrapping (Noto Sans / Noto Sans Arabic averages). */
function advance(ch: string, bold: boolean): number {
  if (/[\u0600-\u06ff]/.test(ch)) return bold ? 0.62 : 0.56;
  if (/[A-Z0-9]/.test(ch)) return bold ? 0.68 : 0.62;
  if (/[ilj.,;:'!|]/.test(ch)) return 0.3;
  if (ch === ' ') return 0.26;
  return bold ? 0.58 : 0.53;
}

function width(text: string, size: number, bold: boolean): number {
  let w = 0;
  for (const ch of text) w += advance(ch, bold);
  return w * size;
}

/** Greedy word wrap to `maxLines` lines; the last line ends with an ellipsis when text is left. */
export function wrap(
  text: string,
  size: number,
  bold: boolean,
  maxLines: number,
  max = TEXT_WIDTH,
): string[] {
  const words = stripBidiControls(text).replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (width(next, size, bold) <= max || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) {
    lines.push(line);
    line = '';
    i = words.length;
  }
  if (i < words.length || line) {
    let last = lines[maxLines - 1] ?? '';
    while (last && width(`${last}…`, size, bold) > max) last = sliceText(last, last.length - 1);
    lines[maxLines - 1] = `${last.trimEnd()}…`;
  }
  // A single word wider than the line (a long URL) is cut too.
  return lines.map((l) => {
    let out = l;
    while (width(out, size, bold) > max && out.length > 1)
      out = `${sliceText(out, out.length - 2)}…`;
    return out;
  });
}

/** The card as an SVG document. */
export function ogCardSvg(card: OgCard): string {
  const rtl = dirOf(card.language) === 'rtl';
  const family = rtl ? 'Noto Sans Arabic, Noto Sans' : 'Noto Sans, Noto Sans Arabic';
  const color = card.retracted
    ? '#57606a'
    : SAFE_COLOR.test(card.ratingColor)
      ? card.ratingColor
      : '#57606a';
  // resvg anchors right-to-left text by its visual right edge with text-anchor="end".
  const x = rtl ? OG_IMAGE_WIDTH - MARGIN : MARGIN;
  const anchor = rtl ? 'end' : 'start';
  const dir = rtl ? 'rtl' : 'ltr';
  // resvg takes each line's base direction from its text, not from `direction`: a right-to-left
  // line that starts with digits ("2025 …") would be laid out left-to-right. A leading RLM (a
  // strong right-to-left mark, invisible) makes every line of an Arabic card right-to-left.
  const mark = rtl ? '\u200f' : '';
  const text = (y: number, size: number, weight: number, fill: string, s: string) =>
    `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}" ` +
    `text-anchor="${anchor}" direction="${dir}">${mark}${escapeXml(s)}</text>`;

  const label = card.retracted ?? card.ratingLabel;
  const pillWidth = Math.min(TEXT_WIDTH, Math.round(width(label, 44, true) + 64));
  const pillX = rtl ? OG_IMAGE_WIDTH - MARGIN - pillWidth : MARGIN;
  const headline = wrap(card.headline, 52, true, 3);
  const claimTop = 250 + headline.length * 66 + 24;
  // No quotation marks in right-to-left text: resvg puts a trailing neutral at the wrong end.
  const quoted = rtl ? card.claim : `“${card.claim}”`;
  const claim = wrap(quoted, 30, false, 520 - claimTop >= 84 ? 2 : 1);
  const parts = [
    `<rect width="${OG_IMAGE_WIDTH}" height="${OG_IMAGE_HEIGHT}" fill="#ffffff"/>`,
    `<rect x="${rtl ? OG_IMAGE_WIDTH - 24 : 0}" width="24" height="${OG_IMAGE_HEIGHT}" fill="${color}"/>`,
    text(92, 30, 700, '#57606a', card.kicker),
    `<rect x="${pillX}" y="124" width="${pillWidth}" height="72" rx="36" fill="${color}"/>`,
    `<text x="${pillX + pillWidth / 2}" y="175" font-size="44" font-weight="700" fill="#ffffff" ` +
      `text-anchor="middle" direction="${dir}">${mark}${escapeXml(label)}</text>`,
    ...headline.map((l, i) => text(290 + i * 66, 52, 700, '#1f2328', l)),
    ...claim.map((l, i) => text(claimTop + 30 + i * 42, 30, 400, '#57606a', l)),
    `<rect x="${MARGIN}" y="540" width="${TEXT_WIDTH}" height="2" fill="#d0d7de"/>`,
    text(590, 30, 700, '#1f2328', card.org),
  ];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_IMAGE_WIDTH}" height="${OG_IMAGE_HEIGHT}" ` +
    `viewBox="0 0 ${OG_IMAGE_WIDTH} ${OG_IMAGE_HEIGHT}" font-family="${family}">${parts.join('')}</svg>`
  );
}
