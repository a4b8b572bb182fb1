/** Undo of a status move through the API: POST /api/v1/claims/:id/transition/undo. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { auditTrail } from '../../d1/audit';
import { createClaim, getClaim } from '../../d1/claims';
import { appendVerdict } from '../../d1/verdicts';
import type { ClaimStatus } from '../../worker/lib/status';
import { callJson, count, makeUser, unique } from '../helpers';

const system = { userId: null, requestId: 't' };

/** A claim put straight into a status (version 1, with an unpublished verdict). */
async function claimIn(status: ClaimStatus, duplicateOf: string | null = null): Promise<string> {
  const claim = await createClaim(
    env.DB,
    { text: `${unique('Undo ')} grew 7%`, language: 'en', status: 'queued' },
    system,
  );
  await appendVerdict(
    env.DB,
    claim.id,
    {
      ratingKey: 'true',
      headline: 'Right',
      explanation: 'Checked.',
      language: 'en',
      correctionNote: null,
    },
    system,
  );
  await env.DB.prepare('UPDATE claims SET status = ?2, duplicate_of = ?3 WHERE id = ?1')
    .bind(claim.id, status, duplicateOf)
    .run();
  return claim.id;
}

async function move(token: string, id: string, to: ClaimStatus, duplicateOf?: string) {
  const { res, body } = await callJson(`/api/v1/claims/${id}/transition`, {
    token,
    body: { to, duplicateOf },
  });
  expect(res.status).toBe(200);
  return body.claim as { version: number; status: ClaimStatus; duplicateOf: string | null };
}

const undo = (token: string, id: string, body: unknown, headers?: Record<string, string>) =>
  callJson(`/api/v1/claims/${id}/transition/undo`, { token, body, headers });

const undoRows = (id: string) => count('audit_log', "entity_id = ?1 AND action = 'claim.undo'", id);

