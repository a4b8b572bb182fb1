import { auditStatement, type Actor } from './audit';

export interface Rating {
  key: string;
  /** Position on the scale (higher = truer), or null for non-scale ratings such as "unproven". */
  value: number | null;
  color: string;
  position: number;
  labels: Record<string, string>;
}

export interface RatingRow {
  key: string;
  value: number | null;
  color: string;
  position: number;
  labels: string;
}

export function toRating(row: RatingRow): Rating {
  return {
    key: row.key,
    value: row.value,
    color: row.color,
    position: row.position,
    labels: JSON.parse(row.labels) as Record<string, string>,
  };
}

/** The ratings of the active scale, in display order. */
export async function activeRatings(db: D1Database): Promise<Rating[]> {
  const { results } = await db
    .prepare(
      `SELECT r.key, r.value, r.color, r.position, r.labels FROM ratings r
       JOIN rating_scales s ON s.id = r.scale_id WHERE s.active = 1 ORDER BY r.position`,
    )
    .all<RatingRow>();
  return results.map(toRating);
}

/** Create or replace one rating of a scale (admin), with its audit row, in one batch. */
export async function upsertRating(
  db: D1Database,
  scaleId: string,
  r: Rating,
  actor: Actor,
): Promise<void> {
  const upsert = db
    .prepare(
      `INSERT INTO ratings (scale_id, key, value, color, position, labels) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       ON CONFLICT (scale_id, key) DO UPDATE SET value = excluded.value, color = excluded.color,
         position = excluded.position, labels = excluded.labels`,
    )
    .bind(scaleId, r.key, r.value, r.color, r.position, JSON.stringify(r.labels));
  await db.batch([
    upsert,
    auditStatement(
      db,
      actor,
      'rating.upsert',
      { type: 'rating', id: `${scaleId}/${r.key}` },
      null,
      r,
    ),
  ]);
}
