/** The claim rules called directly (no HTTP), against the real D1: edit, assign, move, verdicts, triage. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../d1/audit';
import { createArticleWithClaims, type NewCandidate } from '../../d1/articles';
import { createClaim, getClaim } from '../../d1/claims';
import { createUser, updateUser } from '../../d1/users';
import { editClaim } from '../../worker/domain/claim-edit';
import { moveClaim, reviewCandidates } from '../../worker/domain/claim-workflow';
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
    expect(await addVerdict(env.DB, claim.id, verdict, actor)).toMatchObject({
      ok: true,
      value: { version: 1 },
      changed: [claim.id],
    });
    expect(
      await moveClaim(env.DB, claim.id, 'published', { expectedVersion: 'any' }, actor),
    ).toMatchObject({ ok: true, changed: [claim.id] });
    // A correction to a published verdict needs a note.
    expect(await addVerdict(env.DB, claim.id, verdict, actor)).toMatchObject({
      ok: false,
      refusal: { kind: 'invalid', fields: [{ field: 'correctionNote' }] },
    });
    const corrected = await addVerdict(
      env.DB,
      claim.id,
      { ...verdict, correctionNote: 'New customs figures.' },
      actor,
    );
    expect(corrected).toMatchObject({
      ok: true,
      value: { version: 2, correctionNote: 'New customs figures.' },
      changed: [claim.id],
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
