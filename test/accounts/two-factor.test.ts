import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, totpStep } from '../../worker/lib/totp';
import { freezeClock } from '../clock';
import { callJson, makeUser } from '../helpers';
import { desk, page, post, sessionCookieOf, signIn, type DeskAgent } from '../desk/desk-helpers';

const RFC_SECRET = new TextEncoder().encode('12345678901234567890');

/** The code of `offset` steps from now for a base32 secret. */
async function codeAt(secret: string, offset: number): Promise<string> {
  return hotp(base32Decode(secret)!, totpStep(Date.now()) + offset);
}

/** Turn two-step sign-in on for an agent through the desk; returns the key the page showed. */
async function enable(agent: DeskAgent): Promise<string> {
  expect((await post(agent, '/desk/account/two-factor/start', {})).status).toBe(303);
  const { html } = await page(agent, '/desk/account/two-factor');
  const key = html.match(/class="totp-key"[^>]*>([A-Z2-7 ]+)</)?.[1]?.replace(/ /g, '');
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  const on = await post(agent, '/desk/account/two-factor/confirm', {
    code: await codeAt(key!, -1),
  });
  expect(on.status).toBe(303);
  expect(on.headers.get('Location')).toBe('/desk/account/two-factor?ok=on');
  return key!;
}

/** The password step of the desk sign-in; returns the code form's challenge. */
async function passwordStep(agent: DeskAgent): Promise<string> {
  const res = await desk('/desk/sign-in', {
    ip: agent.ip,
    form: { email: agent.user.email, password: agent.user.password, next: '/desk' },
  });
  expect(res.status).toBe(200);
  expect(sessionCookieOf(res)).toBeNull();
  const html = await res.text();
  expect(html).toContain('action="/desk/sign-in/code"');
  return html.match(/name="challenge" value="([^"]+)"/)![1]!;
}

function codeStep(agent: DeskAgent, challenge: string, code: string) {
  return desk('/desk/sign-in/code', {
    ip: agent.ip,
    form: { challenge, code, next: '/desk' },
  });
}

describe('TOTP (RFC 6238, SHA-1, the RFC test vectors)', () => {
  it('computes the published 8-digit codes', async () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
    ];
    for (const [seconds, code] of vectors)
      expect(await hotp(RFC_SECRET, totpStep(seconds * 1000), 8)).toBe(code);
  });

  it('round-trips base32 and forgives spaces and case', () => {
    expect(base32Encode(RFC_SECRET)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(RFC_SECRET);
    expect(base32Decode('GEZ1')).toBeNull();
  });

  it('accepts ±1 step, never an older or reused step', async () => {
    const secret = base32Encode(RFC_SECRET);
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    const at = (s: number) => hotp(RFC_SECRET, s);
    expect(await matchTotp(secret, await at(step - 1), now, null)).toBe(step - 1);
    expect(await matchTotp(secret, await at(step + 1), now, null)).toBe(step + 1);
    expect(await matchTotp(secret, await at(step - 2), now, null)).toBeNull();
    expect(await matchTotp(secret, await at(step), now, step)).toBeNull();
    expect(await matchTotp(secret, await at(step), now, step - 1)).toBe(step);
    expect(await matchTotp(secret, 'abcdef', now, null)).toBeNull();
  });
});

