/** The public record from the desk: correction drafts, preview, second-editor approval, retraction. */
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { createClaim } from '../../d1/claims';
import { saveSettings } from '../../d1/settings';
import { appendVerdict } from '../../d1/verdicts';
import { moveClaim } from '../../worker/domain/claim-workflow';
import { call, count, unique } from '../helpers';
import { ACTOR, publishedClaim } from '../public/fixtures';
import { page, post, signIn, type DeskAgent } from './desk-helpers';

async function claimVersion(id: string): Promise<string> {
  const row = await env.DB.prepare(`SELECT version FROM claims WHERE id = ?1`)
    .bind(id)
    .first<{ version: number }>();
  return String(row!.version);
}

async function publicPage(id: string): Promise<{ status: number; html: string }> {
  const res = await call(`/claims/${id}?lang=en`);
  return { status: res.status, html: await res.text() };
}

/** An in-review claim with a verdict, ready to publish. */
async function inReviewClaim(headline = 'Exports did not double') {
  let claim = await createClaim(
    env.DB,
    { text: `${unique('Exports ')} doubled in 2025`, language: 'en', status: 'queued' },
    ACTOR,
  );
  const moved = await moveClaim(env.DB, claim.id, 'in_review', {}, ACTOR);
  if (!moved.ok) throw new Error('move failed');
  claim = moved.value;
  await appendVerdict(
    env.DB,
    claim.id,
    {
      ratingKey: 'false',
      headline,
      explanation: 'Customs data show a 4% rise.',
      language: 'en',
      correctionNote: null,
    },
    ACTOR,
  );
  return claim;
}

async function startDraft(agent: DeskAgent, id: string) {
  const res = await post(agent, `/desk/claims/${id}/draft`, { version: await claimVersion(id) });
  expect(res.status).toBe(303);
}

async function draftVerdict(agent: DeskAgent, id: string, ratingKey: string, headline: string) {
  const res = await post(agent, `/desk/claims/${id}/verdicts`, {
    ratingKey,
    headline,
    explanation: 'The statistics office corrected its table.',
    language: 'en',
  });
  expect(res.status).toBe(303);
}

afterEach(async () => {
  await saveSettings(env.DB, { publishNeedsSecondEditor: false }, ACTOR);
});

