/**
 * Finding stored claims that say the same thing as a text, behind one interface. Two
 * implementations, chosen by configuration (`matcherFor`):
 *
 * - **lexical** (no `AI`/`VECTORIZE` bindings and no `EMBEDDER=standin`: local dev, tests,
 *   deployments without Workers AI) is d1/matches.ts `findMatches` / `findMatchesMany` as they are.
 * - **semantic** = lexical + the text's embedding's nearest claims in the vector index (embed.ts).
 *
 * Merge rule (semantic): a vector hit counts only at cosine ≥ the embedder's `threshold` (bge-m3:
 * 0.75); its cosine is mapped linearly onto SEMANTIC_FLOOR..1 (threshold → 0.6, 1 → 1), so a
 * claim found only by meaning ranks below a strong lexical match and above nothing. A claim's
 * similarity is the larger of its lexical and mapped semantic scores. Claims found by both rank
 * first, then by similarity, then published before unpublished. When the embedding or index call
 * fails, the answer is the lexical one (logged), never an error.
 */
import { env as workerEnv } from 'cloudflare:workers';
import { matchRowsByIds } from '../../d1/embeddings';
import {
  findMatches,
  findMatchesMany,
  findMatchesOfClaim,
  type ClaimMatch,
  type ClaimMatches,
  type MatchOptions,
} from '../../d1/matches';
import type { Bindings } from '../env';
import { semanticParts, type SemanticParts } from './embed';

export interface Matcher {
  readonly kind: 'lexical' | 'semantic';
  /** Stored claims that may be the same claim as `text`, best first. */
  find(text: string, opts?: MatchOptions): Promise<ClaimMatch[]>;
  /** `find` for several texts (an article's candidates), in order. */
  findMany(texts: string[], opts?: MatchOptions): Promise<ClaimMatch[][]>;
  /**
   * `find` for a stored claim's text, the claim left out, without reading the claim first (the
   * lexical part is one D1 round trip in all); null when there is no such claim.
   */
  findForClaim(id: string, opts?: Omit<MatchOptions, 'excludeId'>): Promise<ClaimMatches | null>;
}

/** The mapped similarity of a vector hit exactly at the embedder's threshold. */
export const SEMANTIC_FLOOR = 0.6;
/** Nearest neighbours asked of the index per text (filters apply after, in D1). */
const TOP_K = 50;

export function lexicalMatcher(db: D1Database): Matcher {
  return {
    kind: 'lexical',
    find: (text, opts) => findMatches(db, text, opts),
    findMany: (texts, opts) => findMatchesMany(db, texts, opts),
    findForClaim: (id, opts) => findMatchesOfClaim(db, id, opts),
  };
}

/** Cosine → 0..1 similarity on the lexical scale (see the merge rule above); null below threshold. */
export function semanticSimilarity(cosine: number, threshold: number): number | null {
  if (cosine < threshold) return null;
  const t = Math.min(1, (cosine - threshold) / (1 - threshold));
  return SEMANTIC_FLOOR + (1 - SEMANTIC_FLOOR) * t;
}

/** Lexical and semantic lists of one text → one list (the merge rule above). */
export function mergeMatches(
  lexical: ClaimMatch[],
  semantic: ClaimMatch[],
  limit: number,
): ClaimMatch[] {
  const merged = new Map<string, { match: ClaimMatch; both: boolean }>();
  for (const m of lexical) merged.set(m.id, { match: m, both: false });
  for (const m of semantic) {
    const seen = merged.get(m.id);
    if (!seen) merged.set(m.id, { match: m, both: false });
    else
      merged.set(m.id, {
        match: { ...seen.match, similarity: Math.max(seen.match.similarity, m.similarity) },
        both: true,
      });
  }
  return [...merged.values()]
    .sort(
      (a, b) =>
        Number(b.both) - Number(a.both) ||
        b.match.similarity - a.match.similarity ||
        Number(b.match.status === 'published') - Number(a.match.status === 'published'),
    )
    .slice(0, limit)
    .map((x) => x.match);
}

export function semanticMatcher(db: D1Database, parts: SemanticParts): Matcher {
  const lexical = lexicalMatcher(db);

  async function semanticLists(texts: string[], opts: MatchOptions): Promise<ClaimMatch[][]> {
    const vectors = await parts.embedder.embed(texts);
    const hits = await Promise.all(vectors.map((v) => parts.index.query(v, TOP_K)));
    const scored = hits.map((list) =>
      list.flatMap((h) => {
        const similarity = semanticSimilarity(h.score, parts.embedder.threshold);
        return similarity === null ? [] : [{ id: h.id, similarity }];
      }),
    );
    const rows = await matchRowsByIds(db, [...new Set(scored.flat().map((h) => h.id))], opts);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return scored.map((list) =>
      list.flatMap((h) => {
        const row = byId.get(h.id);
        return row ? [{ ...row, similarity: h.similarity }] : [];
      }),
    );
  }

  /** The semantic lists, or null (logged) when the embedding or index call failed. */
  const semanticOrNull = (texts: string[], opts: MatchOptions) =>
    semanticLists(texts, opts).catch((error: unknown) => {
      console.log(
        JSON.stringify({
          level: 'warn',
          event: 'match.semantic_failed',
          error: error instanceof Error ? error.message : 'failed',
        }),
      );
      return null;
    });

  async function findMany(texts: string[], opts: MatchOptions = {}): Promise<ClaimMatch[][]> {
    const limit = opts.limit ?? 10;
    const [lexicalLists, semantic] = await Promise.all([
      lexical.findMany(texts, opts),
      semanticOrNull(texts, opts),
    ]);
    if (!semantic) return lexicalLists;
    return lexicalLists.map((list, i) => mergeMatches(list, semantic[i] ?? [], limit));
  }

  return {
    kind: 'semantic',
    findMany,
    find: async (text, opts) => (await findMany([text], opts))[0] ?? [],
    // The claim's text is known only after the lexical read; the embedding is asked after it.
    async findForClaim(id, opts = {}) {
      const found = await lexical.findForClaim(id, opts);
      if (!found) return null;
      const options = { ...opts, excludeId: id };
      const semantic = await semanticOrNull([found.claim.text], options);
      if (!semantic) return found;
      return {
        claim: found.claim,
        matches: mergeMatches(found.matches, semantic[0] ?? [], opts.limit ?? 10),
      };
    },
  };
}

/** The configured matcher for this deployment (bindings of the running Worker by default). */
export function matcherFor(
  db: D1Database,
  env: Pick<Bindings, 'DB' | 'AI' | 'VECTORIZE' | 'EMBEDDER' | 'ENVIRONMENT'> = workerEnv,
): Matcher {
  const parts = semanticParts({ ...env, DB: db });
  return parts ? semanticMatcher(db, parts) : lexicalMatcher(db);
}
