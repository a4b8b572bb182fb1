import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { feedbackSummary } from '../../d1/feedback';
import { transitionClaim, getClaim } from '../../d1/claims';
import { FEEDBACK_RATE } from '../../worker/routes/public/claims';
import { call, count, d1Queries } from '../helpers';
import { ACTOR, address, publishedClaim, unpublishedClaim } from './fixtures';
import { postForm, validFields } from './submit-helpers';

async function submit(extra: Record<string, string> = {}) {
  const fields = validFields(extra);
  const res = await postForm('/submit', fields);
  const location = res.headers.get('Location')!;
  return { fields, location, token: location.split('/')[2]!.split('?')[0]! };
}

describe('/track/:token', () => {
  it("shows only the submitter's own submission status, uncached and unreferred", async () => {
    const { location, fields } = await submit();
    const res = await call(location.replace('?new=1', ''));
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(res.headers.get('X-Robots-Tag')).toBe('noindex');
    const html = await res.text();
    expect(html).toContain(fields.text);
    expect(html).toContain('Received, waiting for an editor');
    expect(html).not.toContain('Thank you! We received your claim.');
  });

  it('follows the claim through its statuses and links the published verdict', async () => {
    const { location, fields } = await submit();
    const claimId = (await env.DB.prepare('SELECT claim_id FROM submissions WHERE text = ?1')
      .bind(fields.text)
      .first<{ claim_id: string }>())!.claim_id;
    const moved = await transitionClaim(
      env.DB,
      (await getClaim(env.DB, claimId))!,
      'rejected',
      {},
      ACTOR,
    );
    expect(moved.ok).toBe(true);
    const html = await (await call(location)).text();
    expect(html).toContain('Not selected for checking');
    expect(html).not.toContain(`/claims/${claimId}`);
  });

  it('links the original verdict when editors mark the submission a duplicate of a published claim', async () => {
    const original = await publishedClaim();
    const { location, fields } = await submit();
    const claimId = (await env.DB.prepare('SELECT claim_id FROM submissions WHERE text = ?1')
      .bind(fields.text)
      .first<{ claim_id: string }>())!.claim_id;
    const moved = await transitionClaim(
      env.DB,
      (await getClaim(env.DB, claimId))!,
      'duplicate',
      { duplicateOf: original.id },
      ACTOR,
    );
    expect(moved.ok).toBe(true);
    const html = await (await call(location)).text();
    expect(html).toContain('Already covered by another claim');
    expect(html).toContain(`<a href="/claims/${original.id}">Read the verdict</a>`);
  });

  it('is 404 for unknown or malformed tokens', async () => {
    expect(
      (await call('/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { headers: { Accept: 'text/html' } }))
        .status,
    ).toBe(404);
    expect((await call('/track/short', { headers: { Accept: 'text/html' } })).status).toBe(404);
  });

  it('deletes the contact e-mail on request (and says so)', async () => {
    const { location, token, fields } = await submit({ email: 'me@example.org' });
    const before = await (await call(location)).text();
    expect(before).toContain('Delete my e-mail address');
    expect(before).not.toContain('me@example.org');
    const res = await postForm(`/track/${token}/delete-contact`, {});
    expect(res.status).toBe(303);
    const row = await env.DB.prepare(
      'SELECT contact_email_enc, contact_deleted_at FROM submissions WHERE text = ?1',
    )
      .bind(fields.text)
      .first<{ contact_email_enc: string | null; contact_deleted_at: string | null }>();
    expect(row?.contact_email_enc).toBeNull();
    expect(row?.contact_deleted_at).toBeTruthy();
    const after = await (await call(res.headers.get('Location')!)).text();
    expect(after).toContain('Your e-mail address was deleted.');
    expect(after).not.toContain('Delete my e-mail address');
    expect(await count('audit_log', "action = 'submission.contact_delete'")).toBeGreaterThan(0);
    expect(
      (await postForm('/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/delete-contact', {})).status,
    ).toBe(404);
  });
});

describe('POST /claims/:id/feedback', () => {
  it('records one vote per reader per claim per day, without cookies', async () => {
    const claim = await publishedClaim();
    const ip = address();
    const res = await postForm(
      `/claims/${claim.id}/feedback`,
      { helpful: 'yes', reason: 'Clear sources' },
      { ip },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/claims/${claim.id}?feedback=thanks#feedback`);
    expect(res.headers.get('Set-Cookie')).toBeNull();
    const again = await postForm(`/claims/${claim.id}/feedback`, { helpful: 'no' }, { ip });
    expect(again.headers.get('Location')).toBe(`/claims/${claim.id}?feedback=already#feedback`);
    await postForm(
      `/claims/${claim.id}/feedback`,
      { helpful: 'no', reason: 'Too long' },
      { ip: address() },
    );
    expect(await feedbackSummary(env.DB, claim.id)).toMatchObject({
      helpful: 1,
      notHelpful: 1,
      recentReasons: [
        { helpful: false, reason: 'Too long' },
        { helpful: true, reason: 'Clear sources' },
      ],
    });
    const rows = await env.DB.prepare('SELECT reader_hash FROM feedback WHERE claim_id = ?1')
      .bind(claim.id)
      .all<{ reader_hash: string }>();
    expect(
      rows.results.every(
        (r) => /^[0-9a-f]{64}$/.test(r.reader_hash) && !r.reader_hash.includes(ip),
      ),
    ).toBe(true);
    const thanks = await (await call(`/claims/${claim.id}?feedback=thanks`)).text();
    expect(thanks).toContain('Thank you for your feedback.');
  });

  it('rejects a missing choice and a long reason next to the field, keeping the reason', async () => {
    const claim = await publishedClaim();
    const res = await postForm(`/claims/${claim.id}/feedback?lang=fr`, { reason: 'Pas de choix' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="feedback-error"');
    expect(html).toContain('Ce champ est obligatoire.');
    expect(html).toContain('>Pas de choix</textarea>');
    const long = await postForm(`/claims/${claim.id}/feedback`, {
      helpful: 'yes',
      reason: 'r'.repeat(501),
    });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain('Use at most 500 characters.');
    expect(await count('feedback', 'claim_id = ?1', claim.id)).toBe(0);
  });

  it('is 404 for a claim that is not published', async () => {
    const draft = await unpublishedClaim();
    expect((await postForm(`/claims/${draft.id}/feedback`, { helpful: 'yes' })).status).toBe(404);
    expect(await count('feedback', 'claim_id = ?1', draft.id)).toBe(0);
  });

  it('rate limits per address with 429 and Retry-After', async () => {
    const ip = address();
    const claims = [];
    for (let i = 0; i <= FEEDBACK_RATE.limit; i++) claims.push((await publishedClaim()).id);
    for (const id of claims.slice(0, FEEDBACK_RATE.limit))
      expect((await postForm(`/claims/${id}/feedback`, { helpful: 'yes' }, { ip })).status).toBe(
        303,
      );
    const res = await postForm(`/claims/${claims.at(-1)}/feedback`, { helpful: 'yes' }, { ip });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await res.text()).toContain('Too many submissions from your network');
  });

  it('refuses an oversize body with 413', async () => {
    const claim = await publishedClaim();
    expect(
      (await postForm(`/claims/${claim.id}/feedback`, { helpful: 'yes', reason: 'x'.repeat(5000) }))
        .status,
    ).toBe(413);
  });

  it("a claim page whose related list is not stored yet costs two D1 round trips (page with other publishers' reviews, related) even with feedback state", async () => {
    const claim = await publishedClaim();
    expect(d1Queries(await call(`/claims/${claim.id}?feedback=already`))).toBe(2);
  });
});
