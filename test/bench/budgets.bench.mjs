// Budgets of DESIGN.md that belong to the whole Worker, printed beside the other benchmarks:
// bundle size (gzip, as `wrangler deploy` builds it) and start-up script time (median of 5 runs of
// `wrangler check startup`). Same scripts as `npm run check`, which fails above either budget.
import { spawnSync } from 'node:child_process';

for (const script of ['check-bundle.mjs', 'startup.mjs']) {
  const r = spawnSync(
    process.execPath,
    [new URL(`../../scripts/${script}`, import.meta.url).pathname, '--quiet'],
    { encoding: 'utf8' },
  );
  const lines = `${r.stdout}\n${r.stderr}`
    .split('\n')
    .filter((l) => /^(Worker bundle|Start-up script time|.*over its ceiling)/.test(l));
  console.log(lines.join('\n') || `${script} failed:\n${r.stdout}\n${r.stderr}`);
}