describe('two-step sign-in in the desk and the API', () => {
  // The clock stands still in the middle of a 30 s step: a code computed for `offset` steps from
  // now cannot slide to offset ± 1 while its request is in flight (enable()'s −1 became −2,
  // outside the window, when a step boundary fell between computing and checking the code).
  beforeEach(() => {
    freezeClock(Math.floor(Date.now() / 30_000) * 30_000 + 15_000);
  });

  it('is set up with a code, then asks for a code that works once', async () => {
    const agent = await signIn('editor');
    const before = await page(agent, '/desk/account/two-factor');
    expect(before.html).toContain('action="/desk/account/two-factor/start"');
    // A wrong code does not turn it on.
    expect((await post(agent, '/desk/account/two-factor/start', {})).status).toBe(303);
    const pending = await page(agent, '/desk/account/two-factor');
    const firstKey = pending.html.match(/class="totp-key"[^>]*>([A-Z2-7 ]+)</)![1]!;
    expect(pending.html).toContain('otpauth://totp/');
    const wrong = String((Number(await codeAt(firstKey.replace(/ /g, ''), 0)) + 1) % 1e6);
    expect(
      (await post(agent, '/desk/account/two-factor/confirm', { code: wrong.padStart(6, '0') }))
        .status,
    ).toBe(422);

    const key = await enable(agent);
    // Sealed at rest: the table does not hold the key.
    const row = await env.DB.prepare(`SELECT totp_secret FROM users WHERE id = ?1`)
      .bind(agent.user.id)
      .first<{ totp_secret: string }>();
    expect(row!.totp_secret).not.toContain(key);
    expect(row!.totp_secret.startsWith('t1.')).toBe(true);

    // Password alone: the code step, no session yet.
    const challenge = await passwordStep(agent);
    const bad = await codeStep(agent, challenge, '12345x');
    expect(bad.status).toBe(422);
    const code = await codeAt(key, 0);
    const ok = await codeStep(agent, challenge, code);
    expect(ok.status).toBe(303);
    const cookie = sessionCookieOf(ok);
    expect(cookie).not.toBeNull();
    expect((await desk('/desk', { cookie: cookie!, ip: agent.ip })).status).toBe(200);
    // The challenge is spent, and the same code does not open a second sign-in.
    expect((await codeStep(agent, challenge, code)).status).toBe(403);
    const again = await passwordStep(agent);
    expect((await codeStep(agent, again, code)).status).toBe(422);

    // The API: the code travels with the password.
    const creds = { email: agent.user.email, password: agent.user.password };
    const noCode = await callJson('/api/v1/auth/login', { body: creds });
    expect(noCode.res.status).toBe(401);
    expect(noCode.body.code).toBe('second_factor_required');
    const next = await codeAt(key, 1);
    const apiOk = await callJson('/api/v1/auth/login', { body: { ...creds, code: next } });
    expect(apiOk.res.status).toBe(200);
    expect(typeof apiOk.body.token).toBe('string');
    const replay = await callJson('/api/v1/auth/login', { body: { ...creds, code: next } });
    expect(replay.res.status).toBe(401);
    expect(replay.body.code).toBe('invalid_code');
    const malformed = await callJson('/api/v1/auth/login', { body: { ...creds, code: '12' } });
    expect(malformed.res.status).toBe(422);
  });

  it('closes a challenge after five wrong codes', async () => {
    const agent = await signIn('editor');
    const key = await enable(agent);
    const challenge = await passwordStep(agent);
    const right = await codeAt(key, 0);
    const wrong = String((Number(right) + 7) % 1e6).padStart(6, '0');
    for (let i = 0; i < 5; i++) expect((await codeStep(agent, challenge, wrong)).status).toBe(422);
    expect((await codeStep(agent, challenge, right)).status).toBe(403);
  });

  it('is turned off by its owner with password and code, or by an admin', async () => {
    const agent = await signIn('editor');
    const key = await enable(agent);
    const wrongPassword = await post(agent, '/desk/account/two-factor/off', {
      password: 'not the password at all',
      code: await codeAt(key, 0),
    });
    expect(wrongPassword.status).toBe(422);
    expect(await wrongPassword.text()).toContain('tf-password-error');
    const off = await post(agent, '/desk/account/two-factor/off', {
      password: agent.user.password,
      code: await codeAt(key, 1),
    });
    expect(off.status).toBe(303);
    const signedIn = await desk('/desk/sign-in', {
      ip: agent.ip,
      form: { email: agent.user.email, password: agent.user.password, next: '/desk' },
    });
    expect(signedIn.status).toBe(303);

    // A lost phone: an admin turns it off; an editor may not.
    const other = await signIn('editor');
    await enable(other);
    const editor = await signIn('editor');
    expect(
      (await post(editor, `/desk/admin/users/${other.user.id}/two-factor/off`, {})).status,
    ).toBe(403);
    const admin = await signIn('admin');
    const users = await page(admin, '/desk/admin/users');
    expect(users.html).toContain(`/desk/admin/users/${other.user.id}/two-factor/off`);
    const byAdmin = await post(admin, `/desk/admin/users/${other.user.id}/two-factor/off`, {});
    expect(byAdmin.status).toBe(303);
    const audit = await env.DB.prepare(
      `SELECT after FROM audit_log WHERE action = 'user.two-factor' AND entity_id = ?1 ORDER BY id`,
    )
      .bind(String(other.user.id))
      .all<{ after: string }>();
    expect(audit.results.map((r) => JSON.parse(r.after))).toEqual([
      { enabled: true },
      { enabled: false, by: 'admin' },
    ]);
    const plain = await desk('/desk/sign-in', {
      ip: other.ip,
      form: { email: other.user.email, password: other.user.password, next: '/desk' },
    });
    expect(plain.status).toBe(303);
  });

  it('leaves accounts without it signing in with the password alone', async () => {
    const user = await makeUser('editor');
    const res = await callJson('/api/v1/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(res.res.status).toBe(200);
  });
});
