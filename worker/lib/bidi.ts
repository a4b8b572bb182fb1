import { toWellFormedText } from './text';

/**
 * Bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069). Untrusted text shown to
 * readers loses them, so a claim cannot visually reorder what follows it (RTL-override spoofing);
 * the markup isolates each piece of user text with `dir`/`<bdi>` instead.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * `text` without bidi embedding, override and isolate controls. Unpaired surrogates become U+FFFD
 * first: removing a control that sat between two lone halves must not pair them into a character.
 */
export function stripBidiControls(text: string): string {
  return toWellFormedText(text).replace(BIDI_CONTROLS, '');
}
