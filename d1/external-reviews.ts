/**
 * Other publishers' fact-checks (migration 0013): import previews, the confirmed mapping of their
 * rating labels to our scale, and the imported reviews a claim page lists as "Also checked by".
 */
import { newId } from '../worker/lib/ids';
import { auditStatement, type Actor } from './audit';

/** One review of a preview, as parsed and matched (stored as JSON in review_imports.items). */
export interface PreviewItem {
  reviewUrl: string;
  publisher: { name: string; url: string | null };
  claimText: string;
  claimant: string | null;
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  claimDate: string | null;
  rating: { label: string; value: number | null; best: number | null; worst: number | null };
  language: string | null;
  /** Index into the preview's labels. */
  label: number;
  /** Claims of ours that may be this claim, most similar first. */
  matches: { id: string; text: string; similarity: number }[];
  /** The proposed match (the best one above the threshold), or null. */
  proposedClaimId: string | null;
  /** This review URL was imported before: committing skips it. */
  duplicate: boolean;
}

/** One distinct (publisher, label) of a preview and the rating proposed for it. */
export interface PreviewLabel {
  publisherKey: string;
  publisherName: string;
  labelKey: string;
  label: string;
  proposed: string | null;
  /** True when an admin confirmed this mapping in an earlier import. */
  confirmed: boolean;
}

export interface ImportPreview {
  items: PreviewItem[];
  labels: PreviewLabel[];
  problems: { index: number; url: string | null; message: string }[];
}

export interface ReviewImport extends ImportPreview {
  id: string;
  source: 'url' | 'document';
  sourceUrl: string | null;
  status: 'preview' | 'committed';
  importedCount: number | null;
  createdAt: string;
  committedAt: string | null;
}

interface ImportRow {
  id: string;
  source: 'url' | 'document';
  source_url: string | null;
  items: string;
  status: 'preview' | 'committed';
  imported_count: number | null;
  created_at: string;
  committed_at: string | null;
}

function toImport(row: ImportRow): ReviewImport {
  const preview = JSON.parse(row.items) as ImportPreview;
  return {
    id: row.id,
    source: row.source,
    sourceUrl: row.source_url,
    status: row.status,
    importedCount: row.imported_count,
    createdAt: row.created_at,
    committedAt: row.committed_at,
    ...preview,
  };
}

/** Confirmed mappings for these publishers: `publisherKey\u0000labelKey` → rating key. */
export async function savedMappings(
  db: D1Database,
  publisherKeys: string[],
): Promise<Map<string, string>> {
  if (publisherKeys.length === 0) return new Map();
  const { results } = await db
    .prepare(
      `SELECT publisher_key, label_key, rating_key FROM rating_mappings
       WHERE publisher_key IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify([...new Set(publisherKeys)]))
    .all<{ publisher_key: string; label_key: string; rating_key: string }>();
  return new Map(results.map((r) => [`${r.publisher_key}\u0000${r.label_key}`, r.rating_key]));
}

/** Which of these review URLs were imported already. */
export async function importedUrls(db: D1Database, urls: string[]): Promise<Set<string>> {
  if (urls.length === 0) return new Set();
  const { results } = await db
    .prepare(
      `SELECT review_url FROM external_reviews WHERE review_url IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(urls))
    .all<{ review_url: string }>();
  return new Set(results.map((r) => r.review_url));
}

