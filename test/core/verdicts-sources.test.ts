import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { apiClaim, call, callJson, count, makeUser } from '../helpers';

const verdict = {
  ratingKey: 'mostly-false',
  headline: 'The rise was 2%, not 5%',
  explanation: 'Official statistics show 2%.',
  language: 'en',
};

async function toReview(token: string) {
  const claim = await apiClaim(token);
  await call(`/api/v1/claims/${claim.id}/transition`, { token, body: { to: 'in_review' } });
  return claim;
}

describe('verdicts', () => {
  it('appends versions, publishes the latest, and requires a note for corrections', async () => {
    const u = await makeUser();
    const claim = await toReview(u.token);
    const v1 = await callJson(`/api/v1/claims/${claim.id}/verdicts`, {
      token: u.token,
      body: verdict,
    });
    expect(v1.res.status).toBe(201);
    expect(v1.body.verdict).toMatchObject({
      version: 1,
      publishedAt: null,
      ratingKey: 'mostly-false',
    });
    const v2 = await callJson(`/api/v1/claims/${claim.id}/verdicts`, {
      token: u.token,
      body: { ...verdict, ratingKey: 'false' },
    });
    expect(v2.body.verdict.version).toBe(2);
    await call(`/api/v1/claims/${claim.id}/transition`, {
      token: u.token,
      body: { to: 'published' },
    });
    const detail = await callJson(`/api/v1/claims/${claim.id}`, { token: u.token });
    expect(detail.body.publishedVerdict.version).toBe(2);
    expect(detail.body.verdicts[0].publishedAt).toBeNull();

    // A published verdict never changes in place: without a correction draft, 409.
    const direct = await callJson(`/api/v1/claims/${claim.id}/verdicts`, {
      token: u.token,
      body: verdict,
    });
    expect(direct.res.status).toBe(409);
    expect(direct.body.code).toBe('draft_required');
    expect(await count('verdicts', 'claim_id = ?1', claim.id)).toBe(2);
    // In a draft: a new version that readers do not see until the draft is published.
    const draft = await callJson(`/api/v1/claims/${claim.id}/draft`, {
      token: u.token,
      method: 'POST',
    });
    expect(draft.res.status).toBe(201);
    const correction = await callJson(`/api/v1/claims/${claim.id}/verdicts`, {
      token: u.token,
      body: verdict,
    });
    expect(correction.res.status).toBe(201);
    expect(correction.body.verdict).toMatchObject({ version: 3, publishedAt: null });
    const noNote = await callJson(`/api/v1/claims/${claim.id}/draft/publish`, {
      token: u.token,
      body: { note: '' },
      headers: { 'If-Match': draft.res.headers.get('ETag')! },
    });
    expect(noNote.res.status).toBe(422);
    expect(noNote.body.errors[0].field).toBe('json.note');
    const published = await callJson(`/api/v1/claims/${claim.id}/draft/publish`, {
      token: u.token,
      body: { note: 'We misread the table.' },
      headers: { 'If-Match': draft.res.headers.get('ETag')! },
    });
    expect(published.res.status).toBe(200);
    const after = await callJson(`/api/v1/claims/${claim.id}`, { token: u.token });
    expect(after.body.publishedVerdict).toMatchObject({ version: 3, ratingKey: 'mostly-false' });
    expect(after.body.versions.map((v: { kind: string }) => v.kind)).toEqual([
      'publication',
      'correction',
    ]);
    expect(after.body.versions[1].note).toBe('We misread the table.');
    expect(await count('audit_log', "entity_id = ?1 AND action = 'claim.correct'", claim.id)).toBe(
      1,
    );
  });

  it('never overwrites a verdict version (append-only in the database too)', async () => {
    const u = await makeUser();
    const claim = await toReview(u.token);
    await call(`/api/v1/claims/${claim.id}/verdicts`, { token: u.token, body: verdict });
    await expect(
      env.DB.prepare("UPDATE verdicts SET headline = 'edited' WHERE claim_id = ?1")
        .bind(claim.id)
        .run(),
    ).rejects.toThrow(/append-only/);
  });

  it('validates rating key, headline length and claim state', async () => {
    const u = await makeUser();
    const claim = await toReview(u.token);
    const badRating = await callJson(`/api/v1/claims/${claim.id}/verdicts`, {
      token: u.token,
      body: { ...verdict, ratingKey: 'pants-on-fire' },
    });
    expect(badRating.res.status).toBe(422);
    expect(badRating.body.errors[0].field).toBe('json.ratingKey');
    const long = await callJson(`/api/v1/claims/${claim.id}/verdicts`, {
      token: u.token,
      body: { ...verdict, headline: 'x'.repeat(76) },
    });
    expect(long.res.status).toBe(422);
    expect(long.body.errors[0].field).toBe('json.headline');
    const candidate = await apiClaim(u.token, { status: 'candidate' });
    const wrongState = await callJson(`/api/v1/claims/${candidate.id}/verdicts`, {
      token: u.token,
      body: verdict,
    });
    expect(wrongState.res.status).toBe(409);
    expect(await count('verdicts', 'claim_id IN (?1, ?2)', claim.id, candidate.id)).toBe(0);
  });

  it('serves the rating scale with labels in three languages', async () => {
    const { res, body } = await callJson('/api/v1/ratings');
    expect(res.status).toBe(200);
    expect(body.items.map((r: { key: string }) => r.key)).toEqual([
      'true',
      'mostly-true',
      'mixed',
      'mostly-false',
      'false',
      'misleading',
      'unproven',
    ]);
    for (const r of body.items) expect(Object.keys(r.labels).sort()).toEqual(['ar', 'en', 'fr']);
    expect(body.items.find((r: { key: string }) => r.key === 'unproven').value).toBeNull();
  });
});

