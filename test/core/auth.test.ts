import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../d1/sessions';
import {
  PBKDF2_ITERATIONS,
  PBKDF2_MAX_ITERATIONS,
  hashPassword,
  randomToken,
  sha256Hex,
} from '../../worker/lib/crypto';
import {
  LOGIN_DELAY_MAX_MS,
  LOGIN_LIMIT_PER_PAIR,
  LOGIN_SLOW_AFTER,
  loginDelayMs,
} from '../../worker/domain/auth';
import { call, callJson, count, makeUser, TEST_PASSWORD, unique } from '../helpers';

describe('passwords', () => {
  it('never uses more PBKDF2 iterations than the Workers cap of 100,000', async () => {
    expect(PBKDF2_MAX_ITERATIONS).toBe(100_000);
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000);
    const h = await hashPassword('x');
    expect(h.iterations).toBeLessThanOrEqual(100_000);
    await expect(hashPassword('x', undefined, 100_001)).rejects.toThrow(RangeError);
    await makeUser();
    expect(await count('users', 'password_iterations > 100000')).toBe(0);
  });

  it('salts each password differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });
});

describe('POST /api/v1/auth/login', () => {
  it('signs in, returns a bearer token and sets a __Host- cookie over https', async () => {
    const u = await makeUser('admin');
    const { res, body } = await callJson('/api/v1/auth/login', {
      body: { email: u.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(body.user).toMatchObject({ id: u.id, role: 'admin' });
    const cookie = res.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^__Host-claimdesk_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    // Only the hash of the secret is stored.
    expect(await count('sessions', 'token_hash = ?1', await sha256Hex(body.token))).toBe(1);
    expect(await count('sessions', 'token_hash = ?1', body.token)).toBe(0);
    const me = await callJson('/api/v1/auth/me', { token: body.token });
    expect(me.res.status).toBe(200);
    expect(me.body.user.email).toBe(u.email);
  });

  it('uses the documented non-__Host- cookie on plain http (local dev) and accepts it back', async () => {
    const u = await makeUser();
    const { exports } = await import('cloudflare:workers');
    const res = await exports.default.fetch(
      new Request('http://localhost:8787/api/v1/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: u.email, password: TEST_PASSWORD }),
      }),
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^claimdesk_session=/);
    expect(cookie).not.toMatch(/Secure/);
    const value = cookie.split(';')[0]!;
    const me = await exports.default.fetch(
      new Request('http://localhost:8787/api/v1/auth/me', { headers: { Cookie: value } }),
    );
    expect(me.status).toBe(200);
  });

  it('refuses a wrong password and an unknown e-mail with the same 401', async () => {
    const u = await makeUser();
    const wrong = await callJson('/api/v1/auth/login', {
      body: { email: u.email, password: 'nope-nope-nope' },
    });
    const unknown = await callJson('/api/v1/auth/login', {
      body: { email: `${unique()}@nowhere.example`, password: 'nope-nope-nope' },
    });
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(wrong.res.headers.get('Content-Type')).toMatch(/application\/problem\+json/);
    expect(wrong.body.title).toBe(unknown.body.title);
    expect(wrong.res.headers.get('Set-Cookie')).toBeNull();
  });

  it('rate-limits one (account, address) pair with 429 and Retry-After, and only that pair', async () => {
    const u = await makeUser();
    const other = await makeUser();
    const ip = { 'CF-Connecting-IP': unique('ip') };
    for (let i = 0; i < LOGIN_LIMIT_PER_PAIR; i++) {
      const r = await call('/api/v1/auth/login', {
        body: { email: u.email, password: 'wrong-password' },
        headers: ip,
      });
      expect(r.status).toBe(401);
    }
    const limited = await call('/api/v1/auth/login', {
      body: { email: u.email, password: TEST_PASSWORD },
      headers: ip,
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another account from the same address, and the same account from another address: fine.
    const sameAddress = await call('/api/v1/auth/login', {
      body: { email: other.email, password: TEST_PASSWORD },
      headers: ip,
    });
    expect(sameAddress.status).toBe(200);
    const otherAddress = await call('/api/v1/auth/login', {
      body: { email: u.email, password: TEST_PASSWORD },
      headers: { 'CF-Connecting-IP': unique('ip') },
    });
    expect(otherAddress.status).toBe(200);
  });

  it('20 failures from 20 addresses do not stop the right password from a new address (the admin too)', async () => {
    const admin = await makeUser('admin');
    const failures = await Promise.all(
      Array.from({ length: 20 }, () =>
        call('/api/v1/auth/login', {
          body: { email: admin.email, password: 'wrong-password' },
          headers: { 'CF-Connecting-IP': unique('ip') },
        }).then((r) => r.status),
      ),
    );
    expect(failures.every((s) => s === 401)).toBe(true);
    const started = Date.now();
    const ok = await callJson('/api/v1/auth/login', {
      body: { email: admin.email, password: TEST_PASSWORD },
      headers: { 'CF-Connecting-IP': unique('ip') },
    });
    expect(ok.res.status).toBe(200);
    expect(ok.body.user.role).toBe('admin');
    // It was slowed down, not refused.
    expect(Date.now() - started).toBeGreaterThanOrEqual(loginDelayMs(21) - 50);
  }, 60_000);

  it('slows attempts on an account only past a threshold, and never by more than a few seconds', () => {
    expect(loginDelayMs(1)).toBe(0);
    expect(loginDelayMs(LOGIN_SLOW_AFTER)).toBe(0);
    expect(loginDelayMs(LOGIN_SLOW_AFTER + 1)).toBeGreaterThan(0);
    expect(loginDelayMs(LOGIN_SLOW_AFTER + 5)).toBeGreaterThan(loginDelayMs(LOGIN_SLOW_AFTER + 1));
    expect(loginDelayMs(1_000_000)).toBe(LOGIN_DELAY_MAX_MS);
    expect(LOGIN_DELAY_MAX_MS).toBeLessThanOrEqual(5000);
  });

  it('validates the body with field errors', async () => {
    const { res, body } = await callJson('/api/v1/auth/login', {
      body: { email: 'not-an-email', password: '' },
    });
    expect(res.status).toBe(422);
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'json.email',
      'json.password',
    ]);
  });
});

describe('sessions', () => {
  it('rejects a missing, unknown, expired or idle session with 401', async () => {
    const u = await makeUser();
    expect((await call('/api/v1/auth/me')).status).toBe(401);
    expect((await call('/api/v1/auth/me', { token: randomToken(32) })).status).toBe(401);
    const expired = randomToken(32);
    await createSession(env.DB, u.id, await sha256Hex(expired), 'csrf', {
      now: new Date(Date.now() - 13 * 3600 * 1000),
    });
    expect((await call('/api/v1/auth/me', { token: expired })).status).toBe(401);
    const idle = randomToken(32);
    await createSession(env.DB, u.id, await sha256Hex(idle), 'csrf');
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1')
      .bind(await sha256Hex(idle), new Date(Date.now() - 3 * 3600 * 1000).toISOString())
      .run();
    expect((await call('/api/v1/auth/me', { token: idle })).status).toBe(401);
  });

  it('logout revokes the session server-side', async () => {
    const u = await makeUser();
    expect((await call('/api/v1/auth/me', { token: u.token })).status).toBe(200);
    const out = await call('/api/v1/auth/logout', { method: 'POST', token: u.token });
    expect(out.status).toBe(204);
    expect((await call('/api/v1/auth/me', { token: u.token })).status).toBe(401);
  });

  it('refuses cookie-authenticated writes from another origin', async () => {
    const u = await makeUser();
    const login = await call('/api/v1/auth/login', {
      body: { email: u.email, password: TEST_PASSWORD },
    });
    const cookie = (login.headers.get('Set-Cookie') ?? '').split(';')[0]!;
    const before = await count('claims');
    const res = await call('/api/v1/claims', {
      body: { text: 'Cross-site claim rose 5%', language: 'en' },
      headers: { Cookie: cookie, Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(await count('claims')).toBe(before);
    const same = await call('/api/v1/claims', {
      body: { text: 'Same-site claim rose 5%', language: 'en' },
      headers: { Cookie: cookie, Origin: 'https://claimdesk.test' },
    });
    expect(same.status).toBe(201);
  });
});

describe('users and roles', () => {
  it('lets an admin create users and forbids editors', async () => {
    const admin = await makeUser('admin');
    const editor = await makeUser('editor');
    const input = {
      email: `${unique()}@newsroom.example`,
      name: 'New Editor',
      role: 'editor',
      password: 'a-long-enough-password',
    };
    expect((await call('/api/v1/users', { body: input })).status).toBe(401);
    const forbidden = await call('/api/v1/users', { token: editor.token, body: input });
    expect(forbidden.status).toBe(403);
    expect(await count('users', 'email = ?1', input.email)).toBe(0);
    const created = await callJson('/api/v1/users', { token: admin.token, body: input });
    expect(created.res.status).toBe(201);
    expect(created.body.user).toMatchObject({ email: input.email, role: 'editor', active: true });
    expect(JSON.stringify(created.body)).not.toMatch(/password|salt|hash/i);
    const again = await callJson('/api/v1/users', { token: admin.token, body: input });
    expect(again.res.status).toBe(409);
    const login = await call('/api/v1/auth/login', {
      body: { email: input.email, password: input.password },
    });
    expect(login.status).toBe(200);
  });

  it('deactivating a user ends their sessions', async () => {
    const admin = await makeUser('admin');
    const editor = await makeUser('editor');
    const res = await call(`/api/v1/users/${editor.id}`, {
      method: 'PATCH',
      token: admin.token,
      body: { active: false },
    });
    expect(res.status).toBe(200);
    expect((await call('/api/v1/auth/me', { token: editor.token })).status).toBe(401);
  });

  it('issues API tokens that authenticate and are stored hashed', async () => {
    const u = await makeUser();
    const { res, body } = await callJson('/api/v1/tokens', {
      token: u.token,
      body: { name: 'ci' },
    });
    expect(res.status).toBe(201);
    expect(body.token).toMatch(/^cdk_/);
    expect(await count('api_tokens', 'token_hash = ?1', await sha256Hex(body.token))).toBe(1);
    expect((await call('/api/v1/auth/me', { token: body.token })).status).toBe(200);
  });
});