describe('undo of a status move (API)', () => {
  const CASES: { from: ClaimStatus; to: ClaimStatus }[] = [
    { from: 'rejected', to: 'queued' },
    { from: 'queued', to: 'rejected' },
    { from: 'in_review', to: 'queued' },
    { from: 'queued', to: 'in_review' },
    { from: 'candidate', to: 'queued' },
    { from: 'candidate', to: 'rejected' },
    { from: 'submitted', to: 'rejected' },
    { from: 'submitted', to: 'queued' },
  ];
  for (const { from, to } of CASES) {
    it(`${from} → ${to}, then undo: back to ${from}, audited, version bumped`, async () => {
      const u = await makeUser();
      const id = await claimIn(from);
      const moved = await move(u.token, id, to);
      expect(moved.version).toBe(2);
      const { res, body } = await undo(u.token, id, { version: 2 });
      expect(res.status).toBe(200);
      expect(res.headers.get('ETag')).toBe('"v3"');
      expect(body.claim).toMatchObject({ status: from, version: 3 });
      expect(await getClaim(env.DB, id)).toMatchObject({ status: from, version: 3 });
      const last = (await auditTrail(env.DB, 'claim', id)).at(-1);
      expect(last).toMatchObject({
        action: 'claim.undo',
        actorId: u.id,
        before: { status: to, version: 2 },
        after: { status: from, version: 3 },
      });
    });
  }

  it('submitted → duplicate, then undo: submitted again and the duplicate link is gone', async () => {
    const u = await makeUser();
    const original = await claimIn('published');
    const id = await claimIn('submitted');
    const moved = await move(u.token, id, 'duplicate', original);
    expect(moved.duplicateOf).toBe(original);
    const { res, body } = await undo(u.token, id, { version: moved.version });
    expect(res.status).toBe(200);
    expect(body.claim).toMatchObject({ status: 'submitted', duplicateOf: null });
  });

  it('duplicate → queued removes the duplicate link; undo restores it', async () => {
    const u = await makeUser();
    const original = await claimIn('published');
    const id = await claimIn('duplicate', original);
    const moved = await move(u.token, id, 'queued');
    expect(moved).toMatchObject({ status: 'queued', duplicateOf: null });
    expect((await getClaim(env.DB, id))?.duplicateOf).toBeNull();
    const { res, body } = await undo(u.token, id, { version: moved.version });
    expect(res.status).toBe(200);
    expect(body.claim).toMatchObject({ status: 'duplicate', duplicateOf: original });
  });

  it('a later write supersedes the move: 409 superseded, nothing written', async () => {
    const u = await makeUser();
    const id = await claimIn('queued');
    const moved = await move(u.token, id, 'rejected');
    const edit = await callJson(`/api/v1/claims/${id}`, {
      token: u.token,
      method: 'PATCH',
      body: { claimant: 'The minister' },
      headers: { 'If-Match': `"v${moved.version}"` },
    });
    expect(edit.res.status).toBe(200);
    const audits = await count('audit_log', 'entity_id = ?1', id);
    const { res, body } = await undo(u.token, id, { version: moved.version });
    expect(res.status).toBe(409);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(body).toMatchObject({ code: 'superseded', current: { version: 3 } });
    expect(await getClaim(env.DB, id)).toMatchObject({ status: 'rejected', version: 3 });
    expect(await count('audit_log', 'entity_id = ?1', id)).toBe(audits);
    expect(await undoRows(id)).toBe(0);
  });

  it('an undo is itself a write: undoing twice is superseded the second time', async () => {
    const u = await makeUser();
    const id = await claimIn('queued');
    const moved = await move(u.token, id, 'rejected');
    expect((await undo(u.token, id, { version: moved.version })).res.status).toBe(200);
    const again = await undo(u.token, id, { version: moved.version });
    expect(again.res.status).toBe(409);
    expect(again.body.code).toBe('superseded');
    expect(await getClaim(env.DB, id)).toMatchObject({ status: 'queued', version: 3 });
    expect(await undoRows(id)).toBe(1);
  });

  it('never undoes a publication, nor a version no move produced', async () => {
    const u = await makeUser();
    const id = await claimIn('in_review');
    const published = await move(u.token, id, 'published');
    const r = await undo(u.token, id, { version: published.version });
    expect(r.res.status).toBe(409);
    expect(r.body.code).toBe('not_undoable');
    expect(await getClaim(env.DB, id)).toMatchObject({ status: 'published', version: 2 });
    const fresh = await claimIn('queued');
    const none = await undo(u.token, fresh, { version: 1 });
    expect(none.res.status).toBe(409);
    expect(none.body.code).toBe('not_undoable');
    expect(await undoRows(id)).toBe(0);
    expect(await undoRows(fresh)).toBe(0);
  });

  it('If-Match, when sent, must name the current version (412), as on a move', async () => {
    const u = await makeUser();
    const id = await claimIn('queued');
    const moved = await move(u.token, id, 'rejected');
    const stale = await undo(u.token, id, { version: moved.version }, { 'If-Match': '"v1"' });
    expect(stale.res.status).toBe(412);
    expect(stale.body.code).toBe('version_conflict');
    expect(await undoRows(id)).toBe(0);
    const ok = await undo(u.token, id, { version: moved.version }, { 'If-Match': '"v2"' });
    expect(ok.res.status).toBe(200);
  });

  it('bad input is a 4xx with the field named; an unknown claim is a 404', async () => {
    const u = await makeUser();
    const id = await claimIn('queued');
    for (const body of [{}, { version: 'two' }, { version: 0 }, { version: 2, extra: 1 }]) {
      const r = await undo(u.token, id, body);
      expect(r.res.status).toBeGreaterThanOrEqual(400);
      expect(r.res.status).toBeLessThan(500);
      expect(r.body.errors.length).toBeGreaterThan(0);
    }
    const missing = await undo(u.token, '0000000000000000', { version: 2 });
    expect(missing.res.status).toBe(404);
  });
});
