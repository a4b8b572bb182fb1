// `npm run eval`: measures the claim extractor (worker/extract/) against labelled sentences.
//   npm run eval                      project set (the article files of test/data/extract: ar.tsv, en.tsv, fr.tsv): per-language AP, mean P@5 per article (raw and normalized by the best possible), type accuracy
//   npm run eval -- --tsv FILE [--lang en]   an outside file (Sentence_id/Text/class_label or tweet_id/tweet_url/tweet_text/class_label)
//   npm run eval -- --tsv FILE --split tune|report   only the rows whose id hashes to that half (FNV-1a of the
//     first column, even = tune, odd = report): tune on one half, report the other as held out.
//     Without --split, an outside file also prints AP on each half beside its base rate.
// The engine is bundled with esbuild to a temp file and imported, exactly as the Worker would run it.
import { importTs } from './lib/import-ts.mjs';
import { readFileSync } from 'node:fs';

// `npm run eval -- matching`: the claim matching set instead (scripts/eval-matching.mjs).
if (process.argv[2] === 'matching') {
  await import('./eval-matching.mjs');
  process.exit(0);
}

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** Average precision of a ranking: items sorted by score desc (ties keep input order). */
function averagePrecision(items) {
  const ranked = [...items].sort((a, b) => b.score - a.score);
  const positives = ranked.filter((x) => x.label).length;
  if (positives === 0) return NaN;
  let hits = 0;
  let sum = 0;
  ranked.forEach((x, i) => {
    if (x.label) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / positives;
}

/**
 * A 95% percentile-bootstrap interval of the average precision (rows resampled with replacement,
 * a fixed seed so a run repeats): how much of a difference between two models one file can show.
 */
function apInterval(items, resamples = 1000) {
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return seed / 2 ** 32;
  };
  const aps = [];
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from(items, () => items[Math.floor(random() * items.length)]);
    const ap = averagePrecision(sample);
    if (!Number.isNaN(ap)) aps.push(ap);
  }
  aps.sort((a, b) => a - b);
  return [aps[Math.floor(aps.length * 0.025)], aps[Math.ceil(aps.length * 0.975) - 1]];
}

function precisionAt(items, k) {
  const top = [...items].sort((a, b) => b.score - a.score).slice(0, k);
  return top.filter((x) => x.label).length / Math.max(1, top.length);
}

/** One TSV field, with the CSV-style quoting some exports use ("" inside "..."). */
function unquote(field) {
  const f = field.trim();
  return f.length >= 2 && f.startsWith('"') && f.endsWith('"')
    ? f.slice(1, -1).replace(/""/g, '"')
    : f;
}

/** FNV-1a (32-bit) of a string: a stable, platform-independent hash to split rows by their id. */
function fnv1a(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
const half = (id) => (fnv1a(id) % 2 === 0 ? 'tune' : 'report');

const fmt = (x) => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));

async function outsideFile(engine, path) {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const header = lines[0].split('\t').map((h) => h.trim().toLowerCase());
  const textCol = header.indexOf(header.includes('tweet_text') ? 'tweet_text' : 'text');
  const labelCol = header.indexOf('class_label');
  if (textCol < 0 || labelCol < 0) throw new Error(`unknown header in ${path}: ${lines[0]}`);
  const split = flag('--split');
  if (split !== undefined && split !== 'tune' && split !== 'report')
    throw new Error(`--split must be tune or report, not ${split}`);
  const all = lines
    .slice(1)
    .map((l) => l.split('\t'))
    .map((c) => ({
      id: unquote(c[0] ?? ''),
      text: unquote(c[textCol] ?? ''),
      label: /^yes$/i.test(unquote(c[labelCol] ?? '')),
    }));
  const rows = split ? all.filter((r) => half(r.id) === split) : all;
  let lang = flag('--lang');
  if (!lang) {
    const votes = {};
    for (const r of rows.slice(0, 200))
      votes[engine.detectLanguage(r.text)] = (votes[engine.detectLanguage(r.text)] ?? 0) + 1;
    lang = Object.entries(votes).sort((a, b) => b[1] - a[1])[0][0];
  }
  const scored = rows.map((r) => ({ ...r, score: engine.scoreSentence(r.text, lang).score }));
  const baseOf = (xs) => xs.filter((r) => r.label).length / xs.length;
  console.log(
    `${path}${split ? ` (split ${split})` : ''}\n  language ${lang}, ${scored.length} rows, base rate ${fmt(baseOf(scored))}`,
  );
  const [low, high] = apInterval(scored);
  console.log(
    `  AP ${fmt(averagePrecision(scored))}   (an all-yes or random ranking scores about the base rate)`,
  );
  console.log(`  AP 95% bootstrap interval ${fmt(low)}-${fmt(high)} (1,000 resamples of the rows)`);
  console.log(`  P@10% ${fmt(precisionAt(scored, Math.round(scored.length / 10)))}`);
  if (!split) {
    for (const h of ['tune', 'report']) {
      const part = scored.filter((r) => half(r.id) === h);
      console.log(
        `  ${h.padEnd(6)} half: ${String(part.length).padStart(4)} rows, base rate ${fmt(baseOf(part))}, AP ${fmt(averagePrecision(part))}`,
      );
    }
  }
  if (args.includes('--errors')) {
    const ranked = [...scored].sort((a, b) => b.score - a.score);
    const pos = scored.filter((r) => r.label).length;
    ranked.forEach((x, i) => {
      const wrong = x.label ? i >= pos : i < pos;
      if (wrong)
        console.log(
          `    ${x.label ? 'YES' : 'no '} ${x.score.toFixed(2)} ${engine.scoreSentence(x.text, lang).why.join(',')} | ${x.text.slice(0, 140)}`,
        );
    });
  }
}

