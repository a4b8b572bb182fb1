// Synthetic data at scale, shared by `npm run scale` (scripts/scale.mjs) and the scale benchmark
// (test/bench/scale.bench.mjs). Claims are built from the word lists of scripts/lib/synthetic-claims.mjs
// (mixed Arabic / English / French, deterministic per index), their search key and text hash come
// from the app's own functions (worker/extract/normalize.ts, d1/claims.ts), and every row goes in
// through a D1 binding (wrangler's platform proxy or Miniflare), so the FTS triggers keep
// claims_fts in step exactly as in production. Nothing here can reach a remote database: callers
// pass a local binding.
import { createHash } from 'node:crypto';
import { importTs } from './import-ts.mjs';
import { claimText } from './synthetic-claims.mjs';

export { LANGS, claimText } from './synthetic-claims.mjs';

const RATINGS = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'misleading', 'unproven'];

/** Search words that occur in many claims (for benchmark queries), per language. */
export const SAMPLE_QUERIES = [
  'inflation minister',
  'unemployment capital',
  'chômage ministre',
  'dette publique',
  'التضخم',
  'البطالة العاصمة',
  'central bank 2024',
  'hospital waiting',
];

/**
 * Status of claim i (a desk's mix): 40% candidate, 10% submitted, 20% queued, 8% in_review,
 * 15% published, 5% rejected, 2% duplicate.
 */
export function statusOf(i) {
  const k = (i * 37) % 100;
  if (k < 40) return 'candidate';
  if (k < 50) return 'submitted';
  if (k < 70) return 'queued';
  if (k < 78) return 'in_review';
  if (k < 93) return 'published';
  if (k < 98) return 'rejected';
  return 'duplicate';
}

// Crockford base32 as in worker/lib/ids.ts (ascending ASCII, so fixed-width ids sort like numbers).
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const b32 = (n, width) => {
  let out = '';
  for (let k = 0; k < width; k++, n = Math.floor(n / 32)) out = ALPHABET[n % 32] + out;
  return out;
};
/** A 5-character run tag (ids of different runs never collide). */
export const newTag = () => b32(Date.now() % 32 ** 5, 5);
/** Public id of claim i in a run: 16 characters of the app's id alphabet (worker/lib/ids.ts ID_PATTERN). */
export const claimId = (tag, i) => `s${tag}${b32(i, 10)}`;

let helpers;
async function appHelpers() {
  if (!helpers) {
    const [{ searchKey, normalizeText }, { claimTextHash }] = await Promise.all([
      importTs('worker/extract/normalize.ts'),
      importTs('d1/claims.ts'),
    ]);
    // claimTextHash() is sha256Hex(normalizeText(text)) through WebCrypto, one await per claim; the
    // same hash computed synchronously is several times faster. Checked against the app's function.
    const textHash = (text) => createHash('sha256').update(normalizeText(text)).digest('hex');
    for (const i of [0, 1, 2, 12345]) {
      const { text } = claimText(i);
      if (textHash(text) !== (await claimTextHash(text)))
        throw new Error('text hash differs from d1/claims.ts claimTextHash()');
    }
    helpers = { searchKey, textHash };
  }
  return helpers;
}

/**
 * Insert `claims` synthetic claims with verdicts (published ones for published claims, a draft for
 * in_review; 1 in 6 published claims corrected), sources (2 for in_review/published, 1 for queued),
 * reader submissions (one per submitted claim, plus one for 1 in 10 published) and one audit row
 * per claim. `tag`: 5 characters making this run's ids unique. Returns { ms, tag }.
 */
