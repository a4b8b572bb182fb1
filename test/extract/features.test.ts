import { describe, expect, it } from 'vitest';
import { scoreSentence } from '../../worker/extract/index';

/** [feature id, language, a sentence where it fires, a close sentence where it must not]. */
const CASES: [string, string, string, string][] = [
  [
    'number',
    'en',
    'The plant employs 1,250 workers in the region.',
    'The plant employs many workers in the region.',
  ],
  [
    'number',
    'ar',
    'يعمل في المصنع ١٢٥٠ عاملاً في المنطقة.',
    'يعمل في المصنع عمال كثيرون في المنطقة.',
  ],
  [
    'number',
    'fr',
    "L'usine emploie 1 250 salariés dans la région.",
    "L'usine emploie de nombreux salariés dans la région.",
  ],
  [
    'percent',
    'en',
    'Turnout fell to 41 percent in the capital.',
    'Turnout fell sharply in the capital.',
  ],
  [
    'percent',
    'ar',
    'تراجعت نسبة المشاركة إلى ٤١ في المئة في العاصمة.',
    'تراجعت المشاركة بشدة في العاصمة.',
  ],
  [
    'percent',
    'fr',
    'La participation a chuté à 41 % dans la capitale.',
    'La participation a fortement chuté dans la capitale.',
  ],
  [
    'money',
    'en',
    'The ministry paid $4 million for the software.',
    'The ministry paid a lot for the software.',
  ],
  [
    'money',
    'ar',
    'دفعت الوزارة ٤ ملايين دولار ثمناً للبرنامج.',
    'دفعت الوزارة الكثير ثمناً للبرنامج.',
  ],
  [
    'money',
    'fr',
    'Le ministère a payé 4 millions d’euros pour le logiciel.',
    'Le ministère a payé cher pour le logiciel.',
  ],
  ['magnitude', 'en', 'Two million people live in the valley.', 'Many people live in the valley.'],
  [
    'magnitude',
    'ar',
    'يعيش مليونا شخص في الوادي، بحسب التقديرات.',
    'يعيش كثير من الناس في الوادي.',
  ],
  [
    'magnitude',
    'fr',
    'Deux milliards de personnes vivent dans la vallée.',
    'Beaucoup de gens vivent dans la vallée.',
  ],
  [
    'date',
    'en',
    'The law was passed in 2019 by a narrow vote.',
    'The law was passed by a narrow vote.',
  ],
  [
    'date',
    'ar',
    'أقر البرلمان القانون في مارس الماضي بأغلبية ضئيلة.',
    'أقر البرلمان القانون بأغلبية ضئيلة.',
  ],
  [
    'date',
    'fr',
    'La loi a été adoptée en janvier par un vote serré.',
    'La loi a été adoptée par un vote serré.',
  ],
  [
    'record',
    'en',
    'Exports hit a record level for the first time.',
    'Exports hit a normal level again.',
  ],
  [
    'record',
    'ar',
    'سجلت الصادرات مستوى قياسياً غير مسبوق لأول مرة.',
    'سجلت الصادرات مستوى عادياً مرة أخرى.',
  ],
  [
    'record',
    'fr',
    'Les exportations atteignent leur plus haut niveau, du jamais vu.',
    'Les exportations retrouvent un niveau normal.',
  ],
  ['superlative', 'en', 'It is the biggest bank on the street.', 'It is a big bank on the street.'],
  [
    'superlative',
    'ar',
    'وهو أكبر بنك في البلاد من حيث الأصول.',
    'وهو بنك كبير في البلاد من حيث الأصول.',
  ],
  ['superlative', 'fr', "C'est la plus grande banque du pays.", "C'est une grande banque du pays."],
  [
    'absolute',
    'en',
    'The senator has never voted for a tax cut.',
    'The senator voted for a tax cut.',
  ],
  [
    'absolute',
    'fr',
    "Le sénateur n'a jamais voté une baisse d'impôts.",
    "Le sénateur a voté une baisse d'impôts.",
  ],
  ['absolute', 'ar', 'لم يسبق أن صوت النائب لخفض الضرائب.', 'صوت النائب لخفض الضرائب.'],
  ['comparative', 'en', 'Rents are higher than in the capital.', 'Rents are high in the capital.'],
  [
    'comparative',
    'ar',
    'الإيجارات أعلى من العاصمة مقارنة بالعام الماضي.',
    'الإيجارات مرتفعة في العاصمة.',
  ],
  [
    'comparative',
    'fr',
    'Les loyers sont plus élevés par rapport à la capitale.',
    'Les loyers sont élevés dans la capitale.',
  ],
  [
    'change-verb',
    'en',
    'Wheat prices rose sharply in the spring.',
    'Wheat prices were discussed in the spring.',
  ],
  ['change-verb', 'ar', 'ارتفعت أسعار القمح بشكل حاد في الربيع.', 'نوقشت أسعار القمح في الربيع.'],
  [
    'change-verb',
    'fr',
    'Les prix du blé ont chuté au printemps.',
    'Les prix du blé ont été discutés au printemps.',
  ],
  [
    'causal',
    'en',
    'The factory closed because of the blockade.',
    'The factory closed after a long debate.',
  ],
  [
    'causal',
    'ar',
    'أغلق المصنع بسبب الحصار المفروض على المدينة.',
    'أغلق المصنع بعد نقاش طويل في المدينة.',
  ],
  ['causal', 'fr', "L'usine a fermé en raison du blocus.", "L'usine a fermé après un long débat."],
  [
    'prediction',
    'en',
    'The bank expects growth to slow next year.',
    'The bank reported slower growth last year.',
  ],
  [
    'prediction',
    'ar',
    'من المتوقع أن يتباطأ النمو العام المقبل.',
    'تباطأ النمو العام الماضي بشكل واضح.',
  ],
  [
    'prediction',
    'fr',
    "La croissance devrait ralentir l'an prochain.",
    "La croissance a ralenti l'an dernier.",
  ],
  ['attribution', 'en', 'The company said the plant was safe.', 'The plant was safe.'],
  ['attribution', 'ar', 'وأكدت الشركة أن المصنع آمن تماماً.', 'المصنع آمن تماماً على ما يبدو.'],
  [
    'attribution',
    'fr',
    "Selon l'entreprise, l'usine est sûre.",
    "L'usine est sûre pour les riverains.",
  ],
  [
    'named-entity',
    'en',
    'The plan was drafted in Brussels last spring.',
    'the plan was drafted in secret last spring.',
  ],
  [
    'named-entity',
    'ar',
    'أعدت وزارة الصحة الخطة في الربيع الماضي.',
    'أعد الناس الخطة في الربيع الماضي.',
  ],
  [
    'named-entity',
    'fr',
    'Le plan a été rédigé à Bruxelles au printemps.',
    'le plan a été rédigé en secret au printemps.',
  ],
  [
    'event-verb',
    'en',
    'Police arrested three men near the border.',
    'Police watched three men near the border.',
  ],
  [
    'event-verb',
    'ar',
    'اعتقلت الشرطة ثلاثة رجال قرب الحدود.',
    'راقبت الشرطة ثلاثة رجال قرب الحدود.',
  ],
  [
    'event-verb',
    'fr',
    'La police a arrêté trois hommes près de la frontière.',
    'La police a observé trois hommes près de la frontière.',
  ],
  [
    'measure',
    'en',
    'Youth unemployment is a worry for the region.',
    'Youth culture is a worry for the region.',
  ],
  ['measure', 'ar', 'تثير البطالة بين الشباب قلق المنطقة.', 'تثير ثقافة الشباب اهتمام المنطقة.'],
  [
    'measure',
    'fr',
    'Le chômage des jeunes inquiète la région.',
    'La culture des jeunes intéresse la région.',
  ],
  [
    'number-word',
    'en',
    'Two villages were evacuated overnight.',
    'The villages were evacuated overnight.',
  ],
  [
    'number-word',
    'ar',
    'أخليت ثلاث قرى خلال الليل بسبب الفيضان.',
    'أخليت القرى خلال الليل بسبب الفيضان.',
  ],
  [
    'number-word',
    'fr',
    'Trois villages ont été évacués dans la nuit.',
    'Les villages ont été évacués dans la nuit.',
  ],
  ['-question', 'en', 'Did unemployment really fall to 4%?', 'Unemployment really fell to 4%.'],
  ['-question', 'ar', 'هل انخفضت البطالة فعلاً إلى ٤٪؟', 'انخفضت البطالة فعلاً إلى ٤٪.'],
  [
    '-question',
    'fr',
    'Le chômage est-il vraiment tombé à 4 % ?',
    'Le chômage est vraiment tombé à 4 %.',
  ],
  ['-opinion', 'en', 'I think the tax is a disgrace.', 'The tax was introduced in 2020.'],
  ['-opinion', 'ar', 'أعتقد أن هذه الضريبة عار على البلد.', 'فرضت هذه الضريبة في عام ٢٠٢٠.'],
  ['-opinion', 'fr', 'Je pense que cette taxe est scandaleuse.', 'Cette taxe a été créée en 2020.'],
  ['-hedge', 'en', 'Prices might perhaps go up a little.', 'Prices went up by 3%.'],
  ['-hedge', 'ar', 'ربما ترتفع الأسعار قليلاً.', 'ارتفعت الأسعار بنسبة ٣٪.'],
  [
    '-hedge',
    'fr',
    'Les prix pourraient peut-être augmenter un peu.',
    'Les prix ont augmenté de 3 %.',
  ],
  [
    '-hedge',
    'en',
    'If taxes rise by 2%, prices will follow.',
    'Taxes rose by 2% and prices followed.',
  ],
  [
    '-hedge',
    'fr',
    "S'il y a 2 % d'inflation, les prix suivront.",
    "Il y a eu 2 % d'inflation et les prix ont suivi.",
  ],
  ['-hedge', 'ar', 'إذا ارتفعت الضرائب ٢٪ سترتفع الأسعار.', 'ارتفعت الضرائب ٢٪ فارتفعت الأسعار.'],
  [
    '-opinion',
    'en',
    "We're going to cut taxes for 95 percent of families.",
    'Taxes were cut for 95 percent of families.',
  ],
  [
    '-feeling',
    'en',
    'Residents say they feel afraid and angry.',
    'Residents say the water is brown.',
  ],
  [
    '-feeling',
    'ar',
    'يقول السكان إنهم يشعرون بالخوف ونأمل أن ينتهي ذلك.',
    'يقول السكان إن الماء بني اللون.',
  ],
  [
    '-feeling',
    'fr',
    'Les habitants se disent inquiets et en colère.',
    "Les habitants disent que l'eau est brune.",
  ],
  [
    '-first-person',
    'en',
    'My father worked in that mine for years.',
    'His father worked in that mine for years.',
  ],
  [
    '-first-person',
    'ar',
    'كنت أعمل في ذلك المنجم مع أبي لسنوات.',
    'عمل والده في ذلك المنجم لسنوات طويلة.',
  ],
  [
    '-first-person',
    'fr',
    "J'ai travaillé dans cette mine pendant des années.",
    'Il a travaillé dans cette mine pendant des années.',
  ],
  [
    '-schedule',
    'en',
    'The summit will be held on Tuesday in Geneva.',
    'The summit was held on Tuesday in Geneva.',
  ],
  [
    '-schedule',
    'ar',
    'ستعقد القمة يوم الثلاثاء في العاصمة.',
    'انتهت القمة يوم الثلاثاء في العاصمة.',
  ],
  [
    '-schedule',
    'fr',
    'Le sommet aura lieu mardi à Genève.',
    "Le sommet s'est terminé mardi à Genève.",
  ],
  ['-too-short', 'en', 'Prices rose.', 'Prices rose in every region of the country last year.'],
  [
    '-too-long',
    'en',
    `The council met ${'and talked again '.repeat(20)}until late.`,
    'The council met and talked until late.',
  ],
];

