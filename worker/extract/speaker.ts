/**
 * Who an attributed statement is attributed to, when the sentence names them ("X said",
 * "said X", "according to X", "قال وزير المالية محمد ...", "selon le ministre ..."). Patterns run
 * on the normalized sentence; the match is returned as a range so the caller can cut the speaker
 * out of the original text (with its accents and hamzas intact). Pronouns are not speakers.
 */
import { foldArabicLetters } from './normalize';

export interface Range {
  start: number;
  end: number;
}

const CAP = "\\p{Lu}[\\p{L}'.-]*";
const NAME_RUN = `${CAP}(?:\\s+(?:(?:of|the|for|de|du|des|la|le|l')\\s+)?${CAP})*`;
const EN_TITLE =
  '(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(?:minister|ministry|president|spokes(?:man|woman|person)|governor|mayor|agency|bank|police|army|office|department|official|officials|company|committee|commission|institute|report|data|survey|study|statistics)(?:\\s+' +
  CAP +
  ')*';
const EN_VERBS =
  'said|says|told|added|stated|announced|warned|noted|insisted|argued|explained|confirmed|claimed|declared|revealed|estimated|reported|wrote|admitted';
const FR_VERBS =
  '(?:a|ont)\\s+(?:declare|affirme|annonce|indique|precise|assure|explique|ajoute|souligne|revele|confirme|estime|dit|rappele|reconnu|averti|fait\\s+savoir)|declare|affirme|estime|souligne|precise|assure';
const FR_TITLE =
  '(?:ministre|president(?:e)?|porte-parole|maire|prefet(?:e)?|directeur|directrice|secretaire|gouverneur|depute(?:e)?|senateur|senatrice|responsable|ministere|gouvernement)';
// "a annoncé mercredi 12 mars l'Institut": a day (and date) may sit between the verb and the speaker.
const FR_WHEN =
  '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|ce matin|ce soir)(?:\\s+(?:soir|matin))?(?:\\s+\\d{1,2}(?:er)?\\s+[a-z]+)?';
const AR_VERBS = foldArabicLetters(
  'قال|قالت|أعلن|أعلنت|أكد|أكدت|أوضح|أوضحت|صرح|صرحت|أضاف|أضافت|أشار|أشارت|أفاد|أفادت|ذكر|ذكرت|كشف|كشفت|شدد|شددت|لفت|لفتت|نفى|نفت',
);
// Words are separated by required spaces in these patterns, so a long token cannot be split many ways.
const AR_STOP = foldArabicLetters(
  'إن|أن|في|يوم|خلال|أمس|عن|إلى|بأن|على|لـ|لوكالة|للصحفيين|لقناة|مساء|صباح|اليوم|الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت',
);
const AR_STOP_WORD = `(?:${AR_STOP})(?![\\p{L}])`;

/**
 * How a pattern finds its speaker. 'after': the captured speaker ends the match ("according to X",
 * "said X"). 'before': the speaker ends right before an attribution verb; the verb is found first
 * and the speaker pattern runs only on the 100 characters before it (cheap: no backtracking over the
 * whole sentence). 'indices': anywhere in the match (the 'd' flag gives its offsets).
 */
type Pattern =
  | { kind: 'after' | 'indices'; trigger: RegExp; re: RegExp }
  | { kind: 'before'; verb: RegExp; subject: RegExp };

const WINDOW = 100;

