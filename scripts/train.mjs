// `npm run train`: trains the check-worthiness model of worker/extract/model.ts and writes
// worker/extract/model-weights.ts. Node only, no network, deterministic (seeded shuffles: re-running
// on the same data writes the same file).
//
// Trained on, and only on:
//   - the project's own set (test/data/extract/*.tsv) minus its held-out articles (scripts/lib/extract-data.mjs);
//   - the project's training-only sentences (test/data/extract/social-ar.tsv, debate-en.tsv, debate-fr.tsv:
//     short Arabic social-media posts and spoken debate sentences, written for the project);
//   - ClaimBuster's english-dev.tsv (CC BY 4.0), read from ../shared/data/checkworthiness/ or --claimbuster FILE.
// Never on english-test.tsv or arabic-tweets-dev.tsv: those are for `npm run eval -- --tsv` only.
//
// Method: logistic regression, Adagrad, L2, over the inputs `sentenceInputs` builds (the same function
// scoring uses). The L2 strength, the epochs and the blend with the hand-weighted rules (alpha) are
// picked by 5-fold cross-validation on the training data (folds by article / by sentence id / by block of
// 1,000 ClaimBuster sentence ids, i.e. by debate), by the
// mean of the per-source APs (project articles, ClaimBuster, each training-only file), so no source
// is won at another's expense; a source's weight in the loss (WEIGHTS) is picked the same way.
import { importTs } from './lib/import-ts.mjs';
import { fnv1a, loadProjectSet, loadTrainingSentences, unquote } from './lib/extract-data.mjs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const CLAIMBUSTER =
  flag('--claimbuster') ?? join(root, '../shared/data/checkworthiness/english-dev.tsv');
const OUT = join(root, 'worker/extract/model-weights.ts');
const quiet = args.includes('--quiet');

const engine = await importTs('worker/extract/score.ts');
const { BITS, DENSE_IDS, LEVELS, LEVEL_ZERO } = await importTs('worker/extract/model.ts');
const SIZE = 1 << BITS;

/** Samples: { group, source, lang, label, x } where x are the model's inputs. */
const samples = [];
let heldOutArticles = 0;
for (const a of loadProjectSet(root)) {
  if (a.heldOut) {
    heldOutArticles++;
    continue;
  }
  for (const r of a.rows)
    samples.push({ group: a.id, source: 'project', lang: a.lang, label: r.label, text: r.text });
}
const projectCount = samples.length;
for (const t of loadTrainingSentences(root))
  samples.push({ group: t.id, source: t.source, lang: t.lang, label: t.label, text: t.text });
