/** "Was this helpful?" votes on published claim pages: one per reader per claim per day. */

export type FeedbackOutcome = 'recorded' | 'duplicate' | 'not_found';

/**
 * Record one vote. The INSERT only happens for a published claim, and UNIQUE(claim_id,
 * reader_hash) keeps one vote per reader (reader_hash is a keyed hash of address + UTC day).
 */
export async function recordFeedback(
  db: D1Database,
  input: { claimId: string; helpful: boolean; reason: string | null; readerHash: string },
): Promise<FeedbackOutcome> {
  const [insert, claim] = await db.batch<{ ok: number }>([
    db
      .prepare(
        `INSERT INTO feedback (claim_id, helpful, reason, reader_hash, created_at)
         SELECT id, ?2, ?3, ?4, ?5 FROM claims WHERE id = ?1 AND status = 'published'
         ON CONFLICT (claim_id, reader_hash) DO NOTHING RETURNING 1 AS ok`,
      )
      .bind(
        input.claimId,
        input.helpful ? 1 : 0,
        input.reason,
        input.readerHash,
        new Date().toISOString(),
      ),
    db
      .prepare(`SELECT 1 AS ok FROM claims WHERE id = ?1 AND status = 'published'`)
      .bind(input.claimId),
  ]);
  // RETURNING yields a row only when the vote was stored (D1's meta.changes is not reliable for that).
  if (insert?.results.length === 1) return 'recorded';
  return claim?.results[0] ? 'duplicate' : 'not_found';
}

export interface FeedbackSummary {
  helpful: number;
  notHelpful: number;
  /** The newest reasons readers gave (text as typed; render escaped). */
  recentReasons: { helpful: boolean; reason: string; createdAt: string }[];
}

/** The two reads behind a feedback summary, for callers that batch them with other reads. */
export function feedbackStatements(
  db: D1Database,
  claimId: string,
  reasons = 20,
): [D1PreparedStatement, D1PreparedStatement] {
  return [
    db
      .prepare(
        `SELECT COALESCE(SUM(helpful), 0) AS yes, COALESCE(SUM(1 - helpful), 0) AS no FROM feedback WHERE claim_id = ?1`,
      )
      .bind(claimId),
    db
      .prepare(
        `SELECT helpful, reason, created_at FROM feedback WHERE claim_id = ?1 AND reason IS NOT NULL ORDER BY id DESC LIMIT ?2`,
      )
      .bind(claimId, reasons),
  ];
}

/** Map the results of feedbackStatements() to a summary. */
export function toFeedbackSummary(
  counts: D1Result<unknown> | undefined,
  recent: D1Result<unknown> | undefined,
): FeedbackSummary {
  const c = counts?.results[0] as { yes: number; no: number } | undefined;
  const rows = (recent?.results ?? []) as { helpful: number; reason: string; created_at: string }[];
  return {
    helpful: c?.yes ?? 0,
    notHelpful: c?.no ?? 0,
    recentReasons: rows.map((r) => ({
      helpful: r.helpful === 1,
      reason: r.reason,
      createdAt: r.created_at,
    })),
  };
}

/** Vote counts and the newest reasons for one claim (shown to editors on the desk). */
export async function feedbackSummary(
  db: D1Database,
  claimId: string,
  reasons = 20,
): Promise<FeedbackSummary> {
  const [counts, recent] = await db.batch<unknown>(feedbackStatements(db, claimId, reasons));
  return toFeedbackSummary(counts, recent);
}
