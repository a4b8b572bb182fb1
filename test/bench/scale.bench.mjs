// Scale benchmark (`npm run bench scale`): the real Worker (wrangler's bundle) served by Miniflare
// on 127.0.0.1 with a local D1 holding SCALE_CLAIMS synthetic claims (default 100,000, made by
// scripts/lib/scale-data.mjs, the generator behind `npm run scale`). Every request goes over HTTP,
// one at a time, and is reported as p50/p95 next to the hello-world route (GET /healthz) of the
// same run and the budget of the route. Prints numbers only: it never fails on them.
//   SCALE_CLAIMS=10000 npm run bench scale     (a quicker run while developing)
import { createHash, randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fillClaims, SAMPLE_QUERIES, describeDatabase } from '../../scripts/lib/scale-data.mjs';
import { startBundledWorker } from './lib/worker-server.mjs';
import { d1Queries, percentile } from './lib/worker-server.mjs';

const CLAIMS = Number(process.env.SCALE_CLAIMS ?? 100_000);
const SAMPLES = Number(process.env.SCALE_SAMPLES ?? 200);
const DEEP_PAGES = Number(process.env.SCALE_DEEP_PAGES ?? 200);
const BUDGETS = { search: 20, queue: 30, claimMiss: 15, matching: 25 };

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const loadAtStart = load();
const t0 = performance.now();
const { origin, db, close } = await startBundledWorker({ label: 'scale' });
try {
  const tStarted = performance.now();
  const { ms: fillMs } = await fillClaims(db, { claims: CLAIMS });
  // Related fact-checks as the claim.related sweep leaves them (migration 0020): each published
  // claim lists its next five published claims, so a claim page reads a stored list (one round
  // trip) as in production; the matcher's own cost is measured by the matching bench.
  await db
    .prepare(
      `WITH p AS (SELECT id, row_number() OVER (ORDER BY seq) AS rn FROM claims WHERE status = 'published')
       INSERT INTO claim_related (claim_id, related_id, score, computed_at)
       SELECT a.id, b.id, 1.0 / (b.rn - a.rn), 'bench' FROM p a JOIN p b ON b.rn BETWEEN a.rn + 1 AND a.rn + 5`,
    )
    .run();
  await db
    .prepare(
      `INSERT INTO claim_related_runs (claim_id, text_hash, computed_at)
       SELECT id, text_hash, 'bench' FROM claims WHERE status IN ('published', 'retracted')`,
    )
    .run();
  const { counts, fts } = await describeDatabase(db);
  console.log(
    `setup: bundle + migrations ${((tStarted - t0) / 1000).toFixed(1)} s; ${CLAIMS.toLocaleString('en')} claims generated in ${(fillMs / 1000).toFixed(1)} s ` +
      `(${Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}; FTS ${fts}); ${origin}`,
  );

  // An admin with a live session, written directly (PBKDF2 at sign-in is not what is measured).
  const token = randomBytes(32).toString('base64url');
  const tokenHash = createHash('sha256').update(token).digest('hex');
  const now = new Date();
  await db.batch([
    db
      .prepare(
        `INSERT INTO users (email, name, role, password_hash, password_salt, password_iterations, created_at) VALUES (?1, 'Scale Admin', 'admin', 'x', 'x', 1, ?2)`,
      )
      .bind(`scale-${tokenHash.slice(0, 8)}@bench.example`, now.toISOString()),
    db
      .prepare(
        `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?1, last_insert_rowid(), 'csrf', ?2, ?2, ?3)`,
      )
      .bind(tokenHash, now.toISOString(), new Date(now.getTime() + 6 * 3600_000).toISOString()),
  ]);
  const desk = { Cookie: `claimdesk_session=${token}` };
  const api = { Authorization: `Bearer ${token}` };

  // Claims to read, each once (a public claim page is then a cache miss).
  const published = (
    await db
      .prepare(`SELECT id FROM claims WHERE status = 'published' ORDER BY seq DESC LIMIT ?1`)
      .bind(SAMPLES * 2 + 20)
      .all()
  ).results.map((r) => r.id);
  const any = (
    await db
      .prepare(`SELECT id FROM claims WHERE seq % 97 = 3 ORDER BY seq DESC LIMIT ?1`)
      .bind(SAMPLES + 20)
      .all()
  ).results.map((r) => r.id);

  const get = async (path, headers = {}) => {
    const t = performance.now();
    const res = await fetch(origin + path, { headers, redirect: 'manual' });
    const body = await res.text();
    const ms = performance.now() - t;
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
    return { ms, body, res };
  };
  // A route that answers something else than 200 is reported (and the run goes on).
  const measure = async (name, paths, headers, budget) => {
    const times = [];
    const queries = [];
    try {
      for (const p of paths.slice(0, 10)) await get(p, headers); // warm-up (also warms these pages' D1 pages)
      for (const p of paths.slice(10)) {
        const { ms, res } = await get(p, headers);
        times.push(ms);
        queries.push(d1Queries(res));
      }
    } catch (err) {
      console.log(`${name}: FAILED ${String(err.message).slice(0, 200)}`);
    }
    return { name, times, budget, queries: percentile(queries, 50) };
  };
  const cycle = (list, n, f) => Array.from({ length: n }, (_, k) => f(list[k % list.length], k));
  const nextHref = (body) => {
    const m = /<a href="([^"]+)" rel="next">/.exec(body);
    return m ? m[1].replaceAll('&amp;', '&') : null;
  };

  const rows = [];
  rows.push(
    await measure(
      'hello-world GET /healthz',
      cycle(['/healthz'], SAMPLES + 10, (p) => p),
    ),
  );
  rows.push(
    await measure(
      'public search /claims?q=… (page 1)',
      cycle(SAMPLE_QUERIES, SAMPLES + 10, (q) => `/claims?q=${encodeURIComponent(q)}`),
      {},
      BUDGETS.search,
    ),
  );
  rows.push(
    await measure(
      'public search by rating /claims?q=…&rating=… (page 1)',
      cycle(
        SAMPLE_QUERIES,
        SAMPLES + 10,
        (q, k) => `/claims?q=${encodeURIComponent(q)}&rating=${k % 2 ? 'false' : 'mostly-true'}`,
      ),
      {},
      BUDGETS.search,
    ),
  );
  rows.push(
    await measure(
      'public list by rating /claims?rating=… (page 1)',
      cycle(
        ['/claims?rating=false', '/claims?rating=unproven&language=fr', '/claims?rating=mixed'],
        SAMPLES + 10,
        (p) => p,
      ),
      {},
      BUDGETS.search,
    ),
  );
  rows.push(
    await measure(
      'public list /claims (page 1)',
      cycle(['/claims', '/claims?language=ar', '/claims?rating=false'], SAMPLES + 10, (p) => p),
      {},
      BUDGETS.search,
    ),
  );
  rows.push(
    await measure(
      'claim page /claims/:id (cache miss)',
      published.slice(0, SAMPLES + 10).map((id) => `/claims/${id}`),
      {},
      BUDGETS.claimMiss,
    ),
  );
  // The same read and render without the page cache (a query parameter other than lang bypasses
  // it): the difference to the row above is the Cache API lookup and the memo.
  rows.push(
    await measure(
      '  same, past the page cache (?feedback=thanks)',
      published.slice(SAMPLES + 10, 2 * SAMPLES + 20).map((id) => `/claims/${id}?feedback=thanks`),
      {},
      BUDGETS.claimMiss,
    ),
  );
  rows.push(
    await measure(
      'desk queue /desk (first page, 4 filter sets)',
      cycle(
        ['/desk', '/desk?status=queued', '/desk?language=ar', '/desk?status=in_review&language=fr'],
        SAMPLES + 10,
        (p) => p,
      ),
      desk,
      BUDGETS.queue,
    ),
  );
  for (const p of [
    '/desk',
    '/desk?status=queued',
    '/desk?language=ar',
    '/desk?status=in_review&language=fr',
  ]) {
    rows.push(
      await measure(
        `  ${p}`,
        cycle([p], Math.round(SAMPLES / 4) + 10, (x) => x),
        desk,
        BUDGETS.queue,
      ),
    );
  }
  // Every order of the queue (to do, and one status inside the work set), first page.
  for (const p of [
    '/desk?sort=score',
    '/desk?sort=demand',
    '/desk?sort=due',
    '/desk?sort=updated',
    '/desk?assignee=none',
    '/desk?status=queued&sort=score',
    '/desk?status=submitted&sort=due',
    '/desk?status=all',
    '/desk?status=all&sort=updated',
    '/desk?rating=false',
  ]) {
    rows.push(
      await measure(
        `  ${p}`,
        cycle([p], Math.round(SAMPLES / 4) + 10, (x) => x),
        desk,
        BUDGETS.queue,
      ),
    );
  }
  rows.push(
    await measure(
      'desk queue /desk?q=… (search)',
      cycle(SAMPLE_QUERIES, SAMPLES + 10, (q) => `/desk?q=${encodeURIComponent(q)}`),
      desk,
      BUDGETS.queue,
    ),
  );
  rows.push(
    await measure(
      'API GET /api/v1/claims (first page)',
      cycle(
        ['/api/v1/claims', '/api/v1/claims?status=queued', '/api/v1/claims?language=fr'],
        SAMPLES + 10,
        (p) => p,
      ),
      api,
      BUDGETS.queue,
    ),
  );
  rows.push(
    await measure(
      'API GET /api/v1/claims?rating=… (first page)',
      cycle(
        ['/api/v1/claims?rating=false', '/api/v1/claims?rating=true&language=ar'],
        SAMPLES + 10,
        (p) => p,
      ),
      api,
      BUDGETS.queue,
    ),
  );
  rows.push(
    await measure(
      'matches /api/v1/claims/:id/matches',
      any.slice(0, SAMPLES + 10).map((id) => `/api/v1/claims/${id}/matches`),
      api,
      BUDGETS.matching,
    ),
  );

  // Deep paging: follow the next links, page after page. Then the deepest 20 pages reached are
  // asked again, 5 rounds in page order (100 samples): a p95 of only 20 samples is their maximum,
  // which one stall of the shared machine decides.
  const LAST_PAGES = 20;
  const LAST_ROUNDS = 5;
  const follow = async (name, start, headers, budget, nextOf) => {
    let path = start;
    const times = [];
    const paths = [];
    let pages = 0;
    while (path && pages < DEEP_PAGES) {
      try {
        const { ms, body } = await get(path, headers);
        times.push(ms);
        paths.push(path);
        pages++;
        path = nextOf(body);
      } catch (err) {
        console.log(`${name}: FAILED ${String(err.message).slice(0, 200)}`);
        break;
      }
    }
    const last = [];
    for (let round = 0; round < LAST_ROUNDS; round++)
      for (const p of paths.slice(-LAST_PAGES)) last.push((await get(p, headers)).ms);
    return {
      name: `${name}, pages 1-${pages}`,
      times,
      budget,
      last,
      pages,
      lastPath: path,
    };
  };
  const deepQueue = await follow('desk queue, next links', '/desk', desk, BUDGETS.queue, nextHref);
  const deepSorts = [];
  for (const sort of ['score', 'demand', 'due', 'updated'])
    deepSorts.push(
      await follow(
        `desk queue ?sort=${sort}, next links`,
        `/desk?sort=${sort}`,
        desk,
        BUDGETS.queue,
        nextHref,
      ),
    );
  const deepAll = await follow(
    'desk queue ?status=all, next links',
    '/desk?status=all',
    desk,
    BUDGETS.queue,
    nextHref,
  );
  const deepApi = await follow(
    'API claims, nextCursor',
    '/api/v1/claims?limit=25',
    api,
    BUDGETS.queue,
    (body) => {
      const next = JSON.parse(body).nextCursor;
      return next ? `/api/v1/claims?limit=25&cursor=${next}` : null;
    },
  );
  const deepStatus = await follow(
    'API claims?status=candidate, nextCursor',
    '/api/v1/claims?status=candidate&limit=25',
    api,
    BUDGETS.queue,
    (body) => {
      const next = JSON.parse(body).nextCursor;
      return next ? `/api/v1/claims?status=candidate&limit=25&cursor=${next}` : null;
    },
  );
  const deepSearch = await follow(
    'public search (seek cursor), next links',
    `/claims?q=${encodeURIComponent('minister')}`,
    {},
    BUDGETS.search,
    nextHref,
  );
  const deepList = await follow('public list, next links', '/claims', {}, BUDGETS.search, nextHref);

  // Jumping deep: a cursor near the oldest claims (seq 1,000 of CLAIMS). A query whose cursor
  // condition cannot use an index walks every newer row first.
  const low = Math.min(1000, Math.floor(CLAIMS / 10));
  const jumps = [];
  const jump = async (name, paths, headers, budget) =>
    jumps.push(await measure(name, paths, headers, budget));
  const JUMP_SAMPLES = Math.min(SAMPLES, 60) + 10;
  await jump(
    `desk queue, cursor at seq ${low} (deep)`,
    cycle([''], JUMP_SAMPLES, (_, k) => `/desk?cursor=${low - (k % 50)}`),
    desk,
    BUDGETS.queue,
  );
  await jump(
    `desk queue ?status=queued, cursor at seq ${low}`,
    cycle([''], JUMP_SAMPLES, (_, k) => `/desk?status=queued&cursor=${low - (k % 50)}`),
    desk,
    BUDGETS.queue,
  );
  await jump(
    `API /api/v1/claims, cursor at seq ${low}`,
    cycle([''], JUMP_SAMPLES, (_, k) => `/api/v1/claims?cursor=${low - (k % 50)}`),
    api,
    BUDGETS.queue,
  );
  await jump(
    `API /api/v1/claims?status=queued, cursor at seq ${low}`,
    cycle([''], JUMP_SAMPLES, (_, k) => `/api/v1/claims?status=queued&cursor=${low - (k % 50)}`),
    api,
    BUDGETS.queue,
  );
  await jump(
    `public search, cursor at seq ${low} (s${low})`,
    cycle(
      SAMPLE_QUERIES,
      JUMP_SAMPLES,
      (q) => `/claims?q=${encodeURIComponent(q)}&sort=date&cursor=s${low}`,
    ),
    {},
    BUDGETS.search,
  );

  const fmt = (v) => (Number.isFinite(v) ? v.toFixed(2) : '-').padStart(8);
  const helloP50 = percentile(rows[0].times, 50);
  const helloP95 = percentile(rows[0].times, 95);
  const within = (p95, budget) =>
    budget === undefined
      ? ''
      : !Number.isFinite(p95)
        ? 'failed'
        : p95 < budget
          ? 'within budget'
          : 'over budget';
  const line = (name, times, budget, extra = '') => {
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    return `${name.padEnd(62)} ${fmt(p50)} ${fmt(p95)} ${budget === undefined ? '       -' : fmt(budget)}  ${within(p95, budget).padEnd(13)} ${fmt(p50 / helloP50)}x ${fmt(p95 / helloP95)}x${extra}`;
  };
  const header = `${'route'.padEnd(62)}      p50      p95   budget  ${'p95 < budget?'.padEnd(13)}  p50/hello  p95/hello`;
  console.log(
    `\n${CLAIMS.toLocaleString('en')} claims; ${SAMPLES} requests per route (${Math.round(SAMPLES / 4)} per queue variant), one at a time, over HTTP; ms.` +
      `\nhello-world GET /healthz of this run: p50 ${helloP50.toFixed(2)} ms, p95 ${helloP95.toFixed(2)} ms; ` +
      `load average (1/5/15 min) at start ${loadAtStart}, at end ${load()}`,
  );
  console.log(`${header}  D1 round trips`);
  for (const r of rows) console.log(line(r.name, r.times, r.budget, `  ${r.queries}`));
  console.log('\njumping deep (a cursor near the oldest claims):');
  for (const r of jumps) console.log(line(r.name, r.times, r.budget));
  console.log(
    '\ndeep paging (following next links; the second line of each = the deepest 20 pages reached, each asked 5 more times):',
  );
  for (const d of [deepQueue, ...deepSorts, deepAll, deepApi, deepStatus, deepSearch, deepList]) {
    console.log(line(d.name, d.times, d.budget));
    console.log(line('    last 20 pages (x5)', d.last, d.budget));
  }
  console.log(
    '\nNo OFFSET: every list seeks to its cursor (public search: newest hit first, cursor "s<seq>"; ' +
      '/api/v1/search: bm25 with a (rank, seq) cursor).',
  );
  console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
} finally {
  await close();
}
