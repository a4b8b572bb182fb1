/**
 * Related fact-checks off the request path (migration 0020, d1/related.ts). The `claim.related`
 * job asks the matcher for one claim's published matches and stores them both ways (the claim's
 * own list, and the claim in the lists of the claims it matches), then purges the claim pages
 * whose list may have changed. It is queued by relatedSoon() after every write that changed a
 * claim's public face (publication, correction, edit, retraction, removal: purgeChanged()), by the
 * 10-minute sweep for claims with no list or a list computed from another text, and by a claim
 * page that found no list (the page then asks the matcher itself, once).
 */
import type { Bindings } from '../env';
import type { JobHandler } from '../jobs/registry';
import { matcherFor } from '../match/matcher';
import { claimsWithoutRelated, RELATED_KEEP, relatedSubject, saveRelated } from '../../d1/related';
import { purgeKeys } from '../embeds/cache';
import { edgePurgerOf } from './edge-purge';
import { claimPageKeys, claimPageUrls } from './page-cache';

export const RELATED_JOB = 'claim.related';
/** Claims the sweep queues per tick (one queue sendBatch holds at most 100 messages). */
export const RELATED_SWEEP_LIMIT = 100;

/**
 * Recomputes one claim's related list and its place in the others'. Returns the claims whose
 * page may show a different list (the claim itself, the claims it matches now or matched before).
 */
export async function computeRelated(
  env: Pick<Bindings, 'DB' | 'AI' | 'VECTORIZE' | 'EMBEDDER' | 'ENVIRONMENT'>,
  claimId: string,
  now: Date,
): Promise<string[]> {
  const db = env.DB;
  const subject = await relatedSubject(db, claimId);
  if (!subject) return [];
  const onSite =
    (subject.status === 'published' || subject.status === 'retracted') && !subject.removed_at;
  const listed = subject.status === 'published' && !subject.removed_at;
  const found = onSite
    ? await matcherFor(db, env).find(subject.text, {
        publishedOnly: true,
        excludeId: subject.id,
        limit: RELATED_KEEP,
      })
    : [];
  const matches = found
    .filter((m) => m.id !== subject.id)
    .map((m) => ({ id: m.id, score: m.similarity }));
  await saveRelated(db, { id: subject.id, textHash: subject.text_hash }, matches, {
    own: onSite,
    listed,
    now: now.toISOString(),
  });
  return [
    ...new Set([subject.id, ...subject.incoming, ...(listed ? matches.map((m) => m.id) : [])]),
  ];
}

/** Purges the pages of `ids` in this data centre (and everywhere with a zone purger); never throws. */
async function purgePages(
  env: Pick<Bindings, 'PUBLIC_ORIGIN' | 'PURGE_ZONE_ID' | 'PURGE_API_TOKEN' | 'PURGE_API'>,
  ids: string[],
): Promise<void> {
  // Without PUBLIC_ORIGIN the page keys are unknown here (they carry the request's origin): the
  // pages then show the new list when their cached copy expires (CLAIM_PAGE_EDGE_SECONDS).
  if (!env.PUBLIC_ORIGIN || ids.length === 0) return;
  const origin = new URL(env.PUBLIC_ORIGIN).origin;
  try {
    await purgeKeys(ids.flatMap((id) => claimPageKeys(origin, id)));
    const purger = edgePurgerOf(env);
    if (purger) await purger.purgeUrls(ids.flatMap((id) => claimPageUrls(origin, id)));
  } catch (err) {
    console.error(
      JSON.stringify({
        level: 'error',
        message: 'related purge failed',
        detail: err instanceof Error ? err.message : 'unknown',
      }),
    );
  }
}

export const relatedJob: JobHandler = {
  async run(body, env) {
    const claimId = typeof body.claimId === 'string' ? body.claimId : '';
    if (!claimId) return;
    const changed = await computeRelated(env, claimId, new Date());
    await purgePages(env, changed);
  },
};

/** Queue `claim.related` for these claims; never throws (the sweep catches what this misses). */
export async function relatedSoon(
  env: Pick<Bindings, 'JOBS'>,
  claimIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(claimIds)].slice(0, 100);
  if (ids.length === 0) return;
  try {
    await env.JOBS.sendBatch(ids.map((claimId) => ({ body: { type: RELATED_JOB, claimId } })));
  } catch (error) {
    // Not fatal: the sweep finds claims without a list, an edit's text change by its hash, and a
    // page reads only related claims that are still published.
    console.log(
      JSON.stringify({
        level: 'warn',
        event: 'related.enqueue_failed',
        claims: ids.length,
        error: String(error),
      }),
    );
  }
}

/** The 10-minute sweep: claims without a list, or with a list computed from another text. */
export async function sweepRelated(env: Bindings): Promise<number> {
  const ids = await claimsWithoutRelated(env.DB, RELATED_SWEEP_LIMIT);
  await relatedSoon(env, ids);
  return ids.length;
}
