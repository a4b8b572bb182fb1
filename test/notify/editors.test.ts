/** Editors' e-mail: "assigned to you", mentions (for notes, merged later), the daily digest, the e-mail preference. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../d1/audit';
import { createClaim } from '../../d1/claims';
import { setMailOff } from '../../d1/outbox';
import { editClaim } from '../../worker/domain/claim-edit';
import { dailyDigest, deliver } from '../../worker/notify/deliver';
import { mentionStatements, notifyMentioned } from '../../worker/notify/editors';
import { makeUser, unique } from '../helpers';
import { desk, post, signIn } from '../desk/desk-helpers';
import { outboxRows, reviewedClaim } from './notify-fixtures';

const as = (userId: number): Actor => ({ userId, requestId: unique('req') });

describe('"assigned to you"', () => {
  it('is written when another editor assigns the claim, in the assignee’s language', async () => {
    const [lead, reporter] = await Promise.all([makeUser('editor'), makeUser('editor')]);
    await env.DB.prepare(`UPDATE users SET locale = 'fr' WHERE id = ?1`).bind(reporter.id).run();
    const claim = await reviewedClaim();
    const r = await editClaim(env.DB, claim.id, { assigneeId: reporter.id }, null, as(lead.id));
    expect(r.ok).toBe(true);
    const rows = await outboxRows("claim_id = ?1 AND kind = 'editor.assigned'", claim.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recipient_ref: `user:${reporter.id}`, locale: 'fr' });

    expect(await deliver(env, rows[0]!.id)).toBe('sent');
    const [sent] = await outboxRows('id = ?1', rows[0]!.id);
    expect(sent!.subject).toMatch(/^Assignée à vous : Bread prices/);
    expect(sent!.body_text).toContain('Test editor vous a assigné');
    expect(sent!.body_text).toContain(`/desk/claims/${claim.id}`);
    expect(sent!.recipient_masked).toBe(`${reporter.email[0]}***@test.example`);
  });

  it('is not written for self-assignment, an unchanged assignee, or an unassignment', async () => {
    const [lead, reporter] = await Promise.all([makeUser('editor'), makeUser('editor')]);
    const claim = await reviewedClaim();
    await editClaim(env.DB, claim.id, { assigneeId: lead.id }, null, as(lead.id));
    await editClaim(env.DB, claim.id, { assigneeId: reporter.id }, null, as(lead.id));
    await editClaim(env.DB, claim.id, { assigneeId: reporter.id }, null, as(lead.id));
    await editClaim(env.DB, claim.id, { assigneeId: null }, null, as(lead.id));
    const rows = await outboxRows("claim_id = ?1 AND kind = 'editor.assigned'", claim.id);
    expect(rows.map((r) => r.recipient_ref)).toEqual([`user:${reporter.id}`]);
  });

  it('is cancelled at delivery when the editor turned e-mail off', async () => {
    const [lead, reporter] = await Promise.all([makeUser('editor'), makeUser('editor')]);
    await setMailOff(env.DB, reporter.id, true, as(reporter.id));
    const claim = await reviewedClaim();
    await editClaim(env.DB, claim.id, { assigneeId: reporter.id }, null, as(lead.id));
    const [row] = await outboxRows("claim_id = ?1 AND kind = 'editor.assigned'", claim.id);
    expect(await deliver(env, row!.id)).toBe('cancelled');
  });
});

describe('mentions (notes call notifyMentioned after the merge)', () => {
  it('writes one message per mentioned editor and note, never to the author, never twice', async () => {
    const [author, a, b] = await Promise.all([
      makeUser('editor'),
      makeUser('editor'),
      makeUser('admin'),
    ]);
    const claim = await reviewedClaim();
    const mention = {
      claimId: claim.id,
      noteId: unique('note'),
      userIds: [a.id, b.id, author.id, a.id],
      by: author.id,
    };
    await notifyMentioned(env, mention);
    await notifyMentioned(env, mention);
    const rows = await outboxRows("claim_id = ?1 AND kind = 'editor.mention'", claim.id);
    expect(rows.map((r) => r.recipient_ref).sort()).toEqual(
      [`user:${a.id}`, `user:${b.id}`].sort(),
    );
    // The statements alone, for a note's own batch: the same rows, nothing new.
    await env.DB.batch(mentionStatements(env.DB, mention, new Date().toISOString()));
    expect(await outboxRows("claim_id = ?1 AND kind = 'editor.mention'", claim.id)).toHaveLength(2);
  });
});

describe('the daily digest', () => {
  it('lists an editor’s claims due today or overdue and in review; none for an editor with nothing', async () => {
    const [busy, idle] = await Promise.all([makeUser('editor'), makeUser('editor')]);
    const actor = as(busy.id);
    const inReview = await reviewedClaim();
    await editClaim(env.DB, inReview.id, { assigneeId: busy.id }, null, actor);
    const overdue = await createClaim(
      env.DB,
      { text: `${unique('Overdue ')} claim about trains`, language: 'en', status: 'queued' },
      actor,
    );
    const later = await createClaim(
      env.DB,
      { text: `${unique('Later ')} claim about buses`, language: 'en', status: 'queued' },
      actor,
    );
    const now = new Date('2026-11-30T03:17:00Z');
    for (const [id, due] of [
      [overdue.id, '2026-11-29'],
      [later.id, '2026-12-05'],
    ] as const) {
      await env.DB.prepare(`UPDATE claims SET assignee_id = ?2, due_date = ?3 WHERE id = ?1`)
        .bind(id, busy.id, due)
        .run();
    }
    await dailyDigest(env, now);
    await dailyDigest(env, now);
    const rows = await outboxRows(
      "kind = 'editor.digest' AND recipient_ref = ?1",
      `user:${busy.id}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject).toBe('Your claims for today (2)');
    expect(rows[0]!.body_text).toContain(inReview.id);
    expect(rows[0]!.body_text).toContain(overdue.id);
    expect(rows[0]!.body_text).toContain('due 2026-11-29');
    expect(rows[0]!.body_text).not.toContain(later.id);
    expect(
      await outboxRows("kind = 'editor.digest' AND recipient_ref = ?1", `user:${idle.id}`),
    ).toHaveLength(0);
  });
});

describe('/desk/account/email', () => {
  it('turns an editor’s e-mail off and on', async () => {
    const editor = await signIn('editor');
    const form = await desk('/desk/account/email', { cookie: editor.cookie, ip: editor.ip });
    expect(await form.text()).toMatch(/value="on" checked/);
    const off = await post(editor, '/desk/account/email', { mail: 'off' });
    expect(off.status).toBe(303);
    const again = await (
      await desk('/desk/account/email?ok=saved', { cookie: editor.cookie, ip: editor.ip })
    ).text();
    expect(again).toMatch(/value="off" checked/);
    expect((await post(editor, '/desk/account/email', { mail: 'sometimes' })).status).toBe(422);
  });
});
