// Extraction benchmark: CPU time of extractClaims per article for ~1 KB, 5 KB and 50 KB articles in
// Arabic, English and French, built from the project's own labelled sentences (test/data/extract/).
// Budget (DESIGN.md): under 2 ms CPU for a 5,000-character article, linear in length (50KB/5KB ≈ 10).
// The engine is bundled with esbuild exactly as in scripts/eval.mjs. Prints numbers, asserts nothing.
import { importTs } from '../../scripts/lib/import-ts.mjs';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const SIZES = [1_000, 5_000, 50_000];
const SAMPLES = 41;
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

/** Median CPU milliseconds per call, over SAMPLES samples of enough calls to be measurable. */
function measure(fn) {
  for (let i = 0; i < 20; i++) fn();
  let reps = 1;
  for (;;) {
    const t = cpuMs();
    for (let i = 0; i < reps; i++) fn();
    if (cpuMs() - t >= MIN_SAMPLE_MS) break;
    reps *= 2;
  }
  const per = [];
  for (let s = 0; s < SAMPLES; s++) {
    const t = cpuMs();
    for (let i = 0; i < reps; i++) fn();
    per.push((cpuMs() - t) / reps);
  }
  per.sort((a, b) => a - b);
  return { min: per[0], median: per[SAMPLES >> 1], p90: per[Math.floor(SAMPLES * 0.9)] };
}

const engine = await importTs('worker/extract/index.ts');
console.log(
  `extractClaims, CPU ms per article: median of ${SAMPLES} samples [least-contended sample], Node ${process.version}`,
);
console.log(
  'lang   ~1 KB            ~5 KB            ~50 KB           50KB/5KB     candidates@5KB   segment-only@5KB',
);
for (const lang of ['ar', 'en', 'fr']) {
  const list = sentences(lang);
  const cells = [];
  const medians = {};
  const mins = {};
  let found = 0;
  for (const size of SIZES) {
    const text = article(list, size);
    const r = measure(() =>
      engine.extractClaims(text, { language: lang, minScore: 0, limit: 10_000 }),
    );
    medians[size] = r.median;
    if (size === 5_000)
      found = engine.extractClaims(text, { language: lang, minScore: 0, limit: 10_000 }).candidates
        .length;
    mins[size] = r.min;
    cells.push(`${r.median.toFixed(3)} [${r.min.toFixed(3)}]`.padEnd(17));
  }
  const seg = measure(() => engine.segmentSentences(article(list, 5_000), lang)).median;
  const ratio = medians[50_000] / medians[5_000];
  const minRatio = mins[50_000] / mins[5_000];
  console.log(
    `${lang}     ${cells.join('')}${ratio.toFixed(1).padStart(5)} [${minRatio.toFixed(1)}]   ${String(found).padStart(8)}          ${seg.toFixed(3)}`,
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
