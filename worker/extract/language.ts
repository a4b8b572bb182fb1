/**
 * Language guess from script and stop words. Only the first few thousand characters are read:
 * enough to decide, and it keeps the cost flat for long articles.
 */
const SAMPLE = 2000;
// Frequent function words that the other language rarely uses (so "la", shared with English names, is out).
const EN_STOP =
  /\b(?:the|and|of|to|is|are|was|were|that|with|for|this|have|has|said|it|in|on|by|from|at|which|would|will|not|be)\b/gi;
const FR_STOP =
  /(?<![\p{L}])(?:(?:le|les|des|du|une|est|sont|et|dans|pour|qui|que|sur|avec|pas|au|aux|selon|ont|été|cette|ces|mais|ou|par|il|elle|nous)(?![\p{L}])|(?:l|d|qu|n|s|j|c)['’](?=\p{L}))/giu;
const SPACES = /\s+/;
const FR_ACCENTS = /[éèêàçùâîôûëïœ]/gi;

function count(re: RegExp, text: string): number {
  return text.match(re)?.length ?? 0;
}

/** 'ar' | 'en' | 'fr' (script, then stop words and accents), or 'und' when unsure. */
export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c | 32) >= 97 && (c | 32) <= 122) latin++;
    else if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) latin++;
    else if (
      (c >= 0x621 && c <= 0x64a) ||
      (c >= 0x671 && c <= 0x6d3) ||
      (c >= 0x6fa && c <= 0x6ff) ||
      (c >= 0xfb50 && c <= 0xfdff) ||
      (c >= 0xfe70 && c <= 0xfefc)
    )
      arabic++;
  }
  if (arabic + latin < 3) return 'und';
  if (arabic >= latin) return 'ar';
  const words = Math.max(1, sample.split(SPACES).length);
  const en = count(EN_STOP, sample);
  const fr = count(FR_STOP, sample) + count(FR_ACCENTS, sample) * 0.5;
  if (en + fr < (words < 6 ? 1 : 2)) return 'und';
  if (fr > en * 1.2) return 'fr';
  if (en > fr * 1.2) return 'en';
  return 'und';
}
