// Matching benchmark: findMatches (d1/matches.ts) over 10,000 and 100,000 synthetic claims in a
// local D1 (Miniflare, SQLite), mixed Arabic / English / French, built from word lists below
// (a small vocabulary: every term is shared by many claims, a pessimistic case for FTS).
// Prints p50/p95 of findMatches and of a plain FTS5 OR-query over 200 queries per size, plus a
// no-op round trip (the dispatch cost included in every round-trip number). Numbers, never
// assertions. "in Worker" times use Date.now(), which workerd advances only across I/O.
import { percentile, startBundledWorker } from './lib/worker-server.mjs';

const QUERIES = 200;
const SIZES = [10_000, 100_000];

// The bench Worker: seeds claims made from word lists and runs the real findMatches.
const workerSource = `
import { findMatches, findMatchesMany } from './d1/matches';
import { claimTextHash } from './d1/claims';
import { searchKey } from './worker/extract/normalize';
import { matchTerms } from './worker/match/similarity';

const W = {
  en: {
    who: ['The minister', 'The central bank', 'The mayor', 'The opposition leader', 'The health ministry', 'A government spokesman', 'The statistics office', 'The prime minister', 'The company', 'The union',
      'The governor', 'The finance minister', 'The World Bank', 'The energy regulator', 'The police chief', 'The education minister', 'A senator', 'The airport authority', 'The farmers association', 'The football federation'],
    what: ['unemployment fell to', 'inflation rose to', 'exports grew by', 'the deficit reached', 'vaccination coverage hit', 'rents increased by', 'crime dropped by', 'the budget grew by', 'wheat imports fell by', 'electricity prices rose by',
      'hospital waiting times fell by', 'school enrolment rose to', 'tourist arrivals jumped by', 'fuel subsidies were cut by', 'public debt climbed to', 'road deaths declined by', 'water consumption rose by', 'youth employment reached', 'housing starts slowed by', 'tax revenue increased by'],
    about: ['for small businesses', 'in public hospitals', 'for pensioners', 'in the textile sector', 'for first-time buyers', 'in primary schools', 'among women', 'in the private sector', 'for migrant workers', 'in the tourism industry',
      'for farmers', 'in state companies', 'for students', 'in the construction sector', 'for families with children', 'in the banking sector', 'among graduates', 'in heavy industry', 'for online retailers', 'in the fishing industry'],
    where: ['in the capital', 'nationwide', 'in rural areas', 'in the north', 'in the south', 'in the coastal cities', 'across the region', 'in the eastern provinces', 'in the border towns', 'in the industrial zone', 'in the old city', 'on the islands', 'in the west', 'in the suburbs', 'in the delta'],
    when: ['last year', 'in 2023', 'in 2024', 'in 2025', 'since 2020', 'this quarter', 'over five years', 'since the election', 'in the first half', 'during the pandemic'],
    said: 'said that',
  },
  fr: {
    who: ['Le ministre', 'La banque centrale', 'Le maire', "Le chef de l'opposition", 'Le ministère de la santé', 'Un porte-parole du gouvernement', "L'Insee", 'La première ministre', "L'entreprise", 'Le syndicat',
      'Le préfet', 'La ministre des finances', 'La Banque mondiale', "Le régulateur de l'énergie", 'Le préfet de police', "Le ministre de l'éducation", 'Une sénatrice', "L'autorité aéroportuaire", 'La fédération des agriculteurs', 'La fédération de football'],
    what: ['le chômage a baissé à', "l'inflation a atteint", 'les exportations ont augmenté de', 'le déficit a atteint', 'la couverture vaccinale a atteint', 'les loyers ont augmenté de', 'la criminalité a baissé de', 'le budget a augmenté de', 'les importations de blé ont baissé de', "le prix de l'électricité a augmenté de",
      "les délais d'attente à l'hôpital ont baissé de", 'la scolarisation a atteint', 'les arrivées de touristes ont bondi de', 'les subventions au carburant ont été réduites de', 'la dette publique a grimpé à', 'la mortalité routière a reculé de', "la consommation d'eau a augmenté de", "l'emploi des jeunes a atteint", 'les mises en chantier ont ralenti de', 'les recettes fiscales ont progressé de'],
    about: ['pour les petites entreprises', 'dans les hôpitaux publics', 'pour les retraités', 'dans le secteur textile', 'pour les primo-accédants', 'dans les écoles primaires', 'chez les femmes', 'dans le secteur privé', 'pour les travailleurs migrants', 'dans le tourisme',
      'pour les agriculteurs', 'dans les entreprises publiques', 'pour les étudiants', 'dans le bâtiment', 'pour les familles avec enfants', 'dans le secteur bancaire', 'chez les diplômés', "dans l'industrie lourde", 'pour les commerçants en ligne', 'dans la pêche'],
    where: ['dans la capitale', 'dans tout le pays', 'dans les zones rurales', 'dans le nord', 'dans le sud', 'dans les villes côtières', 'dans la région', "dans les provinces de l'est", 'dans les villes frontalières', 'dans la zone industrielle', 'dans la vieille ville', 'sur les îles', "dans l'ouest", 'en banlieue', 'dans le delta'],
    when: ["l'an dernier", 'en 2023', 'en 2024', 'en 2025', 'depuis 2020', 'ce trimestre', 'en cinq ans', "depuis l'élection", 'au premier semestre', 'pendant la pandémie'],
    said: 'a affirmé que',
  },
  ar: {
    who: ['الوزير', 'البنك المركزي', 'رئيس البلدية', 'زعيم المعارضة', 'وزارة الصحة', 'متحدث باسم الحكومة', 'جهاز الإحصاء', 'رئيس الوزراء', 'الشركة', 'النقابة',
      'المحافظ', 'وزير المالية', 'البنك الدولي', 'هيئة تنظيم الطاقة', 'مدير الشرطة', 'وزير التعليم', 'عضو في مجلس الشيوخ', 'سلطة المطار', 'اتحاد المزارعين', 'اتحاد كرة القدم'],
    what: ['البطالة انخفضت إلى', 'التضخم ارتفع إلى', 'الصادرات نمت بنسبة', 'العجز بلغ', 'نسبة التطعيم وصلت إلى', 'الإيجارات زادت بنسبة', 'الجريمة تراجعت بنسبة', 'الميزانية زادت بنسبة', 'واردات القمح انخفضت بنسبة', 'أسعار الكهرباء ارتفعت بنسبة',
      'فترات الانتظار في المستشفيات تقلصت بنسبة', 'معدل الالتحاق بالمدارس بلغ', 'أعداد السياح قفزت بنسبة', 'دعم الوقود خفض بنسبة', 'الدين العام صعد إلى', 'وفيات الطرق تراجعت بنسبة', 'استهلاك المياه زاد بنسبة', 'تشغيل الشباب بلغ', 'مشاريع الإسكان تباطأت بنسبة', 'الإيرادات الضريبية ارتفعت بنسبة'],
    about: ['للمشاريع الصغيرة', 'في المستشفيات الحكومية', 'للمتقاعدين', 'في قطاع النسيج', 'لمشتري المساكن لأول مرة', 'في المدارس الابتدائية', 'بين النساء', 'في القطاع الخاص', 'للعمال المهاجرين', 'في قطاع السياحة',
      'للمزارعين', 'في الشركات الحكومية', 'للطلاب', 'في قطاع البناء', 'للأسر التي لديها أطفال', 'في القطاع المصرفي', 'بين الخريجين', 'في الصناعات الثقيلة', 'لتجار الإنترنت', 'في قطاع الصيد'],
    where: ['في العاصمة', 'على مستوى البلاد', 'في المناطق الريفية', 'في الشمال', 'في الجنوب', 'في المدن الساحلية', 'في المنطقة', 'في المحافظات الشرقية', 'في المدن الحدودية', 'في المنطقة الصناعية', 'في المدينة القديمة', 'في الجزر', 'في الغرب', 'في الضواحي', 'في الدلتا'],
    when: ['العام الماضي', 'في عام ٢٠٢٣', 'في عام ٢٠٢٤', 'في عام ٢٠٢٥', 'منذ عام ٢٠٢٠', 'هذا الربع', 'خلال خمس سنوات', 'منذ الانتخابات', 'في النصف الأول', 'خلال الجائحة'],
    said: 'قال إن',
  },
};
const LANGS = ['en', 'fr', 'ar'];

// Deterministic per index: claim i is always the same text.
function rng(seed) {
  let s = (seed * 2654435761) >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}
const pick = (r, list) => list[Math.floor(r() * list.length)];
function claimText(i) {
  const r = rng(i + 1);
  const lang = LANGS[i % 3];
  const w = W[lang];
  const n = Math.floor(r() * 60) + 1;
  const pct = lang === 'ar' ? String(n).replace(/\\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[d]) + '٪' : n + '%';
  return { lang, text: pick(r, w.who) + ' ' + w.said + ' ' + pick(r, w.what) + ' ' + pct + ' ' + pick(r, w.about) + ' ' + pick(r, w.where) + ' ' + pick(r, w.when) + '.' };
}
// A query derived from claim i: exact, re-typed (case, harakat, digits), number changed, shortened, or unseen.
function queryText(i, kind) {
  const { text } = claimText(i);
  if (kind === 0) return text;
  if (kind === 1) return text.toUpperCase().replace(/ال/g, 'الْ').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
  if (kind === 2) return text.replace(/(\\d+|[٠-٩]+)/, (m) => (/\\d/.test(m) ? String(Number(m) + 3) : m + '٣'));
  if (kind === 3) return text.split(' ').slice(2).join(' ');
  return claimText(i + 7_000_000).text;
}

export default {
  async fetch(req, env) {
    const url = new URL(req.url);
    const q = (k) => Number(url.searchParams.get(k));
    if (url.pathname === '/noop') return Response.json({ ok: true });
    if (url.pathname === '/seed') {
      const from = q('from'), n = q('n'), now = new Date().toISOString();
      const rows = [];
      for (let i = from; i < from + n; i++) {
        const { lang, text } = claimText(i);
        const status = i % 10 === 0 ? 'published' : i % 5 === 0 ? 'queued' : 'candidate';
        rows.push(['b' + i.toString(36).padStart(10, '0'), text, searchKey(text), await claimTextHash(text), lang, status]);
      }
      // One statement per chunk: the rows travel as one JSON parameter.
      await env.DB.prepare(
        "INSERT INTO claims (id, text, search_text, text_hash, language, status, created_at, updated_at, published_at) " +
        "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, ?2, ?2, " +
        "CASE WHEN value ->> 5 = 'published' THEN ?2 END FROM json_each(?1)",
      ).bind(JSON.stringify(rows), now).run();
      return Response.json({ inserted: n });
    }
    if (url.pathname === '/match') {
      const text = queryText(q('i'), q('kind'));
      const t0 = Date.now();
      const matches = await findMatches(env.DB, text, { publishedOnly: url.searchParams.has('published') });
      const source = 'b' + q('i').toString(36).padStart(10, '0');
      return Response.json({ ms: Date.now() - t0, found: matches.length, top: matches[0]?.similarity ?? 0, foundSource: matches.some((m) => m.id === source) });
    }
    if (url.pathname === '/match-many') {
      const texts = Array.from({ length: q('n') }, (_, k) => queryText(q('i') + k * 13, k % 5));
      const t0 = Date.now();
      const lists = await findMatchesMany(env.DB, texts, { limit: 5 });
      return Response.json({ ms: Date.now() - t0, found: lists.flat().length });
    }
    if (url.pathname === '/fts') {
      const text = queryText(q('i'), q('kind'));
      const match = matchTerms(text).map((t) => '"' + t + '"').join(' OR ');
      const t0 = Date.now();
      const { results } = await env.DB.prepare('SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?1 ORDER BY bm25(claims_fts) LIMIT 50').bind(match).all();
      const ms = Date.now() - t0;
      const touched = await env.DB.prepare('SELECT count(*) AS n FROM claims_fts WHERE claims_fts MATCH ?1').bind(match).first('n');
      return Response.json({ ms, found: results.length, touched });
    }
    return new Response('not found', { status: 404 });
  },
};
`;