export async function fillClaims(db, { claims, tag = newTag(), chunk = 5000, log = () => {} }) {
  const { searchKey, textHash } = await appHelpers();
  const t0 = performance.now();
  const base = Date.now() - claims * 60_000; // one claim a minute up to now
  const at = (i, plusSeconds = 0) => new Date(base + i * 60_000 + plusSeconds * 1000).toISOString();
  const rowsOf = (from, n) => {
    const rows = [];
    for (let i = from; i < from + n; i++) {
      const { lang, text } = claimText(i);
      const status = statusOf(i);
      const subs = status === 'submitted' || (status === 'published' && i % 10 === 0) ? 1 : 0;
      rows.push([
        claimId(tag, i),
        text,
        searchKey(text),
        textHash(text),
        lang,
        status,
        at(i),
        status === 'published' ? at(i, 3600) : null,
        subs,
        i % 4 === 0 ? 'person' : 'organization',
        // Check-worthiness score (null for 1 in 5) and a due date (1 in 4) for the queue's sorts.
        i % 5 === 0 ? null : ((i * 7919) % 1000) / 1000,
        i % 4 === 1 ? at(i + ((i * 31) % 20_000)).slice(0, 10) : null,
      ]);
    }
    return JSON.stringify(rows);
  };
  // Node builds the next chunk while D1 writes the current one.
  let pending = null;
  for (let from = 0; from < claims; from += chunk) {
    const n = Math.min(chunk, claims - from);
    const rows = rowsOf(from, n);
    if (pending) await pending;
    const lo = claimId(tag, from);
    const hi = claimId(tag, from + n - 1);
    const range = `c.id BETWEEN ?1 AND ?2`;
    pending = db
      .batch([
        // One statement per chunk: the rows travel as one JSON parameter.
        db
          .prepare(
            `INSERT INTO claims (id, text, search_text, text_hash, language, status, created_at, updated_at, published_at, submission_count,
             claimant, claimant_type, claim_date, appearances, score, due_date)
           SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 6, value ->> 7, value ->> 8,
             CASE value ->> 9 WHEN 'person' THEN 'Speaker ' || (key % 97) ELSE 'Organisation ' || (key % 53) END, value ->> 9,
             substr(value ->> 6, 1, 10), '["https://news.example/story"]', value ->> 10, value ->> 11
           FROM json_each(?1)`,
          )
          .bind(rows),
        db
          .prepare(
            `INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, created_at, published_at)
           SELECT c.id, 1, json_extract(?3, '$[' || (c.seq % 7) || ']'), 'The figure does not match the official series.',
             'The statistics office publishes the series monthly; the quoted number comes from a different period.', c.language,
             c.created_at, CASE WHEN c.status = 'published' THEN c.published_at END
           FROM claims c WHERE ${range} AND c.status IN ('published', 'in_review')`,
          )
          .bind(lo, hi, JSON.stringify(RATINGS)),
        db
          .prepare(
            `INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, correction_note, created_at, published_at)
           SELECT c.id, 2, 'mixed', 'Partly right', 'A revised series changed the picture.', c.language, 'The first version used an outdated series.',
             c.published_at, c.published_at
           FROM claims c WHERE ${range} AND c.status = 'published' AND c.seq % 6 = 0`,
          )
          .bind(lo, hi),
        db
          .prepare(
            `WITH k(j) AS (VALUES (1), (2))
           INSERT INTO sources (claim_id, url, title, publisher, excerpt, stance, created_at, updated_at)
           SELECT c.id, 'https://stats.example/table/' || c.seq || '/' || k.j, 'Statistics table ' || k.j, 'Statistics Office',
             'Annual change.', CASE k.j WHEN 1 THEN 'refutes' ELSE 'context' END, c.created_at, c.created_at
           FROM claims c, k WHERE ${range} AND (c.status IN ('published', 'in_review') OR (c.status = 'queued' AND k.j = 1))`,
          )
          .bind(lo, hi),
        db
          .prepare(
            `INSERT INTO submissions (id, claim_id, text, language, tracking_hash, ip_hash, created_new_claim, created_at)
           SELECT 'sub' || c.id, c.id, c.text, c.language, 'track' || c.id, 'ip' || (c.seq % 5000), c.status = 'submitted', c.created_at
           FROM claims c WHERE ${range} AND c.submission_count > 0`,
          )
          .bind(lo, hi),
        db
          .prepare(
            `INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, before, after, request_id)
           SELECT c.created_at, NULL, 'claim.create', 'claim', c.id, NULL, json_object('status', c.status), 'scale'
           FROM claims c WHERE ${range}`,
          )
          .bind(lo, hi),
      ])
      .then(() => log(from + n));
  }
  await pending;
  return { ms: performance.now() - t0, tag };
}

export const TABLES = [
  'claims',
  'claims_fts',
  'verdicts',
  'sources',
  'submissions',
  'audit_log',
  'users',
  'sessions',
];

/** Rows per table, and whether the FTS index agrees with the claims table. */
export async function describeDatabase(db) {
  const counts = {};
  for (const t of TABLES)
    counts[t] = (await db.prepare(`SELECT count(*) AS n FROM ${t}`).first()).n;
  let fts = 'ok';
  try {
    await db.prepare(`INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')`).run();
  } catch (err) {
    fts = `FAILED: ${err.message}`;
  }
  return { counts, fts };
}
