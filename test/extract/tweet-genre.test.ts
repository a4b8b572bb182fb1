import { describe, expect, it } from 'vitest';
import { scoreSentence } from '../../worker/extract/index';

// Sentences written for these tests (not taken from any evaluation file).
/** [feature id, language, a sentence where it fires, a close sentence where it must not]. */
const CASES: [string, string, string, string][] = [
  [
    'breaking',
    'ar',
    'عاجل | وزارة النقل تعلن إغلاق الطريق الساحلي أمام الشاحنات',
    'وزارة النقل تعلن إغلاق الطريق الساحلي أمام الشاحنات',
  ],
  [
    'breaking',
    'ar',
    '#خبر_عاجل: انقطاع الكهرباء عن ثلاث محافظات في الجنوب',
    'خبر: انقطاع الكهرباء عن ثلاث محافظات في الجنوب',
  ],
  [
    'breaking',
    'ar',
    '🔴 البنك المركزي يرفع سعر الفائدة نصف نقطة مئوية',
    '🌙 البنك المركزي يرفع سعر الفائدة نصف نقطة مئوية',
  ],
  [
    'breaking',
    'en',
    'BREAKING: the port authority closes the northern terminal',
    'Breaking the law is never a good idea for a public company',
  ],
  [
    'breaking',
    'fr',
    "Flash info : l'aéroport ferme sa deuxième piste ce soir",
    "L'aéroport ferme sa deuxième piste ce soir pour travaux",
  ],
  [
    '-feeling',
    'ar',
    'افتتاح الجسر الجديد على النهر أخيرا 😍👏',
    'افتتاح الجسر الجديد على النهر أخيرا 🌉',
  ],
  [
    '-feeling',
    'ar',
    'المدرب يقول الفريق جاهز للنهائي هههههه',
    'المدرب يقول الفريق جاهز للنهائي هذا الموسم',
  ],
  [
    '-feeling',
    'en',
    'The new bridge over the river is finally open ❤️',
    'The new bridge over the river is finally open to traffic',
  ],
  [
    '-feeling',
    'ar',
    'وصل الوفد الرياضي إلى المطار بحمد الله بعد رحلة طويلة',
    'وصل الوفد الرياضي إلى المطار بعد رحلة طويلة من الدوحة',
  ],
  [
    '-feeling',
    'ar',
    'نسأل الله أن يشفي جميع المرضى في المستشفيات',
    'تعالج المستشفيات جميع المرضى في المدينة مجانا',
  ],
  [
    '-feeling',
    'ar',
    'الأمير حفظه الله يفتتح المدرسة الجديدة في القرية',
    'الأمير يفتتح المدرسة الجديدة في القرية صباح الأحد',
  ],
  [
    '-feeling',
    'ar',
    'رفعت البلدية رسوم المواقف في وسط المدينة!!',
    'رفعت البلدية رسوم المواقف في وسط المدينة!',
  ],
  [
    '-feeling',
    'ar',
    'رفعت البلدية رسوم المواقف في وسط المدينة؟!',
    'رفعت البلدية رسوم المواقف في وسط المدينة.',
  ],
  [
    '-opinion',
    'ar',
    'والله الحكومة لازم تراجع قرار الرسوم الجديدة',
    'الحكومة تراجع قرار الرسوم الجديدة هذا الأسبوع',
  ],
  [
    '-opinion',
    'ar',
    'بدي الحكومة تفتح المعابر قبل العيد',
    'الحكومة تفتح المعابر قبل العيد بحسب البيان',
  ],
  [
    '-opinion',
    'ar',
    'ياليت البلدية تصلح الشوارع في حينا',
    'البلدية تصلح الشوارع في الحي منذ شهرين',
  ],
  [
    '-feeling',
    'ar',
    'يارب تنزل الأمطار على المزارع هذا الشتاء',
    'تنزل الأمطار على المزارع هذا الشتاء بحسب الأرصاد',
  ],
  [
    '-opinion',
    'ar',
    'يا ليت البلدية تصلح الشوارع في حينا',
    'البلدية تصلح الشوارع في الحي منذ شهرين',
  ],
  [
    '-opinion',
    'ar',
    'عايزين المدارس تفتح الأسبوع الجاي بدل التأجيل',
    'المدارس تفتح الأسبوع المقبل بعد التأجيل',
  ],
  ['-hedge', 'ar', 'شكله المصنع بيقفل قبل نهاية السنة', 'المصنع يقفل قبل نهاية السنة بحسب الإدارة'],
  [
    '-hedge',
    'ar',
    'يقال إن الوزير قدم استقالته للرئيس أمس',
    'الوزير قدم استقالته للرئيس أمس في القصر',
  ],
  ['-hedge', 'ar', 'مدري إذا الرحلات رجعت للمطار الجديد', 'الرحلات رجعت للمطار الجديد هذا الصباح'],
  [
    '-first-person',
    'ar',
    'احنا دفعنا الضريبة الجديدة من الشهر الماضي',
    'المواطنون دفعوا الضريبة الجديدة من الشهر الماضي',
  ],
  [
    '-first-person',
    'ar',
    'وحنا ننتظر الرواتب من شهرين يا جماعة',
    'والموظفون ينتظرون الرواتب منذ شهرين في الوزارة',
  ],
  ['-question', 'ar', 'ليش أسعار الخبز ارتفعت في السوق', 'أسعار الخبز ارتفعت في السوق هذا الأسبوع'],
  [
    '-question',
    'ar',
    'شو صار بقرار رفع الأجور عند الحكومة',
    'صار قرار رفع الأجور عند الحكومة منذ أسبوع',
  ],
  [
    '-question',
    'ar',
    'ازاي الأسعار زادت بالشكل ده في شهر واحد',
    'الأسعار زادت بالشكل ده في شهر واحد بحسب التجار',
  ],
  [
    'attribution',
    'ar',
    'الوزير بيقول إن المصانع هتشتغل الشهر الجاي',
    'الوزير زار المصانع اللي هتشتغل الشهر الجاي',
  ],
  [
    'attribution',
    'ar',
    'المسؤولين عم يقولوا إنو الطريق رح يفتح بكرا',
    'المسؤولين راحوا على الطريق اللي رح يفتح بكرا',
  ],
  [
    'attribution',
    'ar',
    'وزير النقل: إغلاق الطريق الساحلي أمام الشاحنات الثقيلة',
    'في الصباح الباكر: إغلاق الطريق الساحلي أمام الشاحنات الثقيلة',
  ],
  [
    'attribution',
    'fr',
    'Le ministère de la Santé : la vaccination reprend lundi dans les écoles',
    'Ce matin : la vaccination reprend lundi dans les écoles du quartier',
  ],
  [
    'attribution',
    'ar',
    'الناطق باسم الجيش: لا إصابات في صفوف المدنيين',
    'الجيش في المنطقة منذ الصباح ولا إصابات في صفوف المدنيين',
  ],
];

