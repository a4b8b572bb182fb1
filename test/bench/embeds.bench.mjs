// Embeds and cached claim pages benchmark (`npm run bench embeds`): the bundled Worker served by
// Miniflare from this script, with a local D1 (migrations applied, data inserted) and the Cache
// API, next to a bare hello-world Hono Worker served the same way (DESIGN.md's reference), both
// loaded with autocannon in-process. Every route gets the same connections, 2 s warm-up and 5 s of
// measurement (five 1 s slices interleaved with the other routes), and is reported as a ratio to
// the bare hello-world Worker and to the app's own GET /healthz, measured in the same rounds.
// Prints numbers only: it never fails on them.
import autocannon from 'autocannon';
import { Response as MfResponse } from 'miniflare';
import { d1Queries, percentile, startBundledWorker } from './lib/worker-server.mjs';

const CONNECTIONS = 10;
const WARMUP_S = 2;
const DURATION_S = 5;
const MISS_CLAIMS = 5_000;

const t0 = Date.now();
const { mf, origin, db, close } = await startBundledWorker({
  label: 'embeds',
  bindings: { ORG_NAME: 'Bench Newsroom', PUBLIC_ORIGIN: '' },
  cache: true,
});
// DESIGN.md's reference: a bare hello-world Hono Worker, bundled and served the same way.
const bare = await startBundledWorker({
  label: 'hello',
  persist: false,
  cache: true,
  source: `import { Hono } from 'hono';
const app = new Hono();
app.get('/', (c) => c.text('Hello Hono!'));
export default app;`,
}).catch(async (err) => {
  await close();
  throw err;
});
try {
  // One published claim for hits, card and oEmbed; MISS_CLAIMS more so that every miss is a new id.
  const now = new Date().toISOString();
  const hitId = 'benchhh000000001'; // ids use Crockford base32: no i, l, o, u
  await db.batch([
    db
      .prepare(
        `INSERT INTO claims (id, text, search_text, text_hash, language, status, created_at, updated_at, published_at)
      VALUES (?1, 'Inflation fell to 2% last year', 'inflation fell', ?1, 'en', 'published', ?2, ?2, ?2)`,
      )
      .bind(hitId, now),
    db
      .prepare(
        `INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, created_at, published_at)
      VALUES (?1, 1, 'mostly-false', 'Inflation did not fall to 2%', 'Official series.', 'en', ?2, ?2)`,
      )
      .bind(hitId, now),
    db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
      INSERT INTO claims (id, text, search_text, text_hash, language, status, created_at, updated_at, published_at)
      SELECT printf('benchm%010d', i), 'Bench claim number ' || i, 'bench claim', printf('h%d', i), 'en', 'published', ?2, ?2, ?2 FROM n`,
      )
      .bind(MISS_CLAIMS, now),
    db
      .prepare(
        `INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, created_at, published_at)
      SELECT id, 1, 'false', 'Not so', 'Official series.', 'en', ?1, ?1 FROM claims WHERE id LIKE 'benchm%'`,
      )
      .bind(now),
  ]);
  console.log(
    `setup ${((Date.now() - t0) / 1000).toFixed(1)} s: bundle, migrations, ${MISS_CLAIMS + 1} published claims; ${origin}`,
  );

  const badge = `/badge/${hitId}.svg`;
  const first = await fetch(origin + badge);
  const second = await fetch(origin + badge);
  await Promise.all([first.text(), second.text()]);
  console.log(
    `D1 queries per badge request: miss ${d1Queries(first)}, hit ${d1Queries(second)} (Server-Timing: ${second.headers.get('server-timing')})`,
  );

  // Cache API tier without the in-isolate memo: cycle through more pre-filled keys than the memo
  // holds (1000), so every request misses the memo and hits caches.default.
  const CACHE_TIER_KEYS = 1500;
  const cacheApi = await mf.getCaches();
  const template = await (await fetch(origin + badge)).text();
  const headersOf = {
    'Content-Type': 'image/svg+xml; charset=utf-8',
    'Cache-Control': 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400',
  };
  const tierId = (i) => `benchc${String(i).padStart(10, '0')}`;
  for (let i = 0; i < CACHE_TIER_KEYS; i += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, j) =>
        cacheApi.default.put(
          `${origin}/_edge/embeds/svg/${tierId(i + j)}/-/flat/live`,
          new MfResponse(template, { headers: { ...headersOf, ETag: `"bench-${i + j}"` } }),
        ),
      ),
    );
  }
  let tierCounter = 0;
  const tierPath = () => `/badge/${tierId(tierCounter++ % CACHE_TIER_KEYS)}.svg`;
  const probe = await fetch(origin + tierPath());
  await probe.text();
  console.log(`Cache API tier probe: ${probe.status} ${probe.headers.get('server-timing')}`);

  // Claim pages: one hot page (memo), and PAGE_TIER_KEYS pages filled into the Cache API first and
  // then cycled, more than the memo's 8 MB hold, so that most requests are answered by caches.default.
  const pagePath = `/claims/${hitId}`;
  const pageMiss = await fetch(origin + pagePath);
  const pageHit = await fetch(origin + pagePath);
  const [pageMissBody, pageHitBody] = await Promise.all([pageMiss.text(), pageHit.text()]);
  console.log(
    `D1 queries per claim page request: miss ${d1Queries(pageMiss)}, hit ${d1Queries(pageHit)}; same body: ${pageMissBody === pageHitBody}; ${pageHitBody.length} bytes (Server-Timing: ${pageHit.headers.get('server-timing')})`,
  );
  const PAGE_TIER_KEYS = 1500;
  const pageTierId = (i) => `benchm${String(MISS_CLAIMS - i).padStart(10, '0')}`;
  for (let i = 0; i < PAGE_TIER_KEYS; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, async (_, j) => {
        const r = await fetch(`${origin}/claims/${pageTierId(i + j)}`);
        await r.text();
      }),
    );
  }
  let pageCounter = 0;
  const pageTierPath = () => `/claims/${pageTierId(pageCounter++ % PAGE_TIER_KEYS)}`;
  const pageProbe = await fetch(origin + pageTierPath());
  await pageProbe.text();
  console.log(
    `claim page Cache API tier probe: ${pageProbe.status} ${pageProbe.headers.get('server-timing')}`,
  );

  let missCounter = 0;
  const missPath = () => `/badge/benchm${String(++missCounter).padStart(10, '0')}.svg`;
  const oembed = `/oembed?url=${encodeURIComponent(`${origin}/claims/${hitId}`)}&format=json`;
  const routes = [
    { name: 'bare hello-world Hono Worker', base: bare.origin, path: '/', key: 'bare' },
    { name: 'app GET /healthz', path: '/healthz', key: 'hello' },
    { name: 'badge svg, hit (in-isolate memo)', path: badge, key: 'memo' },
    { name: 'badge svg, hit (Cache API, memo bypassed)', setup: tierPath, key: 'tier' },
    { name: 'badge svg, cache miss (new id each request)', setup: missPath },
    { name: 'embed card /embed/:id (hit)', path: `/embed/${hitId}` },
    { name: 'oEmbed /oembed (hit)', path: oembed },
    { name: 'oEmbed, maxwidth=400 (never cached: 1 query)', path: `${oembed}&maxwidth=400` },
    { name: 'claim page, hit (in-isolate memo)', path: pagePath, key: 'page' },
    { name: 'claim page, hit (Cache API, memo bypassed)', setup: pageTierPath, key: 'pageTier' },
    { name: 'claim page, ?feedback= (bypass: D1 + render)', path: `${pagePath}?feedback=thanks` },
  ];

  const load = (route, seconds) =>
    new Promise((resolve, reject) => {
      const opts = {
        url: (route.base ?? origin) + (route.path ?? '/healthz'),
        connections: CONNECTIONS,
        duration: seconds,
      };
      if (route.setup)
        opts.requests = [{ setupRequest: (req) => ({ ...req, path: route.setup() }) }];
      autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    });
  const median = (xs) => percentile(xs, 50);

  // The machine is shared, so background load drifts: instead of 5 s per route in a row, every
  // route runs ROUNDS slices of 1 s, interleaved with the others, and each ratio is the median of
  // the per-round ratios to hello-world in the same round.
  for (const route of routes) await load(route, WARMUP_S);
  const slices = new Map(routes.map((r) => [r, []]));
  for (let round = 0; round < DURATION_S; round++) {
    for (const route of routes) slices.get(route).push(await load(route, 1));
  }
  if (missCounter > MISS_CLAIMS)
    console.log('note: ran out of distinct miss ids; some "misses" were hits');
  const bareSlices = slices.get(routes[0]);
  const helloSlices = slices.get(routes[1]);
  const rows = routes.map((route) => {
    const s = slices.get(route);
    const total = s.reduce((a, r) => a + r.requests.total, 0);
    return {
      ...route,
      rps: total / s.reduce((a, r) => a + r.duration, 0),
      p50: median(s.map((r) => r.latency.p50)),
      p99: median(s.map((r) => r.latency.p99)),
      ratio: median(s.map((r, i) => r.requests.total / bareSlices[i].requests.total)),
      appRatio: median(s.map((r, i) => r.requests.total / helloSlices[i].requests.total)),
      bad: s.reduce((a, r) => a + r.non2xx + r.errors + r.timeouts, 0),
    };
  });
  console.log(
    `\n${CONNECTIONS} connections; per route ${WARMUP_S} s warm-up, then ${DURATION_S} x 1 s interleaved; Miniflare ${(await import('miniflare/package.json', { with: { type: 'json' } })).default.version}`,
  );
  console.log(
    `bare hello-world per round (req/s): ${bareSlices.map((r) => (r.requests.total / r.duration).toFixed(0)).join(', ')}`,
  );
  console.log(
    `app /healthz per round (req/s): ${helloSlices.map((r) => (r.requests.total / r.duration).toFixed(0)).join(', ')}`,
  );
  console.log(
    [
      'route'.padEnd(46),
      'req/s'.padStart(8),
      'p50 ms'.padStart(8),
      'p99 ms'.padStart(8),
      'x bare'.padStart(8),
      'x healthz'.padStart(10),
      'non-2xx'.padStart(8),
    ].join(' '),
  );
  for (const r of rows) {
    console.log(
      [
        r.name.padEnd(46),
        r.rps.toFixed(0).padStart(8),
        String(r.p50).padStart(8),
        String(r.p99).padStart(8),
        r.ratio.toFixed(2).padStart(8),
        r.appRatio.toFixed(2).padStart(10),
        String(r.bad).padStart(8),
      ].join(' '),
    );
  }
  const ratio = (key) => rows.find((r) => r.key === key).ratio;
  console.log(
    `\ncached badge (memo) = ${ratio('memo').toFixed(2)} x bare hello-world (target >= 0.80: ${ratio('memo') >= 0.8 ? 'met' : 'NOT met'}); Cache API tier = ${ratio('tier').toFixed(2)} x; D1 queries on a hit: ${d1Queries(second)}, on a miss: ${d1Queries(first)}`,
  );
  console.log(
    `cached claim page (memo) = ${ratio('page').toFixed(2)} x bare hello-world (target >= 0.60: ${ratio('page') >= 0.6 ? 'met' : 'NOT met'}); Cache API tier = ${ratio('pageTier').toFixed(2)} x; D1 queries on a hit: ${d1Queries(pageHit)}, on a miss: ${d1Queries(pageMiss)}`,
  );
} finally {
  await Promise.all([close(), bare.close()]);
}
