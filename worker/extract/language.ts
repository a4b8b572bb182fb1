/**
 * Language guess from script and stop words. Only the first few thousand characters are read:
 * enough to decide, and it keeps the cost flat for long articles.
 */
const SAMPLE = 4000;
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;
// Frequent function words that the other language rarely uses (so "la", shared with English names, is out).
const EN_STOP = /\b(?:the|and|of|to|is|are|was|were|that|with|for|this|have|has|said|it|in|on|by|from|at|which|would|will|not|be)\b/gi;
const FR_STOP = /(?<![\p{L}])(?:(?:le|les|des|du|une|est|sont|et|dans|pour|qui|que|sur|avec|pas|au|aux|selon|ont|été|cette|ces|mais|ou|par|il|elle|nous)(?![\p{L}])|(?:l|d|qu|n|s|j|c)['’](?=\p{L}))/giu;
const FR_ACCENTS = /[éèêàçùâîôûëïœ]/gi;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** 'ar' | 'en' | 'fr' (script, then stop words and accents), or 'und' when unsure. */
export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const arabic = count(ARABIC_LETTER, sample);
  const latin = count(LATIN_LETTER, sample);
  if (arabic + latin < 3) return 'und';
  if (arabic >= latin) return 'ar';
  const words = Math.max(1, sample.split(/\s+/).length);
  const en = count(EN_STOP, sample);
  const fr = count(FR_STOP, sample) + count(FR_ACCENTS, sample) * 0.5;
  if (en + fr < (words < 6 ? 1 : 2)) return 'und';
  if (fr > en * 1.2) return 'fr';
  if (en > fr * 1.2) return 'en';
  return 'und';
}
