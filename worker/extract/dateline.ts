/**
 * News-agency datelines at the start of a sentence: "WASHINGTON (Reuters) —", "(AFP) -",
 * "القاهرة (رويترز) -", "PARIS, 3 mars (AFP) -", "LONDON, March 3 (Reuters) -", "BEIRUT —",
 * "(Beirut) Prices rose". They name where and who filed the story, not what was claimed, so a claim
 * never starts with one. A city is in capitals (Latin script) or Arabic script, an optional date
 * after a comma, then the agency in brackets and a dash or colon. Without brackets a city in Latin
 * CAPITALS before a dash counts; a bracketed word alone at the very start counts when a sentence
 * (a capital letter or Arabic script) follows it. Pure, like the rest of worker/extract/.
 */
const CITY = String.raw`(?:\p{Lu}[\p{Lu}\p{M}.'’ -]{1,40}|\p{Script=Arabic}[\p{Script=Arabic}\p{M} ]{1,40})`;
const DATE = String.raw`(?:[,،]\s*[\p{L}\p{N} .]{1,25})?`;
const AGENCY = String.raw`\([\p{L}\p{M} .&/-]{2,30}\)`;
const DASH = String.raw`[-–—:]+\s*`;
const DATELINE = new RegExp(
  String.raw`^\s*(?:` +
    // the city (optionally ", <date>"), then the agency in brackets, then a dash or colon
    String.raw`(?:${CITY}${DATE}\s*)?${AGENCY}\s*${DASH}` +
    // a city in LATIN CAPITALS (two letters or more, no lower case) and a dash: "BEIRUT —"
    String.raw`|\p{Lu}{3,}(?:[ .'’-]*\p{Lu}+)*${DATE}\s+[–—-]+\s*` +
    // "(Beirut) Prices rose": brackets alone, before a capital or Arabic script
    String.raw`|${AGENCY}\s*(?=\p{Lu}|\p{Script=Arabic})` +
    String.raw`)`,
  'u',
);

/** The text without a leading dateline, and how many characters were cut from its start. */
export function stripDateline(text: string): { text: string; cut: number } {
  const m = DATELINE.exec(text);
  if (!m || m[0].length >= text.length) return { text, cut: 0 };
  return { text: text.slice(m[0].length), cut: m[0].length };
}