const sentenceCount = samples.length - projectCount;
if (!existsSync(CLAIMBUSTER))
  throw new Error(`ClaimBuster english-dev.tsv not found at ${CLAIMBUSTER} (--claimbuster FILE)`);
{
  const lines = readFileSync(CLAIMBUSTER, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const header = lines[0].split('\t').map((h) => h.trim().toLowerCase());
  const textCol = header.indexOf('text');
  const labelCol = header.indexOf('class_label');
  if (textCol < 0 || labelCol < 0) throw new Error(`unexpected header in ${CLAIMBUSTER}`);
  for (const line of lines.slice(1)) {
    const c = line.split('\t');
    const id = unquote(c[0] ?? '');
    // Grouped by blocks of 1,000 sentence ids: ClaimBuster numbers a debate's sentences in a row, so
    // a block is (mostly) one debate, and a fold is scored on debates it never saw — like a test set.
    samples.push({
      group: `cb-${Math.floor(Number(id) / 1000)}`,
      source: 'claimbuster',
      lang: 'en',
      label: /^yes$/i.test(unquote(c[labelCol] ?? '')),
      text: unquote(c[textCol] ?? ''),
    });
  }
}
for (const s of samples) s.x = engine.sentenceInputs(s.text, s.lang);

/** A small seeded generator (mulberry32), so shuffles are the same on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sigmoid = (z) => 1 / (1 + Math.exp(-z));

function margin(model, x) {
  let z = 0;
  for (let i = 0; i < x.dense.length; i++) z += x.dense[i] * model.dense[i];
  for (let i = 0; i < x.hashed.length; i++) z += model.hashed[x.hashed[i]] * x.hashedValue[i];
  return z;
}

/**
 * Adagrad on the logistic loss with L2 (applied lazily to the weights an example touches). An
 * example's loss counts `weights[source]` times (1 when its source is not named).
 */
function train(data, { l2, epochs, weights = {}, rate = 0.3, seed = 13 }) {
  const model = {
    hashed: new Float64Array(SIZE),
    dense: new Float64Array(DENSE_IDS.length),
  };
  const gHashed = new Float64Array(SIZE).fill(1e-8);
  const gDense = new Float64Array(DENSE_IDS.length).fill(1e-8);
  const order = data.map((_, i) => i);
  const random = rng(seed);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const { x, label, source } = data[k];
      const err = (sigmoid(margin(model, x)) - (label ? 1 : 0)) * (weights[source] ?? 1);
      for (let i = 0; i < x.dense.length; i++) {
        if (x.dense[i] === 0) continue;
        const g = err * x.dense[i] + (i === 0 ? 0 : l2 * model.dense[i]);
        gDense[i] += g * g;
        model.dense[i] -= (rate * g) / Math.sqrt(gDense[i]);
      }
      for (let i = 0; i < x.hashed.length; i++) {
        const h = x.hashed[i];
        const g = err * x.hashedValue[i] + l2 * model.hashed[h];
        gHashed[h] += g * g;
        model.hashed[h] -= (rate * g) / Math.sqrt(gHashed[h]);
      }
    }
  }
  return model;
}

