import { textColorOn } from './color';
import type { BadgeStyle, EmbedLang } from './messages';
import { textWidth } from './text-width';
import { stripBidiControls } from '../lib/bidi';
import { el, type Xml } from '../lib/xml';

/** What a badge says; every string is untrusted and escaped by the XML builder. */
export interface BadgeInput {
  label: string;
  message: string;
  /** Message background, `#rrggbb` (see safeColor). */
  color: string;
  lang: EmbedLang;
  style: BadgeStyle;
  /** Longer text for screen readers and the tooltip, e.g. the claim itself. */
  description?: string;
}

interface Geometry {
  height: number;
  size: number;
  pad: number;
  radius: number;
  gloss: boolean;
  upper: boolean;
  letterSpacing: number;
  boldMessage: boolean;
  baseline: number;
}

const GEOMETRY: Record<BadgeStyle, Geometry> = {
  flat: {
    height: 20,
    size: 11,
    pad: 6,
    radius: 3,
    gloss: true,
    upper: false,
    letterSpacing: 0,
    boldMessage: false,
    baseline: 14,
  },
  'flat-square': {
    height: 20,
    size: 11,
    pad: 6,
    radius: 0,
    gloss: false,
    upper: false,
    letterSpacing: 0,
    boldMessage: false,
    baseline: 14,
  },
  'for-the-badge': {
    height: 28,
    size: 10,
    pad: 10,
    radius: 0,
    gloss: false,
    upper: true,
    letterSpacing: 1,
    boldMessage: true,
    baseline: 18,
  },
};

const LABEL_COLOR = '#555555';
const FONT = 'Verdana,Geneva,DejaVu Sans,sans-serif';
const DESCRIPTION_MAX = 200;

/**
 * A badge is one line of text drawn next to others: control characters (line breaks included)
 * become spaces and bidi embedding/override/isolate controls are dropped, so untrusted text can
 * neither break the layout nor reorder the label around it. The XML builder does the rest.
 */
function badgeText(text: string): string {
  return stripBidiControls(text.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' '));
}

/** At most `max` code points (never splits a surrogate pair), with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const points = Array.from(text.trim());
  return points.length <= max
    ? points.join('')
    : `${points
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

function segmentText(
  text: string,
  x: number,
  fill: string,
  g: Geometry,
  rtl: boolean,
  bold: boolean,
): Xml[] {
  const attrs = {
    x: x.toFixed(1),
    'font-weight': bold ? 'bold' : null,
    'letter-spacing': g.letterSpacing || null,
    direction: rtl ? 'rtl' : null,
    'unicode-bidi': rtl ? 'embed' : null,
  };
  const shown = badgeText(text);
  const shadow =
    g.gloss && fill === '#fff'
      ? el(
          'text',
          {
            ...attrs,
            y: g.baseline + 1,
            fill: '#010101',
            'fill-opacity': '.3',
            'aria-hidden': 'true',
          },
          shown,
        )
      : null;
  return [shadow, el('text', { ...attrs, y: g.baseline, fill }, shown)].filter(
    (t): t is Xml => t !== null,
  );
}

/** A shields-style badge as an SVG document (string). Arabic badges read right to left. */
export function renderBadge(input: BadgeInput): string {
  const rtl = input.lang === 'ar';
  // Letter-spacing would pull Arabic's joined letters apart: none for right-to-left badges.
  const g = rtl ? { ...GEOMETRY[input.style], letterSpacing: 0 } : GEOMETRY[input.style];
  const locale = input.lang;
  const label = g.upper ? input.label.toLocaleUpperCase(locale) : input.label;
  const message = g.upper ? input.message.toLocaleUpperCase(locale) : input.message;
  const metrics = { size: g.size, letterSpacing: g.letterSpacing };
  const labelWidth = Math.ceil(textWidth(label, metrics) + 2 * g.pad);
  const messageWidth = Math.ceil(
    textWidth(message, { ...metrics, bold: g.boldMessage }) + 2 * g.pad,
  );
  const width = labelWidth + messageWidth;
  // Reading order: label first. Left to right for en/fr; right to left for ar.
  const labelX = rtl ? messageWidth : 0;
  const messageX = rtl ? 0 : labelWidth;
  const messageFill = textColorOn(input.color);
  const summary = `${input.label}: ${input.message}`;
  const title = input.description
    ? `${summary} — ${truncate(input.description, DESCRIPTION_MAX)}`
    : summary;

  // Ids are global once an SVG is inlined into a page next to others: name the clip by its
  // width, so two badges sharing an id also share the same shape.
  const clipId = `cd-r${width}`;
  const shapes = el(
    'g',
    { 'clip-path': g.radius ? `url(#${clipId})` : null },
    el('rect', { x: labelX, width: labelWidth, height: g.height, fill: LABEL_COLOR }),
    el('rect', { x: messageX, width: messageWidth, height: g.height, fill: input.color }),
    g.gloss ? el('rect', { width, height: g.height, fill: 'url(#cd-s)' }) : null,
  );
  const texts = el(
    'g',
    {
      'text-anchor': 'middle',
      'font-family': FONT,
      'font-size': g.size,
      'text-rendering': 'geometricPrecision',
    },
    ...segmentText(label, labelX + labelWidth / 2, '#fff', g, rtl, false),
    ...segmentText(message, messageX + messageWidth / 2, messageFill, g, rtl, g.boldMessage),
  );
  const svg = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height: g.height,
      viewBox: `0 0 ${width} ${g.height}`,
      role: 'img',
      'aria-label': badgeText(summary),
      'xml:lang': input.lang,
    },
    el('title', {}, badgeText(title)),
    g.gloss
      ? el(
          'linearGradient',
          { id: 'cd-s', x2: '0', y2: '100%' },
          el('stop', { offset: '0', 'stop-color': '#bbb', 'stop-opacity': '.1' }),
          el('stop', { offset: '1', 'stop-opacity': '.1' }),
        )
      : null,
    g.radius
      ? el(
          'clipPath',
          { id: clipId },
          el('rect', { width, height: g.height, rx: g.radius, fill: '#fff' }),
        )
      : null,
    shapes,
    texts,
  );
  return svg.xml;
}