describe('desk: corrections without going dark', () => {
  it('drafts, previews and publishes a correction while readers keep the published verdict', async () => {
    const editor = await signIn('editor');
    const claim = await publishedClaim({ rating: 'false', headline: 'Unemployment did not fall' });

    // Without a draft the forms are replaced by the hint, and the source/verdict forms refuse.
    let ws = await page(editor, `/desk/claims/${claim.id}`);
    expect(ws.html).toContain('Start a correction to change this published fact-check.');
    expect(ws.html).not.toContain(`action="/desk/claims/${claim.id}/edit"`);
    const refused = await post(editor, `/desk/claims/${claim.id}/verdicts`, {
      ratingKey: 'true',
      headline: 'Refused without a draft',
      explanation: 'A published verdict changes only through a correction.',
      language: 'en',
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Start a correction to change this published');

    await startDraft(editor, claim.id);
    ws = await page(editor, `/desk/claims/${claim.id}`);
    expect(ws.html).toContain('Correction draft — readers still see the published version');
    expect(ws.html).toContain(`action="/desk/claims/${claim.id}/edit"`);

    await draftVerdict(editor, claim.id, 'mostly-true', 'Unemployment fell, but by less');
    const src = await post(editor, `/desk/claims/${claim.id}/sources`, {
      url: 'https://stats.example/revised',
      title: 'Revised table',
      stance: 'supports',
    });
    expect(src.status).toBe(303);
    ws = await page(editor, `/desk/claims/${claim.id}`);
    expect(ws.html).toContain('new in this draft');
    expect(ws.html).toContain('Unemployment fell, but by less');

    // Readers still see the published verdict; the page never 404s.
    let pub = await publicPage(claim.id);
    expect(pub.status).toBe(200);
    expect(pub.html).toContain('Unemployment did not fall');
    expect(pub.html).not.toContain('Unemployment fell, but by less');
    expect(pub.html).not.toContain('Revised table');

    // The preview shows the draft, server-side, with the banner, and is not public.
    const preview = await page(editor, `/desk/claims/${claim.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.html).toContain('Preview — not public');
    expect(preview.html).toContain('Unemployment fell, but by less');
    expect(preview.html).toContain('Revised table');
    expect(preview.html).toContain('noindex');
    expect(preview.res.headers.get('Cache-Control')).toBe('no-store');
    expect(preview.res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    const card = await page(editor, `/desk/claims/${claim.id}/preview/card`);
    expect(card.status).toBe(200);
    expect(card.html).toContain('Unemployment fell, but by less');
    pub = await publicPage(claim.id);
    expect(pub.html).not.toContain('Unemployment fell, but by less');

    // Publish with the public note.
    const published = await post(editor, `/desk/claims/${claim.id}/draft/publish`, {
      version: await claimVersion(claim.id),
      note: 'The statistics office revised its figures.',
    });
    expect(published.status).toBe(303);
    pub = await publicPage(claim.id);
    expect(pub.status).toBe(200);
    expect(pub.html).toContain('Unemployment fell, but by less');
    expect(pub.html).toContain('The statistics office revised its figures.');
    expect(pub.html).toContain('Revised table');
    const version = await env.DB.prepare(
      `SELECT kind, note, editor_id FROM claim_versions WHERE claim_id = ?1 ORDER BY number DESC`,
    )
      .bind(claim.id)
      .first();
    expect(version).toEqual({
      kind: 'correction',
      note: 'The statistics office revised its figures.',
      editor_id: editor.user.id,
    });
    ws = await page(editor, `/desk/claims/${claim.id}`);
    expect(ws.html).not.toContain('Correction draft — readers still see');
    expect(ws.html).toContain('Start a correction');
  });

  it('edits the draft values through the claim form; readers keep the old wording', async () => {
    const editor = await signIn('editor');
    const claim = await publishedClaim({ text: `${unique('Rents ')} rose 30% in 2025` });
    await startDraft(editor, claim.id);
    const res = await post(editor, `/desk/claims/${claim.id}/edit`, {
      version: await claimVersion(claim.id),
      text: 'Rents rose 13% in 2025',
      claimant: 'A. Minister',
      claimantType: 'person',
      claimDate: '2026-03-01',
      language: 'en',
    });
    expect(res.status).toBe(303);
    const ws = await page(editor, `/desk/claims/${claim.id}`);
    expect(ws.html).toMatch(/name="text"[^>]*>Rents rose 13% in 2025</);
    const pub = await publicPage(claim.id);
    expect(pub.html).toContain(claim.text);
    expect(pub.html).not.toContain('Rents rose 13% in 2025');
  });

  it('refuses to publish a correction without a note (422, field error, nothing written)', async () => {
    const editor = await signIn('editor');
    const claim = await publishedClaim();
    await startDraft(editor, claim.id);
    await draftVerdict(editor, claim.id, 'true', 'A new headline');
    const before = await count('claim_versions', 'claim_id = ?1', claim.id);
    for (const note of ['', 'ab']) {
      const res = await post(editor, `/desk/claims/${claim.id}/draft/publish`, {
        version: await claimVersion(claim.id),
        note,
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('Write a public note of at least 3 characters.');
      expect(html).toMatch(/id="pub-note"[^>]*aria-invalid="true"/);
      if (note) expect(html).toMatch(/id="pub-note"[^>]*>ab</);
    }
    expect(await count('claim_versions', 'claim_id = ?1', claim.id)).toBe(before);
    expect(await count('claim_drafts', 'claim_id = ?1', claim.id)).toBe(1);
  });

  it('discards a draft: readers never saw it and the forms lock again', async () => {
    const editor = await signIn('editor');
    const claim = await publishedClaim({ headline: 'The original headline' });
    await startDraft(editor, claim.id);
    await draftVerdict(editor, claim.id, 'true', 'A discarded headline');
    const res = await post(editor, `/desk/claims/${claim.id}/draft/discard`, {
      version: await claimVersion(claim.id),
    });
    expect(res.status).toBe(303);
    expect(await count('claim_drafts', 'claim_id = ?1', claim.id)).toBe(0);
    const ws = await page(editor, res.headers.get('Location')!);
    expect(ws.html).toContain('Draft discarded');
    expect(ws.html).toContain('Start a correction to change this published fact-check.');
    const pub = await publicPage(claim.id);
    expect(pub.html).toContain('The original headline');
    expect(pub.html).not.toContain('A discarded headline');
  });
});

describe('desk: retraction', () => {
  it('refuses an editor, and lets an admin retract with a note and the confirmation', async () => {
    const editor = await signIn('editor');
    const admin = await signIn('admin');
    const claim = await publishedClaim();
    expect((await page(editor, `/desk/claims/${claim.id}`)).html).not.toContain('/retract"');

    const asEditor = await post(editor, `/desk/claims/${claim.id}/retract`, {
      version: await claimVersion(claim.id),
      note: 'Our source was fabricated.',
      confirm: 'yes',
    });
    expect(asEditor.status).toBe(403);
    expect(await asEditor.text()).toContain('Only an admin can retract');

    const unconfirmed = await post(admin, `/desk/claims/${claim.id}/retract`, {
      version: await claimVersion(claim.id),
      note: 'Our source was fabricated.',
    });
    expect(unconfirmed.status).toBe(422);
    const html = await unconfirmed.text();
    expect(html).toContain('Tick the box to confirm.');
    expect(html).toMatch(/id="retract-note"[^>]*>Our source was fabricated.</);

    const noNote = await post(admin, `/desk/claims/${claim.id}/retract`, {
      version: await claimVersion(claim.id),
      confirm: 'yes',
    });
    expect(noNote.status).toBe(422);
    expect(await count('claims', "id = ?1 AND status = 'retracted'", claim.id)).toBe(0);

    const ok = await post(admin, `/desk/claims/${claim.id}/retract`, {
      version: await claimVersion(claim.id),
      note: 'Our source was fabricated.',
      confirm: 'yes',
    });
    expect(ok.status).toBe(303);
    const pub = await publicPage(claim.id);
    expect(pub.status).toBe(200);
    expect(pub.html).toContain('Our source was fabricated.');
    const ws = await page(admin, `/desk/claims/${claim.id}`);
    expect(ws.html).toContain('Retracted on');
    expect(ws.html).toContain('This fact-check is retracted');
    expect(ws.html).not.toContain(`action="/desk/claims/${claim.id}/edit"`);
    expect(ws.html).not.toContain(`action="/desk/claims/${claim.id}/sources"`);
    expect(ws.html).not.toContain(`action="/desk/claims/${claim.id}/draft"`);
  });
});

describe('desk: second-editor approval', () => {
  it('the requester cannot approve; a second editor publishes with both names on record', async () => {
    const admin = await signIn('admin');
    const first = await signIn('editor');
    const second = await signIn('editor');
    const set = await post(admin, '/desk/admin/settings', { publishNeedsSecondEditor: '1' });
    expect(set.status).toBe(303);
    expect(
      await count('audit_log', "action = 'settings.update' AND actor_id = ?1", admin.user.id),
    ).toBe(1);

    const claim = await inReviewClaim('Exports rose only 4%');
    let ws = await page(first, `/desk/claims/${claim.id}`);
    expect(ws.html).toContain('Request approval');
    expect(ws.html).not.toContain(`action="/desk/claims/${claim.id}/publish"`);
    const direct = await post(first, `/desk/claims/${claim.id}/publish`, {
      version: await claimVersion(claim.id),
    });
    expect(direct.status).toBe(409);
    expect(await direct.text()).toContain('request approval instead');

    const asked = await post(first, `/desk/claims/${claim.id}/publish-request`, {
      version: await claimVersion(claim.id),
    });
    expect(asked.status).toBe(303);
    ws = await page(first, `/desk/claims/${claim.id}`);
    expect(ws.html).toContain('Another editor must approve your request.');
    expect(ws.html).not.toContain('/publish-request/approve"');

    const own = await post(first, `/desk/claims/${claim.id}/publish-request/approve`, {});
    expect(own.status).toBe(403);
    expect(await own.text()).toContain('you cannot approve your own request');
    expect((await publicPage(claim.id)).status).toBe(404);

    ws = await page(second, `/desk/claims/${claim.id}`);
    expect(ws.html).toContain('Approve and publish');
    const approved = await post(second, `/desk/claims/${claim.id}/publish-request/approve`, {});
    expect(approved.status).toBe(303);
    const pub = await publicPage(claim.id);
    expect(pub.status).toBe(200);
    expect(pub.html).toContain('Exports rose only 4%');

    const version = await env.DB.prepare(
      `SELECT kind, editor_id, approver_id FROM claim_versions WHERE claim_id = ?1`,
    )
      .bind(claim.id)
      .first();
    expect(version).toEqual({
      kind: 'publication',
      editor_id: first.user.id,
      approver_id: second.user.id,
    });
    const transition = await env.DB.prepare(
      `SELECT actor_id, after FROM audit_log WHERE entity_id = ?1 AND action = 'claim.transition'
       ORDER BY id DESC LIMIT 1`,
    )
      .bind(claim.id)
      .first<{ actor_id: number; after: string }>();
    expect(transition!.actor_id).toBe(second.user.id);
    expect(JSON.parse(transition!.after)).toMatchObject({
      status: 'published',
      editorId: first.user.id,
      approverId: second.user.id,
    });
  });

  it('publishes an in-review claim at once without the setting, and lets the requester withdraw', async () => {
    const editor = await signIn('editor');
    const claim = await inReviewClaim('Exports grew modestly');
    const ws = await page(editor, `/desk/claims/${claim.id}`);
    expect(ws.html).toContain(`action="/desk/claims/${claim.id}/publish"`);
    const preview = await page(editor, `/desk/claims/${claim.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.html).toContain('Exports grew modestly');
    expect((await publicPage(claim.id)).status).toBe(404);

    const asked = await post(editor, `/desk/claims/${claim.id}/publish-request`, {
      version: await claimVersion(claim.id),
    });
    expect(asked.status).toBe(303);
    const withdrawn = await post(editor, `/desk/claims/${claim.id}/publish-request/withdraw`, {});
    expect(withdrawn.status).toBe(303);
    expect(await count('publish_requests', 'claim_id = ?1', claim.id)).toBe(0);

    const res = await post(editor, `/desk/claims/${claim.id}/publish`, {
      version: await claimVersion(claim.id),
    });
    expect(res.status).toBe(303);
    expect((await publicPage(claim.id)).html).toContain('Exports grew modestly');
  });

  it('keeps the settings page for admins', async () => {
    const editor = await signIn('editor');
    const res = await post(editor, '/desk/admin/settings', { publishNeedsSecondEditor: '1' });
    expect(res.status).toBe(403);
    const admin = await signIn('admin');
    const form = await page(admin, '/desk/admin/settings');
    expect(form.html).toContain('Publishing needs a second editor');
  });
});
