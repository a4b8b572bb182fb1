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

import { claimText, queryText } from './scripts/lib/synthetic-claims.mjs';

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
    'matching: findMatches = one round trip: exact hash + per-term row counts + FTS5 OR-query over the rarest terms',
  );
  console.log(
    '(bm25, 50 candidates), then the lexical re-rank (worker/match/). Reference: the plain OR-query over all terms, bm25, LIMIT 50.',
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
