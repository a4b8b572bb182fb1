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
  /**
   * Letters the speaker starts with that the text does not write: the article's alef that «لل» swallows
   * («وفقاً للبنك المركزي» → «البنك المركزي» is «ا» + «لبنك المركزي»). The caller puts it before the slice.
   */
  prefix?: string;
}

const CAP = "\\p{Lu}[\\p{L}'.-]*";
const NAME_RUN = `${CAP}(?:\\s+(?:(?:of|the|for|de|du|des|la|le|l')\\s+)?${CAP})*`;
// Words before the title may be possessives: "the governor's office", "the ministry’s spokesman".
const EN_TITLE_WORDS =
  'minister|ministry|president|spokes(?:man|woman|person)|governor|mayor|agency|bank|police|army|office|department|official|officials|company|committee|commission|institute|report|data|survey|study|statistics';
const EN_TITLE =
  "(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){0,3}?(?:" + EN_TITLE_WORDS + ')(?:\\s+' + CAP + ')*';
const EN_VERBS =
  'said|says|told|added|stated|announced|warned|warns|warn|noted|insisted|argued|explained|confirmed|claimed|declared|revealed|estimated|estimates|estimate|reported|wrote|admitted|denied|denies|deny|promised|promises|promise|pledged|showed|shows';
// Time and place phrases between a speaker and the verb, or after the speaker: "Smith on Tuesday said",
// "the minister, speaking at a press conference, said". A speaker never runs into one.
const EN_DAYS = '(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)';
const EN_VENUES =
  'conference|briefing|statement|interview|speech|hearing|meeting|summit|rally|release|post';
const EN_WHEN_WHERE = `(?:(?:late\\s+|early\\s+)?on\\s+${EN_DAYS}|yesterday|today|last\\s+(?:week|month|year|night)|this\\s+(?:week|month|year|morning)|(?:speaking\\s+)?(?:at|during|in)\\s+(?:a|an|the|his|her|their)\\s+[\\p{Ll} -]{0,25}?(?:${EN_VENUES}))`;
// How the English subject pattern can end (before its final spaces): a capitalized word of a name, a
// title word, the comma of an apposition or a time phrase, or the last word of a time or place phrase.
// A window whose end is none of these ("he said", "it said") cannot match: the subject pattern, which
// would try every position of the window, is not run.
const EN_SUBJECT_END = new RegExp(
  `(?:\\p{Lu}[\\p{L}'.-]*|,|(?:${EN_TITLE_WORDS}|${EN_DAYS}|yesterday|today|week|month|year|night|morning|${EN_VENUES}))$`,
  'u',
);
const EN_TAIL = new RegExp(
  `[\\s,]+(?:on|at|in|during|late|early|last|this|yesterday|today|speaking)(?:\\s|$).*$`,
  'su',
);
const FR_VERBS =
  '(?:a|ont)\\s+(?:declare|affirme|annonce|indique|precise|assure|explique|ajoute|souligne|revele|confirme|estime|dit|rappele|reconnu|averti|promis|confie|nie|dementi|fait\\s+savoir)|declare|affirme|estime(?:nt)?|souligne|precise|assure|promet(?:tent)?|confie(?:nt)?|avertit|dement';
// Time and place phrases a French speaker stops before ("lors d'une conference de presse mardi").
const FR_WHEN_WHERE =
  "(?:lors|au\\s+cours|a\\s+l'issue|en\\s+marge|dans\\s+(?:un|une)\\s+(?:communique|entretien|interview|declaration)|devant|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|ce\\s+(?:matin|soir))";
const FR_TAIL = new RegExp(`[\\s,]+${FR_WHEN_WHERE}(?![\\p{L}]).*$`, 'su');
const FR_TITLE =
  '(?:ministre|president(?:e)?|porte-parole|maire|prefet(?:e)?|directeur|directrice|secretaire|gouverneur|depute(?:e)?|senateur|senatrice|responsable|ministere|gouvernement)';
// "a annoncé mercredi 12 mars l'Institut": a day (and date) may sit between the verb and the speaker.
const FR_WHEN =
  '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|ce matin|ce soir)(?:\\s+(?:soir|matin))?(?:\\s+\\d{1,2}(?:er)?\\s+[a-z]+)?';
// Past-tense reporting verbs, masculine, feminine and plural ("قال", "قالت", "قالوا"); a conjunction
// و or ف may be glued in front ("وقال", "فقالت"), harakat and shadda are folded away ("حذّر" = "حذر").
const AR_VERB_STEMS =
  'قال|أعلن|أكد|أوضح|صرح|أضاف|أشار|أفاد|ذكر|كشف|شدد|لفت|أظهر|لمح|تعهد|حذر|اعتبر|رأى|طالب|أقر';
