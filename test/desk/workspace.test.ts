import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createClaim } from '../../d1/claims';
import { newId } from '../../worker/lib/ids';
import { apiClaim, callJson, count, unique } from '../helpers';
import { page, post, signIn, type DeskAgent } from './desk-helpers';

const ORIGINAL = { text: '', claimant: '', claimantType: '', claimDate: '', language: 'en' };

async function editForm(agent: DeskAgent, claimId: string) {
  const { html } = await page(agent, `/desk/claims/${claimId}`);
  const version = html.match(
    /action="\/desk\/claims\/[^/]+\/edit"[\s\S]*?name="version" value="(\d+)"/,
  )![1]!;
  return { version, html };
}

describe('claim workspace: edit with optimistic concurrency', () => {
  it('saves an edit made on the current version, with an audit row', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    const { version } = await editForm(agent, claim.id);
    const res = await post(agent, `/desk/claims/${claim.id}/edit`, {
      version,
      text: 'Unemployment fell to 4% in 2025',
      claimant: 'The minister',
      claimantType: 'person',
      claimDate: '2025-03-01',
      language: 'en',
      ...Object.fromEntries(
        Object.entries({ ...ORIGINAL, text: claim.text }).map(([k, v]) => [`orig_${k}`, v]),
      ),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/desk/claims/${claim.id}?ok=saved`);
    const row = await env.DB.prepare(
      `SELECT text, claimant, claimant_type, claim_date, version FROM claims WHERE id = ?1`,
    )
      .bind(claim.id)
      .first();
    expect(row).toEqual({
      text: 'Unemployment fell to 4% in 2025',
      claimant: 'The minister',
      claimant_type: 'person',
      claim_date: '2025-03-01',
      version: 2,
    });
    expect(await count('audit_log', "entity_id = ?1 AND action = 'claim.update'", claim.id)).toBe(
      1,
    );
  });

  it('shows a stale edit the newer version side by side and never overwrites it', async () => {
    const a = await signIn('editor');
    const b = await signIn('editor');
    const claim = await apiClaim(a.user.token, {
      text: 'The port handled 3 million containers in 2024',
    });
    const formA = await editForm(a, claim.id);
    const formB = await editForm(b, claim.id);
    const orig = {
      orig_text: claim.text,
      orig_claimant: '',
      orig_claimantType: '',
      orig_claimDate: '',
      orig_language: 'en',
    };
    // B saves first: changes the claimant only.
    expect(
      (
        await post(b, `/desk/claims/${claim.id}/edit`, {
          ...orig,
          version: formB.version,
          text: claim.text,
          claimant: 'Port authority',
          claimantType: 'organization',
          claimDate: '',
          language: 'en',
        })
      ).status,
    ).toBe(303);
    // A, still on version 1, changes the text.
    const stale = await post(a, `/desk/claims/${claim.id}/edit`, {
      ...orig,
      version: formA.version,
      text: 'The port handled 4 million containers in 2024',
      claimant: '',
      claimantType: '',
      claimDate: '',
      language: 'en',
    });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('This claim changed while you were editing it');
    expect(html).toContain('You edited version 1; the stored claim is now version 2');
    expect(html).toContain('Port authority');
    // Merge proposal: A's text (A changed it) + B's claimant (only B changed it), on version 2.
    expect(html).toMatch(/name="version" value="2"/);
    expect(html).toContain('>The port handled 4 million containers in 2024</textarea>');
    expect(html).toMatch(
      /id="m-claimant" name="claimant" dir="auto" maxlength="200" value="Port authority"/,
    );
    const stored = await env.DB.prepare(`SELECT text, claimant, version FROM claims WHERE id = ?1`)
      .bind(claim.id)
      .first();
    expect(stored).toEqual({ text: claim.text, claimant: 'Port authority', version: 2 });
    // Saving the merge applies both changes.
    const merged = await post(a, `/desk/claims/${claim.id}/edit`, {
      orig_text: claim.text,
      orig_claimant: 'Port authority',
      orig_claimantType: 'organization',
      orig_claimDate: '',
      orig_language: 'en',
      version: '2',
      text: 'The port handled 4 million containers in 2024',
      claimant: 'Port authority',
      claimantType: 'organization',
      claimDate: '',
      language: 'en',
    });
    expect(merged.status).toBe(303);
    const after = await env.DB.prepare(`SELECT text, claimant, version FROM claims WHERE id = ?1`)
      .bind(claim.id)
      .first();
    expect(after).toEqual({
      text: 'The port handled 4 million containers in 2024',
      claimant: 'Port authority',
      version: 3,
    });
  });

  it('refuses invalid fields with the page re-rendered and the typed values kept', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    const res = await post(agent, `/desk/claims/${claim.id}/edit`, {
      version: '1',
      text: 'x',
      claimant: '',
      claimantType: 'alien',
      claimDate: 'yesterday',
      language: 'en',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('This was not saved: please fix the following');
    expect(html).toContain('<a href="#c-text">Claim text: Use at least 3 characters.</a>');
    expect(html.match(/aria-invalid="true"/g)?.length).toBeGreaterThanOrEqual(2);
  });
});

describe('desk forms with the API field schemas', () => {
  it('stores blank optional source fields as null and marks a refused source form field by field, keeping what was typed', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    const refused = await post(agent, `/desk/claims/${claim.id}/sources`, {
      url: 'javascript:alert(1)',
      title: 'Kept title',
      publisher: '',
      excerpt: '',
      stance: 'agrees',
      archivedUrl: '',
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(/id="new-src-url"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Kept title"');
    expect(await count('sources', 'claim_id = ?1', claim.id)).toBe(0);
    const ok = await post(agent, `/desk/claims/${claim.id}/sources`, {
      url: 'https://stats.example/t2',
      title: '  ',
      publisher: '',
      excerpt: '',
      stance: 'context',
      archivedUrl: '',
    });
    expect(ok.status).toBe(303);
    const row = await env.DB.prepare(
      `SELECT title, publisher, excerpt, archived_url, stance FROM sources WHERE claim_id = ?1`,
    )
      .bind(claim.id)
      .first();
    expect(row).toEqual({
      title: null,
      publisher: null,
      excerpt: null,
      archived_url: null,
      stance: 'context',
    });
  });
});

describe('claim workspace: sources, verdicts, status, assignment', () => {
  it('goes from a queued claim to a published verdict, with history diff and audit trail', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token, {
      text: 'ارتفعت البطالة إلى ٢٠٪ في عام ٢٠٢٤',
      language: 'ar',
    });
    let html = (await page(agent, `/desk/claims/${claim.id}`)).html;
    expect(html).toContain('<span lang="ar" dir="rtl">ارتفعت البطالة إلى ٢٠٪ في عام ٢٠٢٤</span>');
    expect(html).toContain('value="in_review"');
    expect(html).not.toContain('value="published"');

    expect(
      (
        await post(agent, `/desk/claims/${claim.id}/sources`, {
          url: 'https://stats.example/unemployment',
          title: 'الإحصاء الرسمي',
          publisher: 'Stats',
          excerpt: '',
          stance: 'refutes',
          archivedUrl: '',
        })
      ).status,
    ).toBe(303);
    const src = await env.DB.prepare(`SELECT id FROM sources WHERE claim_id = ?1`)
      .bind(claim.id)
      .first<{ id: number }>();
    expect(
      (
        await post(agent, `/desk/claims/${claim.id}/sources/${src!.id}`, {
          url: 'https://stats.example/unemployment-2024',
          title: 'الإحصاء الرسمي',
          publisher: 'Stats',
          excerpt: 'نسبة ١١٪',
          stance: 'refutes',
          archivedUrl: '',
        })
      ).status,
    ).toBe(303);

    const tooLong = 'ب'.repeat(76);
    const refused = await post(agent, `/desk/claims/${claim.id}/verdicts`, {
      ratingKey: 'false',
      headline: tooLong,
      explanation: 'شرح',
      language: 'ar',
      correctionNote: '',
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain(tooLong);
    expect(await count('verdicts', 'claim_id = ?1', claim.id)).toBe(0);
    const unknownRating = await post(agent, `/desk/claims/${claim.id}/verdicts`, {
      ratingKey: 'pants-on-fire',
      headline: 'البطالة لم تبلغ ٢٠٪',
      explanation: 'شرح',
      language: 'ar',
      correctionNote: '',
    });
    expect(unknownRating.status).toBe(422);

    expect(
      (
        await post(agent, `/desk/claims/${claim.id}/verdicts`, {
          ratingKey: 'false',
          headline: 'البطالة لم تبلغ ٢٠٪',
          explanation: 'بلغت البطالة ١١٪ وفق الإحصاء الرسمي.',
          language: 'ar',
          correctionNote: '',
        })
      ).status,
    ).toBe(303);
    const v = (await page(agent, `/desk/claims/${claim.id}`)).html.match(
      /action="\/desk\/claims\/[^/]+\/status"[\s\S]*?name="version" value="(\d+)"/,
    )![1]!;
    expect(
      (await post(agent, `/desk/claims/${claim.id}/status`, { version: v, to: 'in_review' }))
        .status,
    ).toBe(303);
    const v2 = String(Number(v) + 1);
    // Illegal move (in_review → rejected) is refused.
    expect(
      (await post(agent, `/desk/claims/${claim.id}/status`, { version: v2, to: 'rejected' }))
        .status,
    ).toBe(409);
    expect(
      (await post(agent, `/desk/claims/${claim.id}/status`, { version: v2, to: 'published' }))
        .status,
    ).toBe(303);

    // A published verdict changes only inside a correction draft, published with a public note.
    const withoutDraft = await post(agent, `/desk/claims/${claim.id}/verdicts`, {
      ratingKey: 'mostly-false',
      headline: 'البطالة لم تبلغ ٢٠٪ بل ١٢٪',
      explanation: 'بلغت البطالة ١٢٪ وفق الإحصاء المعدل.',
      language: 'ar',
    });
    expect(withoutDraft.status).toBe(409);
    expect(await withoutDraft.text()).toContain('Start a correction');
    const v3 = String(Number(v2) + 1);
    expect((await post(agent, `/desk/claims/${claim.id}/draft`, { version: v3 })).status).toBe(303);
    expect(
      (
        await post(agent, `/desk/claims/${claim.id}/verdicts`, {
          ratingKey: 'mostly-false',
          headline: 'البطالة لم تبلغ ٢٠٪ بل ١٢٪',
          explanation: 'بلغت البطالة ١٢٪ وفق الإحصاء المعدل.',
          language: 'ar',
        })
      ).status,
    ).toBe(303);
    const v4 = (await page(agent, `/desk/claims/${claim.id}`)).html.match(
      /action="\/desk\/claims\/[^/]+\/draft\/publish"[\s\S]*?name="version" value="(\d+)"/,
    )![1]!;
    expect(
      (
        await post(agent, `/desk/claims/${claim.id}/draft/publish`, {
          version: v4,
          note: 'صُحح الرقم',
        })
      ).status,
    ).toBe(303);

    html = (await page(agent, `/desk/claims/${claim.id}`)).html;
    expect(html).toContain('Changes since version 1');
    expect(html).toMatch(/<ins>\s?بل ١٢٪<\/ins>/);
    for (const said of [
      'Source added',
      'Source edited',
      'Verdict written',
      'Status changed: Queued → In review',
      'Status changed: In review → Published',
      'Correction published',
    ]) {
      expect(html).toContain(said);
    }
    const { body } = await callJson(`/api/v1/claims/${claim.id}`, { token: agent.user.token });
    expect(body.claim.status).toBe('published');
    expect(
      body.verdicts.map((x: { version: number; publishedAt: string | null }) => [
        x.version,
        x.publishedAt !== null,
      ]),
    ).toEqual([
      [1, true],
      [2, true],
    ]);

    // Without an open draft a published claim's sources stay as readers see them.
    const remove = await post(agent, `/desk/claims/${claim.id}/sources/${src!.id}/remove`, {});
    expect(remove.status).toBe(409);
    expect(await remove.text()).toContain('Start a correction');
    expect(await count('sources', 'claim_id = ?1', claim.id)).toBe(1);
  });

  it('will not publish without a verdict, and refuses a stale status change', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    expect(
      (await post(agent, `/desk/claims/${claim.id}/status`, { version: '1', to: 'in_review' }))
        .status,
    ).toBe(303);
    const noVerdict = await post(agent, `/desk/claims/${claim.id}/status`, {
      version: '2',
      to: 'published',
    });
    expect(noVerdict.status).toBe(409);
    expect(await noVerdict.text()).toContain('Write a verdict before publishing.');
    const stale = await post(agent, `/desk/claims/${claim.id}/status`, {
      version: '1',
      to: 'in_review',
    });
    expect(stale.headers.get('Location')).toBe(`/desk/claims/${claim.id}?ok=stale`);
  });

  it('assigns the claim to an active editor and refuses unknown users', async () => {
    const agent = await signIn('editor');
    const other = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    expect(
      (
        await post(agent, `/desk/claims/${claim.id}/assign`, {
          version: '1',
          assignee: String(other.user.id),
        })
      ).status,
    ).toBe(303);
    expect(
      (await env.DB.prepare(`SELECT assignee_id FROM claims WHERE id = ?1`).bind(claim.id).first())
        ?.assignee_id,
    ).toBe(other.user.id);
    expect(
      (await post(agent, `/desk/claims/${claim.id}/assign`, { version: '2', assignee: '999999' }))
        .status,
    ).toBe(422);
    expect(
      (await post(agent, `/desk/claims/${claim.id}/assign`, { version: '2', assignee: '' })).status,
    ).toBe(303);
    expect(
      (await env.DB.prepare(`SELECT assignee_id FROM claims WHERE id = ?1`).bind(claim.id).first())
        ?.assignee_id,
    ).toBeNull();
  });

  it('marks a submitted claim as a duplicate of a possible match', async () => {
    const agent = await signIn('editor');
    const original = await apiClaim(agent.user.token, {
      text: 'The new bridge cost 900 million dollars to build',
    });
    const now = new Date().toISOString();
    // An id of the shape newId() makes: the desk, like the API, answers 404 to any other.
    const dupId = newId();
    await env.DB.prepare(
      `INSERT INTO claims (id, text, search_text, text_hash, language, status, created_at, updated_at) VALUES (?1, ?2, ?3, 'h', 'en', 'submitted', ?4, ?4)`,
    )
      .bind(
        dupId,
        'The new bridge cost 900 million dollars',
        'the new bridge cost 900 million dollar',
        now,
      )
      .run();
    const { html } = await page(agent, `/desk/claims/${dupId}`);
    expect(html).toContain(`name="duplicateOf" value="${original.id}"`);
    const res = await post(agent, `/desk/claims/${dupId}/status`, {
      version: '1',
      to: 'duplicate',
      duplicateOf: original.id,
    });
    expect(res.status).toBe(303);
    expect(
      await env.DB.prepare(`SELECT status, duplicate_of FROM claims WHERE id = ?1`)
        .bind(dupId)
        .first(),
    ).toEqual({ status: 'duplicate', duplicate_of: original.id });
  });
});

describe('claim workspace: what readers did', () => {
  it('shows repeat submissions and "was this helpful?" votes with escaped reasons', async () => {
    const agent = await signIn('editor');
    const claim = await createClaim(
      env.DB,
      {
        text: `${unique('Readers ')} say bread doubled`,
        language: 'en',
        status: 'submitted',
        submissionCount: 4,
      },
      { userId: null, requestId: 't' },
    );
    await env.DB.prepare("UPDATE claims SET status = 'published' WHERE id = ?1")
      .bind(claim.id)
      .run();
    for (const [i, helpful, reason] of [
      [1, 1, 'Clear <b>sources</b>'],
      [2, 0, 'Too short'],
      [3, 1, null],
    ] as const) {
      await env.DB.prepare(
        'INSERT INTO feedback (claim_id, helpful, reason, reader_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)',
      )
        .bind(claim.id, helpful, reason, `reader-${i}`, new Date().toISOString())
        .run();
    }
    const { status, html } = await page(agent, `/desk/claims/${claim.id}`);
    expect(status).toBe(200);
    expect(html).toContain('Submitted by readers: 4 times');
    expect(html).toContain('Was this helpful? Yes 2 · No 1');
    expect(html).toContain('Clear &lt;b&gt;sources&lt;/b&gt;');
    expect(html).not.toContain('<b>sources</b>');
  });
});