/** Store a preview (and its audit row) in one batch; returns its id. */
export async function createImport(
  db: D1Database,
  input: { source: 'url' | 'document'; sourceUrl: string | null; preview: ImportPreview },
  actor: Actor,
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db.batch([
    db
      .prepare(
        `INSERT INTO review_imports (id, source, source_url, items, item_count, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
      )
      .bind(
        id,
        input.source,
        input.sourceUrl,
        JSON.stringify(input.preview),
        input.preview.items.length,
        actor.userId,
        now,
      ),
    auditStatement(db, actor, 'import.preview', { type: 'review_import', id }, null, {
      source: input.source,
      sourceUrl: input.sourceUrl,
      items: input.preview.items.length,
    }),
  ]);
  return id;
}

export async function getImport(db: D1Database, id: string): Promise<ReviewImport | null> {
  const row = await db
    .prepare(
      `SELECT id, source, source_url, items, status, imported_count, created_at, committed_at
       FROM review_imports WHERE id = ?1`,
    )
    .bind(id)
    .first<ImportRow>();
  return row ? toImport(row) : null;
}

/** The latest imports (desk list), without their items. */
export async function recentImports(
  db: D1Database,
  limit = 20,
): Promise<
  { id: string; sourceUrl: string | null; itemCount: number; status: string; createdAt: string }[]
> {
  const { results } = await db
    .prepare(
      `SELECT id, source_url, item_count, status, created_at FROM review_imports
       ORDER BY created_at DESC LIMIT ?1`,
    )
    .bind(limit)
    .all<{
      id: string;
      source_url: string | null;
      item_count: number;
      status: string;
      created_at: string;
    }>();
  return results.map((r) => ({
    id: r.id,
    sourceUrl: r.source_url,
    itemCount: r.item_count,
    status: r.status,
    createdAt: r.created_at,
  }));
}

/** A review to insert at commit. */
export interface ReviewToStore extends Omit<
  PreviewItem,
  'label' | 'matches' | 'proposedClaimId' | 'duplicate'
> {
  ratingKey: string;
  claimId: string | null;
}

/**
 * Commit a preview in one batch: the confirmed mappings, every review (a review URL stored before
 * is skipped), the import marked committed and its audit row. Each write is conditional on the
 * import still being a preview, so a second commit writes nothing. Null: it was not a preview
 * any more. Else the reviews inserted now (id, claim).
 */
export async function commitImport(
  db: D1Database,
  id: string,
  mappings: { publisherKey: string; labelKey: string; label: string; ratingKey: string }[],
  reviews: ReviewToStore[],
  actor: Actor,
): Promise<{ id: string; claimId: string | null }[] | null> {
  const now = new Date().toISOString();
  const stillPreview = `EXISTS (SELECT 1 FROM review_imports WHERE id = ?1 AND status = 'preview')`;
  const rows = reviews.map((r) => ({ ...r, id: newId() }));
  const [, inserted, flipped] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `INSERT INTO rating_mappings (publisher_key, label_key, label, rating_key, confirmed_by, confirmed_at)
         SELECT json_extract(j.value, '$.publisherKey'), json_extract(j.value, '$.labelKey'),
           json_extract(j.value, '$.label'), json_extract(j.value, '$.ratingKey'), ?3, ?4
         FROM json_each(?2) j WHERE ${stillPreview}
         ON CONFLICT (publisher_key, label_key) DO UPDATE SET label = excluded.label,
           rating_key = excluded.rating_key, confirmed_by = excluded.confirmed_by,
           confirmed_at = excluded.confirmed_at`,
      )
      .bind(id, JSON.stringify(mappings), actor.userId, now),
    db
      .prepare(
        `INSERT INTO external_reviews (id, review_url, publisher_name, publisher_url, claim_text,
           claimant, headline, date_published, date_modified, claim_date, rating_label, rating_value,
           best_rating, worst_rating, rating_key, language, claim_id, import_id, created_at)
         SELECT json_extract(j.value, '$.id'), json_extract(j.value, '$.reviewUrl'),
           json_extract(j.value, '$.publisher.name'), json_extract(j.value, '$.publisher.url'),
           json_extract(j.value, '$.claimText'), json_extract(j.value, '$.claimant'),
           json_extract(j.value, '$.headline'), json_extract(j.value, '$.datePublished'),
           json_extract(j.value, '$.dateModified'), json_extract(j.value, '$.claimDate'),
           json_extract(j.value, '$.rating.label'), json_extract(j.value, '$.rating.value'),
           json_extract(j.value, '$.rating.best'), json_extract(j.value, '$.rating.worst'),
           json_extract(j.value, '$.ratingKey'), json_extract(j.value, '$.language'),
           (SELECT c.id FROM claims c WHERE c.id = json_extract(j.value, '$.claimId')), ?1, ?2
         FROM json_each(?3) j WHERE ${stillPreview}
         ON CONFLICT (review_url) DO NOTHING
         RETURNING id, claim_id`,
      )
      .bind(id, now, JSON.stringify(rows)),
    db
      .prepare(
        `UPDATE review_imports SET status = 'committed', committed_by = ?2, committed_at = ?3,
           imported_count = (SELECT count(*) FROM external_reviews WHERE import_id = ?1)
         WHERE id = ?1 AND status = 'preview' RETURNING id`,
      )
      .bind(id, actor.userId, now),
    auditStatement(
      db,
      actor,
      'import.commit',
      { type: 'review_import', id },
      null,
      { reviews: rows.length, mappings: mappings.length },
      { onlyIfChanged: true, at: now },
    ),
  ]);
  if (!flipped?.results.length) return null;
  return (inserted?.results ?? []).map((r) => ({
    id: String(r.id),
    claimId: (r.claim_id as string | null) ?? null,
  }));
}

/** A review by another publisher matched to one of our claims (the claim page's "Also checked by"). */
export interface AlsoChecked {
  publisherName: string;
  publisherUrl: string | null;
  reviewUrl: string;
  ratingLabel: string;
  datePublished: string | null;
  language: string | null;
}

interface AlsoCheckedRow {
  publisher_name: string;
  publisher_url: string | null;
  review_url: string;
  rating_label: string;
  date_published: string | null;
  language: string | null;
}

/** The imported reviews matched to a claim, newest first (at most 10): one statement, so the
 * claim page reads it in the same batch as the page (d1/public.ts getPublicClaim). */
export function alsoCheckedStatement(db: D1Database, claimId: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT publisher_name, publisher_url, review_url, rating_label, date_published, language
       FROM external_reviews WHERE claim_id = ?1 ORDER BY date_published DESC, created_at DESC LIMIT 10`,
    )
    .bind(claimId);
}

export function toAlsoChecked(r: AlsoCheckedRow): AlsoChecked {
  return {
    publisherName: r.publisher_name,
    publisherUrl: r.publisher_url,
    reviewUrl: r.review_url,
    ratingLabel: r.rating_label,
    datePublished: r.date_published,
    language: r.language,
  };
}
