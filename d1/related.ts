/**
 * A claim page's related fact-checks, computed off the request path (migration 0020): the page
 * reads them in its own batch (relatedStatements), a `claim.related` job writes them (saveRelated).
 */

/** How many related claims are kept per claim (the page shows the best three still published). */
export const RELATED_KEEP = 10;
/** How many the claim page shows. */
export const RELATED_SHOWN = 3;

export interface RelatedRow {
  id: string;
  text: string;
  language: string;
  rating_key: string | null;
}

/** What the claim page reads about its related list: the list, and whether it was ever computed. */
export interface RelatedRead {
  /** Null when the list was never computed for this claim (the page then asks the matcher). */
  items: RelatedRow[] | null;
}

/**
 * Two statements for the claim page's batch: the best RELATED_SHOWN related claims that are
 * still published (with their current rating), and the run that computed them.
 */
export function relatedStatements(db: D1Database, id: string): D1PreparedStatement[] {
  // CROSS JOIN: the claim's list drives (a primary-key range), never the published claims.
  return [
    db
      .prepare(
        `SELECT c.id, c.text, c.language,
           (SELECT v.rating_key FROM verdicts v WHERE v.claim_id = c.id AND v.published_at IS NOT NULL
             ORDER BY v.version DESC LIMIT 1) AS rating_key
         FROM claim_related r CROSS JOIN claims c ON c.id = r.related_id
         WHERE r.claim_id = ?1 AND c.status = 'published' AND c.removed_at IS NULL
         ORDER BY r.score DESC, c.seq DESC LIMIT ${RELATED_SHOWN}`,
      )
      .bind(id),
    db.prepare(`SELECT computed_at FROM claim_related_runs WHERE claim_id = ?1`).bind(id),
  ];
}

/** The results of relatedStatements(), in order. */
export function toRelatedRead(
  rows: D1Result<unknown> | undefined,
  run: D1Result<unknown> | undefined,
): RelatedRead {
  if (!run?.results.length) return { items: null };
  return { items: (rows?.results ?? []) as RelatedRow[] };
}

/** A claim as the `claim.related` job needs it. */
export interface RelatedSubject {
  id: string;
  text: string;
  text_hash: string;
  status: string;
  removed_at: string | null;
  /** Claims whose lists name this one now. */
  incoming: string[];
}

export async function relatedSubject(db: D1Database, id: string): Promise<RelatedSubject | null> {
  const [claim, incoming] = await db.batch<unknown>([
    db.prepare(`SELECT id, text, text_hash, status, removed_at FROM claims WHERE id = ?1`).bind(id),
    db.prepare(`SELECT claim_id FROM claim_related WHERE related_id = ?1`).bind(id),
  ]);
  const row = claim?.results[0] as Omit<RelatedSubject, 'incoming'> | undefined;
  if (!row) return null;
  return {
    ...row,
    incoming: (incoming?.results as { claim_id: string }[]).map((r) => r.claim_id),
  };
}

/**
 * Writes one claim's related list, in one batch: its own list (best first, at most RELATED_KEEP),
 * the run that computed it, and the other side: when `listed` (the claim is published), it joins
 * the lists of the claims it matches (each trimmed back to RELATED_KEEP) and leaves the lists of
 * claims it no longer matches; otherwise it leaves every list. `own` false: no list of its own
 * (the claim has no public page), and no run.
 */
export async function saveRelated(
  db: D1Database,
  subject: { id: string; textHash: string },
  matches: { id: string; score: number }[],
  opts: { own: boolean; listed: boolean; now: string },
): Promise<void> {
  const json = JSON.stringify(matches.slice(0, RELATED_KEEP));
  const ids = JSON.stringify(matches.map((m) => m.id));
  const { id } = subject;
  const statements: D1PreparedStatement[] = [
    db.prepare(`DELETE FROM claim_related WHERE claim_id = ?1`).bind(id),
  ];
  if (opts.own)
    statements.push(
      db
        .prepare(
          `INSERT INTO claim_related (claim_id, related_id, score, computed_at)
           SELECT ?1, json_extract(j.value, '$.id'), json_extract(j.value, '$.score'), ?3
           FROM json_each(?2) j WHERE json_extract(j.value, '$.id') != ?1
           ON CONFLICT (claim_id, related_id) DO NOTHING`,
        )
        .bind(id, json, opts.now),
      db
        .prepare(
          `INSERT INTO claim_related_runs (claim_id, text_hash, computed_at) VALUES (?1, ?2, ?3)
           ON CONFLICT (claim_id) DO UPDATE SET text_hash = excluded.text_hash, computed_at = excluded.computed_at`,
        )
        .bind(id, subject.textHash, opts.now),
    );
  else statements.push(db.prepare(`DELETE FROM claim_related_runs WHERE claim_id = ?1`).bind(id));
  if (opts.listed) {
    statements.push(
      db
        .prepare(
          `DELETE FROM claim_related WHERE related_id = ?1
             AND claim_id NOT IN (SELECT value FROM json_each(?2))`,
        )
        .bind(id, ids),
      db
        .prepare(
          `INSERT INTO claim_related (claim_id, related_id, score, computed_at)
           SELECT json_extract(j.value, '$.id'), ?1, json_extract(j.value, '$.score'), ?3
           FROM json_each(?2) j WHERE json_extract(j.value, '$.id') != ?1
           ON CONFLICT (claim_id, related_id) DO UPDATE SET score = excluded.score, computed_at = excluded.computed_at`,
        )
        .bind(id, json, opts.now),
      // Each list it joined keeps its best RELATED_KEEP.
      db
        .prepare(
          `DELETE FROM claim_related WHERE claim_id IN (SELECT value FROM json_each(?1))
             AND related_id NOT IN (SELECT r2.related_id FROM claim_related r2
               WHERE r2.claim_id = claim_related.claim_id ORDER BY r2.score DESC, r2.related_id LIMIT ?2)`,
        )
        .bind(ids, RELATED_KEEP),
    );
  } else {
    statements.push(db.prepare(`DELETE FROM claim_related WHERE related_id = ?1`).bind(id));
  }
  await db.batch(statements);
}

/**
 * Claims whose list is missing or was computed from another text: published or retracted claims
 * still on the site, newest first, at most `limit` (for the 10-minute sweep).
 */
export async function claimsWithoutRelated(db: D1Database, limit: number): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT c.id FROM claims c LEFT JOIN claim_related_runs r ON r.claim_id = c.id
       WHERE c.status IN ('published', 'retracted') AND c.removed_at IS NULL
         AND (r.claim_id IS NULL OR r.text_hash != c.text_hash)
       ORDER BY c.seq DESC LIMIT ?1`,
    )
    .bind(limit)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}
