// `npm run eval -- matching`: measures claim matching (d1/matches.ts) on the labelled matching set
// of test/data/matching/ (see its README). The real findMatches runs inside a bundled Worker served
// by Miniflare against a local in-memory D1 with the real migrations, so retrieval (FTS5) is
// measured together with the re-ranker. Every claim of claims.tsv is stored as published; each
// pair's query is matched like the public form does (publishedOnly), and its ranked answers are
// compared with the pair's claim.
//   npm run eval -- matching                 held-out half (FNV-1a of the pair id odd) and all pairs
//   npm run eval -- matching --split tune    the tuning half, with a threshold sweep (calibration)
//   npm run eval -- matching --errors        also list the held-out pairs the matcher gets wrong
//   npm run eval -- matching --filler N      N synthetic claims stored beside the set (default 5000,
//     the benchmark's generator: same topics, shared vocabulary), so retrieval has to pick
// Metrics, per pair kind and per language of the published claim:
//   recall@1 / recall@5: the pair's claim is the first / among the first five answers, whatever
//     their score (positive pairs only);
//   P@thr / R@thr at the one threshold (MATCH_THRESHOLD): a query "answers" when its first match
//     reaches the threshold; precision = answers that name the pair's claim of a positive pair /
//     all answers (a negative pair's answer is always wrong); recall = positive pairs answered right.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimText } from './lib/synthetic-claims.mjs';
import { startBundledWorker } from '../test/bench/lib/worker-server.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** FNV-1a (32-bit), the same split as scripts/eval.mjs: even = tune, odd = report (held out). */
function fnv1a(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
export const half = (id) => (fnv1a(id) % 2 === 0 ? 'tune' : 'report');

function readTsv(file) {
  const [head, ...lines] = readFileSync(join(root, 'test/data/matching', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const cols = head.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
}

const workerSource = `
import { findMatchesMany } from './d1/matches';
import { claimTextHash } from './d1/claims';
import { searchKey } from './worker/extract/normalize';
import { MATCH_THRESHOLD } from './worker/match/similarity';

export default {
  async fetch(req, env) {
    const url = new URL(req.url);
    const body = await req.json();
    if (url.pathname === '/seed') {
      const now = new Date().toISOString();
      const rows = [];
      for (const c of body) rows.push([c.id, c.text, searchKey(c.text), await claimTextHash(c.text), c.lang]);
      await env.DB.prepare(
        "INSERT INTO claims (id, text, search_text, text_hash, language, status, created_at, updated_at, published_at) " +
        "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, 'published', ?2, ?2, ?2 FROM json_each(?1)",
      ).bind(JSON.stringify(rows), now).run();
      return Response.json({ inserted: rows.length, threshold: MATCH_THRESHOLD });
    }
    // One query per findMatches call (as /submit does), threshold 0 so the ranking is visible.
    const out = [];
    for (const text of body) {
      const [found] = await findMatchesMany(env.DB, [text], { publishedOnly: true, limit: 5, threshold: 0 });
      out.push(found.map((m) => ({ id: m.id, s: m.similarity })));
    }
    return Response.json(out);
  },
};
`;

const claims = readTsv('claims.tsv');
const pairs = readTsv('pairs.tsv').map((p) => ({
  ...p,
  label: p.label === '1',
  claimLang: claims.find((c) => c.id === p.claim)?.lang,
}));
for (const p of pairs) if (!p.claimLang) throw new Error(`pair ${p.id}: no claim ${p.claim}`);

const { mf, close } = await startBundledWorker({
  label: 'eval-matching',
  source: workerSource,
  persist: false,
  bindings: {},
});
let answers;
let threshold;
try {
  const post = async (path, body) => {
    const res = await mf.dispatchFetch(`http://eval${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  ({ threshold } = await post('/seed', claims));
  const filler = Number(flag('--filler') ?? 5000);
  for (let from = 0; from < filler; from += 1000) {
    const chunk = [];
    for (let i = from; i < Math.min(filler, from + 1000); i++)
      chunk.push({ id: `syn${i}`, ...claimText(i) });
    await post('/seed', chunk);
  }
  answers = await post(
    '/match',
    pairs.map((p) => p.query),
  );
} finally {
  await close();
}
threshold = Number(flag('--threshold') ?? threshold);
pairs.forEach((p, i) => (p.found = answers[i]));

function score(ps, thr) {
  const pos = ps.filter((p) => p.label);
  const r1 = pos.filter((p) => p.found[0]?.id === p.claim).length;
  const r5 = pos.filter((p) => p.found.some((m) => m.id === p.claim)).length;
  let answered = 0;
  let right = 0;
  for (const p of ps) {
    const top = p.found[0];
    if (!top || top.s < thr) continue;
    answered++;
    if (p.label && top.id === p.claim) right++;
  }
  return { n: ps.length, pos: pos.length, r1, r5, answered, right };
}

const pct = (a, b) => (b === 0 ? '   n/a' : (a / b).toFixed(3).padStart(6));
function table(title, ps) {
  console.log(`\n${title} (${ps.length} pairs), threshold ${threshold}`);
  console.log(
    `  ${'group'.padEnd(18)} ${'pairs'.padStart(5)} ${'R@1'.padStart(6)} ${'R@5'.padStart(6)} ${'P@thr'.padStart(6)} ${'R@thr'.padStart(6)} ${'FP'.padStart(4)}`,
  );
  const row = (name, group) => {
    const s = score(group, threshold);
    console.log(
      `  ${name.padEnd(18)} ${String(s.n).padStart(5)} ${pct(s.r1, s.pos)} ${pct(s.r5, s.pos)} ${pct(s.right, s.answered)} ${pct(s.right, s.pos)} ${String(s.answered - s.right).padStart(4)}`,
    );
  };
  const kinds = ['rewording', 'fragment', 'numbers', 'reader', 'translation', 'negative'];
  for (const k of kinds)
    row(
      k,
      ps.filter((p) => p.kind === k),
    );
  for (const l of ['ar', 'en', 'fr'])
    row(
      `lang ${l}`,
      ps.filter((p) => p.claimLang === l),
    );
  row(
    'all but translation',
    ps.filter((p) => p.kind !== 'translation'),
  );
  row('all', ps);
}

function errors(title, ps) {
  console.log(`\n${title} answered wrong or missed at the threshold:`);
  for (const p of ps) {
    const top = p.found[0];
    const ok = p.label ? top?.id === p.claim && top.s >= threshold : !(top && top.s >= threshold);
    if (!ok)
      console.log(
        `  ${p.id.padEnd(10)} ${p.label ? 'pos' : 'neg'} top ${top ? `${top.id} ${top.s}` : '-'} | ${p.query}`,
      );
  }
}

const split = flag('--split');
if (split === 'tune') {
  const tune = pairs.filter((p) => half(p.id) === 'tune');
  if (args.includes('--errors')) errors('tune pairs', tune);
  table('tune half', tune);
  // Calibration: precision / recall / F1 of the lexical kinds (translations left out) per threshold.
  console.log('\nthreshold sweep on the tune half (translations left out):');
  const lex = tune.filter((p) => p.kind !== 'translation');
  for (let t = 0.2; t <= 0.901; t += 0.025) {
    const s = score(lex, t);
    const p = s.answered ? s.right / s.answered : 0;
    const r = s.right / s.pos;
    console.log(
      `  ${t.toFixed(3)}  P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)}  FP ${s.answered - s.right}`,
    );
  }
} else {
  const held = pairs.filter((p) => half(p.id) === 'report');
  table('held-out half', held);
  table('all pairs', pairs);
  if (args.includes('--errors')) errors('held-out pairs', held);
}
