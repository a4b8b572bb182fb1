import type { ClaimMatch } from './matches';

/**
 * Statuses whose claims are in the vector index: the claims the desk took on (submitted, queued,
 * in review, published, retracted). Article candidates (many sentences, most never checked),
 * rejected claims and duplicates (their original is indexed) stay lexical-only: embedding them
 * would cost neurons for claims nobody should be pointed to by meaning alone.
 */
export const SEARCHABLE_STATUSES = [
  'submitted',
  'queued',
  'in_review',
  'published',
  'retracted',
] as const;

const SEARCHABLE = `('${SEARCHABLE_STATUSES.join("', '")}')`;

/** A claim as the `claim.embed` job sees it, with what was last embedded for it. */
export interface EmbeddingState {
  id: string;
  text: string;
  text_hash: string;
  searchable: boolean;
  embedded_hash: string | null;
  model: string | null;
  status: string | null;
}

/** The claim and its embedding record, or null when the claim does not exist. */
export async function embeddingState(
  db: D1Database,
  claimId: string,
): Promise<EmbeddingState | null> {
  const row = await db
    .prepare(
      `SELECT c.id, c.text, c.text_hash, c.status IN ${SEARCHABLE} AS searchable,
         e.text_hash AS embedded_hash, e.model, e.status
       FROM claims c LEFT JOIN claim_embeddings e ON e.claim_id = c.id WHERE c.id = ?1`,
    )
    .bind(claimId)
    .first<Omit<EmbeddingState, 'searchable'> & { searchable: number }>();
  return row ? { ...row, searchable: row.searchable === 1 } : null;
}

/**
 * Up to `limit` claims the index is behind on: searchable claims never embedded, embedded from
 * another text or model, and indexed claims that are no longer searchable. A claim already queued
 * or failed is left alone for an hour (its job is pending or backing off), a dead one for a day.
 * The picked claims are marked queued in the same round trip's second statement.
 */
export async function claimsToEmbed(
  db: D1Database,
  model: string,
  now: Date,
  limit = 100,
): Promise<string[]> {
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const { results } = await db
    .prepare(
      `SELECT c.id FROM claims c LEFT JOIN claim_embeddings e ON e.claim_id = c.id
       WHERE ((c.status IN ${SEARCHABLE}
               AND (e.claim_id IS NULL OR e.status <> 'indexed' OR e.text_hash IS NOT c.text_hash OR e.model IS NOT ?1))
           OR (c.status NOT IN ${SEARCHABLE} AND e.status IN ('indexed', 'failed', 'queued')))
         AND (e.claim_id IS NULL OR e.status IN ('indexed', 'removed')
           OR (e.status IN ('queued', 'failed') AND coalesce(e.queued_at, '') < ?2)
           OR (e.status = 'dead' AND coalesce(e.queued_at, '') < ?3))
       ORDER BY c.seq LIMIT ?4`,
    )
    .bind(model, hourAgo, dayAgo, limit)
    .all<{ id: string }>();
  const ids = results.map((r) => r.id);
  if (ids.length > 0) await markQueued(db, ids, now);
  return ids;
}

/** Records that a `claim.embed` job was put on the queue for these claims. */
export async function markQueued(db: D1Database, ids: string[], now: Date): Promise<void> {
  await db
    .prepare(
      `INSERT INTO claim_embeddings (claim_id, status, queued_at)
       SELECT value, 'queued', ?2 FROM json_each(?1) WHERE value IN (SELECT id FROM claims)
       ON CONFLICT (claim_id) DO UPDATE SET status = 'queued', queued_at = excluded.queued_at`,
    )
    .bind(JSON.stringify(ids), now.toISOString())
    .run();
}

