import { auditTrailStatement, toAuditEntry, type AuditEntry, type AuditRow } from './audit';
import { selectClaim, toClaim, type Claim, type ClaimRow } from './claims';
import { sourcesStatement, toSource, type Source, type SourceRow } from './sources';
import { toVerdict, verdictHistoryStatement, type Verdict, type VerdictRow } from './verdicts';

export interface ClaimDetail {
  claim: Claim;
  sources: Source[];
  /** Every verdict version, oldest first. */
  verdicts: Verdict[];
  /** The newest verdict version (draft or published), if any. */
  currentVerdict: Verdict | null;
  /** The newest verdict version readers can see, if any. */
  publishedVerdict: Verdict | null;
  audit: AuditEntry[];
}

/** A claim with its sources, verdict history and audit trail: four SELECTs, one round trip. */
export async function getClaimDetail(db: D1Database, id: string): Promise<ClaimDetail | null> {
  const [claim, sources, verdicts, audit] = await db.batch<unknown>([
    selectClaim(db, id),
    sourcesStatement(db, id),
    verdictHistoryStatement(db, id),
    auditTrailStatement(db, 'claim', id),
  ]);
  const row = claim?.results[0] as ClaimRow | undefined;
  if (!row) return null;
  const history = (verdicts?.results as VerdictRow[]).map(toVerdict);
  return {
    claim: toClaim(row),
    sources: (sources?.results as SourceRow[]).map(toSource),
    verdicts: history,
    currentVerdict: history.at(-1) ?? null,
    publishedVerdict: history.filter((v) => v.publishedAt !== null).at(-1) ?? null,
    audit: (audit?.results as AuditRow[]).map(toAuditEntry),
  };
}
