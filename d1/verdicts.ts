import { auditStatement, type Actor } from './audit';
import { touchClaimStatement } from './claims';

export interface Verdict {
  id: number;
  claimId: string;
  version: number;
  ratingKey: string;
  headline: string;
  explanation: string;
  language: string;
  correctionNote: string | null;
  authorId: number | null;
  authorName: string | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface VerdictRow {
  id: number;
  claim_id: string;
  version: number;
  rating_key: string;
  headline: string;
  explanation: string;
  language: string;
  correction_note: string | null;
  author_id: number | null;
  author_name: string | null;
  created_at: string;
  published_at: string | null;
}

export const VERDICT_COLUMNS = `v.id, v.claim_id, v.version, v.rating_key, v.headline, v.explanation, v.language,
  v.correction_note, v.author_id, u.name AS author_name, v.created_at, v.published_at`;

export function toVerdict(row: VerdictRow): Verdict {
  return {
    id: row.id,
    claimId: row.claim_id,
    version: row.version,
    ratingKey: row.rating_key,
    headline: row.headline,
    explanation: row.explanation,
    language: row.language,
    correctionNote: row.correction_note,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  };
}

/** All versions of a claim's verdict, oldest first (for batches). */
export function verdictHistoryStatement(db: D1Database, claimId: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT ${VERDICT_COLUMNS} FROM verdicts v LEFT JOIN users u ON u.id = v.author_id WHERE v.claim_id = ?1 ORDER BY v.version`,
    )
    .bind(claimId);
}

export async function verdictHistory(db: D1Database, claimId: string): Promise<Verdict[]> {
  const { results } = await verdictHistoryStatement(db, claimId).all<VerdictRow>();
  return results.map(toVerdict);
}

export interface NewVerdict {
  ratingKey: string;
  headline: string;
  explanation: string;
  language: string;
  correctionNote: string | null;
}

/**
 * Append a verdict version, not public yet (publication or a correction draft's publication
 * makes it public; see d1/corrections.ts) (version = previous + 1, computed in SQL; the UNIQUE(claim_id, version)
 * constraint turns a concurrent append into a failure rather than two equal versions).
 */
export async function appendVerdict(
  db: D1Database,
  claimId: string,
  input: NewVerdict,
  actor: Actor,
): Promise<Verdict> {
  const now = new Date().toISOString();
  const insert = db
    .prepare(
      `INSERT INTO verdicts (claim_id, version, rating_key, headline, explanation, language, correction_note, author_id, created_at, published_at)
       SELECT ?1, COALESCE(MAX(version), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM verdicts WHERE claim_id = ?1`,
    )
    .bind(
      claimId,
      input.ratingKey,
      input.headline,
      input.explanation,
      input.language,
      input.correctionNote,
      actor.userId,
      now,
      null,
    );
  const audit = auditStatement(
    db,
    actor,
    input.correctionNote ? 'verdict.correct' : 'verdict.create',
    { type: 'claim', id: claimId },
    null,
    {
      ratingKey: input.ratingKey,
      headline: input.headline,
      correctionNote: input.correctionNote ?? undefined,
    },
    { at: now },
  );
  const read = db
    .prepare(
      `SELECT ${VERDICT_COLUMNS} FROM verdicts v LEFT JOIN users u ON u.id = v.author_id WHERE v.claim_id = ?1 ORDER BY v.version DESC LIMIT 1`,
    )
    .bind(claimId);
  const results = await db.batch<VerdictRow>([
    insert,
    audit,
    touchClaimStatement(db, claimId, now),
    read,
  ]);
  const row = results[3]?.results[0];
  if (!row) throw new Error('verdict insert did not return the row');
  return toVerdict(row);
}
