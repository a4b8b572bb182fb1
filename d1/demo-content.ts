/**
 * Demo newsroom content, written for ClaimDesk (fictional events, invented figures).
 * Used only by the local seed (`npm start` on an empty database) and tests.
 */
export interface DemoArticle {
  title: string;
  publisher: string;
  url: string;
  language: 'ar' | 'en' | 'fr';
  publishedAt: string;
  body: string;
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: 'وزارة المياه: انخفاض مخزون السدود إلى ٣٤٪ في نهاية أكتوبر',
    publisher: 'وكالة الأنباء التجريبية',
    url: 'https://news.example.org/ar/dams-2026',
    language: 'ar',
    publishedAt: '2026-11-02T09:30:00Z',
    body: [
      'عمّان – أعلنت وزارة المياه يوم الأحد أن مخزون السدود الرئيسية انخفض إلى ٣٤٪ من طاقتها التخزينية في نهاية شهر أكتوبر، وهو أدنى مستوى منذ عام ٢٠١٤.',
      'وقال الناطق باسم الوزارة سامر الخطيب إن «كميات الأمطار هذا الموسم لم تتجاوز ٦٠٪ من المعدل السنوي».',
      'وأضاف أن استهلاك المياه المنزلية ارتفع بنسبة ١٢٪ مقارنة بالعام الماضي بسبب موجات الحر المتتالية.',
      'وبحسب تقرير البنك الدولي، يحصل الفرد على أقل من ١٠٠ متر مكعب من المياه سنويًا.',
      'ويرى مواطنون في أحياء شرق المدينة أن الوضع «مقلق جدًا»، ويطالبون بحلول سريعة.',
      'ومن المتوقع أن تبدأ الوزارة العام المقبل تشغيل مشروع تحلية بكلفة ١٫٨ مليار دولار.',
    ].join('\n\n'),
  },
  {
    title: 'City says bus ridership hit a record after fare cut',
    publisher: 'Demo Wire',
    url: 'https://news.example.org/en/bus-ridership',
    language: 'en',
    publishedAt: '2026-10-28T14:00:00Z',
    body: [
      'The city transport authority said on Tuesday that bus ridership rose 18% in the first nine months of the year, reaching a record 212 million trips.',
      'Mayor Dana Whitfield told reporters that the fare cut introduced in January "paid for itself within six months".',
      "According to the authority's own budget report, fare revenue fell by $14 million over the same period.",
      'Commuters at the central station described the buses as crowded but more reliable.',
      'Is the fare cut really working?',
      'The council will vote in December on whether to extend the programme to night services for the first time.',
    ].join('\n\n'),
  },
  {
    title: 'Le chômage des jeunes au plus bas depuis dix ans, selon le ministère',
    publisher: 'Dépêche Démo',
    url: 'https://news.example.org/fr/chomage-jeunes',
    language: 'fr',
    publishedAt: '2026-11-05T07:45:00Z',
    body: [
      'Le taux de chômage des 15-24 ans a reculé à 16,2 % au troisième trimestre, son niveau le plus bas depuis 2016, a déclaré mercredi le ministère du Travail.',
      "Selon la ministre, Mme Claire Duval, « plus de 40 000 contrats d'apprentissage » ont été signés depuis janvier.",
      'Les syndicats estiment toutefois que ces chiffres masquent une hausse des contrats précaires.',
      "D'après l'institut national de la statistique, le nombre de jeunes sans emploi ni formation a baissé de 3 %.",
      "Dans les lycées professionnels, l'ambiance reste prudente.",
    ].join('\n\n'),
  },
];

/**
 * Verdict explanations of the demo claims, in the explanation markup (worker/lib/markup.ts):
 * paragraphs, a list, emphasis and links to the sources.
 */
export const DEMO_EXPLANATIONS = {
  dams: [
    'تُظهر **النشرة الأسبوعية** لوزارة المياه أن مخزون السدود الرئيسية بلغ ٣٤٪ من طاقتها في نهاية أكتوبر، وهذا الرقم صحيح.',
    'لكنه ليس أدنى مستوى منذ عام ٢٠١٤، فقد كان المخزون أدنى في نهاية أكتوبر:\n- ٢٠١٨: ٣١٪\n- ٢٠٢٦: ٣٤٪',
    'المصدر: [النشرة الأسبوعية لمخزون السدود](https://data.example.org/water/dams-weekly).',
  ].join('\n\n'),
  ridership: [
    "The authority's [2019 annual report](https://data.example.org/transport/annual-2019) lists 231 million trips in the same nine months.",
    'Ridership has not come back to its 2019 level.',
  ].join('\n\n'),
  ridershipCorrected: [
    'Ridership did rise *18%* in the first nine months, as the authority said.',
    "The record claim is wrong: the authority's [2019 annual report](https://data.example.org/transport/annual-2019) lists **231 million** trips in the same nine months, against 212 million this year.",
  ].join('\n\n'),
  jobs: [
    "Les séries trimestrielles de l'institut statistique confirment **16,2 %** au troisième trimestre.",
    "C'est le niveau le plus bas depuis 2016 :\n1. 2016 : 15,9 %\n2. 2019 : 17,8 %\n3. 2026 : 16,2 %",
    'Source : [Enquête emploi, troisième trimestre](https://data.example.org/fr/emploi-t3).',
  ].join('\n\n'),
} as const;
