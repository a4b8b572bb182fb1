/**
 * Keeping the vector index in step with the claims, through the job queue (worker/jobs/).
 * `claim.embed { claimId }` makes the index agree with the claim as it is now: a searchable claim
 * whose text (claims.text_hash) or model differs from what was embedded is embedded and upserted;
 * a claim that is no longer searchable (rejected, marked duplicate, back to candidate) is removed.
 * The row in claim_embeddings is the record. A failing embedding or index call records the error
 * and throws: the queue retries with back-off, the dead-letter queue marks the row `dead`, and
 * the 10-minute sweep (`sweepEmbeddings`) queues it again a day later. The sweep also finds every
 * claim the index is behind on, so write paths that do not call `embedSoon` are covered within
 * ten minutes. Matching meanwhile falls back to lexical results for what the index lacks.
 */
import { env as workerEnv } from 'cloudflare:workers';
import {
  claimsToEmbed,
  embeddingState,
  recordEmbedded,
  recordEmbedFailure,
  recordRemoved,
} from '../../d1/embeddings';
import type { Bindings } from '../env';
import type { JobHandler } from '../jobs/registry';
import { semanticParts, type SemanticParts } from './embed';

export const EMBED_JOB = 'claim.embed';

/** What one `claim.embed` job did. */
export type EmbedResult = 'embedded' | 'removed' | 'unchanged' | 'missing';

/** Brings the index in line with one claim. Throws (after recording it) when a call fails. */
export async function embedClaim(
  db: D1Database,
  claimId: string,
  parts: SemanticParts,
  now: Date,
): Promise<EmbedResult> {
  const state = await embeddingState(db, claimId);
  if (!state) return 'missing';
  try {
    if (!state.searchable) {
      if (state.status === null || state.status === 'removed') return 'unchanged';
      await parts.index.remove([claimId]);
      await recordRemoved(db, claimId, now);
      return 'removed';
    }
    if (
      state.status === 'indexed' &&
      state.embedded_hash === state.text_hash &&
      state.model === parts.embedder.model
    )
      return 'unchanged';
    const [values] = await parts.embedder.embed([state.text]);
    if (!values) throw new Error('embedding: no vector');
    await parts.index.upsert([{ id: claimId, values }]);
    await recordEmbedded(db, claimId, state.text_hash, parts.embedder.model, now);
    return 'embedded';
  } catch (error) {
    await recordEmbedFailure(db, claimId, error instanceof Error ? error.message : 'failed', now);
    throw error;
  }
}

function claimIdOf(body: Record<string, unknown>): string | null {
  return typeof body.claimId === 'string' ? body.claimId : null;
}

export const embedJob: JobHandler = {
  async run(body, env) {
    const parts = semanticParts(env);
    const claimId = claimIdOf(body);
    if (!parts || !claimId) return; // lexical only: nothing to index
    await embedClaim(env.DB, claimId, parts, new Date());
  },
  async dead(body, env) {
    const claimId = claimIdOf(body);
    if (claimId)
      await recordEmbedFailure(env.DB, claimId, 'gave up after retries', new Date(), true);
  },
};

/** Frequent cron: queue a `claim.embed` job for each claim the index is behind on (100 a tick). */
export async function sweepEmbeddings(env: Bindings, now: Date): Promise<number> {
  const parts = semanticParts(env);
  if (!parts) return 0;
  const ids = await claimsToEmbed(env.DB, parts.embedder.model, now);
  if (ids.length > 0)
    await env.JOBS.sendBatch(ids.map((claimId) => ({ body: { type: EMBED_JOB, claimId } })));
  return ids.length;
}

/**
 * Right after a write that may change a claim's text or status: queue its `claim.embed` job (a
 * one-line hook in the domain). Nothing when matching is lexical only; never throws (the sweep
 * catches what this misses).
 */
export async function embedSoon(claimId: string | undefined): Promise<void> {
  if (!claimId || !semanticParts(workerEnv)) return;
  try {
    await workerEnv.JOBS.send({ type: EMBED_JOB, claimId });
  } catch (error) {
    console.log(
      JSON.stringify({
        level: 'warn',
        event: 'embed.enqueue_failed',
        claimId,
        error: String(error),
      }),
    );
  }
}
