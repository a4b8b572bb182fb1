import { normalizeText } from '../worker/extract/normalize';
import { sha256Hex } from '../worker/lib/crypto';
import { newId } from '../worker/lib/ids';
import { auditStatement, type Actor } from './audit';
import { CLAIM_COLUMNS, claimInsertStatements, toClaim, type Claim, type ClaimRow } from './claims';

export interface Article {
  id: string;
  url: string | null;
  canonicalUrl: string | null;
  title: string | null;
  byline: string | null;
  publisher: string | null;
  language: string;
  direction: 'ltr' | 'rtl';
  publishedAt: string | null;
  body: string;
  fetchedAt: string | null;
  createdBy: number | null;
  createdAt: string;
}

/** An article in a list: everything but the body. */
export type ArticleSummary = Omit<Article, 'body'> & { claimCount: number };

interface ArticleRow {
  seq: number;
  id: string;
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  byline: string | null;
  publisher: string | null;
  language: string;
  direction: 'ltr' | 'rtl';
  published_at: string | null;
  body: string;
  fetched_at: string | null;
  created_by: number | null;
  created_at: string;
}

const ARTICLE_COLUMNS = `a.rowid AS seq, a.id, a.url, a.canonical_url, a.title, a.byline, a.publisher, a.language, a.direction,
  a.published_at, a.body, a.fetched_at, a.created_by, a.created_at`;
// Lists leave the (large) body out.
const SUMMARY_COLUMNS = ARTICLE_COLUMNS.replace('a.body,', "'' AS body,");

export function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    url: row.url,
    canonicalUrl: row.canonical_url,
    title: row.title,
    byline: row.byline,
    publisher: row.publisher,
    language: row.language,
    direction: row.direction,
    publishedAt: row.published_at,
    body: row.body,
    fetchedAt: row.fetched_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** Dedup key of an article: the same body up to spacing, case, harakat and digit forms hashes the same. */
export function articleBodyHash(body: string): Promise<string> {
  return sha256Hex(normalizeText(body));
}

export interface NewArticle {
  url?: string | null;
  canonicalUrl?: string | null;
  title?: string | null;
  byline?: string | null;
  publisher?: string | null;
  language: string;
  direction: 'ltr' | 'rtl';
  publishedAt?: string | null;
  body: string;
  fetchedAt?: string | null;
}

/** A candidate claim found in the article body, at [start, end). */
export interface NewCandidate {
  text: string;
  start: number;
  end: number;
  score: number;
  type: string;
  speaker: string | null;
  why: string[];
}

export type CreateArticleResult =
  | { ok: true; article: Article; claims: Claim[] }
  | { ok: false; reason: 'duplicate'; existing: { article: Article; claims: Claim[] } | null };

/**
 * Store an article and its candidate claims (status 'candidate', linked by article id and
 * character offsets), with audit rows, in one batch: all of it is written or none of it.
 * The same body twice (unique body hash) is reported as a duplicate, even under a race.
 */
export async function createArticleWithClaims(
  db: D1Database,
  input: NewArticle,
  candidates: NewCandidate[],
  actor: Actor,
): Promise<CreateArticleResult> {
  const id = newId();
  const now = new Date().toISOString();
  const bodyHash = await articleBodyHash(input.body);
  const statements: D1PreparedStatement[] = [
    db
      .prepare(
        `INSERT INTO articles (id, url, canonical_url, title, byline, publisher, language, direction, published_at, body,
           body_hash, fetched_at, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)`,
      )
      .bind(
        id,
        input.url ?? null,
        input.canonicalUrl ?? null,
        input.title ?? null,
        input.byline ?? null,
        input.publisher ?? null,
        input.language,
        input.direction,
        input.publishedAt ?? null,
        input.body,
        bodyHash,
        input.fetchedAt ?? null,
        actor.userId,
        now,
      ),
    auditStatement(
      db,
      actor,
      'article.create',
      { type: 'article', id },
      null,
      {
        title: input.title ?? null,
        url: input.url ?? null,
        language: input.language,
        candidates: candidates.length,
      },
      { at: now },
    ),
  ];
  for (const c of candidates) {
    const { statements: claimStatements } = await claimInsertStatements(
      db,
      {
        text: c.text,
        language: input.language,
        status: 'candidate',
        articleId: id,
        start: c.start,
        end: c.end,
        score: c.score,
        claimType: c.type,
        speaker: c.speaker,
        // The detected speaker is the claimant an accepted candidate starts with (editable).
        claimant: c.speaker,
        why: c.why,
      },
      actor,
      now,
    );
    statements.push(...claimStatements);
  }
  let results: D1Result[];
  try {
    // The read-back travels in the same batch: one round trip for the whole write.
    results = await db.batch([...statements, ...articleReads(db, id)]);
  } catch (err) {
    if (err instanceof Error && /UNIQUE constraint failed: articles\.body_hash/.test(err.message)) {
      return { ok: false, reason: 'duplicate', existing: await findArticleByBody(db, input.body) };
    }
    throw err;
  }
  const stored = readArticle(results.slice(-2));
  if (!stored) throw new Error('article insert did not return the row');
  return { ok: true, ...stored };
}

/** The two SELECTs of an article and its claims (best score first), for a batch. */
function articleReads(db: D1Database, id: string): D1PreparedStatement[] {
  return [
    db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?1`).bind(id),
    db
      .prepare(
        `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.article_id = ?1 ORDER BY c.score DESC, c.start_offset`,
      )
      .bind(id),
  ];
}

function readArticle([articles, claims]: D1Result[]): { article: Article; claims: Claim[] } | null {
  const row = articles?.results[0] as ArticleRow | undefined;
  if (!row) return null;
  return { article: toArticle(row), claims: ((claims?.results ?? []) as ClaimRow[]).map(toClaim) };
}

/** The article with this body (by normalized hash) and its claims, or null. */
export async function findArticleByBody(
  db: D1Database,
  body: string,
): Promise<{ article: Article; claims: Claim[] } | null> {
  const row = await db
    .prepare(`SELECT a.id FROM articles a WHERE a.body_hash = ?1`)
    .bind(await articleBodyHash(body))
    .first<{ id: string }>();
  return row ? getArticleWithClaims(db, row.id) : null;
}

/** An article and its claims (best score first), in one round trip. */
export async function getArticleWithClaims(
  db: D1Database,
  id: string,
): Promise<{ article: Article; claims: Claim[] } | null> {
  return readArticle(await db.batch(articleReads(db, id)));
}

/** One page of articles, newest first, and the cursor of the next page. */
export async function listArticles(
  db: D1Database,
  f: { cursor?: number; limit: number; language?: string },
): Promise<{ items: ArticleSummary[]; nextCursor: number | null }> {
  const { results } = await db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claim_count
       FROM articles a
       WHERE (?1 IS NULL OR a.rowid < ?1) AND (?2 IS NULL OR a.language = ?2)
       ORDER BY a.rowid DESC LIMIT ?3`,
    )
    .bind(f.cursor ?? null, f.language ?? null, f.limit + 1)
    .all<ArticleRow & { claim_count: number }>();
  const page = results.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const { body: _body, ...rest } = toArticle(row);
      return { ...rest, claimCount: row.claim_count };
    }),
    nextCursor: results.length > f.limit && last ? last.seq : null,
  };
}
