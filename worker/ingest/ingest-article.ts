/**
 * The article ingest pipeline, shared by POST /api/v1/articles and the desk form: fetch and parse
 * a URL (or take pasted text), pick the language, return the stored article for a body seen
 * before, else extract candidate claims, look up stored claims that match them, and write the
 * article with its candidates in one batch. Failures of the URL are IngestError.
 */
import { createArticleWithClaims, findArticleByBody, type Article } from '../../d1/articles';
import type { Actor } from '../../d1/audit';
import type { Claim } from '../../d1/claims';
import type { ClaimMatch } from '../../d1/matches';
import { matcherFor } from '../match/matcher';
import type { Bindings } from '../env';
import { stripDateline } from '../extract/dateline';
import { detectLanguage, extractClaims } from '../extract/index';
import { dirOf } from '../lib/lang';
import { IngestError } from './errors';
import { fetchArticle } from './fetch-article';
import { articleFetchOptions, type IngestBindings } from './outbound';
import { parseArticle, type ParsedArticle } from './parse-article';
import { sliceText } from '../lib/text';

/** Longest body kept (characters), and most candidates kept per article (best scores). */
export const MAX_BODY = 100_000;
const MAX_CANDIDATES = 40;
/** Candidates looked up among stored claims (the best-scored; each costs an FTS query). */
const MATCHED_CANDIDATES = 20;

export interface IngestInput {
  text?: string;
  url?: string;
  title?: string;
  language?: string;
  publisher?: string;
  /** ISO date or date-time; wins over the page's own. */
  publishedAt?: string;
}

export interface IngestOutcome {
  /** false: the same body was ingested before and `article` is that one. */
  created: boolean;
  article: Article;
  /** The article's claims, best score first. */
  claims: Claim[];
  /** Stored claims matching each of the best new candidates, by claim id (new articles only). */
  matches: Map<string, ClaimMatch[]>;
}

export async function ingestArticle(
  env: Bindings & IngestBindings,
  requestUrl: string,
  input: IngestInput,
  actor: Actor,
): Promise<IngestOutcome> {
  let page: ParsedArticle | null = null;
  let fetchedUrl: string | null = null;
  if (input.url !== undefined) {
    const fetched = await fetchArticle(input.url, articleFetchOptions(env, requestUrl));
    page = await parseArticle(fetched.html, fetched.url);
    fetchedUrl = fetched.url;
    if (page.text.length < 20)
      throw new IngestError('no_article_text', 'No article text was found on the page.');
  }
  const body = sliceText(page?.text ?? input.text ?? '', MAX_BODY);
  const detected = detectLanguage(body);
  // The text decides when it can (page templates often declare a wrong lang); else the page's tag.
  const language = input.language ?? (detected !== 'und' ? detected : (page?.language ?? 'und'));

  const existing = await findArticleByBody(env.DB, body);
  if (existing)
    return {
      created: false,
      article: existing.article,
      claims: byScore(existing.claims),
      matches: new Map(),
    };

  // A candidate never starts with an agency dateline ("WASHINGTON (Reuters) —"): the claim text
  // and its highlighted span start after it.
  const candidates = extractClaims(body, { language, limit: MAX_CANDIDATES }).candidates.map(
    (k) => {
      const { text, cut } = stripDateline(k.text);
      return cut ? { ...k, text, start: k.start + cut } : k;
    },
  );
  const matchLists = await matcherFor(env.DB, env).findMany(
    candidates.slice(0, MATCHED_CANDIDATES).map((k) => k.text),
    { limit: 5 },
  );
  const result = await createArticleWithClaims(
    env.DB,
    {
      url: input.url ?? null,
      canonicalUrl: page?.canonicalUrl ?? (fetchedUrl !== input.url ? fetchedUrl : null),
      title: input.title ?? page?.title ?? null,
      byline: page?.byline ?? null,
      publisher: input.publisher ?? page?.publisher ?? null,
      language,
      direction: page?.dir ?? dirOf(language),
      publishedAt: input.publishedAt
        ? new Date(input.publishedAt).toISOString()
        : (page?.publishedAt ?? null),
      body,
      fetchedAt: page ? new Date().toISOString() : null,
    },
    candidates,
    actor,
  );
  if (!result.ok) {
    // Lost a race with the same body: that article is the answer.
    if (!result.existing) throw new Error('duplicate article body but no stored article');
    return {
      created: false,
      article: result.existing.article,
      claims: byScore(result.existing.claims),
      matches: new Map(),
    };
  }
  const byOffsets = new Map(
    candidates
      .slice(0, MATCHED_CANDIDATES)
      .map((k, i) => [`${k.start}:${k.end}`, matchLists[i] ?? []]),
  );
  const matches = new Map<string, ClaimMatch[]>();
  for (const cl of result.claims) {
    const found = byOffsets.get(`${cl.start}:${cl.end}`);
    if (found) matches.set(cl.id, found);
  }
  return { created: true, article: result.article, claims: byScore(result.claims), matches };
}

/** Claims best score first, then in reading order. */
export function byScore(claims: Claim[]): Claim[] {
  return [...claims].sort(
    (a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.start ?? 0) - (b.start ?? 0),
  );
}