describe('sources', () => {
  it('adds, edits and removes sources, auditing each', async () => {
    const u = await makeUser();
    const claim = await apiClaim(u.token);
    const added = await callJson(`/api/v1/claims/${claim.id}/sources`, {
      token: u.token,
      body: { url: 'https://stats.example/t1', stance: 'supports', title: 'Table 1' },
    });
    expect(added.res.status).toBe(201);
    const id = added.body.source.id;
    const edited = await callJson(`/api/v1/claims/${claim.id}/sources/${id}`, {
      method: 'PUT',
      token: u.token,
      body: { url: 'https://stats.example/t2', stance: 'refutes' },
    });
    expect(edited.res.status).toBe(200);
    expect(edited.body.source).toMatchObject({
      url: 'https://stats.example/t2',
      stance: 'refutes',
      title: null,
    });
    const removed = await call(`/api/v1/claims/${claim.id}/sources/${id}`, {
      method: 'DELETE',
      token: u.token,
    });
    expect(removed.status).toBe(204);
    expect(
      (await call(`/api/v1/claims/${claim.id}/sources/${id}`, { method: 'DELETE', token: u.token }))
        .status,
    ).toBe(404);
    expect(await count('audit_log', "entity_id = ?1 AND action LIKE 'source.%'", claim.id)).toBe(3);
  });

  it('accepts only http(s) URLs and known stances', async () => {
    const u = await makeUser();
    const claim = await apiClaim(u.token);
    for (const url of [
      'javascript:alert(1)',
      'ftp://x.example/a',
      'data:text/html,hi',
      'not a url',
    ]) {
      const { res, body } = await callJson(`/api/v1/claims/${claim.id}/sources`, {
        token: u.token,
        body: { url, stance: 'supports' },
      });
      expect(res.status).toBe(422);
      expect(body.errors[0].field).toBe('json.url');
    }
    const stance = await callJson(`/api/v1/claims/${claim.id}/sources`, {
      token: u.token,
      body: { url: 'https://ok.example', stance: 'likes' },
    });
    expect(stance.body.errors[0].field).toBe('json.stance');
    expect(await count('sources', 'claim_id = ?1', claim.id)).toBe(0);
  });
});
