/**
 * API tokens (scope, expiry, last use, list, revoke, sign-out), idempotency replays that never
 * keep or show a secret, and the lease of an idempotency key left in progress.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  completeKey,
  IDEMPOTENCY_LEASE_SECONDS,
  releaseKey,
  reserveKey,
} from '../../d1/idempotency';
import { MINT_LIMIT } from '../../worker/domain/tokens';
import { sha256Hex } from '../../worker/lib/crypto';
import { keyedHash } from '../../worker/lib/reader-keys';
import { DUMMY_TOKEN } from '../../worker/turnstile';
import { call, callJson, count, makeToken, makeUser, TEST_PASSWORD, unique } from '../helpers';
import { postForm, validFields } from '../public/submit-helpers';

/** Every stored idempotency row, as raw text: what someone reading the database would see. */
async function rawKeyRows(): Promise<string> {
  const { results } = await env.DB.prepare('SELECT * FROM idempotency_keys').all();
  return JSON.stringify(results);
}

describe('idempotency replays keep no secret', () => {
  it('sign-in: the stored row holds neither the session token nor a plain hash of the password', async () => {
    const u = await makeUser();
    const key = unique('login-');
    const ip = unique('ip');
    const body = { email: u.email, password: TEST_PASSWORD };
    const headers = { 'Idempotency-Key': key, 'CF-Connecting-IP': ip };
    const first = await callJson('/api/v1/auth/login', { body, headers });
    expect(first.res.status).toBe(200);
    const token: string = first.body.token;
    expect(token).toBeTruthy();

    const raw = await rawKeyRows();
    expect(raw).not.toContain(token);
    expect(raw).not.toContain(await sha256Hex(token));
    expect(raw).not.toContain(await sha256Hex(`POST /api/v1/auth/login\n${JSON.stringify(body)}`));
    expect(raw).not.toContain(TEST_PASSWORD);
    // The public caller's address is a keyed hash too, not a plain SHA-256 anyone can reverse.
    expect(raw).not.toContain(await sha256Hex(ip));

    const replay = await callJson('/api/v1/auth/login', { body, headers });
    expect(replay.res.status).toBe(200);
    expect(replay.res.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.res.headers.get('Set-Cookie')).toBeNull();
    expect(replay.body).toMatchObject({ token: null, secretReplayed: false, user: { id: u.id } });
    expect(JSON.stringify(replay.body)).not.toContain(token);
    // The session the first answer started still works (the replay started none).
    expect((await call('/api/v1/auth/me', { token })).status).toBe(200);
  });

  it('API token creation: the stored row and the replay have the token’s id, never its secret', async () => {
    const u = await makeUser();
    const key = unique('tok-');
    const first = await callJson('/api/v1/tokens', {
      token: u.token,
      body: { name: 'ci', scope: 'read' },
      headers: { 'Idempotency-Key': key },
    });
    expect(first.res.status).toBe(201);
    const secret: string = first.body.token;
    expect(secret).toMatch(/^cdk_/);
    expect(await rawKeyRows()).not.toContain(secret);

    const replay = await callJson('/api/v1/tokens', {
      token: u.token,
      body: { name: 'ci', scope: 'read' },
      headers: { 'Idempotency-Key': key },
    });
    expect(replay.res.status).toBe(201);
    expect(replay.res.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.body).toMatchObject({
      id: first.body.id,
      scope: 'read',
      token: null,
      secretReplayed: false,
    });
    expect(await count('api_tokens', 'user_id = ?1', u.id)).toBe(1);
    // The client that lost the first answer knows which token to revoke.
    expect(
      (await call(`/api/v1/tokens/${replay.body.id}`, { method: 'DELETE', token: u.token })).status,
    ).toBe(204);
  });

  it('public submission: no tracking link in the stored row or in the replay', async () => {
    const key = unique('sub-');
    const headers = { 'Idempotency-Key': key, 'CF-Connecting-IP': unique('ip') };
    const body = {
      text: `${unique('Replay ')}: the dam holds 40 billion cubic metres`,
      turnstileToken: DUMMY_TOKEN,
    };
    const first = await callJson('/api/v1/submissions', { body, headers });
    expect(first.res.status).toBe(202);
    const trackingToken = String(first.body.tracking_url).split('/track/')[1]!;
    expect(trackingToken.length).toBeGreaterThan(10);
    expect(await rawKeyRows()).not.toContain(trackingToken);

    const replay = await callJson('/api/v1/submissions', { body, headers });
    expect(replay.res.status).toBe(202);
    expect(replay.body).toMatchObject({
      id: first.body.id,
      tracking_url: null,
      secret_replayed: false,
    });
    expect(JSON.stringify(replay.body)).not.toContain(trackingToken);
  });

  it('the /submit form: a double click still lands on the tracking page, and the row keeps no link', async () => {
    const fields = validFields();
    const ip = unique('ip');
    const a = await postForm('/submit', fields, { ip });
    const b = await postForm('/submit', fields, { ip });
    expect([a.status, b.status]).toEqual([303, 303]);
    const location = a.headers.get('Location')!;
    expect(location).toMatch(/^\/track\//);
    expect(b.headers.get('Location')).toBe(location);
    const raw = await rawKeyRows();
    expect(raw).not.toContain(location.split('?')[0]!.slice('/track/'.length));
    expect(raw).not.toContain(fields.nonce);
  });
});

describe('idempotency lease', () => {
  const body = () => ({ text: `${unique('Lease ')} rose 4% in 2025`, language: 'en' });

  async function inProgress(userId: number, key: string, sent: object, lockedUntil: Date) {
    const requestHash = await keyedHash(
      env.PUBLIC_DATA_KEY,
      'idempotency-request',
      `POST /api/v1/claims\n${JSON.stringify(sent)}`,
    );
    await env.DB.prepare(
      `INSERT INTO idempotency_keys (scope, key, request_hash, created_at, locked_until) VALUES (?1, ?2, ?3, ?4, ?5)`,
    )
      .bind(
        `user:${userId}`,
        key,
        requestHash,
        new Date(Date.now() - 5 * 60_000).toISOString(),
        lockedUntil.toISOString(),
      )
      .run();
  }

  it('a retry after the lease ran out takes the key over, runs, and is replayed after', async () => {
    const u = await makeUser();
    const key = unique('crashed-');
    const sent = body();
    await inProgress(u.id, key, sent, new Date(Date.now() - 1000));
    const retry = await callJson('/api/v1/claims', {
      token: u.token,
      body: sent,
      headers: { 'Idempotency-Key': key },
    });
    expect(retry.res.status).toBe(201);
    expect(retry.res.headers.get('Idempotent-Replayed')).toBeNull();
    const again = await callJson('/api/v1/claims', {
      token: u.token,
      body: sent,
      headers: { 'Idempotency-Key': key },
    });
    expect(again.res.status).toBe(201);
    expect(again.res.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body.claim.id).toBe(retry.body.claim.id);
    expect(await count('claims', 'text = ?1', sent.text)).toBe(1);
  });

  it('a retry while the lease is live is a 409 with Retry-After', async () => {
    const u = await makeUser();
    const key = unique('busy-');
    const sent = body();
    await inProgress(u.id, key, sent, new Date(Date.now() + 30_000));
    const res = await callJson('/api/v1/claims', {
      token: u.token,
      body: sent,
      headers: { 'Idempotency-Key': key },
    });
    expect(res.res.status).toBe(409);
    expect(res.body.code).toBe('idempotency_in_progress');
    const retryAfter = Number(res.res.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(IDEMPOTENCY_LEASE_SECONDS);
    expect(await count('claims', 'text = ?1', sent.text)).toBe(0);
  });

  it('a different body under an expired lease is still a mismatch, not a takeover', async () => {
    const u = await makeUser();
    const key = unique('other-');
    await inProgress(u.id, key, body(), new Date(Date.now() - 1000));
    const res = await callJson('/api/v1/claims', {
      token: u.token,
      body: body(),
      headers: { 'Idempotency-Key': key },
    });
    expect(res.res.status).toBe(422);
    expect(res.body.code).toBe('idempotency_key_mismatch');
  });

  it('a request that lost its key to a takeover can neither store its answer nor release the key', async () => {
    const scope = `user:${unique('fence')}`;
    const key = unique('k');
    const t0 = new Date();
    const first = await reserveKey(env.DB, scope, key, 'h', t0);
    expect(first.state).toBe('new');
    // Still leased a second later; taken over once the lease has run out.
    expect((await reserveKey(env.DB, scope, key, 'h', new Date(t0.getTime() + 1000))).state).toBe(
      'in-progress',
    );
    const later = new Date(t0.getTime() + (IDEMPOTENCY_LEASE_SECONDS + 1) * 1000);
    const second = await reserveKey(env.DB, scope, key, 'h', later);
    expect(second.state).toBe('new');
    if (first.state !== 'new' || second.state !== 'new') return;
    expect(second.lease).not.toBe(first.lease);
    await completeKey(env.DB, scope, key, first.lease, 201, '{"from":"first"}');
    await releaseKey(env.DB, scope, key, first.lease);
    const row = () =>
      env.DB.prepare(
        'SELECT status, response_body FROM idempotency_keys WHERE scope = ?1 AND key = ?2',
      )
        .bind(scope, key)
        .first();
    expect(await row()).toEqual({ status: null, response_body: null });
    await completeKey(env.DB, scope, key, second.lease, 201, '{"from":"second"}');
    expect(await row()).toEqual({ status: 201, response_body: '{"from":"second"}' });
  });

  it('once answered, a key keeps the answer and drops its lease', async () => {
    const u = await makeUser();
    const key = unique('fresh-');
    await callJson('/api/v1/claims', {
      token: u.token,
      body: body(),
      headers: { 'Idempotency-Key': key },
    });
    const row = await env.DB.prepare(
      'SELECT status, locked_until FROM idempotency_keys WHERE scope = ?1 AND key = ?2',
    )
      .bind(`user:${u.id}`, key)
      .first<{ status: number; locked_until: string | null }>();
    // Done: the answer is stored and the lease is gone.
    expect(row).toEqual({ status: 201, locked_until: null });
  });
});

describe('API tokens: scope', () => {
  it('a read token reads, and gets 403 insufficient_scope on every write', async () => {
    const u = await makeUser('editor');
    const { token } = await makeToken(u.id, 'read');
    expect((await call('/api/v1/claims', { token })).status).toBe(200);
    const me = await callJson('/api/v1/auth/me', { token });
    expect(me.body).toMatchObject({ scope: 'read', user: { id: u.id } });
    const write = await callJson('/api/v1/claims', {
      token,
      body: { text: `${unique('Read scope ')} rose 2%`, language: 'en' },
    });
    expect(write.res.status).toBe(403);
    expect(write.body.code).toBe('insufficient_scope');
    const patch = await call('/api/v1/users/1', { method: 'PATCH', token, body: { name: 'x' } });
    expect(patch.status).toBe(403);
  });

  it('a write token of an admin acts as an editor; an admin token as an admin', async () => {
    const admin = await makeUser('admin');
    const write = await makeToken(admin.id, 'write');
    const adminToken = await makeToken(admin.id, 'admin');
    const denied = await callJson('/api/v1/users', { token: write.token });
    expect(denied.res.status).toBe(403);
    expect(denied.body.code).toBe('insufficient_scope');
    expect((await call('/api/v1/users', { token: adminToken.token })).status).toBe(200);
    // Demoted: the admin token acts as an editor from then on.
    await env.DB.prepare(`UPDATE users SET role = 'editor' WHERE id = ?1`).bind(admin.id).run();
    expect((await call('/api/v1/users', { token: adminToken.token })).status).toBe(403);
  });

  it('only admins mint admin tokens, only sign-in sessions mint at all', async () => {
    const editor = await makeUser('editor');
    const admin = await makeUser('admin');
    const refused = await callJson('/api/v1/tokens', {
      token: editor.token,
      body: { name: 'too wide', scope: 'admin' },
    });
    expect(refused.res.status).toBe(403);
    expect(refused.body.code).toBe('insufficient_scope');
    const ok = await callJson('/api/v1/tokens', {
      token: admin.token,
      body: { name: 'ops', scope: 'admin' },
    });
    expect(ok.res.status).toBe(201);
    expect(ok.body.scope).toBe('admin');
    // A token (even an admin one) cannot mint its own successor.
    const byToken = await callJson('/api/v1/tokens', {
      token: ok.body.token,
      body: { name: 'successor', scope: 'write' },
    });
    expect(byToken.res.status).toBe(403);
    expect(byToken.body.code).toBe('session_required');
  });

  it('mints at most MINT_LIMIT tokens per account per hour, then 429 with Retry-After', async () => {
    const editor = await makeUser('editor');
    const other = await makeUser('editor');
    for (let i = 0; i < MINT_LIMIT; i++) {
      const res = await call('/api/v1/tokens', {
        token: editor.token,
        body: { name: `batch ${i}`, scope: 'read' },
      });
      expect(res.status).toBe(201);
    }
    const before = await count('api_tokens', 'user_id = ?1', editor.id);
    const over = await callJson('/api/v1/tokens', {
      token: editor.token,
      body: { name: 'one too many', scope: 'read' },
    });
    expect(over.res.status).toBe(429);
    expect(over.body.code).toBe('rate_limited');
    expect(Number(over.res.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await count('api_tokens', 'user_id = ?1', editor.id)).toBe(before);
    // Another account is not affected.
    const theirs = await call('/api/v1/tokens', {
      token: other.token,
      body: { name: 'mine', scope: 'read' },
    });
    expect(theirs.status).toBe(201);
  });
});

describe('API tokens: expiry and last use', () => {
  it('expires after 90 days by default, at most a year, and an expired token is refused', async () => {
    const u = await makeUser();
    const before = Date.now();
    const created = await callJson('/api/v1/tokens', { token: u.token, body: { name: 'x' } });
    expect(created.res.status).toBe(201);
    expect(created.body.scope).toBe('write');
    const days = (Date.parse(created.body.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
    const year = await callJson('/api/v1/tokens', {
      token: u.token,
      body: { name: 'y', expiresInDays: 365 },
    });
    expect(year.res.status).toBe(201);
    const tooLong = await callJson('/api/v1/tokens', {
      token: u.token,
      body: { name: 'z', expiresInDays: 366 },
    });
    expect(tooLong.res.status).toBe(422);
    expect(tooLong.body.errors[0].field).toBe('json.expiresInDays');

    const expired = await makeToken(u.id, 'write', { expired: true });
    expect((await call('/api/v1/auth/me', { token: expired.token })).status).toBe(401);
  });

  it('records last use at most once a minute', async () => {
    const u = await makeUser();
    const t = await makeToken(u.id, 'read');
    const lastUsed = () =>
      env.DB.prepare('SELECT last_used_at FROM api_tokens WHERE id = ?1')
        .bind(t.id)
        .first<string | null>('last_used_at');
    expect(await lastUsed()).toBeNull();
    await call('/api/v1/auth/me', { token: t.token });
    const first = await lastUsed();
    expect(first).not.toBeNull();
    const recent = new Date(Date.now() - 30_000).toISOString();
    await env.DB.prepare('UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1')
      .bind(t.id, recent)
      .run();
    await call('/api/v1/auth/me', { token: t.token });
    expect(await lastUsed()).toBe(recent);
    const old = new Date(Date.now() - 120_000).toISOString();
    await env.DB.prepare('UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1')
      .bind(t.id, old)
      .run();
    await call('/api/v1/auth/me', { token: t.token });
    expect(Date.parse((await lastUsed())!)).toBeGreaterThan(Date.now() - 10_000);
  });
});

describe('API tokens: list, revoke, sign out', () => {
  it('lists your own tokens (admins: everyone’s), never a secret or a hash', async () => {
    const a = await makeUser('editor');
    const b = await makeUser('editor');
    const admin = await makeUser('admin');
    const ta = await makeToken(a.id, 'read');
    const tb = await makeToken(b.id, 'write');
    const mine = await callJson('/api/v1/tokens', { token: a.token });
    expect(mine.res.status).toBe(200);
    const ids = mine.body.items.map((t: { id: number }) => t.id);
    expect(ids).toContain(ta.id);
    expect(ids).not.toContain(tb.id);
    expect(mine.body.items[0]).toMatchObject({ id: ta.id, scope: 'read', state: 'active' });
    const text = JSON.stringify(mine.body);
    expect(text).not.toContain(ta.token);
    expect(text).not.toContain(await sha256Hex(ta.token));
    expect(text).not.toMatch(/hash/i);
    const all = await callJson('/api/v1/tokens?limit=100', { token: admin.token });
    const allIds = all.body.items.map((t: { id: number }) => t.id);
    expect(allIds).toEqual(expect.arrayContaining([ta.id, tb.id]));
    const page = await callJson('/api/v1/tokens?limit=1', { token: admin.token });
    expect(page.body.items).toHaveLength(1);
    const next = await callJson(`/api/v1/tokens?limit=1&before=${page.body.nextBefore}`, {
      token: admin.token,
    });
    expect(next.body.items[0].id).toBeLessThan(page.body.items[0].id);
  });

  it('revokes your own token at once; someone else’s is not found unless you are an admin', async () => {
    const a = await makeUser('editor');
    const b = await makeUser('editor');
    const admin = await makeUser('admin');
    const ta = await makeToken(a.id, 'write');
    const tb = await makeToken(b.id, 'write');
    expect((await call('/api/v1/auth/me', { token: ta.token })).status).toBe(200);
    expect(
      (await call(`/api/v1/tokens/${tb.id}`, { method: 'DELETE', token: a.token })).status,
    ).toBe(404);
    expect((await call('/api/v1/auth/me', { token: tb.token })).status).toBe(200);
    expect(
      (await call(`/api/v1/tokens/${ta.id}`, { method: 'DELETE', token: a.token })).status,
    ).toBe(204);
    expect((await call('/api/v1/auth/me', { token: ta.token })).status).toBe(401);
    // Again: still 204 (it is revoked), and one audit row.
    expect(
      (await call(`/api/v1/tokens/${ta.id}`, { method: 'DELETE', token: a.token })).status,
    ).toBe(204);
    expect(
      await count('audit_log', "action = 'token.revoke' AND entity_id = ?1", String(ta.id)),
    ).toBe(1);
    expect(
      (await call(`/api/v1/tokens/${tb.id}`, { method: 'DELETE', token: admin.token })).status,
    ).toBe(204);
    expect((await call('/api/v1/auth/me', { token: tb.token })).status).toBe(401);
    const listed = await callJson('/api/v1/tokens', { token: b.token });
    expect(listed.body.items[0]).toMatchObject({ id: tb.id, state: 'revoked' });
    expect(listed.body.items[0].revokedAt).toBeTruthy();
  });

  it('signing out with an API token revokes it (even a read token)', async () => {
    const u = await makeUser();
    for (const scope of ['read', 'write'] as const) {
      const t = await makeToken(u.id, scope);
      expect((await call('/api/v1/auth/me', { token: t.token })).status).toBe(200);
      const out = await call('/api/v1/auth/logout', { method: 'POST', token: t.token });
      expect(out.status).toBe(204);
      expect((await call('/api/v1/auth/me', { token: t.token })).status).toBe(401);
      const row = await env.DB.prepare('SELECT revoked_at FROM api_tokens WHERE id = ?1')
        .bind(t.id)
        .first<string | null>('revoked_at');
      expect(row).not.toBeNull();
    }
    // The user's sign-in session is untouched.
    expect((await call('/api/v1/auth/me', { token: u.token })).status).toBe(200);
  });

  it('audits creation without the secret', async () => {
    const u = await makeUser();
    const created = await callJson('/api/v1/tokens', { token: u.token, body: { name: 'audit' } });
    const row = await env.DB.prepare(
      "SELECT actor_id, entity_id, after FROM audit_log WHERE action = 'token.create' AND entity_id = ?1",
    )
      .bind(String(created.body.id))
      .first<{ actor_id: number; entity_id: string; after: string }>();
    expect(row?.actor_id).toBe(u.id);
    expect(row?.after).not.toContain(created.body.token);
    expect(JSON.parse(row!.after)).toMatchObject({ name: 'audit', scope: 'write' });
  });
});
