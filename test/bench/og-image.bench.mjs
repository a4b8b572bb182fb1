// Share image benchmark (`npm run bench og-image`): GET /claims/:id/og.png on the bundled Worker
// (Miniflare, local D1, Cache API; the fonts served from public/ by a stand-in ASSETS binding).
// Prints the cold render time (first request of an isolate: WebAssembly, fonts, render), a few
// warm renders (new claims), and the cached-hit throughput as a ratio to the bare hello-world
// Worker of the embeds bench, measured the same way. Prints numbers only: it never fails on them.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { Response as MfResponse } from 'miniflare';
import { startBundledWorker } from './lib/worker-server.mjs';

const CONNECTIONS = 10;
const DURATION_S = 5;
const RENDERS = 5;
const publicDir = new URL('../../public/', import.meta.url);

const assets = async (req) => {
  try {
    return new MfResponse(readFileSync(new URL(`.${new URL(req.url).pathname}`, publicDir)));
  } catch {
    return new MfResponse('not found', { status: 404 });
  }
};

const app = await startBundledWorker({
  label: 'og',
  bindings: { ORG_NAME: 'Bench Newsroom', PUBLIC_ORIGIN: '' },
  cache: true,
  serviceBindings: { ASSETS: assets },
});
const bare = await startBundledWorker({
  label: 'hello',
  persist: false,
  cache: true,
  source: `import { Hono } from 'hono';
const app = new Hono();
app.get('/', (c) => c.text('Hello Hono!'));
export default app;`,
});
try {
  const now = new Date().toISOString();
  // Claim ids are 16 Crockford base32 characters (no i, l, o, u).
  const id = (i) => `benchpng${String(i).padStart(8, '0')}`;
  for (let i = 0; i <= RENDERS; i++) {
    await app.db.batch([
      app.db
        .prepare(
          `INSERT INTO claims (id, text, search_text, text_hash, language, status, created_at, updated_at, published_at)
          VALUES (?1, 'Inflation fell to 2% last year, the lowest in a decade', 'inflation', ?1, 'en', 'published', ?2, ?2, ?2)`,
        )
        .bind(id(i), now),
      app.db
        .prepare(
          `INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, created_at, published_at)
          VALUES (?1, 1, 'mostly-false', 'Inflation did not fall to 2%: the official series says 3.4%', 'Official series.', 'en', ?2, ?2)`,
        )
        .bind(id(i), now),
    ]);
  }
  const timed = async (path) => {
    const t = performance.now();
    const res = await fetch(app.origin + path);
    await res.arrayBuffer();
    // A number for a refusal would measure nothing: stop.
    if (res.status !== 200 || res.headers.get('content-type') !== 'image/png')
      throw new Error(`${path}: ${res.status} ${res.headers.get('content-type')}`);
    return { ms: performance.now() - t, res };
  };
  const cold = await timed(`/claims/${id(0)}/og.png`);
  console.log(
    `share image cold (first in the isolate: wasm + fonts + render): ${cold.ms.toFixed(0)} ms, ${cold.res.status} ${cold.res.headers.get('server-timing')}`,
  );
  const warm = [];
  for (let i = 1; i <= RENDERS; i++) warm.push((await timed(`/claims/${id(i)}/og.png`)).ms);
  warm.sort((a, b) => a - b);
  console.log(
    `share image render (new claim, warm isolate): median ${warm[Math.floor(warm.length / 2)].toFixed(0)} ms over ${RENDERS}`,
  );
  const hit = await timed(`/claims/${id(0)}/og.png`);
  console.log(
    `share image cached: ${hit.ms.toFixed(1)} ms, ${hit.res.headers.get('server-timing')}`,
  );

  const load = (url) =>
    autocannon({ url, connections: CONNECTIONS, duration: DURATION_S }).then(
      (r) => r.requests.average,
    );
  const hello = await load(`${bare.origin}/`);
  const images = await load(`${app.origin}/claims/${id(0)}/og.png`);
  console.log(
    `cached share image: ${images.toFixed(0)} req/s; bare hello-world: ${hello.toFixed(0)} req/s; ratio ${(images / hello).toFixed(2)}`,
  );
} finally {
  await app.close();
  await bare.close();
}