const PATTERNS: Record<string, Pattern[]> = {
  en: [
    {
      kind: 'after',
      trigger: /according\s+to/i,
      re: new RegExp(
        `according\\s+to\\s+((?:the\\s+)?[^,.;:!?"“”]{2,70}?)(?=\\s*[,.;:!?"”]|\\s+(?:that|which|who)\\b|$)`,
        'iu',
      ),
    },
    {
      kind: 'before',
      verb: new RegExp(`(?<![\\p{L}])(?:${EN_VERBS})(?![\\p{L}])`, 'gu'),
      subject: new RegExp(`((?:${NAME_RUN}|${EN_TITLE})(?:,\\s*${NAME_RUN},)?)\\s+$`, 'u'),
    },
    {
      kind: 'after',
      trigger: new RegExp(`(?:${EN_VERBS})\\s`, 'u'),
      re: new RegExp(`(?<![\\p{L}])(?:${EN_VERBS})\\s+(${NAME_RUN}|${EN_TITLE})`, 'u'),
    },
  ],
  fr: [
    {
      kind: 'after',
      trigger: /selon|d'apres/i,
      re: /(?<![\p{L}])(?:selon|d'apres)\s+((?:l'|le\s+|la\s+|les\s+)?[^,.;:!?"“”«»]{2,70}?)(?=\s*[,.;:!?"”»]|$)/iu,
    },
    {
      kind: 'indices',
      trigger: new RegExp(`(?:${FR_VERBS})(?![\\p{L}])`, 'iu'),
      re: new RegExp(
        `(?:^|[,«»"“”]\\s*)((?:l'|le\\s+|la\\s+|les\\s+)?[^,;:!?"“”«»\\d]{2,70}?(?:,\\s*${NAME_RUN},)?)\\s+(?:${FR_VERBS})(?![\\p{L}])`,
        'iud',
      ),
    },
    {
      kind: 'after',
      trigger: new RegExp(`(?:${FR_VERBS})\\s`, 'iu'),
      re: new RegExp(
        `(?<![\\p{L}])(?:${FR_VERBS})\\s+(?:${FR_WHEN}\\s+)?((?:l'|le\\s+|la\\s+|les\\s+)(?:\\p{Lu}|${FR_TITLE})[^,.;:!?"”»]{0,60}?(?=\\s*[,.;:!?"”»]|$)|${NAME_RUN}(?![\\p{L}]))`,
        'u',
      ),
    },
  ],
  ar: [
    {
      kind: 'after',
      trigger: new RegExp(foldArabicLetters('حسب|وفق|نقلا|طبقا'), 'u'),
      re: new RegExp(
        `(?<![\\p{L}])(?:بحسب|حسب|وفقا\\s*ل|وفق|نقلا\\s+عن|طبقا\\s*ل)\\s*([^\\s،,:؛.«»"“”]+(?:\\s+[^\\s،,:؛.«»"“”]+){0,6}?)(?=\\s*[،,:؛.«»"“”]|\\s+(?:فان|ان|فقد)\\s|$)`,
        'u',
      ),
    },
    {
      kind: 'after',
      trigger: new RegExp(`(?:${AR_VERBS})\\s`, 'u'),
      re: new RegExp(
        `(?<![\\p{L}])[وف]?(?:${AR_VERBS})\\s+((?!${AR_STOP_WORD})[^\\s،,:؛«»"“”]+(?:\\s+(?!${AR_STOP_WORD})[^\\s،,:؛«»"“”]+){0,6}?)(?=\\s*[،,:؛«»"“”]|\\.(?:\\s|$)|\\s+(?:${AR_STOP})(?![\\p{L}])|$)`,
        'u',
      ),
    },
  ],
};

/** The captured text and where it starts in the sentence, for one pattern. */
function capture(norm: string, p: Pattern): { raw: string; at: number } | null {
  if (p.kind === 'before') {
    p.verb.lastIndex = 0;
    for (let v = p.verb.exec(norm); v !== null; v = p.verb.exec(norm)) {
      const from = Math.max(0, v.index - WINDOW);
      const m = p.subject.exec(norm.slice(from, v.index));
      if (m?.[1] !== undefined) return { raw: m[1], at: from + m.index };
    }
    return null;
  }
  if (!p.trigger.test(norm)) return null;
  const m = p.re.exec(norm);
  if (!m || m[1] === undefined) return null;
  const at =
    p.kind === 'indices' ? (m.indices?.[1]?.[0] ?? m.index) : m.index + m[0].length - m[1].length;
  return { raw: m[1], at };
}

const PRONOUNS =
  /^(?:he|she|they|it|we|i|you|this|that|il|elle|ils|elles|on|nous|je|هو|هي|هم|انه|انها)$/iu;
const MAX_WORDS = 9;
const TRAILING = /[\s,،.]+$/u;
const SPACES = /\s+/u;
const DIGIT = /\d/;

/** Range (in `norm`) of the named speaker of an attributed sentence, or null. */
export function findSpeaker(norm: string, language: string): Range | null {
  for (const pattern of PATTERNS[language] ?? PATTERNS.en!) {
    const found = capture(norm, pattern);
    if (!found) continue;
    const { raw } = found;
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(TRAILING, '');
    const words = text.split(SPACES);
    // Figures are never part of a name: such a match is a clause, not a speaker.
    if (text.length < 2 || words.length > MAX_WORDS || PRONOUNS.test(text) || DIGIT.test(text))
      continue;
    const start = found.at + lead;
    return { start, end: start + text.length };
  }
  return null;
}
