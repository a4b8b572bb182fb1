/** Test data for the public side, made through core's d1 functions (no SQL shortcuts). */
import { env } from 'cloudflare:workers';
import type { Actor } from '../../d1/audit';
import { createClaim, type Claim, type ClaimantType } from '../../d1/claims';
import { moveClaim } from '../../worker/domain/claim-workflow';
import { publishCorrection, startCorrection } from '../../worker/domain/corrections';
import { addVerdict } from '../../worker/domain/verdicts';
import { addSource, type SourceInput } from '../../d1/sources';
import { appendVerdict } from '../../d1/verdicts';
import { unique } from '../helpers';

export const ACTOR: Actor = { userId: null, requestId: 'test-public' };

export interface PublishOptions {
  text?: string;
  language?: string;
  claimant?: string | null;
  claimantType?: ClaimantType | null;
  claimDate?: string | null;
  appearances?: string[];
  rating?: string;
  headline?: string;
  explanation?: string;
  verdictLanguage?: string;
  sources?: Partial<SourceInput>[];
  corrections?: { rating: string; headline?: string; note: string }[];
}

async function move(claim: Claim, to: Claim['status']): Promise<Claim> {
  const r = await moveClaim(env.DB, claim.id, to, {}, ACTOR);
  if (!r.ok) throw new Error(`move to ${to} failed: ${r.refusal.kind}`);
  return r.value;
}

/** A claim taken through queued → in_review → published, with a verdict, sources and corrections. */
export async function publishedClaim(o: PublishOptions = {}): Promise<Claim> {
  const language = o.language ?? 'en';
  let claim = await createClaim(
    env.DB,
    {
      text: o.text ?? `${unique('Unemployment ')} fell by 12% in 2025`,
      language,
      status: 'queued',
      claimant: o.claimant === undefined ? 'A. Minister' : o.claimant,
      claimantType: o.claimantType === undefined ? 'person' : o.claimantType,
      claimDate: o.claimDate === undefined ? '2026-03-01' : o.claimDate,
      appearances: o.appearances ?? ['https://news.example/story'],
    },
    ACTOR,
  );
  claim = await move(claim, 'in_review');
  for (const s of o.sources ?? []) {
    await addSource(
      env.DB,
      claim.id,
      {
        url: 'https://stats.example/t1',
        title: 'Table 1',
        publisher: 'Stats Office',
        excerpt: null,
        stance: 'refutes',
        archivedUrl: null,
        ...s,
      },
      ACTOR,
    );
  }
  await appendVerdict(
    env.DB,
    claim.id,
    {
      ratingKey: o.rating ?? 'false',
      headline: o.headline ?? 'Unemployment did not fall by 12%',
      explanation: o.explanation ?? 'The statistics office reports a 2% fall.',
      language: o.verdictLanguage ?? language,
      correctionNote: null,
    },
    ACTOR,
  );
  claim = await move(claim, 'published');
  for (const c of o.corrections ?? [])
    claim = await correct(claim, c, o.verdictLanguage ?? language);
  return claim;
}

/** Publish a correction the way editors do: open a draft, add a verdict, publish with a note. */
export async function correct(
  claim: Claim,
  c: { rating: string; headline?: string; explanation?: string; note: string },
  language = claim.language,
): Promise<Claim> {
  const started = await startCorrection(env.DB, claim.id, null, ACTOR);
  if (!started.ok) throw new Error(`start correction failed: ${started.refusal.kind}`);
  const added = await addVerdict(
    env.DB,
    claim.id,
    {
      ratingKey: c.rating,
      headline: c.headline ?? 'Corrected headline',
      explanation: c.explanation ?? 'Corrected explanation.',
      language,
    },
    ACTOR,
  );
  if (!added.ok) throw new Error(`draft verdict failed: ${added.refusal.kind}`);
  const published = await publishCorrection(
    env.DB,
    claim.id,
    { expectedVersion: null, note: c.note },
    ACTOR,
  );
  if (!published.ok) throw new Error(`publish correction failed: ${published.refusal.kind}`);
  return published.value;
}

/** A claim that never got published (draft verdict only). */
export async function unpublishedClaim(
  text = `${unique('Draft ')} claim about prices`,
): Promise<Claim> {
  let claim = await createClaim(env.DB, { text, language: 'en', status: 'queued' }, ACTOR);
  claim = await move(claim, 'in_review');
  await appendVerdict(
    env.DB,
    claim.id,
    {
      ratingKey: 'true',
      headline: 's',
      explanation: 'e',
      language: 'en',
      correctionNote: null,
    },
    ACTOR,
  );
  return claim;
}

/** A distinct client address per test, so rate limits do not leak between tests. */
export function address(): string {
  const n = () => Math.floor(Math.random() * 250) + 1;
  return `10.${n()}.${n()}.${n()}`;
}

/** Extract the ClaimReview JSON-LD blocks of a page. */
export function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1]!),
  );
}
