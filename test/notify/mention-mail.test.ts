/** A note's @mentions write one "you were mentioned" e-mail per person — never to the note's author. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { handleOf } from '../../worker/lib/collab';
import { apiClaim, callJson, unique } from '../helpers';
import { post, signIn } from '../desk/desk-helpers';

async function mentionMails(claimId: string) {
  const { results } = await env.DB.prepare(
    `SELECT recipient_ref, caused_by FROM outbox WHERE kind = 'editor.mention' AND claim_id = ?1 ORDER BY recipient_ref`,
  )
    .bind(claimId)
    .all<{ recipient_ref: string; caused_by: number }>();
  return results;
}

describe('mention e-mails', () => {
  it('the desk form writes one per mentioned editor, none to the author', async () => {
    const [a, b] = await Promise.all([signIn('editor'), signIn('editor')]);
    const claim = await apiClaim(a.user.token);
    const body = `${unique('Look')} @${handleOf(b.user.email)} and @${handleOf(a.user.email)}`;
    expect((await post(a, `/desk/claims/${claim.id}/notes`, { body })).status).toBe(303);
    expect(await mentionMails(claim.id)).toEqual([
      { recipient_ref: `user:${b.user.id}`, caused_by: a.user.id },
    ]);
  });

  it('the API writes them too; a note without mentions writes none', async () => {
    const [a, b] = await Promise.all([signIn('editor'), signIn('editor')]);
    const claim = await apiClaim(a.user.token);
    const plain = await callJson(`/api/v1/claims/${claim.id}/notes`, {
      token: a.user.token,
      body: { body: 'No one named here.' },
    });
    expect(plain.res.status).toBe(201);
    expect(await mentionMails(claim.id)).toEqual([]);
    const named = await callJson(`/api/v1/claims/${claim.id}/notes`, {
      token: a.user.token,
      body: { body: `Over to you @${handleOf(b.user.email)}` },
    });
    expect(named.res.status).toBe(201);
    expect(await mentionMails(claim.id)).toEqual([
      { recipient_ref: `user:${b.user.id}`, caused_by: a.user.id },
    ]);
  });
});
