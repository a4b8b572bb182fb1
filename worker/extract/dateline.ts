/**
 * News-agency datelines at the start of a sentence: "WASHINGTON (Reuters) —", "(AFP) -",
 * "القاهرة (رويترز) -", "PARIS, 3 mars (AFP) -", "LONDON, March 3 (Reuters) -". They name where and
 * who filed the story, not what was claimed, so a claim never starts with one. A city is in capitals
 * (Latin script) or Arabic script, an optional date after a comma, then the agency in brackets and
 * a dash or colon. Pure, like the rest of worker/extract/.
 */
const DATELINE = new RegExp(
  String.raw`^\s*` +
    // the city: LATIN CAPITALS or Arabic script, optionally ", <date>"
    String.raw`(?:(?:\p{Lu}[\p{Lu}\p{M}.'’ -]{1,40}|\p{Script=Arabic}[\p{Script=Arabic}\p{M} ]{1,40})` +
    String.raw`(?:[,،]\s*[\p{L}\p{N} .]{1,25})?\s*)?` +
    // the agency in brackets, then a dash or colon
    String.raw`\([\p{L}\p{M} .&/-]{2,30}\)\s*[-–—:]+\s*`,
  'u',
);

/** The text without a leading dateline, and how many characters were cut from its start. */
export function stripDateline(text: string): { text: string; cut: number } {
  const m = DATELINE.exec(text);
  if (!m || m[0].length >= text.length) return { text, cut: 0 };
  return { text: text.slice(m[0].length), cut: m[0].length };
}
