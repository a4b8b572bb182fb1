/** The claim rules called directly (no HTTP), against the real D1: edit, assign, move, verdicts, triage. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../d1/audit';
import { createArticleWithClaims, type NewCandidate } from '../../d1/articles';
import { createClaim, getClaim } from '../../d1/claims';
import { createUser, updateUser } from '../../d1/users';
import { editClaim } from '../../worker/domain/claim-edit';
import { getClaimAndLastMove, undoTransition } from '../../d1/claim-undo';
import {
  moveClaim,
  reviewCandidates,
  undoMove,
  undoMoves,
} from '../../worker/domain/claim-workflow';
import { addVerdict } from '../../worker/domain/verdicts';
import { count, makeUser, unique } from '../helpers';

const actor: Actor = { userId: null, requestId: 'test-domain' };
const newClaim = (status: 'queued' | 'candidate' = 'queued') =>
  createClaim(
    env.DB,
    { text: `${unique('Exports ')} grew 7% in 2025`, language: 'en', status },
    actor,
  );
const verdict = {
  ratingKey: 'false',
  headline: 'It did not',
  explanation: 'The customs data says 2%.',
  language: 'en',
};

describe('editClaim', () => {
  it('applies an edit to the expected version and reports the claim as changed', async () => {
    const claim = await newClaim();
    const r = await editClaim(env.DB, claim.id, { claimant: 'The minister' }, claim.version, actor);
    expect(r).toMatchObject({
      ok: true,
      value: { claimant: 'The minister', version: 2 },
      changed: [claim.id],
    });
    expect(await count('audit_log', "entity_id = ?1 AND action = 'claim.update'", claim.id)).toBe(
      1,
    );
  });

  it('refuses a stale version with the current claim and writes nothing', async () => {
    const claim = await newClaim();
    await editClaim(env.DB, claim.id, { claimant: 'A' }, 1, actor);
    const r = await editClaim(env.DB, claim.id, { claimant: 'B' }, [1, 3], actor);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal).toMatchObject({ kind: 'stale', current: { claimant: 'A', version: 2 } });
    expect((await getClaim(env.DB, claim.id))?.claimant).toBe('A');
    expect(await editClaim(env.DB, claim.id, { claimant: 'C' }, 'any', actor)).toMatchObject({
      ok: true,
      value: { version: 3 },
    });
  });

  it('not-found for an unknown claim', async () => {
    expect(await editClaim(env.DB, '0000000000000000', { claimant: 'X' }, 1, actor)).toEqual({
      ok: false,
      refusal: { kind: 'not-found' },
    });
  });

  it('assigns only active accounts; an assignee change is not a public change', async () => {
    const claim = await newClaim();
    const editor = await makeUser('editor');
    const assigned = await editClaim(env.DB, claim.id, { assigneeId: editor.id }, 1, actor);
    expect(assigned).toMatchObject({ ok: true, value: { assigneeId: editor.id }, changed: [] });
    const gone = await createUser(
      env.DB,
      {
        email: `${unique('gone')}@test.example`,
        name: 'Gone',
        role: 'editor',
        password: { hash: 'x', salt: 'y', iterations: 1 },
      },
      actor,
    );
    await updateUser(env.DB, gone!, { active: false }, actor);
    for (const assigneeId of [gone!.id, 999_999_999]) {
      const r = await editClaim(env.DB, claim.id, { assigneeId }, 2, actor);
      expect(r).toMatchObject({
        ok: false,
        refusal: { kind: 'invalid', fields: [{ field: 'assigneeId' }] },
      });
    }
    expect(await editClaim(env.DB, claim.id, { assigneeId: null }, 2, actor)).toMatchObject({
      ok: true,
      value: { assigneeId: null },
      changed: [],
    });
  });
});

describe('moveClaim and addVerdict', () => {
  it('move, verdict and publish each report the claim; refusals say why', async () => {
    const claim = await newClaim();
    expect(await moveClaim(env.DB, claim.id, 'published', {}, actor)).toMatchObject({
      ok: false,
      refusal: { kind: 'illegal-move', from: 'queued', to: 'published' },
    });
    expect(
      await moveClaim(env.DB, claim.id, 'in_review', { expectedVersion: 5 }, actor),
    ).toMatchObject({ ok: false, refusal: { kind: 'stale' } });
    expect(
      await moveClaim(env.DB, claim.id, 'in_review', { expectedVersion: 1 }, actor),
    ).toMatchObject({ ok: true, value: { status: 'in_review' }, changed: [claim.id] });
    expect(await moveClaim(env.DB, claim.id, 'published', {}, actor)).toMatchObject({
      ok: false,
      refusal: { kind: 'verdict-required' },
    });
    expect(
      await addVerdict(env.DB, claim.id, { ...verdict, ratingKey: 'nope' }, actor),
    ).toMatchObject({ ok: false, refusal: { kind: 'invalid', fields: [{ field: 'ratingKey' }] } });
    // Not public until published: no claim's public face changed.
    expect(await addVerdict(env.DB, claim.id, verdict, actor)).toMatchObject({
      ok: true,
      value: { version: 1 },
      changed: [],
    });
    expect(
      await moveClaim(env.DB, claim.id, 'published', { expectedVersion: 'any' }, actor),
    ).toMatchObject({ ok: true, changed: [claim.id] });
    // A published verdict changes only through a correction draft.
    expect(await addVerdict(env.DB, claim.id, verdict, actor)).toMatchObject({
      ok: false,
      refusal: { kind: 'conflict', code: 'draft_required' },
    });
  });
});

describe('reviewCandidates', () => {
  it("moves only this article's candidates and reports each moved claim", async () => {
    const candidate = (text: string, start: number): NewCandidate => ({
      text,
      start,
      end: start + text.length,
      score: 0.9,
      type: 'statistic',
      speaker: null,
      why: [],
    });
    const body = `${unique('Article ')}. Exports grew 7% in 2025. Imports fell 3% in 2024.`;
    const made = await createArticleWithClaims(
      env.DB,
      { body, language: 'en', direction: 'ltr' },
      [candidate('Exports grew 7% in 2025.', 10), candidate('Imports fell 3% in 2024.', 40)],
      actor,
    );
    if (!made.ok) throw new Error('article not created');
    const [a, b] = made.claims;
    const elsewhere = await newClaim('candidate');
    const r = await reviewCandidates(
      env.DB,
      made.article.id,
      'accept',
      [a!.id, a!.id, elsewhere.id],
      actor,
    );
    expect(r).toEqual({
      ok: true,
      value: { moved: [{ id: a!.id, version: 2 }] },
      changed: [a!.id],
    });
    expect((await getClaim(env.DB, a!.id))?.status).toBe('queued');
    expect((await getClaim(env.DB, elsewhere.id))?.status).toBe('candidate');
    const again = await reviewCandidates(env.DB, made.article.id, 'reject', [a!.id, b!.id], actor);
    expect(again).toEqual({
      ok: true,
      value: { moved: [{ id: b!.id, version: 2 }] },
      changed: [b!.id],
    });
    expect((await getClaim(env.DB, b!.id))?.status).toBe('rejected');
  });
});

describe('undoMove and undoMoves', () => {
  const candidate = (text: string, start: number): NewCandidate => ({
    text,
    start,
    end: start + text.length,
    score: 0.9,
    type: 'statistic',
    speaker: null,
    why: [],
  });
  async function article() {
    const body = `${unique('Article ')}. Exports grew 7% in 2025. Imports fell 3% in 2024.`;
    const made = await createArticleWithClaims(
      env.DB,
      { body, language: 'en', direction: 'ltr' },
      [candidate('Exports grew 7% in 2025.', 10), candidate('Imports fell 3% in 2024.', 40)],
      actor,
    );
    if (!made.ok) throw new Error('article not created');
    return made;
  }

  it('article triage reject, then undo: both claims are candidates again', async () => {
    const made = await article();
    const ids = made.claims.map((c) => c.id);
    const r = await reviewCandidates(env.DB, made.article.id, 'reject', ids, actor);
    if (!r.ok) throw new Error('not moved');
    const undone = await undoMoves(env.DB, r.value.moved, actor);
    expect(undone).toEqual({ ok: true, value: { undone: 2, superseded: 0 }, changed: ids });
    for (const id of ids)
      expect(await getClaim(env.DB, id)).toMatchObject({ status: 'candidate', version: 3 });
  });

  it('a bulk undo leaves a claim that changed since as it is and counts it', async () => {
    const made = await article();
    const [a, b] = made.claims;
    const r = await reviewCandidates(env.DB, made.article.id, 'accept', [a!.id, b!.id], actor);
    if (!r.ok) throw new Error('not moved');
    await moveClaim(env.DB, b!.id, 'in_review', {}, actor);
    const audits = await count('audit_log', 'entity_id = ?1', b!.id);
    const undone = await undoMoves(env.DB, r.value.moved, actor);
    expect(undone).toEqual({ ok: true, value: { undone: 1, superseded: 1 }, changed: [a!.id] });
    expect(await getClaim(env.DB, a!.id)).toMatchObject({ status: 'candidate' });
    expect(await getClaim(env.DB, b!.id)).toMatchObject({ status: 'in_review', version: 3 });
    expect(await count('audit_log', 'entity_id = ?1', b!.id)).toBe(audits);
  });

  it('refuses a superseded version with the current claim, and not-found', async () => {
    const claim = await newClaim();
    const moved = await moveClaim(env.DB, claim.id, 'rejected', {}, actor);
    expect(moved).toMatchObject({ ok: true, value: { version: 2 } });
    await editClaim(env.DB, claim.id, { claimant: 'A' }, 2, actor);
    expect(await undoMove(env.DB, claim.id, { version: 2 }, actor)).toMatchObject({
      ok: false,
      refusal: { kind: 'superseded', current: { version: 3, status: 'rejected' } },
    });
    expect(await undoMove(env.DB, '0000000000000000', { version: 2 }, actor)).toEqual({
      ok: false,
      refusal: { kind: 'not-found' },
    });
  });

  it('the guarded write loses to a write between the read and the undo (nothing written)', async () => {
    const claim = await newClaim();
    await moveClaim(env.DB, claim.id, 'rejected', {}, actor);
    const read = await getClaimAndLastMove(env.DB, claim.id);
    if (!read?.lastMove) throw new Error('no recorded move');
    expect(read.lastMove).toMatchObject({ from: 'queued', to: 'rejected', version: 2 });
    await editClaim(env.DB, claim.id, { claimant: 'B' }, 2, actor);
    const lost = await undoTransition(env.DB, read.claim, read.lastMove, actor);
    expect(lost).toMatchObject({ ok: false, current: { version: 3, status: 'rejected' } });
    expect(await count('audit_log', "entity_id = ?1 AND action = 'claim.undo'", claim.id)).toBe(0);
  });
});
