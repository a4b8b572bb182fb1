/**
 * Semantic matching's two outbound parts, one interface each (like worker/ingest/outbound.ts):
 * an `Embedder` (text → unit vector) and a `VectorIndex` (claim id → vector, nearest neighbours).
 * Production: Workers AI `@cf/baai/bge-m3` (multilingual, 1024 dimensions) and a Vectorize index,
 * when both the `AI` and `VECTORIZE` bindings exist. `EMBEDDER=standin` selects the deterministic
 * stand-ins of embed-standin.ts (local development and tests, which cannot reach Workers AI).
 * Neither: null, and matching is lexical only.
 */
import type { Bindings } from '../env';
import { d1VectorIndex, standInEmbedder } from './embed-standin';

export interface Embedder {
  /** Recorded with each embedding: a new model re-embeds every claim (the sweep sees the change). */
  readonly model: string;
  /**
   * Cosine similarity from which two texts count as the same claim for this model. bge-m3's 0.75 is
   * a starting point, not yet calibrated on the labelled matching set (issue 13 item 1).
   */
  readonly threshold: number;
  /** One unit-length vector per text, in order. Throws when the provider fails. */
  embed(texts: string[]): Promise<number[][]>;
}

export interface VectorHit {
  id: string;
  /** Cosine similarity, -1..1. */
  score: number;
}

export interface VectorIndex {
  upsert(items: { id: string; values: number[] }[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** The `topK` nearest vectors, best first. */
  query(values: number[], topK: number): Promise<VectorHit[]>;
}

export interface SemanticParts {
  embedder: Embedder;
  index: VectorIndex;
}

export const BGE_M3 = '@cf/baai/bge-m3';
export const BGE_M3_DIMENSIONS = 1024;

/** Workers AI bge-m3. Inputs are cut by the model at its context size (`truncate_inputs`). */
export function workersAiEmbedder(ai: Ai): Embedder {
  return {
    model: BGE_M3,
    threshold: 0.75,
    async embed(texts) {
      if (texts.length === 0) return [];
      const out = await ai.run(BGE_M3, { text: texts, truncate_inputs: true });
      const data = 'data' in out ? out.data : undefined;
      if (!data || data.length !== texts.length || data.some((v) => v.length !== BGE_M3_DIMENSIONS))
        throw new Error('embedding: unexpected answer from Workers AI');
      return data;
    },
  };
}

/** A Vectorize (v2) index created with --dimensions=1024 --metric=cosine. */
export function vectorizeIndex(index: Vectorize): VectorIndex {
  return {
    async upsert(items) {
      if (items.length > 0) await index.upsert(items);
    },
    async remove(ids) {
      if (ids.length > 0) await index.deleteByIds(ids);
    },
    async query(values, topK) {
      const { matches } = await index.query(values, {
        topK,
        returnValues: false,
        returnMetadata: 'none',
      });
      return matches.map((m) => ({ id: m.id, score: m.score }));
    },
  };
}

/** The configured embedder and index, or null for lexical-only matching. */
export function semanticParts(
  env: Pick<Bindings, 'DB' | 'AI' | 'VECTORIZE' | 'EMBEDDER' | 'ENVIRONMENT'>,
): SemanticParts | null {
  if (env.AI && env.VECTORIZE)
    return { embedder: workersAiEmbedder(env.AI), index: vectorizeIndex(env.VECTORIZE) };
  // The stand-in never answers a deployed Worker's readers.
  if (env.EMBEDDER === 'standin' && env.ENVIRONMENT !== 'production')
    return { embedder: standInEmbedder(), index: d1VectorIndex(env.DB) };
  return null;
}
