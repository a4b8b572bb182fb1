/** Per-claim collaboration through the Worker: notes with @mentions, due date, tags, checklist. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { addDays, handleOf, NOTE_MAX, todayUtc } from '../../worker/lib/collab';
import { apiClaim, apiPublishedClaim, call, callJson, count, unique } from '../helpers';
import { page, post, signIn } from './desk-helpers';

const handle = (email: string) => `@${handleOf(email)}`;

describe('internal notes', () => {
  it('adds a note with a mention through the desk: note, mention row and audit row in one write', async () => {
    const [a, b] = await Promise.all([signIn('editor'), signIn('editor')]);
    const claim = await apiClaim(a.user.token);
    const text = `${unique('Check ')} with ${handle(b.user.email)}, please.`;
    const res = await post(a, `/desk/claims/${claim.id}/notes`, { body: text });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/desk/claims/${claim.id}?collab=note#team`);
    const note = await env.DB.prepare(
      `SELECT n.id, n.author_id, n.body, m.user_id FROM claim_notes n JOIN note_mentions m ON m.note_id = n.id WHERE n.claim_id = ?1`,
    )
      .bind(claim.id)
      .first<{ id: string; author_id: number; body: string; user_id: number }>();
    expect(note).toMatchObject({ author_id: a.user.id, body: text, user_id: b.user.id });
    expect(await count('audit_log', "entity_id = ?1 AND action = 'note.add'", claim.id)).toBe(1);
    const { html } = await page(a, `/desk/claims/${claim.id}?collab=note`);
    expect(html).toContain(text);
    expect(html).toContain('Note added.');
    expect(html).toMatch(/Note added\s*<code/); // the history's label
  });

  it('refuses an unknown mention with a field error naming it, writing nothing', async () => {
    const a = await signIn('editor');
    const claim = await apiClaim(a.user.token);
    const ghost = unique('ghost');
    const res = await post(a, `/desk/claims/${claim.id}/notes`, {
      body: `Ask @${ghost} and ${handle(a.user.email)}`,
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(`No desk user with this handle: @${ghost}.`);
    expect(html).toContain('aria-invalid="true"');
    expect(await count('claim_notes', 'claim_id = ?1', claim.id)).toBe(0);
    expect(await count('audit_log', "entity_id = ?1 AND action = 'note.add'", claim.id)).toBe(0);
  });

  it('refuses a note over the limit (desk 422, API 422 problem with the field), writing nothing', async () => {
    const a = await signIn('editor');
    const claim = await apiClaim(a.user.token);
    const long = 'x'.repeat(NOTE_MAX + 1);
    const res = await post(a, `/desk/claims/${claim.id}/notes`, { body: long });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(`Too long: at most ${NOTE_MAX} characters.`);
    const api = await callJson(`/api/v1/claims/${claim.id}/notes`, {
      token: a.user.token,
      body: { body: long },
    });
    expect(api.res.status).toBe(422);
    expect(api.res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(api.body.errors).toEqual([
      { field: 'json.body', message: `At most ${NOTE_MAX} characters` },
    ]);
    expect(await count('claim_notes', 'claim_id = ?1', claim.id)).toBe(0);
  });

  it('API: editors add and list notes; the answer names the mentioned users; unknown mention is 422', async () => {
    const [a, b] = await Promise.all([signIn('editor'), signIn('admin')]);
    const claim = await apiClaim(a.user.token);
    const added = await callJson(`/api/v1/claims/${claim.id}/notes`, {
      token: a.user.token,
      body: { body: `Over to you ${handle(b.user.email)}.` },
    });
    expect(added.res.status).toBe(201);
    expect(added.body.mentionedUserIds).toEqual([b.user.id]);
    expect(added.body.note).toMatchObject({ claimId: claim.id, authorId: a.user.id });
    const bad = await callJson(`/api/v1/claims/${claim.id}/notes`, {
      token: a.user.token,
      body: { body: 'Ask @nobody-here-at-all' },
    });
    expect(bad.res.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('json.body');
    expect(bad.body.errors[0].message).toContain('@nobody-here-at-all');
    const list = await callJson(`/api/v1/claims/${claim.id}/notes`, { token: b.user.token });
    expect(list.res.status).toBe(200);
    expect(list.body.notes).toHaveLength(1);
    expect(list.body.notes[0].mentionIds).toEqual([b.user.id]);
    const anonymous = await call(`/api/v1/claims/${claim.id}/notes`);
    expect(anonymous.status).toBe(401);
    const missing = await callJson(`/api/v1/claims/0000000000000000/notes`, {
      token: a.user.token,
    });
    expect(missing.res.status).toBe(404);
  });

  it('never shows a note on the public page, embeds or feeds of a published claim', async () => {
    const a = await signIn('admin');
    const claim = await apiPublishedClaim(a.user.token);
    const secret = unique('internalsecret');
    const added = await callJson(`/api/v1/claims/${claim.id}/notes`, {
      token: a.user.token,
      body: { body: `Source is ${secret}` },
    });
    expect(added.res.status).toBe(201);
    for (const path of [
      `/claims/${claim.id}`,
      `/claims/${claim.id}?lang=ar`,
      `/embed/${claim.id}`,
      `/badge/${claim.id}.json`,
      `/badge/${claim.id}.svg`,
      '/feeds/claimreview.json',
      '/feeds/atom.xml',
      '/claims',
    ]) {
      const res = await call(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).not.toContain(secret);
    }
    const { html } = await page({ ...(await signIn('editor')) }, `/desk/claims/${claim.id}`);
    expect(html).toContain(secret);
  });
});

describe('due date', () => {
  it('sets, clears and audits; today is allowed; past and malformed dates are field errors', async () => {
    const a = await signIn('editor');
    const claim = await apiClaim(a.user.token);
    const today = todayUtc();
    const due = (dueDate: string, expected: string) =>
      post(a, `/desk/claims/${claim.id}/due`, { dueDate, expected });
    const stored = async () =>
      (
        await env.DB.prepare(`SELECT due_date FROM claims WHERE id = ?1`)
          .bind(claim.id)
          .first<{ due_date: string | null }>()
      )?.due_date;

    expect((await due(today, '')).status).toBe(303);
    expect(await stored()).toBe(today);

    const past = await due(addDays(today, -1), today);
    expect(past.status).toBe(422);
    expect(await past.text()).toContain('This date is in the past.');
    const bad = await due('2026-02-30', today);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Not a date: use YYYY-MM-DD.');
    expect(await stored()).toBe(today);

    expect((await due('', today)).status).toBe(303);
    expect(await stored()).toBeNull();
    expect(await count('audit_log', "entity_id = ?1 AND action = 'claim.due'", claim.id)).toBe(2);
  });

  it('refuses a change made from a stale page: the colleague’s date stays', async () => {
    const [a, b] = await Promise.all([signIn('editor'), signIn('editor')]);
    const claim = await apiClaim(a.user.token);
    const d1 = addDays(todayUtc(), 5);
    const d2 = addDays(todayUtc(), 9);
    expect(
      (await post(a, `/desk/claims/${claim.id}/due`, { dueDate: d1, expected: '' })).status,
    ).toBe(303);
    // b still sees "no due date"
    const stale = await post(b, `/desk/claims/${claim.id}/due`, { dueDate: d2, expected: '' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Someone changed this meanwhile');
    const row = await env.DB.prepare(`SELECT due_date FROM claims WHERE id = ?1`)
      .bind(claim.id)
      .first<{ due_date: string }>();
    expect(row?.due_date).toBe(d1);
  });
});

describe('topic tags', () => {
  it('normalizes, stores, shows and audits tags; too many or too long is a field error', async () => {
    const a = await signIn('editor');
    const claim = await apiClaim(a.user.token);
    const res = await post(a, `/desk/claims/${claim.id}/tags`, {
      tags: ' Health,  public health ، اقتصاد, health ',
      expected: '',
    });
    expect(res.status).toBe(303);
    const tags = await env.DB.prepare(`SELECT tag FROM claim_tags WHERE claim_id = ?1 ORDER BY tag`)
      .bind(claim.id)
      .all<{ tag: string }>();
    expect(tags.results.map((t) => t.tag)).toEqual(['health', 'public-health', 'اقتصاد']);
    const { html } = await page(a, `/desk/claims/${claim.id}`);
    expect(html).toContain('<bdi>public-health</bdi>');

    const many = await post(a, `/desk/claims/${claim.id}/tags`, {
      tags: 'a,b,c,d,e,f,g,h,i',
      expected: 'health,public-health,اقتصاد',
    });
    expect(many.status).toBe(422);
    expect(await many.text()).toContain('Too many: at most 8.');
    const long = await post(a, `/desk/claims/${claim.id}/tags`, {
      tags: 'x'.repeat(33),
      expected: 'health,public-health,اقتصاد',
    });
    expect(long.status).toBe(422);
    expect(await count('claim_tags', 'claim_id = ?1', claim.id)).toBe(3);
    expect(await count('audit_log', "entity_id = ?1 AND action = 'claim.tags'", claim.id)).toBe(1);

    // A stale form (started before the tags above) is refused; nothing is lost.
    const stale = await post(a, `/desk/claims/${claim.id}/tags`, { tags: 'other', expected: '' });
    expect(stale.status).toBe(409);
    expect(await count('claim_tags', 'claim_id = ?1', claim.id)).toBe(3);
  });
});

describe('checklist', () => {
  it('starts from the admin’s defaults, ticks and unticks with who and when, audited', async () => {
    const admin = await signIn('admin');
    const steps = [unique('Find the original'), 'Contact the claimant', 'Consult an expert'];
    const saved = await post(admin, '/desk/admin/settings/checklist', { steps: steps.join('\n') });
    expect(saved.status).toBe(303);
    const settings = await page(admin, '/desk/admin/settings');
    expect(settings.html).toContain(steps[0]);

    const editor = await signIn('editor');
    const claim = await apiClaim(editor.user.token);
    const before = await page(editor, `/desk/claims/${claim.id}`);
    for (const s of steps) expect(before.html).toContain(s);
    expect(await count('claim_checklist', 'claim_id = ?1', claim.id)).toBe(0);

    const tick = await post(editor, `/desk/claims/${claim.id}/checklist`, {
      position: '1',
      label: 'Contact the claimant',
      done: '1',
    });
    expect(tick.status).toBe(303);
    const rows = await env.DB.prepare(
      `SELECT position, label, done_by FROM claim_checklist WHERE claim_id = ?1 ORDER BY position`,
    )
      .bind(claim.id)
      .all();
    expect(rows.results).toEqual([
      { position: 0, label: steps[0], done_by: null },
      { position: 1, label: 'Contact the claimant', done_by: editor.user.id },
      { position: 2, label: 'Consult an expert', done_by: null },
    ]);
    const after = await page(editor, `/desk/claims/${claim.id}`);
    expect(after.html).toMatch(/Done by <bdi>Test editor<\/bdi>/);

    // Ticking it again (a second tab) changes nothing and writes no second audit row.
    const again = await post(editor, `/desk/claims/${claim.id}/checklist`, {
      position: '1',
      label: 'Contact the claimant',
      done: '1',
    });
    expect(again.status).toBe(409);
    const untick = await post(editor, `/desk/claims/${claim.id}/checklist`, {
      position: '1',
      label: 'Contact the claimant',
      done: '0',
    });
    expect(untick.status).toBe(303);
    expect(await count('audit_log', "entity_id = ?1 AND action = 'checklist.tick'", claim.id)).toBe(
      1,
    );
    expect(
      await count('audit_log', "entity_id = ?1 AND action = 'checklist.untick'", claim.id),
    ).toBe(1);
    expect(await count('audit_log', "action = 'settings.checklist'")).toBeGreaterThan(0);

    // A later change of the defaults leaves this claim's own checklist alone.
    await post(admin, '/desk/admin/settings/checklist', { steps: 'Only one step' });
    const later = await page(editor, `/desk/claims/${claim.id}`);
    expect(later.html).toContain('Consult an expert');
    expect(later.html).not.toContain('Only one step');
  });

  it('editors cannot change the defaults', async () => {
    const editor = await signIn('editor');
    const res = await post(editor, '/desk/admin/settings/checklist', { steps: 'x' });
    expect(res.status).toBe(403);
  });
});
