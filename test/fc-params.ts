/**
 * fast-check parameters for the property tests. CI runs each property `numRuns` times with a random
 * seed (fast-check prints the seed and the shrunk counterexample of a failure). A deep local run
 * multiplies every property's runs and may fix the seed:
 *
 *   FC_NUM_RUNS_FACTOR=50 FC_SEED=42 npm run props -- test/embeds/badge-svg.test.ts
 *
 * (`npm run props` passes them on as VITE_FC_NUM_RUNS_FACTOR / VITE_FC_SEED: only VITE_-prefixed
 * variables reach the Workers pool, through import.meta.env). The factor never lowers the runs.
 */
const vars = (import.meta as { env?: Record<string, string | undefined> }).env ?? {};

function envInteger(name: string): number | undefined {
  const raw = vars[`VITE_${name}`] ?? vars[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** How many times more runs than CI (1 unless FC_NUM_RUNS_FACTOR is a larger integer). */
export const RUNS_FACTOR = Math.max(1, envInteger('FC_NUM_RUNS_FACTOR') ?? 1);

const SEED = envInteger('FC_SEED');

/** `{ numRuns }` for `fc.assert`: `numRuns` in CI, × FC_NUM_RUNS_FACTOR locally; FC_SEED if set. */
export function fcParams(numRuns = 100): { numRuns: number; seed?: number } {
  return SEED === undefined
    ? { numRuns: numRuns * RUNS_FACTOR }
    : { numRuns: numRuns * RUNS_FACTOR, seed: SEED };
}

/** A test's time limit that grows with the runs (a guard against hangs, not a speed check). */
export function fcTimeout(baseMs = 30_000): number {
  return baseMs * RUNS_FACTOR;
}