describe('tweet-genre and dialect cues fire where they should and not where they should not', () => {
  for (const [feature, lang, yes, no] of CASES) {
    it(`${feature} (${lang}): ${yes.slice(0, 50)}`, () => {
      expect(scoreSentence(yes, lang).why).toContain(feature);
      expect(scoreSentence(no, lang).why).not.toContain(feature);
    });
  }
  it('a figure in a hashtag or in the name "covid 19" is not a number; a count beside it still is', () => {
    expect(
      scoreSentence('حملة التطعيم ضد #كوفيد_19 تبدأ في المدارس الأسبوع المقبل', 'ar').why,
    ).not.toContain('number');
    expect(
      scoreSentence('The clinic opened a covid 19 ward for the whole district.', 'en').why,
    ).not.toContain('number');
    expect(scoreSentence('افتتاح 19 مركزا للتطعيم ضد #كوفيد_19 في المدينة', 'ar').why).toContain(
      'number',
    );
  });
  it('"عاجلا أم آجلا" (sooner or later) and an urgent request are not a news flag', () => {
    expect(
      scoreSentence('ستدفع الشركة الغرامة عاجلا أم آجلا كما يقول المحامون', 'ar').why,
    ).not.toContain('breaking');
    expect(
      scoreSentence('We need urgent action on housing in this city now.', 'en').why,
    ).not.toContain('breaking');
  });
  it('a flagged bulletin outranks the same sentence without the flag, and is typed as an event', () => {
    const flagged = scoreSentence('عاجل: إغلاق الطريق الساحلي أمام الشاحنات الثقيلة', 'ar');
    const plain = scoreSentence('إغلاق الطريق الساحلي أمام الشاحنات الثقيلة', 'ar');
    expect(flagged.score).toBeGreaterThan(plain.score);
    expect(flagged.type).toBe('event');
  });
  it('an emotion emoji lowers the score of an otherwise identical post', () => {
    const calm = scoreSentence('ارتفعت أسعار الوقود في البلاد بنسبة 10 بالمئة', 'ar').score;
    const upset = scoreSentence('ارتفعت أسعار الوقود في البلاد بنسبة 10 بالمئة 😡', 'ar').score;
    expect(upset).toBeLessThan(calm);
  });
});
