/** Who did a write, for audit rows. userId null = the public or the system. */
export interface Actor {
  userId: number | null;
  requestId: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

export const AUDIT_COLUMNS = `a.id, a.at, a.actor_id, u.name AS actor_name, a.action, a.entity_type, a.entity_id, a.before, a.after`;

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  };
}

/**
 * An audit insert to put in the same db.batch() as the write it records.
 * With `onlyIfChanged`, the row is written only when the statement just before it in the
 * batch changed exactly one row (a guarded UPDATE that lost a race writes no audit row).
 * It returns the new row's id, so `results.length === 1` tells whether the write won
 * (D1's meta.changes is not usable for that: it also counts trigger rows).
 */
export function auditStatement(
  db: D1Database,
  actor: Actor,
  action: string,
  entity: { type: string; id: string },
  before: unknown,
  after: unknown,
  opts: { onlyIfChanged?: boolean; at?: string } = {},
): D1PreparedStatement {
  const sql = `INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, before, after, request_id)
    SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 ${opts.onlyIfChanged ? 'WHERE changes() = 1' : ''} RETURNING id`;
  return db
    .prepare(sql)
    .bind(
      opts.at ?? new Date().toISOString(),
      actor.userId,
      action,
      entity.type,
      entity.id,
      before === undefined || before === null ? null : JSON.stringify(before),
      after === undefined || after === null ? null : JSON.stringify(after),
      actor.requestId,
    );
}

/** Audit trail of one entity, oldest first. */
export function auditTrailStatement(
  db: D1Database,
  entityType: string,
  entityId: string,
  limit = 200,
): D1PreparedStatement {
  return db
    .prepare(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       WHERE a.entity_type = ?1 AND a.entity_id = ?2 ORDER BY a.id LIMIT ?3`,
    )
    .bind(entityType, entityId, limit);
}

export async function auditTrail(
  db: D1Database,
  entityType: string,
  entityId: string,
): Promise<AuditEntry[]> {
  const { results } = await auditTrailStatement(db, entityType, entityId).all<AuditRow>();
  return results.map(toAuditEntry);
}

export type { AuditRow };
