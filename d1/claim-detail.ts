import { auditTrailStatement, toAuditEntry, type AuditEntry, type AuditRow } from './audit';
import { selectClaim, toClaim, type Claim, type ClaimRow } from './claims';
import {
  draftStatement,
  mapDraft,
  mapPublishRequest,
  mapVersions,
  publishRequestStatement,
  versionsStatement,
  type ClaimDraft,
  type ClaimVersion,
  type PublishRequest,
} from './corrections';
import { settingsStatement, toSettings, type NewsroomSettings } from './settings';
import { sourcesStatement, toSource, type Source, type SourceRow } from './sources';
import { toVerdict, verdictHistoryStatement, type Verdict, type VerdictRow } from './verdicts';

export interface ClaimDetail {
  claim: Claim;
  /** Every source, a correction draft's additions and withdrawals included (see `draft`). */
  sources: Source[];
  /** Every verdict version, oldest first. */
  verdicts: Verdict[];
  /** The newest verdict version (draft or published), if any. */
  currentVerdict: Verdict | null;
  /** The newest verdict version readers can see, if any. */
  publishedVerdict: Verdict | null;
  audit: AuditEntry[];
  /** The correction or update being prepared beside a published claim. */
  draft: ClaimDraft | null;
  /** The public record: every published version, oldest first. */
  versions: ClaimVersion[];
  /** A request for a second editor to publish, if one is pending. */
  publishRequest: PublishRequest | null;
  settings: NewsroomSettings;
}

/** The statements behind a ClaimDetail, for callers that batch more reads with them. */
export function claimDetailStatements(db: D1Database, id: string): D1PreparedStatement[] {
  return [
    selectClaim(db, id),
    sourcesStatement(db, id),
    verdictHistoryStatement(db, id),
    auditTrailStatement(db, 'claim', id),
    draftStatement(db, id),
    versionsStatement(db, id),
    publishRequestStatement(db, id),
    settingsStatement(db),
  ];
}
export const CLAIM_DETAIL_STATEMENTS = 8;

/** Map the results of claimDetailStatements() (null when the claim does not exist). */
export function toClaimDetail(results: D1Result<unknown>[]): ClaimDetail | null {
  const [claim, sources, verdicts, audit, draft, versions, request, settings] = results;
  const row = claim?.results[0] as ClaimRow | undefined;
  if (!row) return null;
  const history = ((verdicts?.results ?? []) as VerdictRow[]).map(toVerdict);
  return {
    claim: toClaim(row),
    sources: ((sources?.results ?? []) as SourceRow[]).map(toSource),
    verdicts: history,
    currentVerdict: history.at(-1) ?? null,
    publishedVerdict: history.filter((v) => v.publishedAt !== null).at(-1) ?? null,
    audit: ((audit?.results ?? []) as AuditRow[]).map(toAuditEntry),
    draft: mapDraft(draft?.results),
    versions: mapVersions(versions?.results),
    publishRequest: mapPublishRequest(request?.results),
    settings: toSettings(settings?.results as { key: string; value: string }[]),
  };
}

/** A claim with its sources, verdict history, audit trail and public record: one round trip. */
export async function getClaimDetail(db: D1Database, id: string): Promise<ClaimDetail | null> {
  return toClaimDetail(await db.batch<unknown>(claimDetailStatements(db, id)));
}
