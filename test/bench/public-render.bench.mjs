// Public pages benchmark (`npm run bench public`): the bundled Worker served by Miniflare from this
// script with a local D1 (migrations applied, a few thousand published claims with sources and
// corrections). Each route is requested one at a time (so the time is the server's, not a queue's)
// and reported as p50/p95 of the request time, next to the hello-world route (GET /healthz) of
// the same run; "render" = route p50 minus hello-world p50. D1 round trips per page come from the
// Server-Timing header (d1;desc="queries=N"). Prints numbers only: it never fails on them.
import { performance } from 'node:perf_hooks';
import { d1Queries, percentile, startBundledWorker } from './lib/worker-server.mjs';

const CLAIMS = 5_000;
const WARMUP = 50;
const SAMPLES = 400;

const t0 = Date.now();
const { mf, origin, db, close } = await startBundledWorker({ label: 'public' });
try {
  // CLAIMS published claims (en and ar), each with 3 sources; every third one has a correction.
  const now = Date.now();
  const at = (i) => new Date(now - (CLAIMS - i) * 60_000).toISOString();
  await db.batch([
    db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
      INSERT INTO claims (id, text, search_text, text_hash, language, claimant, claimant_type, claim_date, appearances, status, created_at, updated_at, published_at)
      SELECT printf('bench%011d', i),
        CASE WHEN i % 2 THEN 'Inflation fell to ' || (i % 9) || '% in ' || (2000 + i % 25) || ' says minister ' || i
             ELSE 'قال الوزير إن التضخم انخفض إلى ' || (i % 9) || '٪ في عام ' || (2000 + i % 25) END,
        CASE WHEN i % 2 THEN 'inflation fell to ' || (i % 9) || ' in ' || (2000 + i % 25) || ' says minister ' || i
             ELSE 'قال وزير ان تضخم انخفض الي ' || (i % 9) || ' في عام ' || (2000 + i % 25) END,
        printf('h%d', i), CASE WHEN i % 2 THEN 'en' ELSE 'ar' END, 'Finance Minister', 'person', '2026-01-15',
        '["https://news.example/a","https://tv.example/b"]', 'published', ?2, ?2, ?2 FROM n`,
      )
      .bind(CLAIMS, at(0)),
    db.prepare(`INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, created_at, published_at)
      SELECT id, 1, CASE seq % 4 WHEN 0 THEN 'false' WHEN 1 THEN 'mostly-false' WHEN 2 THEN 'misleading' ELSE 'true' END,
        'Inflation did not fall that far', 'The statistics office series shows a smaller fall; the minister quoted a monthly figure.',
        language, created_at, published_at FROM claims WHERE id LIKE 'bench%'`),
    db
      .prepare(
        `INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, correction_note, created_at, published_at)
      SELECT id, 2, 'mixed', 'Partly right', 'Revised series.', language, 'The first version used an outdated series.', ?1, ?1
      FROM claims WHERE id LIKE 'bench%' AND seq % 3 = 0`,
      )
      .bind(at(CLAIMS)),
    db.prepare(`WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < 3)
      INSERT INTO sources (claim_id, url, title, publisher, excerpt, stance, created_at, updated_at)
      SELECT c.id, 'https://stats.example/t' || k.j, 'Statistics table ' || k.j, 'Statistics Office', 'Annual change in consumer prices.',
        CASE k.j WHEN 1 THEN 'refutes' WHEN 2 THEN 'context' ELSE 'supports' END, c.created_at, c.created_at
      FROM claims c, k WHERE c.id LIKE 'bench%'`),
  ]);
  console.log(
    `setup ${((Date.now() - t0) / 1000).toFixed(1)} s: bundle, migrations, ${CLAIMS} published claims (3 sources each, 1 in 3 corrected); ${origin}`,
  );

  const claimEn = 'bench00000000999';
  const claimAr = 'bench00000001000';
  const first = await mf.dispatchFetch(`${origin}/claims/${claimEn}`);
  const etag = first.headers.get('etag');
  const body = await first.text();
  if (first.status !== 200 || !body.includes('ClaimReview'))
    throw new Error(`claim page did not render: ${first.status}`);
  const routes = [
    { name: 'hello-world GET /healthz', path: '/healthz' },
    { name: 'claim page /claims/:id (en, corrected)', path: `/claims/${claimEn}` },
    { name: 'claim page /claims/:id (ar, RTL)', path: `/claims/${claimAr}?lang=ar` },
    {
      name: 'claim page, If-None-Match -> 304',
      path: `/claims/${claimEn}`,
      headers: { 'If-None-Match': etag },
    },
    { name: 'home / (10 latest)', path: '/' },
    { name: 'list /claims (20 per page)', path: '/claims' },
    { name: 'list /claims?rating=false&language=ar', path: '/claims?rating=false&language=ar' },
    {
      name: 'search /claims?q=inflation minister',
      path: `/claims?q=${encodeURIComponent('inflation minister')}`,
    },
    { name: 'search /claims?q=التضخم (Arabic)', path: `/claims?q=${encodeURIComponent('التضخم')}` },
    { name: 'feed /feeds/atom.xml (50)', path: '/feeds/atom.xml' },
    { name: 'feed /feeds/claimreview.json (50)', path: '/feeds/claimreview.json' },
  ];

  const rows = [];
  for (const route of routes) {
    const times = [];
    let queries = NaN;
    let status = 0;
    let bytes = 0;
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const t = performance.now();
      const res = await mf.dispatchFetch(origin + route.path, { headers: route.headers ?? {} });
      const text = await res.text();
      const ms = performance.now() - t;
      if (i >= WARMUP) times.push(ms);
      status = res.status;
      bytes = text.length;
      queries = d1Queries(res);
    }
    rows.push({
      name: route.name,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      queries,
      status,
      bytes,
    });
  }
  const hello = rows[0].p50;
  console.log(
    `\n${SAMPLES} sequential requests per route after ${WARMUP} warm-up, Miniflare dispatchFetch (in-process, no network)`,
  );
  console.log(
    [
      'route'.padEnd(42),
      'status'.padStart(6),
      'p50 ms'.padStart(8),
      'p95 ms'.padStart(8),
      'render'.padStart(8),
      'D1 trips'.padStart(9),
      'bytes'.padStart(7),
    ].join(' '),
  );
  for (const r of rows) {
    console.log(
      [
        r.name.padEnd(42),
        String(r.status).padStart(6),
        r.p50.toFixed(2).padStart(8),
        r.p95.toFixed(2).padStart(8),
        (r.p50 - hello).toFixed(2).padStart(8),
        String(r.queries).padStart(9),
        String(r.bytes).padStart(7),
      ].join(' '),
    );
  }
  const claim = rows[1];
  console.log(
    `\nclaim page: p50 ${claim.p50.toFixed(2)} ms, p95 ${claim.p95.toFixed(2)} ms (hello-world p50 ${hello.toFixed(2)} ms), D1 round trips ${claim.queries} (budget: 1)`,
  );
} finally {
  await close();
}
