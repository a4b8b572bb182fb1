import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { apiClaim, call, callJson, count, d1Queries, makeUser, unique } from '../helpers';

describe('claims API', () => {
  it('creates a claim with a random URL-safe id, ETag and audit row', async () => {
    const u = await makeUser();
    const text = `${unique('Unemployment ')} fell to 4.1% in March`;
    const { res, body } = await callJson('/api/v1/claims', {
      token: u.token,
      body: {
        text,
        language: 'en',
        claimant: 'Minister',
        claimantType: 'person',
        claimDate: '2026-03-02',
        appearances: ['https://news.example/a'],
      },
    });
    expect(res.status).toBe(201);
    expect(body.claim.id).toMatch(/^[0-9a-z]{16}$/);
    expect(body.claim).toMatchObject({
      text,
      status: 'queued',
      version: 1,
      claimant: 'Minister',
      appearances: ['https://news.example/a'],
    });
    expect(res.headers.get('ETag')).toBe('"v1"');
    expect(
      await count(
        'audit_log',
        "entity_id = ?1 AND action = 'claim.create' AND actor_id = ?2",
        body.claim.id,
        u.id,
      ),
    ).toBe(1);
    const other = await apiClaim(u.token);
    expect(other.id).not.toBe(body.claim.id);
  });

  it('detects the language when none is given', async () => {
    const u = await makeUser();
    const { body } = await callJson('/api/v1/claims', {
      token: u.token,
      body: { text: 'قال وزير المالية إن التضخم ارتفع إلى ٥٪ هذا العام' },
    });
    expect(body.claim.language).toBe('ar');
  });

  it('reads a claim with sources, verdicts and audit trail in one D1 round trip', async () => {
    const u = await makeUser();
    const claim = await apiClaim(u.token);
    await call(`/api/v1/claims/${claim.id}/sources`, {
      token: u.token,
      body: { url: 'https://stats.example/x', stance: 'refutes', title: 'Stats' },
    });
    const res = await call(`/api/v1/claims/${claim.id}`, { token: u.token });
    expect(res.status).toBe(200);
    const body = await res.json<any>();
    expect(body.claim.id).toBe(claim.id);
    expect(body.sources).toHaveLength(1);
    expect(body.verdicts).toEqual([]);
    expect(body.audit.map((a: { action: string }) => a.action)).toEqual([
      'claim.create',
      'source.add',
    ]);
    // One round trip resolves the session, one batch reads everything else.
    expect(d1Queries(res)).toBe(2);
  });

  it('lists with filters and a stable cursor', async () => {
    const u = await makeUser();
    const lang = 'xx-' + unique('t').slice(-6);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await apiClaim(u.token, { language: lang }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/api/v1/claims?language=${lang}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const { res, body } = await callJson(q, { token: u.token });
      expect(res.status).toBe(200);
      seen.push(...body.items.map((c: { id: string }) => c.id));
      cursor = body.nextCursor;
      // A claim inserted mid-paging must not shift later pages.
      if (seen.length === 2) await apiClaim(u.token, { language: lang });
    } while (cursor);
    expect(seen).toEqual(made.map((c) => c.id).reverse());
    const candidates = await callJson(`/api/v1/claims?language=${lang}&status=candidate`, {
      token: u.token,
    });
    expect(candidates.body.items).toEqual([]);
  });

  it('filters by the latest verdict rating', async () => {
    const u = await makeUser();
    const lang = 'xy-' + unique('t').slice(-6);
    const a = await apiClaim(u.token, { language: lang });
    await apiClaim(u.token, { language: lang });
    await call(`/api/v1/claims/${a.id}/verdicts`, {
      token: u.token,
      body: { ratingKey: 'false', headline: 'Not so', explanation: 'Because.', language: 'en' },
    });
    const { body } = await callJson(`/api/v1/claims?language=${lang}&rating=false`, {
      token: u.token,
    });
    expect(body.items.map((c: { id: string }) => c.id)).toEqual([a.id]);
  });

  it('404s unknown claims and 400s malformed ids', async () => {
    const u = await makeUser();
    expect((await call('/api/v1/claims/0000000000000000', { token: u.token })).status).toBe(404);
    const bad = await callJson('/api/v1/claims/not!an!id', { token: u.token });
    expect(bad.res.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('param.id');
  });
});

describe('PATCH /api/v1/claims/:id (optimistic concurrency)', () => {
  it('requires If-Match (428) and rejects a stale one (412) with the current version', async () => {
    const u = await makeUser();
    const claim = await apiClaim(u.token);
    const missing = await callJson(`/api/v1/claims/${claim.id}`, {
      method: 'PATCH',
      token: u.token,
      body: { claimant: 'X' },
    });
    expect(missing.res.status).toBe(428);
    const ok = await callJson(`/api/v1/claims/${claim.id}`, {
      method: 'PATCH',
      token: u.token,
      body: { claimant: 'X' },
      headers: { 'If-Match': '"v1"' },
    });
    expect(ok.res.status).toBe(200);
    expect(ok.body.claim.version).toBe(2);
    expect(ok.res.headers.get('ETag')).toBe('"v2"');
    const stale = await callJson(`/api/v1/claims/${claim.id}`, {
      method: 'PATCH',
      token: u.token,
      body: { claimant: 'Y' },
      headers: { 'If-Match': '"v1"' },
    });
    expect(stale.res.status).toBe(412);
    expect(stale.body.current.claimant).toBe('X');
    expect(stale.body.current.version).toBe(2);
  });

  it('lets exactly one of two concurrent edits win, with one audit entry', async () => {
    const u = await makeUser();
    const claim = await apiClaim(u.token);
    const edit = (claimant: string) =>
      call(`/api/v1/claims/${claim.id}`, {
        method: 'PATCH',
        token: u.token,
        body: { claimant },
        headers: { 'If-Match': '"v1"' },
      });
    const [a, b] = await Promise.all([edit('Alice'), edit('Bob')]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    expect(await count('audit_log', "entity_id = ?1 AND action = 'claim.update'", claim.id)).toBe(
      1,
    );
    const row = await env.DB.prepare('SELECT version, claimant FROM claims WHERE id = ?1')
      .bind(claim.id)
      .first<{ version: number; claimant: string }>();
    expect(row?.version).toBe(2);
  });

  it('keeps the search index in step with edited text', async () => {
    const u = await makeUser();
    const word = unique('zebra');
    const claim = await apiClaim(u.token);
    await call(`/api/v1/claims/${claim.id}`, {
      method: 'PATCH',
      token: u.token,
      body: { text: `The ${word} count doubled` },
      headers: { 'If-Match': '"v1"' },
    });
    const { body } = await callJson(`/api/v1/search?q=${word}`, { token: u.token });
    expect(body.items.map((c: { id: string }) => c.id)).toEqual([claim.id]);
  });
});

describe('Idempotency-Key', () => {
  it('replays the stored answer and creates one row', async () => {
    const u = await makeUser();
    const key = unique('key-');
    const body = { text: `${unique('Idem ')} rose 3%`, language: 'en' };
    const first = await callJson('/api/v1/claims', {
      token: u.token,
      body,
      headers: { 'Idempotency-Key': key },
    });
    const second = await callJson('/api/v1/claims', {
      token: u.token,
      body,
      headers: { 'Idempotency-Key': key },
    });
    expect(first.res.status).toBe(201);
    expect(second.res.status).toBe(201);
    expect(second.res.headers.get('Idempotent-Replayed')).toBe('true');
    expect(second.body.claim.id).toBe(first.body.claim.id);
    expect(await count('claims', 'text = ?1', body.text)).toBe(1);
    const different = await callJson('/api/v1/claims', {
      token: u.token,
      body: { ...body, text: body.text + '!' },
      headers: { 'Idempotency-Key': key },
    });
    expect(different.res.status).toBe(422);
    expect(different.body.code).toBe('idempotency_key_mismatch');
  });

  it('does not keep a key whose request failed', async () => {
    const u = await makeUser();
    const key = unique('key-');
    const bad = await call('/api/v1/claims', {
      token: u.token,
      body: { text: '', language: 'en' },
      headers: { 'Idempotency-Key': key },
    });
    expect(bad.status).toBe(422);
    const good = await call('/api/v1/claims', {
      token: u.token,
      body: { text: `${unique('Retry ')} ok`, language: 'en' },
      headers: { 'Idempotency-Key': key },
    });
    expect(good.status).toBe(201);
  });
});
