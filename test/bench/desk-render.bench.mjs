// Desk pages benchmark (`npm run bench -- desk`): the bundled Worker served by Miniflare from this
// script, local D1 with migrations, the demo seed and 20,000 extra claims (three in four in the
// work set, with scores, reader demand, due dates and update times spread so every sort has work).
// The queue is measured in its default "To do" view, in each sort, and on a deep keyset page
// (about 10,000 claims in, cursor read from the database as the page's "next" link would carry it). A signed-in
// admin (session cookie + CSRF token from the real sign-in form) requests each desk page one at a
// time, so the time is the server's, not a queue's. Reports p50/p95 per page next to the
// hello-world route (GET /healthz) of the same run; "render" = page p50 minus hello-world p50.
// D1 round trips per page come from Server-Timing (d1;desc="queries=N"). Prints numbers only.
import { performance } from 'node:perf_hooks';
import { d1Queries, percentile, startBundledWorker } from './lib/worker-server.mjs';

const EXTRA_CLAIMS = 20_000;
const WARMUP = 30;
const SAMPLES = 200;
const DEEP = 10_000;

const ARTICLE = [
  'أعلنت وزارة الاقتصاد يوم الاثنين أن معدل التضخم السنوي بلغ ١٤٪ في شهر سبتمبر، وهو أعلى مستوى منذ عام ٢٠٠٨.',
  'وقال وزير المالية خالد منصور إن «الصادرات ارتفعت بنسبة ٢٥٪ خلال العام الماضي مقارنة بعام ٢٠٢٢».',
  'وأضاف أن الحكومة خصصت ٣ مليارات دولار لدعم أسعار الخبز والوقود حتى نهاية العام.',
  'وبحسب البنك المركزي، انخفضت البطالة إلى ٩٫٥٪ للمرة الأولى منذ عشر سنوات.',
].join('\n\n');