// The project set and its held-out articles (the same split `npm run train` leaves out).
const { loadProjectSet, buildArticle, projectFiles } = await import('./lib/extract-data.mjs');

function projectSet(engine) {
  // Per part (tune = trained on, held-out = never tuned on) and language.
  const groups = {};
  for (const a of loadProjectSet(root)) {
    const { text, spans } = buildArticle(a.rows);
    const { candidates } = engine.extractClaims(text, {
      language: a.lang,
      minScore: 0,
      limit: 1000,
    });
    const items = a.rows.map((r, i) => {
      const s = spans[i];
      const hit = candidates
        .filter((c) => c.start < s.end && c.end > s.start)
        .sort((x, y) => y.score - x.score)[0];
      return {
        label: r.label,
        type: r.type,
        score: hit ? hit.score : -1,
        predicted: hit?.type ?? null,
        text: r.text,
        article: a.id,
      };
    });
    for (const key of [
      `${a.heldOut ? 'held-out' : 'tune'} ${a.lang}`,
      a.heldOut ? 'held-out all' : 'tune all',
    ]) {
      const g = (groups[key] ??= { items: [], p5: [], best5: [], p5norm: [], articles: 0 });
      g.items.push(...items);
      g.p5.push(precisionAt(items, 5));
      // The best P@5 any ranking could reach (an article with 4 check-worthy sentences tops out at 0.8).
      const best5 = Math.min(5, items.filter((x) => x.label).length) / Math.min(5, items.length);
      g.best5.push(best5);
      // Normalized: the article's P@5 over the best any ranking could reach there (1 = as good as
      // possible); an article with no check-worthy row has nothing to find and is left out of it.
      if (best5 > 0) g.p5norm.push(precisionAt(items, 5) / best5);
      g.articles++;
    }
  }
  const files = projectFiles(root);
  console.log(
    `project set (test/data/extract: ${files.join(', ')}): part      lang  articles  sentences  base   AP     meanP@5 (best possible)  P@5 normalized  type-acc(check-worthy)`,
  );
  const order = Object.keys(groups).sort((x, y) => (x < y ? 1 : -1));
  for (const key of order) {
    const v = groups[key];
    const [part, lang] = key.split(' ');
    const pos = v.items.filter((x) => x.label);
    const typeAcc = pos.filter((x) => x.predicted === x.type).length / pos.length;
    const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
    console.log(
      `  ${part.padEnd(8)}  ${lang.padEnd(4)}  ${String(v.articles).padStart(3)}       ${String(v.items.length).padStart(4)}      ${fmt(pos.length / v.items.length)}  ${fmt(averagePrecision(v.items))}  ${fmt(mean(v.p5))} (${fmt(mean(v.best5))})  ${fmt(mean(v.p5norm))}           ${fmt(typeAcc)}`,
    );
    if (args.includes('--errors') && lang !== 'all') {
      const ranked = [...v.items].sort((a, b) => b.score - a.score);
      ranked.forEach((x, i) => {
        const wrong = x.label ? i >= pos.length : i < pos.length;
        if (wrong || (x.label && x.predicted !== x.type))
          console.log(
            `    ${x.label ? 'YES' : 'no '} ${x.score.toFixed(2)} ${x.type}/${x.predicted} ${x.article} ${x.text.slice(0, 110)}`,
          );
      });
    }
  }
  console.log(
    '  (P@5 normalized = mean over articles of P@5 / the best P@5 possible in that article. tune = what npm run train learns from; held-out = stories 10 11 13 14 17 19 20 21 22 30 31 37 44 45 in every language, never trained or tuned on: scripts/lib/extract-data.mjs)',
  );
}

const engine = await importTs('worker/extract/index.ts');
const tsv = flag('--tsv');
if (tsv) await outsideFile(engine, tsv);
else projectSet(engine);
