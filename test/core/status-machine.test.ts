import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createClaim, getClaim } from '../../d1/claims';
import { appendVerdict } from '../../d1/verdicts';
import { canMove, STATUSES, type ClaimStatus } from '../../worker/lib/status';
import { callJson, count, makeUser, unique } from '../helpers';

const LEGAL: Record<ClaimStatus, ClaimStatus[]> = {
  candidate: ['queued', 'rejected'],
  submitted: ['queued', 'rejected', 'duplicate'],
  queued: ['in_review', 'rejected'],
  in_review: ['published', 'queued'],
  published: ['retracted'],
  rejected: ['queued'],
  duplicate: ['queued'],
  retracted: [],
};

/** Put a claim straight into a status (with a verdict so publishing is possible). */
async function claimIn(status: ClaimStatus): Promise<string> {
  const claim = await createClaim(
    env.DB,
    { text: `${unique('Machine ')} grew 7%`, language: 'en', status: 'queued' },
    { userId: null, requestId: 't' },
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
    { userId: null, requestId: 't' },
  );
  await env.DB.prepare('UPDATE claims SET status = ?2 WHERE id = ?1').bind(claim.id, status).run();
  return claim.id;
}

describe('claim status machine', () => {
  it('matches DESIGN.md exactly', () => {
    for (const from of STATUSES)
      for (const to of STATUSES) expect(canMove(from, to)).toBe(LEGAL[from].includes(to));
  });

  for (const from of STATUSES) {
    for (const to of STATUSES) {
      const legal = LEGAL[from].includes(to);
      it(`${from} → ${to} is ${legal ? 'allowed' : 'a 409'} through the API`, async () => {
        // Retraction is an admin's move and needs a public note (worker/domain/corrections.ts).
        const u = await makeUser(to === 'retracted' ? 'admin' : 'editor');
        const id = await claimIn(from);
        const other = to === 'duplicate' ? await claimIn('published') : undefined;
        const note = to === 'retracted' ? 'The source was fabricated.' : undefined;
        const { res, body } = await callJson(`/api/v1/claims/${id}/transition`, {
          token: u.token,
          body: { to, duplicateOf: other, note },
        });
        const action = to === 'retracted' ? 'claim.retract' : 'claim.transition';
        const after = await getClaim(env.DB, id);
        if (legal) {
          expect(res.status).toBe(200);
          expect(body.claim.status).toBe(to);
          expect(after?.status).toBe(to);
          expect(await count('audit_log', 'entity_id = ?1 AND action = ?2', id, action)).toBe(1);
          if (to === 'duplicate') expect(after?.duplicateOf).toBe(other);
          expect(after?.version).toBe(2);
        } else {
          expect(res.status).toBe(409);
          expect(body.code).toBe('illegal_transition');
          expect(body).toMatchObject({ from, to });
          expect(body.detail).toContain(from);
          // The answer names the moves that are allowed.
          if (LEGAL[from].length > 0)
            expect(body.detail).toContain(`allowed: ${LEGAL[from].join(', ')}`);
          expect(after?.status).toBe(from);
          expect(await count('audit_log', 'entity_id = ?1 AND action = ?2', id, action)).toBe(0);
        }
      });
    }
  }

  it('refuses to publish without a verdict', async () => {
    const u = await makeUser();
    const claim = await createClaim(
      env.DB,
      { text: `${unique('Bare ')} claim`, language: 'en', status: 'queued' },
      { userId: null, requestId: 't' },
    );
    await env.DB.prepare("UPDATE claims SET status = 'in_review' WHERE id = ?1")
      .bind(claim.id)
      .run();
    const { res, body } = await callJson(`/api/v1/claims/${claim.id}/transition`, {
      token: u.token,
      body: { to: 'published' },
    });
    expect(res.status).toBe(409);
    expect(body.code).toBe('verdict_required');
  });

  it('publishing makes the latest verdict public', async () => {
    const u = await makeUser();
    const id = await claimIn('in_review');
    const { res } = await callJson(`/api/v1/claims/${id}/transition`, {
      token: u.token,
      body: { to: 'published' },
    });
    expect(res.status).toBe(200);
    expect(await count('verdicts', 'claim_id = ?1 AND published_at IS NOT NULL', id)).toBe(1);
    expect((await getClaim(env.DB, id))?.publishedAt).not.toBeNull();
  });

  it('marking a duplicate needs another existing claim', async () => {
    const u = await makeUser();
    const id = await claimIn('submitted');
    const self = await callJson(`/api/v1/claims/${id}/transition`, {
      token: u.token,
      body: { to: 'duplicate', duplicateOf: id },
    });
    expect(self.res.status).toBe(422);
    expect(self.body.errors[0].field).toBe('json.duplicateOf');
    const missing = await callJson(`/api/v1/claims/${id}/transition`, {
      token: u.token,
      body: { to: 'duplicate' },
    });
    expect(missing.res.status).toBe(422);
  });
});
