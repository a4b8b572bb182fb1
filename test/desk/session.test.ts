import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { makeUser, unique } from '../helpers';
import {
  csrfOf,
  desk,
  ORIGIN,
  page,
  post,
  sessionCookieOf,
  setCookies,
  signIn,
} from './desk-helpers';

describe('desk sign-in and sign-out', () => {
  it('sends an anonymous visitor to the sign-in page, keeping where they were going', async () => {
    const res = await desk('/desk?status=queued');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(
      `/desk/sign-in?next=${encodeURIComponent('/desk?status=queued')}`,
    );
    const form = await desk('/desk/sign-in?next=%2Fdesk');
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="password"');
  });

  it('signs in with the right password, rotates the session, and lands on next', async () => {
    const user = await makeUser('editor');
    const ip = unique('ip');
    const first = await desk('/desk/sign-in', {
      ip,
      form: { email: user.email, password: user.password, next: '/desk?status=queued' },
    });
    expect(first.status).toBe(303);
    expect(first.headers.get('Location')).toBe('/desk?status=queued');
    const cookie1 = sessionCookieOf(first)!;
    expect(cookie1).toBeTruthy();
    expect(setCookies(first)[0]).toMatch(/HttpOnly/i);
    expect(setCookies(first)[0]).toMatch(/Secure/i);
    expect(setCookies(first)[0]).toMatch(/SameSite=Lax/i);
    // Signing in again from the same browser replaces the old session.
    const second = await desk('/desk/sign-in', {
      ip,
      cookie: cookie1,
      form: { email: user.email, password: user.password, next: '/desk' },
    });
    const cookie2 = sessionCookieOf(second)!;
    expect(cookie2).not.toBe(cookie1);
    expect((await desk('/desk', { cookie: cookie1, ip })).status).toBe(303);
    expect((await desk('/desk', { cookie: cookie2, ip })).status).toBe(200);
  });

  it('says clearly when the credentials are wrong, and never redirects off-site', async () => {
    const user = await makeUser('editor');
    const res = await desk('/desk/sign-in', {
      form: { email: user.email, password: 'wrong password!', next: 'https://evil.example/' },
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Wrong e-mail or password.');
    expect(sessionCookieOf(res)).toBeNull();
    const ok = await desk('/desk/sign-in', {
      form: { email: user.email, password: user.password, next: '//evil.example/x' },
    });
    expect(ok.headers.get('Location')).toBe('/desk');
  });

  it('failures from many addresses never lock the account: the right password from a new address signs in', async () => {
    const user = await makeUser('editor');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await desk('/desk/sign-in', { form: { email: user.email, password: 'nope nope nope' } }))
          .status,
      );
    expect(statuses).toEqual([422, 422, 422, 422, 422, 422]);
    const ok = await desk('/desk/sign-in', {
      form: { email: user.email, password: user.password },
    });
    expect(ok.status).toBe(303);
    expect(sessionCookieOf(ok)).not.toBeNull();
  });

  it('rate-limits one address on one account (429 with Retry-After) and only that pair', async () => {
    const user = await makeUser('editor');
    const ip = unique('ip');
    for (let i = 0; i < 5; i++)
      expect(
        (await desk('/desk/sign-in', { ip, form: { email: user.email, password: 'nope nope' } }))
          .status,
      ).toBe(422);
    const limited = await desk('/desk/sign-in', {
      ip,
      form: { email: user.email, password: user.password },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Too many sign-in attempts');
    const elsewhere = await desk('/desk/sign-in', {
      form: { email: user.email, password: user.password },
    });
    expect(elsewhere.status).toBe(303);
  });

  it('rate-limits attempts per address across accounts', async () => {
    const ip = unique('ip');
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push(
        (
          await desk('/desk/sign-in', {
            ip,
            form: { email: `${unique('nobody')}@test.example`, password: 'x' },
          })
        ).status,
      );
    expect(statuses.slice(0, 20).every((s) => s === 422)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('sign-out revokes the session server-side', async () => {
    const agent = await signIn('editor');
    const res = await post(agent, '/desk/sign-out', {});
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/desk/sign-in?bye=1');
    const rows = await env.DB.prepare(`SELECT count(*) AS n FROM sessions WHERE user_id = ?1`)
      .bind(agent.user.id)
      .first<{ n: number }>();
    // makeUser's own API session remains; the browser one is gone and its cookie no longer works.
    expect(rows?.n).toBe(1);
    expect((await desk('/desk', { cookie: agent.cookie, ip: agent.ip })).status).toBe(303);
  });

  it('expires a session that sat idle too long', async () => {
    const agent = await signIn('editor');
    await env.DB.prepare(`UPDATE sessions SET last_seen_at = ?2 WHERE user_id = ?1`)
      .bind(agent.user.id, new Date(Date.now() - 3 * 3600_000).toISOString())
      .run();
    expect((await desk('/desk', { cookie: agent.cookie, ip: agent.ip })).status).toBe(303);
  });

  it('expires a session past its absolute lifetime', async () => {
    const agent = await signIn('editor');
    await env.DB.prepare(`UPDATE sessions SET expires_at = ?2 WHERE user_id = ?1`)
      .bind(agent.user.id, new Date(Date.now() - 1000).toISOString())
      .run();
    expect((await desk('/desk', { cookie: agent.cookie, ip: agent.ip })).status).toBe(303);
  });

  it('switches the UI language and remembers it on the account', async () => {
    const agent = await signIn('editor');
    const res = await post(agent, '/desk/locale', { lang: 'ar', next: '/desk?status=queued' });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/desk?status=queued');
    const { html } = await page(agent, '/desk');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('قائمة الادعاءات');
    expect(csrfOf(html)).toBe(agent.csrf);
  });

  it('picks the language from Accept-Language for someone not signed in', async () => {
    const res = await desk('/desk/sign-in', {
      headers: { 'Accept-Language': 'ar-EG,ar;q=0.9,en;q=0.5' },
    });
    expect(await res.text()).toContain('<html lang="ar" dir="rtl">');
    const fr = await desk('/desk/sign-in', { headers: { 'Accept-Language': 'fr-FR' } });
    expect(await fr.text()).toContain('<html lang="fr" dir="ltr">');
  });
});

describe('language switch after a POST', () => {
  it('comes back to the page the form was on, not to the POST-only URL', async () => {
    const agent = await signIn('editor');
    const res = await desk('/desk/articles', {
      cookie: agent.cookie,
      ip: agent.ip,
      headers: { Referer: 'https://claimdesk.test/desk/articles/new' },
      form: { _csrf: agent.csrf, text: '', url: '', title: '', language: '' },
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('name="next" value="/desk/articles/new"');
    const foreign = await desk('/desk/articles', {
      cookie: agent.cookie,
      ip: agent.ip,
      headers: { Referer: 'https://evil.example/desk/x' },
      form: { _csrf: agent.csrf, text: '' },
    });
    expect(await foreign.text()).toContain('name="next" value="/desk"');
  });
});

describe('desk forms with a body that is not a form', () => {
  const garbage = (path: string, cookie?: string) =>
    exports.default.fetch(
      new Request(`${ORIGIN}${path}`, {
        method: 'POST',
        body: '--zzz\r\nthis is not multipart',
        redirect: 'manual',
        headers: {
          'Content-Type': 'multipart/form-data; boundary=zzz',
          Origin: ORIGIN,
          Accept: 'text/html',
          'CF-Connecting-IP': unique('ip'),
          ...(cookie ? { Cookie: cookie } : {}),
        },
      }),
    );

  it('answers 400 on the sign-in form, not 500', async () => {
    const res = await garbage('/desk/sign-in');
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('text/html');
  });

  it('answers 400 on a signed-in desk form too', async () => {
    const agent = await signIn('editor');
    const res = await garbage('/desk/claims/k3m9x2p7q4r8t1v5/edit', agent.cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<!doctype html>');
  });
});
