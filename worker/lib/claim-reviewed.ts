/**
 * A proposal for a claim's `claimReviewed` (ClaimReview's neutral short wording of the claim),
 * made from its text for an editor to check: the desk pre-fills it, nothing stores it unasked.
 * Patterns are anchored and bounded (no backtracking over the whole text).
 */
import { CLAIM_REVIEWED_MAX } from './limits';

// "CAIRO (Reuters) -", "القاهرة (رويترز) -", "PARIS, 3 mars (AFP) –": a place, an agency in brackets, a dash.
const DATELINE = /^[^()\n]{1,60}\((?:[^()\n]{1,30})\)\s*[-–—]+\s*/u;
// Quotes of every kind, at either end.
const OPEN_QUOTES = '"\'“”„‘’‚«»‹›「『';
const CLOSE_QUOTES = '"\'“”‘’«»‹›」』';
// A leading attribution, when simple: at most six words before the verb, then a conjunction.
const ATTRIBUTION = [
  /^(?:[\p{L}\p{M}.'’-]+\s+){1,6}(?:said|says|claimed|claims|stated|told\s+[\p{L}\s]{1,30}?|announced|declared|insisted|argued)(?:\s+on\s+\p{L}+)?\s+that\s+/iu,
  /^(?:[\p{L}\p{M}.'’-]+\s+){1,6}(?:(?:a|ont)\s+(?:déclaré|affirmé|dit|annoncé|assuré|estimé|indiqué|expliqué)|affirme|affirment|déclare|déclarent|assure|estime|dit)(?:\s+\p{L}+)?\s+qu(?:e\s+|['’])/iu,
  /^[وف]?(?:قال|قالت|أكد|أكدت|أعلن|أعلنت|صرح|صرحت|زعم|زعمت|ادعى|ادعت|أوضح|أوضحت)\s+(?:[\p{L}\p{M}]+\s+){1,6}?(?:إن|أن|بأن)\s+/u,
];
const TRAILING = /[\s.,;:!?؟،؛…]+$/u;

/** Strip one pair of surrounding quotes (or a lone leading/trailing one left by a cut). */
function unquote(s: string): string {
  let out = s;
  if (out && OPEN_QUOTES.includes(out[0]!)) out = out.slice(1);
  if (out && CLOSE_QUOTES.includes(out[out.length - 1]!)) out = out.slice(0, -1);
  return out.trim();
}

/** Cut at a word boundary to at most `max` UTF-16 units, with "…" when cut. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const room = s.slice(0, max); // "…" takes one unit
  const space = room.lastIndexOf(' ');
  const head = (space > max / 2 ? room.slice(0, space) : room.slice(0, max - 1)).replace(
    TRAILING,
    '',
  );
  // Never leave half a surrogate pair at the cut.
  const safe = /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
  return `${safe}…`;
}

/** A neutral short wording of a claim, proposed from its text (≤ 75 characters). */
export function proposeClaimReviewed(text: string): string {
  let s = text.replace(/\s+/gu, ' ').trim();
  s = s.replace(DATELINE, '');
  s = unquote(s);
  for (const re of ATTRIBUTION) {
    const m = re.exec(s);
    // Only a simple attribution: something substantial must remain after it.
    if (m && s.length - m[0].length >= 10) {
      s = s.slice(m[0].length);
      break;
    }
  }
  s = unquote(s.replace(TRAILING, ''));
  s = s.replace(TRAILING, '');
  if (/^\p{Ll}/u.test(s)) s = s[0]!.toUpperCase() + s.slice(1);
  return cut(s, CLAIM_REVIEWED_MAX);
}
