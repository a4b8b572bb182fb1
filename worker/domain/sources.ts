/**
 * Sources of a claim, the same for the JSON API and the desk. Before publication they change
 * directly; on a published claim they change only inside its correction draft (an addition
 * waits for the draft's publication, a removal or edit withdraws the public copy then), so
 * readers never see a source change without a public note; a retracted claim is closed.
 */
import type { Actor } from '../../d1/audit';
import { getDraftState } from '../../d1/corrections';
import {
  addSource,
  deleteSource,
  getSource,
  updateSource,
  withdrawSourceInDraft,
  type Source,
  type SourceInput,
} from '../../d1/sources';
import { draftRequired, RETRACTED } from './corrections';
import { refuse, type Outcome, type Refusal } from './outcome';

const sourceNotFound: Refusal = {
  kind: 'invalid',
  fields: [{ field: 'sourceId', message: 'No such source on this claim' }],
};

/** Whether the claim's sources may change, and whether changes go into its draft. */
async function sourceMode(
  db: D1Database,
  claimId: string,
): Promise<{ ok: true; inDraft: boolean } | { ok: false; refusal: Refusal }> {
  const state = await getDraftState(db, claimId);
  if (!state) return refuse({ kind: 'not-found' });
  if (state.status === 'retracted') return refuse(RETRACTED);
  if (state.status !== 'published') return { ok: true, inDraft: false };
  if (!state.hasDraft) return refuse(draftRequired('sources'));
  return { ok: true, inDraft: true };
}

export async function addClaimSource(
  db: D1Database,
  claimId: string,
  input: SourceInput,
  actor: Actor,
): Promise<Outcome<Source>> {
  const mode = await sourceMode(db, claimId);
  if (!mode.ok) return mode;
  const source = await addSource(db, claimId, input, actor, mode.inDraft ? 'add' : null);
  return { ok: true, value: source, changed: [] };
}

export async function editClaimSource(
  db: D1Database,
  claimId: string,
  sourceId: number,
  input: SourceInput,
  actor: Actor,
): Promise<Outcome<Source>> {
  const [mode, before] = await Promise.all([
    sourceMode(db, claimId),
    getSource(db, claimId, sourceId),
  ]);
  if (!mode.ok) return mode;
  if (!before || before.draft === 'remove') return refuse(sourceNotFound);
  const source =
    mode.inDraft && before.draft === null
      ? await withdrawSourceInDraft(db, before, input, actor)
      : await updateSource(db, before, input, actor);
  return source ? { ok: true, value: source, changed: [] } : refuse(sourceNotFound);
}

export async function removeClaimSource(
  db: D1Database,
  claimId: string,
  sourceId: number,
  actor: Actor,
): Promise<Outcome<null>> {
  const [mode, before] = await Promise.all([
    sourceMode(db, claimId),
    getSource(db, claimId, sourceId),
  ]);
  if (!mode.ok) return mode;
  if (!before || before.draft === 'remove') return refuse(sourceNotFound);
  const gone =
    mode.inDraft && before.draft === null
      ? (await withdrawSourceInDraft(db, before, null, actor)) !== null
      : await deleteSource(db, before, actor);
  return gone ? { ok: true, value: null, changed: [] } : refuse(sourceNotFound);
}