const fmt = (v) => v.toFixed(2).padStart(7);

const started = performance.now();
// The bench Worker bundled with esbuild; D1 in memory, migrations applied through the binding.
const { mf, close } = await startBundledWorker({
  label: 'matching',
  source: workerSource,
  persist: false,
  bindings: {},
});
try {
  const get = async (path) => {
    const res = await mf.dispatchFetch(`http://bench${path}`);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  let stored = 0;
  console.log(
    'matching: findMatches = round trip 1: exact hash + per-term row counts; round trip 2: FTS5 OR-query over the rarest terms',
  );
  console.log(
    '(bm25, 50 candidates), then trigram/number re-rank. Reference: the plain OR-query over all terms, bm25, LIMIT 50.',
  );
  console.log(
    'query mix: exact, re-typed (case/harakat/digits), number changed, shortened, unseen text (40 each)\n',
  );
  for (const size of SIZES) {
    const t0 = performance.now();
    const CHUNK = 1000;
    while (stored < size) {
      const n = Math.min(CHUNK, size - stored);
      await get(`/seed?from=${stored}&n=${n}`);
      stored += n;
    }
    const seedSeconds = (performance.now() - t0) / 1000;
    for (let i = 0; i < 20; i++) await get(`/match?i=${i}&kind=${i % 5}`); // warm-up

    const noop = [],
      match = [],
      matchInner = [],
      pub = [],
      fts = [],
      ftsInner = [],
      touched = [];
    let found = 0,
      hits = 0,
      recalled = 0;
    for (let k = 0; k < QUERIES; k++) {
      const i = Math.floor((k * 7919) % size),
        kind = k % 5;
      let t = performance.now();
      await get('/noop');
      noop.push(performance.now() - t);
      t = performance.now();
      const m = await get(`/match?i=${i}&kind=${kind}`);
      match.push(performance.now() - t);
      matchInner.push(m.ms);
      found += m.found;
      if (kind <= 1 && m.top === 1) hits++;
      if (kind === 3 && m.foundSource) recalled++;
      t = performance.now();
      await get(`/match?i=${i}&kind=${kind}&published`);
      pub.push(performance.now() - t);
      t = performance.now();
      const f = await get(`/fts?i=${i}&kind=${kind}`);
      fts.push(performance.now() - t);
      ftsInner.push(f.ms);
      touched.push(f.touched);
    }
    const many = [];
    for (let k = 0; k < 20; k++) {
      const t = performance.now();
      await get(`/match-many?i=${(k * 4099) % size}&n=20`);
      many.push(performance.now() - t);
    }
    console.log(
      `${size.toLocaleString('en')} claims (seeded in ${seedSeconds.toFixed(1)} s), ${QUERIES} queries, ms:`,
    );
    console.log(`                                   p50      p95`);
    console.log(
      `  no-op round trip            ${fmt(percentile(noop, 50))}  ${fmt(percentile(noop, 95))}`,
    );
    console.log(
      `  findMatches (round trip)    ${fmt(percentile(match, 50))}  ${fmt(percentile(match, 95))}`,
    );
    console.log(
      `  findMatches (in Worker)     ${fmt(percentile(matchInner, 50))}  ${fmt(percentile(matchInner, 95))}`,
    );
    console.log(
      `  findMatches publishedOnly   ${fmt(percentile(pub, 50))}  ${fmt(percentile(pub, 95))}`,
    );
    console.log(
      `  findMatchesMany, 20 texts   ${fmt(percentile(many, 50))}  ${fmt(percentile(many, 95))}   (an ingest: the 20 best candidates; 20 runs)`,
    );
    console.log(
      `  all-terms OR-query (rt)     ${fmt(percentile(fts, 50))}  ${fmt(percentile(fts, 95))}`,
    );
    console.log(
      `  all-terms OR-query (Worker) ${fmt(percentile(ftsInner, 50))}  ${fmt(percentile(ftsInner, 95))}`,
    );
    console.log(
      `  rows sharing any query term (what the all-terms query scores): median ${percentile(touched, 50)}, p95 ${percentile(touched, 95)}`,
    );
    console.log(
      `  mean matches per query ${(found / QUERIES).toFixed(1)}; exact/re-typed queries whose top match has similarity 1: ${hits}/${(QUERIES * 2) / 5}`,
    );
    console.log(
      `  shortened queries (first two words dropped) that find their source claim: ${recalled}/${QUERIES / 5}\n`,
    );
  }
  console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await close();
}