const AR_VERBS = foldArabicLetters(
  `(?:${AR_VERB_STEMS})(?:ت|وا)?|نفى|نفت|نفوا|دعا|دعت|دعوا|رأت|رأوا`,
);
// Words are separated by required spaces in these patterns, so a long token cannot be split many ways.
// A verbal noun with ب after the speaker ("تعهد الرئيس بخفض ...", "طالب الوزير بالإسراع") ends it too;
// "باسم" ("المتحدث باسم الجيش") is part of a title and "بن" of a name.
const AR_STOP = foldArabicLetters(
  'إن|أن|في|يوم|خلال|أمس|عن|إلى|بأن|على|من|لـ|لوكالة|للصحفيين|لقناة|مساء|صباح|اليوم|الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|أثناء|عقب|بعد|قبل|ب(?!اسم(?![\\p{L}]))(?:ال|ت|خفض|رفع|زياد|دعم|عدم|وقف)\\p{L}*',
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
  | { kind: 'before'; verb: RegExp; subject: RegExp; end: RegExp };

const WINDOW = 100;
const SPACE_BEFORE = /^\s$/u;

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
      subject: new RegExp(
        `((?:${NAME_RUN}|${EN_TITLE})(?:,\\s*(?:${NAME_RUN}|(?:the|a|an)\\s+[\\p{L}'’ -]{2,60}?),)?)(?:,?\\s+${EN_WHEN_WHERE},?)?\\s+$`,
        'u',
      ),
      end: EN_SUBJECT_END,
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
        `(?:^|[,«»"“”]\\s*)((?:l'|le\\s+|la\\s+|les\\s+)?[^,;:!?"“”«»\\d]{2,70}?(?:,\\s*${NAME_RUN},)?)(?:,\\s*${FR_WHEN_WHERE}[^,;:!?]{0,50},)?\\s+(?:${FR_VERBS})(?![\\p{L}])`,
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
      // "وبحسب", "فبحسب", "ووفقا لـ": a conjunction may be glued in front. "وفقا للبنك": the ل of
      // "لل" is left to the capture here; `prepositionOff` turns it into the article (see below).
      re: new RegExp(
        `(?<![\\p{L}])[وف]?(?:بحسب|حسب|وفقا\\s*(?:ل(?!ل))?|وفق|نقلا\\s+عن|طبقا\\s*(?:ل(?!ل))?)\\s*((?!${AR_STOP_WORD})[^\\s،,:؛.«»"“”]+(?:\\s+(?!${AR_STOP_WORD})[^\\s،,:؛.«»"“”]+){0,6}?)(?=\\s*[،,:؛.«»"“”]|\\s+(?:فان|ان|فقد)\\s|\\s+(?:${AR_STOP})(?![\\p{L}])|$)`,
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
      // The subject pattern ends in `\s+$`: without a space right before the verb it cannot match.
      if (!SPACE_BEFORE.test(norm[v.index - 1] ?? '')) continue;
      const from = Math.max(0, v.index - WINDOW);
      const window = norm.slice(from, v.index);
      if (!p.end.test(window.trimEnd())) continue;
      const m = p.subject.exec(window);
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

// Names and places that start with ل (no article): «وفقاً للبنان» is ل + «لبنان», not ل + «البنان».
const L_NAMES = new Set(
  foldArabicLetters(
    'لبنان ليبيا لندن لاهاي لشبونة لوكسمبورغ ليون لاغوس لاتفيا ليتوانيا ليبيريا ليسوتو لاوس ليما لوس لاس لوزان لوبان لولا ليلى لينا لؤي لطفي لبنى لميس لجين لمى ليث لقمان لافروف لوكاشينكو',
  ).split(' '),
);
const FIRST_WORD = /^[^\s]+/u;

/**
 * After «وفقاً» / «طبقاً» the preposition ل is glued to the speaker. The pattern already took a lone ل
 * off («وفقاً لوزارة»), and never takes «لل»: «للبنك المركزي» is ل + «البنك المركزي» (the article's
 * alef is not written), «للبنان» is ل + «لبنان». A name that starts with ل keeps it («وفقاً لبنان»).
 */
function prepositionOff(norm: string, raw: string, at: number): { at: number; prefix?: string } {
  const word = FIRST_WORD.exec(raw)?.[0] ?? '';
  if (at > 0 && norm[at - 1] === 'ل') return L_NAMES.has(`ل${word}`) ? { at: at - 1 } : { at };
  if (!word.startsWith('لل') || word.length < 4) return { at };
  return L_NAMES.has(word.slice(1)) ? { at: at + 1 } : { at: at + 1, prefix: 'ا' };
}

const PRONOUNS =
  /^(?:he|she|they|it|we|i|you|this|that|il|elle|ils|elles|on|nous|je|هو|هي|هم|انه|انها)$/iu;
const MAX_WORDS = 9;
const LOWER_BEFORE_THE = /^(?:\p{Ll}+\s+){1,3}(?=the\s)/u;
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
    let text = raw.trim();
    const tail = language === 'fr' ? FR_TAIL : language === 'ar' ? null : EN_TAIL;
    if (tail) text = text.replace(tail, '');
    text = text.replace(TRAILING, '');
    // "year the governor's office": lower-case words in front of "the" are not part of the speaker.
    let skip = 0;
    if (language === 'en') {
      const junk = LOWER_BEFORE_THE.exec(text);
      if (junk) {
        skip = junk[0].length;
        text = text.slice(skip);
      }
    }
    const words = text.split(SPACES);
    // Figures are never part of a name: such a match is a clause, not a speaker.
    if (text.length < 2 || words.length > MAX_WORDS || PRONOUNS.test(text) || DIGIT.test(text))
      continue;
    const start = found.at + lead + skip;
    if (language === 'ar' && pattern === PATTERNS.ar![0]) {
      const off = prepositionOff(norm, text, start);
      const end = start + text.length;
      return off.prefix ? { start: off.at, end, prefix: off.prefix } : { start: off.at, end };
    }
    return { start, end: start + text.length };
  }
  return null;
}
