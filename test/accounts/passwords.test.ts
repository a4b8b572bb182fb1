/** Password rules, change of one's own password (API and desk) and the admin's one-time reset link. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { findSession } from '../../d1/sessions';
import { COMMON_PASSWORDS, isCommonPassword } from '../../worker/lib/common-passwords';
import { sha256Hex } from '../../worker/lib/crypto';
import { NewPassword } from '../../worker/schemas';
import { desk, page, post, sessionCookieOf, signIn } from '../desk/desk-helpers';
import { call, callJson, count, makeUser, TEST_PASSWORD, unique } from '../helpers';

const GOOD = 'plum tractor velvet 42';

describe('password rules', () => {
  it('refuses short, blank and common passwords; accepts a long unusual one', () => {
    const code = (p: string) => NewPassword.safeParse(p).error?.issues[0]?.message;
    expect(code('short-pass1')).toBe('password_too_short');
    expect(code(' '.repeat(12))).toBe('password_blank');
    expect(code('\t \n'.repeat(5))).toBe('password_blank');
    expect(code('Password1234')).toBe('password_common');
    expect(code('QWERTYUIOP123')).toBe('password_common');
    expect(code('x'.repeat(201))).toBe('password_too_long');
    expect(NewPassword.safeParse(GOOD).success).toBe(true);
  });

  it('bundles a few hundred common passwords, lower-case, compared case-insensitively', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(300);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
    expect(isCommonPassword('IloveYou1234')).toBe(true);
    expect(isCommonPassword(GOOD)).toBe(false);
  });

  it('applies the rules to account creation through the API', async () => {
    const admin = await makeUser('admin');
    for (const password of [' '.repeat(12), 'password1234', 'eleven-char']) {
      const email = `${unique()}@newsroom.example`;
      const { res, body } = await callJson('/api/v1/users', {
        token: admin.token,
        body: { email, name: 'Weak', role: 'editor', password },
      });
      expect(res.status).toBe(422);
      expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['json.password']);
      expect(await count('users', 'email = ?1', email)).toBe(0);
    }
  });

  it('applies the rules to account creation in the desk', async () => {
    const admin = await signIn('admin');
    const email = `${unique()}@newsroom.example`;
    const res = await post(admin, '/desk/admin/users', {
      name: 'Weak',
      email,
      role: 'editor',
      locale: '',
      password: ' '.repeat(12),
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/id="u-password"[^>]*aria-invalid="true"/);
    expect(await count('users', 'email = ?1', email)).toBe(0);
  });
});

describe('POST /api/v1/auth/password', () => {
  it('refuses a wrong current password and a weak new one, changing nothing', async () => {
    const u = await makeUser();
    const wrong = await callJson('/api/v1/auth/password', {
      token: u.token,
      body: { currentPassword: 'not my password', newPassword: GOOD },
    });
    expect(wrong.res.status).toBe(422);
    expect(wrong.body.errors[0].field).toBe('json.currentPassword');
    const weak = await callJson('/api/v1/auth/password', {
      token: u.token,
      body: { currentPassword: TEST_PASSWORD, newPassword: ' '.repeat(14) },
    });
    expect(weak.res.status).toBe(422);
    expect(weak.body.errors[0].field).toBe('json.newPassword');
    expect(
      await count('audit_log', "action = 'user.password' AND entity_id = ?1", String(u.id)),
    ).toBe(0);
    expect((await call('/api/v1/auth/me', { token: u.token })).status).toBe(200);
  });

  it('changes the password, ends every session and hands back a new one', async () => {
    const u = await makeUser();
    const other = await callJson('/api/v1/auth/login', {
      body: { email: u.email, password: TEST_PASSWORD },
      headers: { 'CF-Connecting-IP': unique('ip') },
    });
    expect(other.res.status).toBe(200);
    const { res, body } = await callJson('/api/v1/auth/password', {
      token: u.token,
      body: { currentPassword: TEST_PASSWORD, newPassword: GOOD },
    });
    expect(res.status).toBe(200);
    expect(body.token).toEqual(expect.any(String));
    expect((await call('/api/v1/auth/me', { token: u.token })).status).toBe(401);
    expect((await call('/api/v1/auth/me', { token: other.body.token })).status).toBe(401);
    expect((await call('/api/v1/auth/me', { token: body.token })).status).toBe(200);
    expect(
      await count('audit_log', "action = 'user.password' AND entity_id = ?1", String(u.id)),
    ).toBe(1);
    const ip = { 'CF-Connecting-IP': unique('ip') };
    expect(
      (
        await call('/api/v1/auth/login', {
          body: { email: u.email, password: TEST_PASSWORD },
          headers: ip,
        })
      ).status,
    ).toBe(401);
    expect(
      (await call('/api/v1/auth/login', { body: { email: u.email, password: GOOD }, headers: ip }))
        .status,
    ).toBe(200);
  });

  it('limits guesses of the current password', async () => {
    const u = await makeUser();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await call('/api/v1/auth/password', {
            token: u.token,
            body: { currentPassword: `guess ${i}`, newPassword: GOOD },
          })
        ).status,
      );
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
  });
});

describe('desk: change my password', () => {
  it('rotates this session and signs every other session out', async () => {
    const agent = await signIn('editor');
    const form = await page(agent, '/desk/account/password');
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="currentPassword"');
    const mismatch = await post(agent, '/desk/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: GOOD,
      repeat: `${GOOD}!`,
    });
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain('The two new passwords are not the same.');
    const res = await post(agent, '/desk/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: GOOD,
      repeat: GOOD,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/desk/account/password?ok=1');
    const cookie = sessionCookieOf(res);
    expect(cookie).not.toBeNull();
    expect(cookie).not.toBe(agent.cookie);
    // The old cookie and makeUser's API session are gone; the new cookie works.
    expect((await desk('/desk', { cookie: agent.cookie })).status).toBe(303);
    expect((await call('/api/v1/auth/me', { token: agent.user.token })).status).toBe(401);
    const after = await desk('/desk/account/password?ok=1', { cookie: cookie! });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Your password has been changed.');
  });

  it('shows the rule that a new password broke, in Arabic too', async () => {
    const agent = await signIn('editor');
    await post(agent, '/desk/locale', { lang: 'ar', next: '/desk' });
    const res = await post(agent, '/desk/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'password1234',
      repeat: 'password1234',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('هذه من كلمات المرور الأكثر شيوعاً');
  });
});

describe('admin-issued one-time reset link', () => {
  async function issue() {
    const admin = await signIn('admin');
    const target = await makeUser('editor');
    const res = await post(admin, `/desk/admin/users/${target.id}/reset-link`, {});
    expect(res.status).toBe(200);
    const html = await res.text();
    const link = html.match(
      /value="(https:\/\/claimdesk\.test\/desk\/reset\/[A-Za-z0-9_-]+)"/,
    )?.[1];
    if (!link) throw new Error('no reset link on the page');
    return { admin, target, html, path: new URL(link).pathname, token: link.split('/').pop()! };
  }

  it('is shown once to the admin, says no e-mail is sent, and only its hash is stored', async () => {
    const { html, token, target } = await issue();
    expect(html).toContain('ClaimDesk sends no e-mail');
    expect(html).not.toMatch(
      /we (have )?sent|e-mail (has been|was) sent|check your (e-mail|inbox)/i,
    );
    expect(await count('password_resets', 'token_hash = ?1', await sha256Hex(token))).toBe(1);
    expect(await count('password_resets', 'token_hash = ?1', token)).toBe(0);
    expect(
      await count('audit_log', "action = 'user.reset-link' AND entity_id = ?1", String(target.id)),
    ).toBe(1);
  });

  it('is refused to editors and without the CSRF token', async () => {
    const editor = await signIn('editor');
    const target = await makeUser('editor');
    expect((await post(editor, `/desk/admin/users/${target.id}/reset-link`, {})).status).toBe(403);
    const admin = await signIn('admin');
    const res = await post(admin, `/desk/admin/users/${target.id}/reset-link`, { _csrf: 'nope' });
    expect(res.status).toBe(403);
    expect(await count('password_resets', 'user_id = ?1', target.id)).toBe(0);
  });

  it('sets a new password once, ends every session of the account, and cannot be used again', async () => {
    const { path, target } = await issue();
    const form = await desk(path);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain(target.email);
    const weak = await desk(path, {
      form: { newPassword: 'password1234', repeat: 'password1234' },
    });
    expect(weak.status).toBe(422);
    const res = await desk(path, { form: { newPassword: GOOD, repeat: GOOD } });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/desk/sign-in?reset=1');
    expect(await findSession(env.DB, await sha256Hex(target.token))).toBeNull();
    expect(
      await count(
        'audit_log',
        "action = 'user.password' AND entity_id = ?1 AND after LIKE '%reset%'",
        String(target.id),
      ),
    ).toBe(1);
    const signedIn = await desk('/desk/sign-in', { form: { email: target.email, password: GOOD } });
    expect(signedIn.status).toBe(303);
    // Spent: the page says so and a second use changes nothing.
    const again = await desk(path, { form: { newPassword: `${GOOD} two`, repeat: `${GOOD} two` } });
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('This reset link is not valid');
    expect((await desk(path)).status).toBe(404);
  });

  it('expires after 24 hours and is replaced by a newer link', async () => {
    const first = await issue();
    await env.DB.prepare('UPDATE password_resets SET expires_at = ?2 WHERE token_hash = ?1')
      .bind(await sha256Hex(first.token), new Date(Date.now() - 1000).toISOString())
      .run();
    expect((await desk(first.path)).status).toBe(404);
    const expired = await desk(first.path, { form: { newPassword: GOOD, repeat: GOOD } });
    expect(expired.status).toBe(404);
    const row = await env.DB.prepare(
      'SELECT expires_at, created_at FROM password_resets WHERE user_id = ?1',
    )
      .bind(first.target.id)
      .first<{ expires_at: string; created_at: string }>();
    expect(row).not.toBeNull();
    const second = await post(first.admin, `/desk/admin/users/${first.target.id}/reset-link`, {});
    const html = await second.text();
    const token = html.match(/\/desk\/reset\/([A-Za-z0-9_-]+)"/)![1]!;
    const live = await env.DB.prepare(
      'SELECT created_at, expires_at FROM password_resets WHERE token_hash = ?1',
    )
      .bind(await sha256Hex(token))
      .first<{ created_at: string; expires_at: string }>();
    expect(Date.parse(live!.expires_at) - Date.parse(live!.created_at)).toBe(24 * 3600 * 1000);
    expect(
      await count('password_resets', 'user_id = ?1 AND used_at IS NULL', first.target.id),
    ).toBe(1);
  });
});
