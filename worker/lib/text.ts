/**
 * Well-formed text: what every free-text field must be before it is stored. JSON can carry lone
 * UTF-16 surrogates (`"\ud800"`) and NUL (`"\u0000"`); neither is text a person typed, both break
 * consumers downstream (SQLite string functions, feeds, XML), so the edge refuses them.
 */

// Without the `u` flag the pattern sees UTF-16 code units, so a lone surrogate is visible.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * `s` with every unpaired surrogate replaced by U+FFFD (what `String.prototype.toWellFormed` does).
 * Run it before removing any character: deleting what sits between two lone halves would otherwise
 * pair them into a code point nobody typed.
 */
export function toWellFormedText(s: string): string {
  return s.replace(LONE_SURROGATES, '\uFFFD');
}

/** True when `s` has no NUL and no unpaired surrogate. */
export function isWellFormedText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** True when `bytes` decode as UTF-8 without a replacement character being needed. */
export function isUtf8(bytes: ArrayBuffer | Uint8Array): boolean {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when an application/x-www-form-urlencoded body decodes to well-formed UTF-8: raw bytes and
 * every percent-escape (`%C3%28` is as broken as the raw bytes C3 28).
 */
export function isWellFormedFormBody(body: string): boolean {
  if (!body.includes('%')) return true;
  for (const part of body.split(/[&=]/)) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return false;
    }
  }
  return true;
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * The first `max` UTF-16 code units of `s` (so a column's length limit still holds), one fewer when
 * the cut would fall between the two halves of a surrogate pair: `s.slice(0, max)` would leave a lone
 * high surrogate that XML, JSON-LD consumers and the UTF-8 encoder turn into U+FFFD (or refuse).
 */
export function sliceText(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = Math.max(0, max);
  return end > 0 && isHigh(s.charCodeAt(end - 1)) && isLow(s.charCodeAt(end))
    ? s.slice(0, end - 1)
    : s.slice(0, end);
}

/** `s` when it has at most `max` code units, else its first `max - 1` (see `sliceText`) and "…". */
export function truncateText(s: string, max: number): string {
  return s.length <= max ? s : `${sliceText(s, max - 1)}…`;
}