describe('features fire where they should and not where they should not', () => {
  for (const [feature, lang, yes, no] of CASES) {
    it(`${feature} (${lang}): ${yes.slice(0, 50)}`, () => {
      expect(scoreSentence(yes, lang).why).toContain(feature);
      if (no) expect(scoreSentence(no, lang).why).not.toContain(feature);
    });
  }
  it('a number-word gives way to a figure; a unit glued to a figure is still a figure', () => {
    expect(scoreSentence('Two villages lost 40 houses.', 'en').why).not.toContain('number-word');
    expect(scoreSentence('Marijuana use is up 141percent among teenagers.', 'en').why).toContain(
      'number',
    );
  });
  it('a sentence starting with a question word but ending with a full stop is not a question', () => {
    expect(
      scoreSentence('When he ran for the Senate, he promised a tax cut.', 'en').why,
    ).not.toContain('-question');
    expect(scoreSentence('When did he promise a tax cut', 'en').why).toContain('-question');
  });
  it('a figure inside a name or a clock time is not a number', () => {
    expect(
      scoreSentence('The COVID-19 unit at the G20 summit was closed.', 'en').why,
    ).not.toContain('number');
    expect(scoreSentence('The talks resumed on 12 March 2024 in Rome.', 'en').why).not.toContain(
      'number',
    );
    expect(
      scoreSentence('Talks resumed at 10:30 and ended at 5 p.m. in Rome.', 'en').why,
    ).not.toContain('number');
    expect(scoreSentence('Les discussions ont repris à 7 h 42 à Rome.', 'fr').why).not.toContain(
      'number',
    );
  });
  it('links, @mentions and hashtags do not count as figures', () => {
    expect(
      scoreSentence('Read the thread by @user2024 at https://t.co/Ab12Cd34 now #2024', 'en').why,
    ).not.toContain('number');
  });
});