/** The claim's text (`textHash`) is in the index, embedded by `model`. */
export async function recordEmbedded(
  db: D1Database,
  claimId: string,
  textHash: string,
  model: string,
  now: Date,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO claim_embeddings (claim_id, text_hash, model, embedded_at, status, attempts)
       VALUES (?1, ?2, ?3, ?4, 'indexed', 0)
       ON CONFLICT (claim_id) DO UPDATE SET text_hash = ?2, model = ?3, embedded_at = ?4,
         status = 'indexed', attempts = 0, last_error = NULL`,
    )
    .bind(claimId, textHash, model, now.toISOString())
    .run();
}

/** The claim left the index (no longer searchable). */
export async function recordRemoved(db: D1Database, claimId: string, now: Date): Promise<void> {
  await db
    .prepare(
      `UPDATE claim_embeddings SET status = 'removed', text_hash = NULL, embedded_at = ?2,
         attempts = 0, last_error = NULL WHERE claim_id = ?1`,
    )
    .bind(claimId, now.toISOString())
    .run();
}

/**
 * An embedding or index call failed: counted, the message kept (a provider's message, no secrets).
 * `queued_at` becomes now: the queue's back-off owns the retry, so the sweep waits an hour (a day
 * once dead) before it queues the claim again.
 */
export async function recordEmbedFailure(
  db: D1Database,
  claimId: string,
  error: string,
  now: Date,
  dead = false,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO claim_embeddings (claim_id, status, attempts, last_error, queued_at) VALUES (?1, ?2, 1, ?3, ?5)
       ON CONFLICT (claim_id) DO UPDATE SET status = ?2, attempts = attempts + ?4, last_error = ?3, queued_at = ?5`,
    )
    .bind(claimId, dead ? 'dead' : 'failed', error.slice(0, 500), dead ? 0 : 1, now.toISOString())
    .run();
}

/** The embedding record of a claim (tests and the desk's diagnostics). */
export async function embeddingRecord(db: D1Database, claimId: string) {
  return db
    .prepare(
      `SELECT claim_id, text_hash, model, embedded_at, status, attempts, last_error
       FROM claim_embeddings WHERE claim_id = ?1`,
    )
    .bind(claimId)
    .first<{
      claim_id: string;
      text_hash: string | null;
      model: string | null;
      embedded_at: string | null;
      status: string;
      attempts: number;
      last_error: string | null;
    }>();
}

/** Filters of a match query that the vector index cannot apply (it holds ids and vectors only). */
export interface MatchRowFilters {
  excludeId?: string;
  excludeArticleId?: string;
  publishedOnly?: boolean;
}

/**
 * The claims behind vector-index hits, in the shape of d1/matches.ts (`similarity` is the
 * caller's): searchable claims only (an index lagging behind a rejection never surfaces the claim),
 * with the filters the lexical matcher applies. One query.
 */
export async function matchRowsByIds(
  db: D1Database,
  ids: string[],
  filters: MatchRowFilters,
): Promise<Omit<ClaimMatch, 'similarity'>[]> {
  if (ids.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT c.id, c.text, c.status, c.language,
         CASE WHEN c.status = 'published' THEN (SELECT v.rating_key FROM verdicts v
           WHERE v.claim_id = c.id AND v.published_at IS NOT NULL ORDER BY v.version DESC LIMIT 1) END AS published_rating
       FROM claims c WHERE c.id IN (SELECT value FROM json_each(?1)) AND c.status IN ${SEARCHABLE}
         AND (?2 IS NULL OR c.id <> ?2) AND (?3 IS NULL OR c.article_id IS NOT ?3)
         AND (?4 = 0 OR c.status = 'published')`,
    )
    .bind(
      JSON.stringify(ids),
      filters.excludeId ?? null,
      filters.excludeArticleId ?? null,
      filters.publishedOnly ? 1 : 0,
    )
    .all<Omit<ClaimMatch, 'similarity'> & { published_rating: string | null }>();
  return results.map((r) => {
    const { published_rating, ...rest } = r;
    return r.status === 'published' ? { ...rest, published_rating } : rest;
  });
}

// The stand-in vector index (worker/match/embed-standin.ts): vectors as JSON in claim_embeddings.

/** Stores a claim's vector (stand-in index). */
export async function storeVectors(
  db: D1Database,
  items: { id: string; values: number[] }[],
): Promise<void> {
  if (items.length === 0) return;
  await db.batch(
    items.map((item) =>
      db
        .prepare(
          `INSERT INTO claim_embeddings (claim_id, status, vector) VALUES (?1, 'queued', ?2)
           ON CONFLICT (claim_id) DO UPDATE SET vector = ?2`,
        )
        .bind(item.id, JSON.stringify(item.values)),
    ),
  );
}

/** Forgets claims' vectors (stand-in index). */
export async function dropVectors(db: D1Database, ids: string[]): Promise<void> {
  await db
    .prepare(
      `UPDATE claim_embeddings SET vector = NULL WHERE claim_id IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(ids))
    .run();
}

/** Every stored vector (stand-in index: a brute-force scan, for small local data sets only). */
export async function allVectors(db: D1Database): Promise<{ id: string; values: number[] }[]> {
  const { results } = await db
    .prepare(`SELECT claim_id, vector FROM claim_embeddings WHERE vector IS NOT NULL`)
    .all<{ claim_id: string; vector: string }>();
  return results.map((r) => ({ id: r.claim_id, values: JSON.parse(r.vector) as number[] }));
}