const t0 = Date.now();
const { origin, db, close } = await startBundledWorker({
  label: 'desk',
  bindings: { ORG_NAME: 'Bench Newsroom', PUBLIC_ORIGIN: '' },
  seed: true,
});
try {
  const now = Date.now();
  await db
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
       INSERT INTO claims (id, text, search_text, text_hash, language, status, score, submission_count,
         due_date, created_at, updated_at)
       SELECT printf('benchq%010d', i), 'Bench claim number ' || i || ' says exports rose 12% in 2025', 'bench claim number exports rose', printf('q%d', i),
         CASE i % 3 WHEN 0 THEN 'ar' WHEN 1 THEN 'en' ELSE 'fr' END,
         CASE i % 4 WHEN 0 THEN 'candidate' WHEN 1 THEN 'submitted' WHEN 2 THEN 'queued' ELSE 'in_review' END,
         CASE WHEN i % 5 = 0 THEN NULL ELSE (i * 7919 % 1000) / 1000.0 END,
         1 + i % 17,
         CASE WHEN i % 3 = 0 THEN NULL ELSE date(?2 / 1000, 'unixepoch', printf('%+d days', i % 60 - 10)) END,
         strftime('%Y-%m-%dT%H:%M:%fZ', (?2 - i * 60000) / 1000.0, 'unixepoch'),
         strftime('%Y-%m-%dT%H:%M:%fZ', (?2 - (i * 104729 % 20000000)) / 1000.0, 'unixepoch')
       FROM n`,
    )
    .bind(EXTRA_CLAIMS, now)
    .run();
  const work = `status IN ('submitted', 'queued', 'in_review')`;
  const deepNewest = await db
    .prepare(`SELECT seq FROM claims WHERE ${work} ORDER BY seq DESC LIMIT 1 OFFSET ?1`)
    .bind(DEEP)
    .first();
  const deepScore = await db
    .prepare(
      `SELECT ifnull(score, -1) AS k, seq FROM claims WHERE ${work}
       ORDER BY ifnull(score, -1) DESC, seq DESC LIMIT 1 OFFSET ?1`,
    )
    .bind(DEEP)
    .first();
  const deepDue = await db
    .prepare(
      `SELECT ifnull(due_date, '9999-12-31') AS k, seq FROM claims WHERE ${work}
       ORDER BY ifnull(due_date, '9999-12-31') ASC, seq DESC LIMIT 1 OFFSET ?1`,
    )
    .bind(DEEP)
    .first();

  // Sign in through the form like a browser.
  const signIn = await fetch(`${origin}/desk/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      email: 'admin@claimdesk.local',
      password: 'claimdesk-demo',
      next: '/desk',
    }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (signIn.status !== 303 || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);
  const queueHtml = await (await fetch(`${origin}/desk`, { headers: { Cookie: cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(queueHtml)[1];

  // An ingest result page: post the Arabic article through the desk form.
  const ingest = await fetch(`${origin}/desk/articles`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      Origin: origin,
      Cookie: cookie,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      _csrf: csrf,
      title: 'التضخم',
      text: ARTICLE,
      url: '',
      language: '',
    }),
  });
  const articlePath = ingest.headers.get('location');
  const published = await (
    await fetch(`${origin}/desk?status=published&language=ar`, { headers: { Cookie: cookie } })
  ).text();
  const workspacePath = /href="(\/desk\/claims\/[0-9a-z]+)" class="claim-link"/.exec(published)[1];
  console.log(
    `setup ${((Date.now() - t0) / 1000).toFixed(1)} s: bundle, migrations, demo seed + ${EXTRA_CLAIMS} claims; ${origin}`,
  );
  console.log(`workspace: ${workspacePath}, ingest result: ${articlePath}`);

  const routes = [
    ['hello-world GET /healthz', '/healthz'],
    ['queue "To do" (default, newest)', '/desk'],
    ['queue "To do", sort score', '/desk?sort=score'],
    ['queue "To do", sort demand', '/desk?sort=demand'],
    ['queue "To do", sort due', '/desk?sort=due'],
    ['queue "To do", sort updated', '/desk?sort=updated'],
    [`queue "To do", page ${DEEP / 25 + 1} (newest)`, `/desk?cursor=${deepNewest.seq}`],
    [
      `queue "To do", page ${DEEP / 25 + 1} (score)`,
      `/desk?sort=score&cursor=${encodeURIComponent(`${deepScore.k}~${deepScore.seq}`)}`,
    ],
    [
      `queue "To do", page ${DEEP / 25 + 1} (due)`,
      `/desk?sort=due&cursor=${encodeURIComponent(`${deepDue.k}~${deepDue.seq}`)}`,
    ],
    ['queue (all statuses)', '/desk?status=all'],
    ['queue: queued + ar', '/desk?status=queued&language=ar'],
    ['queue: text matching one claim', '/desk?q=number+777+exports'],
    ['queue: text matching every claim', '/desk?status=queued&language=ar&q=exports'],
    ['claim workspace (published, history)', workspacePath],
    ['ingest result (article + candidates)', articlePath],
    ['sign-in page (anonymous)', '/desk/sign-in'],
  ];
  const rows = [];
  for (const [name, path] of routes) {
    const headers = path === '/desk/sign-in' || path === '/healthz' ? {} : { Cookie: cookie };
    let queries = NaN;
    let status = 0;
    let bytes = 0;
    let title = '';
    for (let i = 0; i < WARMUP; i++) await (await fetch(origin + path, { headers })).arrayBuffer();
    const times = [];
    for (let i = 0; i < SAMPLES; i++) {
      const start = performance.now();
      const res = await fetch(origin + path, { headers });
      const body = await res.arrayBuffer();
      times.push(performance.now() - start);
      status = res.status;
      bytes = body.byteLength;
      if (i === 0)
        title = /<title>([^<]*)<\/title>/.exec(new TextDecoder().decode(body))?.[1] ?? '';
      queries = d1Queries(res);
    }
    if (status !== 200) throw new Error(`${name}: ${origin + path} answered ${status}`);
    rows.push({
      name,
      status,
      bytes,
      queries,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      title,
    });
  }
  const base = rows[0].p50;
  console.log(`\n${SAMPLES} sequential requests per page (after ${WARMUP} warm-up), ms:`);
  console.log(
    'page'.padEnd(40),
    'status',
    'KB'.padStart(6),
    'D1'.padStart(3),
    'p50'.padStart(7),
    'p95'.padStart(7),
    'render p50'.padStart(11),
  );
  for (const r of rows) {
    console.log(
      r.name.padEnd(40),
      String(r.status).padStart(6),
      (r.bytes / 1024).toFixed(1).padStart(6),
      String(r.queries).padStart(3),
      r.p50.toFixed(2).padStart(7),
      r.p95.toFixed(2).padStart(7),
      (r.p50 - base).toFixed(2).padStart(11),
      ` ${r.title.slice(0, 40)}`,
    );
  }
} finally {
  await close();
}