function averagePrecision(items) {
  const ranked = [...items].sort((a, b) => b.score - a.score);
  const positives = ranked.filter((x) => x.label).length;
  let hits = 0;
  let sum = 0;
  ranked.forEach((x, i) => {
    if (x.label) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return positives ? sum / positives : NaN;
}

const RULES = DENSE_IDS.indexOf('rules');
/** The blended log-odds the Worker computes (model.ts `modelScore`). */
const blended = (model, x, alpha) => (1 - alpha) * margin(model, x) + alpha * x.dense[RULES] * 4;

// Cross-validation: 5 folds by group, scored per source (AP); the mean of the sources' APs decides
// (project articles, ClaimBuster, and each training-only file: social-ar, debate-en, debate-fr).
const FOLDS = 5;
const foldOf = (s) => fnv1a(s.group) % FOLDS;
const SOURCES = [...new Set(samples.map((s) => s.source))];
const LANGS = ['ar', 'en', 'fr'];
// Source weightings tried: every source alike, or the training-only files counted more (they are the
// genres the project set lacks: short social posts, spoken debate).
const WEIGHTINGS = [
  {},
  { 'social-ar': 2, 'debate-en': 2, 'debate-fr': 2 },
  { 'social-ar': 4, 'debate-en': 2, 'debate-fr': 2 },
];
const GRID = [];
for (const l2 of (flag('--l2') ?? '1e-3,3e-3,1e-2,3e-2,1e-1,3e-1').split(',').map(Number))
  for (const epochs of (flag('--epochs') ?? '5,10,20,40').split(',').map(Number))
    for (const weights of WEIGHTINGS) GRID.push({ l2, epochs, weights });
const ALPHAS = [0, 0.25, 0.5, 0.75];
const apOf = (items) => averagePrecision(items);
let best = null;
for (const params of GRID) {
  const scored = ALPHAS.map(() => samples.map(() => 0));
  for (let f = 0; f < FOLDS; f++) {
    const model = train(
      samples.filter((s) => foldOf(s) !== f),
      params,
    );
    samples.forEach((s, k) => {
      if (foldOf(s) === f)
        ALPHAS.forEach((alpha, a) => (scored[a][k] = blended(model, s.x, alpha)));
    });
  }
  ALPHAS.forEach((alpha, a) => {
    const items = samples.map((s, k) => ({ ...s, score: scored[a][k] }));
    const bySource = Object.fromEntries(
      SOURCES.map((src) => [src, apOf(items.filter((s) => s.source === src))]),
    );
    const byLang = Object.fromEntries(
      LANGS.map((l) => [l, apOf(items.filter((s) => s.lang === l))]),
    );
    const mean = SOURCES.reduce((sum, src) => sum + bySource[src], 0) / SOURCES.length;
    if (!quiet)
      console.log(
        `  cv l2=${params.l2} epochs=${params.epochs} weights=${JSON.stringify(params.weights)} alpha=${alpha}: ${SOURCES.map((src) => `${src} ${bySource[src].toFixed(3)}`).join(', ')}; mean ${mean.toFixed(3)}`,
      );
    if (!best || mean > best.mean + 1e-9) best = { ...params, alpha, mean, bySource, byLang };
  });
}
const cvSummary = `${SOURCES.map((src) => `${src} ${best.bySource[src].toFixed(3)}`).join(', ')}; per language ${LANGS.map((l) => `${l} ${best.byLang[l].toFixed(3)}`).join(', ')}`;
console.log(
  `picked by 5-fold cross-validation: l2=${best.l2} epochs=${best.epochs} weights=${JSON.stringify(best.weights)} alpha=${best.alpha}\n  cv AP ${cvSummary}`,
);

const model = train(samples, best);
// Quantize the hashed table to integer levels in [-LEVELS, LEVELS] with one scale, one character per
// weight (model.ts reads level = code - LEVEL_ZERO); dense weights keep 4 decimals.
let max = 0;
for (const w of model.hashed) max = Math.max(max, Math.abs(w));
const scale = max / LEVELS || 1;
let hashedLevels = '';
for (let i = 0; i < SIZE; i++)
  hashedLevels += String.fromCharCode(LEVEL_ZERO + Math.round(model.hashed[i] / scale));
const dense = [...model.dense].map((w) => Math.round(w * 1e4) / 1e4);

const file = `// Generated by \`npm run train\` (scripts/train.mjs): do not edit by hand; re-run it after changing the
// data, worker/extract/model.ts, features.ts or the lexicons.
//
// Logistic regression over ${SIZE.toLocaleString('en')} hashed word/character n-gram weights (levels −${LEVELS}…${LEVELS} × SCALE, one
// character each: code − ${LEVEL_ZERO}) and
// ${DENSE_IDS.length} dense explainable inputs (DENSE, in the order of DENSE_IDS in model.ts).
// Trained on ${projectCount} sentences of the project's own set (test/data/extract/, ${heldOutArticles} held-out
// articles left out), ${sentenceCount} training-only sentences written for the project (social-ar,
// debate-en, debate-fr) and ${samples.length - projectCount - sentenceCount} sentences of ClaimBuster english-dev.tsv:
//   ClaimBuster dataset — Arslan, Hassan, Li, Tremayne, "A Benchmark Dataset of Check-worthy Factual
//   Claims", ICWSM 2020, Zenodo 10.5281/zenodo.3609356, licensed CC BY 4.0.
// Picked by 5-fold cross-validation on that training data: l2 ${best.l2}, ${best.epochs} epochs, blend alpha ${best.alpha},
// source weights ${JSON.stringify(best.weights)}; cv AP ${cvSummary}.
export const SCALE = ${scale};
export const ALPHA = ${best.alpha};
export const DENSE: readonly number[] = ${JSON.stringify(dense)};
export const HASHED =
  '${hashedLevels}';
`;
// Written as prettier would format it, so `npm run format` leaves the generated file alone.
const prettier = await import('prettier');
const formatted = await prettier.format(file, {
  ...(await prettier.resolveConfig(OUT)),
  filepath: OUT,
});
writeFileSync(OUT, formatted);
console.log(
  `wrote ${OUT.slice(root.length)}: ${(Buffer.byteLength(formatted) / 1024).toFixed(1)} KB, ${samples.length} training sentences (${projectCount} project, ${sentenceCount} training-only, ${samples.length - projectCount - sentenceCount} ClaimBuster)`,
);
