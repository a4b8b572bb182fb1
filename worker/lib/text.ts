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
