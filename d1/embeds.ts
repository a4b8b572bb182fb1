/**
 * What embeds (badges, cards, oEmbed) may show about a claim, read in ONE query: the claim's
 * status, language and text, its newest published verdict (or a pinned published version) and
 * that verdict's rating on the active scale. Deciding what is public is the caller's job.
 */

export interface EmbedClaim {
  id: string;
  status: string;
  language: string;
  text: string;
  /** claims.version: bumps on every edit and status change. */
  version: number;
  /** An admin removed the (retracted) claim from the public site (migration 0016). */
  removed: boolean;
  verdict: EmbedVerdict | null;
}

export interface EmbedVerdict {
  version: number;
  ratingKey: string;
  headline: string;
  language: string;
  publishedAt: string;
  /** Public note of the latest correction or update (live answers only), else null. */
  correctionNote: string | null;
  /** The rating's row on the active scale; null when the key is not on it (any more). */
  rating: { color: string; labels: Record<string, string>; value: number | null } | null;
}

export interface EmbedClaimRow {
  id: string;
  status: string;
  language: string;
  text: string;
  version: number;
  removed: number;
  verdict_version: number | null;
  rating_key: string | null;
  headline: string | null;
  verdict_language: string | null;
  published_at: string | null;
  correction_note: string | null;
  rating_color: string | null;
  rating_labels: string | null;
  rating_value: number | null;
}

function parseLabels(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object') return {};
    return Object.fromEntries(
      Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

export function toEmbedClaim(row: EmbedClaimRow): EmbedClaim {
  const verdict: EmbedVerdict | null =
    row.verdict_version !== null && row.rating_key !== null && row.published_at !== null
      ? {
          version: row.verdict_version,
          ratingKey: row.rating_key,
          headline: row.headline ?? '',
          language: row.verdict_language ?? row.language,
          publishedAt: row.published_at,
          correctionNote: row.correction_note,
          rating:
            row.rating_color !== null
              ? {
                  color: row.rating_color,
                  labels: parseLabels(row.rating_labels ?? '{}'),
                  value: row.rating_value,
                }
              : null,
        }
      : null;
  return {
    id: row.id,
    status: row.status,
    language: row.language,
    text: row.text,
    version: row.version,
    removed: row.removed === 1,
    verdict,
  };
}

/**
 * The claim `id` with its newest published verdict, or with published version `pinnedVersion`
 * when given (null verdict if that version was never published). Null when no such claim.
 */
export async function getEmbedClaim(
  db: D1Database,
  id: string,
  pinnedVersion: number | null = null,
): Promise<EmbedClaim | null> {
  const row = await db
    .prepare(
      `SELECT c.id, c.status, c.language, c.text, c.version, c.removed_at IS NOT NULL AS removed,
         v.version AS verdict_version, v.rating_key, v.headline, v.language AS verdict_language, v.published_at,
         CASE WHEN ?2 IS NULL THEN (SELECT cv.note FROM claim_versions cv WHERE cv.claim_id = c.id
           AND cv.kind IN ('correction', 'update') ORDER BY cv.number DESC LIMIT 1) END AS correction_note,
         r.color AS rating_color, r.labels AS rating_labels, r.value AS rating_value
       FROM claims c
       LEFT JOIN verdicts v ON v.id = (
         SELECT pv.id FROM verdicts pv
         WHERE pv.claim_id = c.id AND pv.published_at IS NOT NULL AND (?2 IS NULL OR pv.version = ?2)
         ORDER BY pv.version DESC LIMIT 1)
       LEFT JOIN ratings r ON r.key = v.rating_key
         AND r.scale_id = (SELECT s.id FROM rating_scales s WHERE s.active = 1 ORDER BY s.id LIMIT 1)
       WHERE c.id = ?1`,
    )
    .bind(id, pinnedVersion)
    .first<EmbedClaimRow>();
  return row ? toEmbedClaim(row) : null;
}
