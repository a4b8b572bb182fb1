// Extraction benchmark: CPU time of extractClaims per article for ~1 KB, 5 KB and 50 KB articles in
// Arabic, English and French, built from the project's own labelled sentences (test/data/extract/).
// Budget (DESIGN.md): under 2 ms CPU for a 5,000-character article, linear in length (50KB/5KB ≈ 10).
// The engine is bundled with esbuild exactly as in scripts/eval.mjs. Prints numbers, asserts nothing.
//
// What it reports, per language and size: the MEDIAN of SAMPLES samples (each sample = enough calls
// for MIN_SAMPLE_MS of CPU, divided by the number of calls) and, in brackets, the FIRST QUARTILE (the
// 25th percentile: the least-contended quarter of the samples, less swayed by other processes on a
// shared machine than the median, steadier than the single fastest sample). Every sample is kept.
// Samples are taken in rounds that visit every language and size once (in a rotating order), so a
// swing in machine speed touches all cells alike and their ratios stay comparable within one run.
import { importTs } from '../../scripts/lib/import-ts.mjs';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const SIZES = [1_000, 5_000, 50_000];
const SAMPLES = 61;
const MIN_SAMPLE_MS = 8;

/** The labelled sentences of one language, in file order. */
function sentences(lang) {
  const lines = readFileSync(join(root, `test/data/extract/${lang}.tsv`), 'utf8')
    .split(/\r?\n/)
    .slice(1);
  return lines.map((l) => l.split('\t')[4]).filter(Boolean);
}

/** An article of about `size` characters: sentences cycled, a paragraph break every four. */
function article(list, size) {
  let text = '';
  for (let i = 0; text.length < size; i++)
    text += list[i % list.length] + (i % 4 === 3 ? '\n\n' : ' ');
  return text;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** How many calls of `fn` make one sample of at least MIN_SAMPLE_MS (after a warm-up). */
function calibrate(fn) {
  for (let i = 0; i < 20; i++) fn();
  let reps = 1;
  for (;;) {
    const t = cpuMs();
    for (let i = 0; i < reps; i++) fn();
    if (cpuMs() - t >= MIN_SAMPLE_MS) return reps;
    reps *= 2;
  }
}

/** CPU milliseconds per call of one sample. */
function sampleOnce(fn, reps) {
  const t = cpuMs();
  for (let i = 0; i < reps; i++) fn();
  return (cpuMs() - t) / reps;
}

const stats = (per) => {
  const sorted = [...per].sort((a, b) => a - b);
  return { median: sorted[sorted.length >> 1], q1: sorted[sorted.length >> 2] };
};

/** Median CPU milliseconds per call, over SAMPLES samples of enough calls to be measurable. */
function measure(fn) {
  const reps = calibrate(fn);
  const per = [];
  for (let s = 0; s < SAMPLES; s++) per.push(sampleOnce(fn, reps));
  return stats(per);
}

const engine = await importTs('worker/extract/index.ts');
console.log(
  `extractClaims, CPU ms per article: median of ${SAMPLES} samples [first quartile], languages and sizes interleaved, Node ${process.version}`,
);
console.log(
  'lang   ~1 KB            ~5 KB            ~50 KB           50KB/5KB     candidates@5KB   segment-only@5KB',
);
const LANGS = ['ar', 'en', 'fr'];
const cases = [];
for (const lang of LANGS) {
  const list = sentences(lang);
  for (const size of SIZES) {
    const text = article(list, size);
    const fn = () => engine.extractClaims(text, { language: lang, minScore: 0, limit: 10_000 });
    cases.push({ lang, size, fn, reps: calibrate(fn), per: [] });
  }
}
for (let s = 0; s < SAMPLES; s++)
  for (let k = 0; k < cases.length; k++) {
    const c = cases[(k + s) % cases.length];
    c.per.push(sampleOnce(c.fn, c.reps));
  }
for (const lang of LANGS) {
  const mine = cases.filter((c) => c.lang === lang);
  const r = Object.fromEntries(mine.map((c) => [c.size, stats(c.per)]));
  const cells = SIZES.map((size) =>
    `${r[size].median.toFixed(3)} [${r[size].q1.toFixed(3)}]`.padEnd(17),
  );
  const text5 = article(sentences(lang), 5_000);
  const found = engine.extractClaims(text5, { language: lang, minScore: 0, limit: 10_000 })
    .candidates.length;
  const seg = measure(() => engine.segmentSentences(text5, lang)).median;
  const ratio = r[50_000].median / r[5_000].median;
  const q1Ratio = r[50_000].q1 / r[5_000].q1;
  console.log(
    `${lang}     ${cells.join('')}${ratio.toFixed(1).padStart(5)} [${q1Ratio.toFixed(1)}]   ${String(found).padStart(8)}          ${seg.toFixed(3)}`,
  );
}
const sample = article(sentences('en'), 5_000);
console.log(
  `\ndetectLanguage on 5 KB: ${measure(() => engine.detectLanguage(sample)).median.toFixed(4)} ms (reads the first 2,000 characters only)`,
);
// The floor no extractor on this runtime goes under: ICU's sentence segmentation of the same 5 KB.
const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
const floor = measure(() => {
  let n = 0;
  for (const s of icu.segment(sample)) n += s.index;
  return n;
}).median;
console.log(
  `Intl.Segmenter alone on 5 KB: ${floor.toFixed(3)} ms. Load average while measuring: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on 2 cores (shared machines inflate every number).`,
);
