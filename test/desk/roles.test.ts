import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { count, unique } from '../helpers';
import { desk, page, post, signIn, type DeskAgent } from './desk-helpers';

/** Every admin action, as (method, path, form) built for a target user. */
function adminActions(
  targetId: number,
): { name: string; run: (a: DeskAgent) => Promise<Response> }[] {
  return [
    { name: 'GET users', run: (a) => desk('/desk/admin/users', { cookie: a.cookie, ip: a.ip }) },
    {
      name: 'create user',
      run: (a) =>
        post(a, '/desk/admin/users', {
          email: `${unique('new')}@test.example`,
          name: 'New',
          role: 'editor',
          password: 'a long enough password',
          locale: '',
        }),
    },
    {
      name: 'change role',
      run: (a) => post(a, `/desk/admin/users/${targetId}`, { role: 'admin' }),
    },
    { name: 'deactivate', run: (a) => post(a, `/desk/admin/users/${targetId}`, { active: '0' }) },
    {
      name: 'GET ratings',
      run: (a) => desk('/desk/admin/ratings', { cookie: a.cookie, ip: a.ip }),
    },
    {
      name: 'save rating',
      run: (a) =>
        post(a, '/desk/admin/ratings', {
          key: unique('r').toLowerCase().slice(0, 30),
          label_en: 'X',
          label_ar: '',
          label_fr: '',
          color: '#123456',
          position: '50',
          value: '',
        }),
    },
  ];
}

describe('desk roles', () => {
  it('refuses every admin action to an editor (403) and changes nothing', async () => {
    const editor = await signIn('editor');
    const target = await signIn('editor');
    const usersBefore = await count('users');
    const ratingsBefore = await count('ratings');
    for (const action of adminActions(target.user.id)) {
      const res = await action.run(editor);
      expect(res.status, action.name).toBe(403);
    }
    expect(await count('users')).toBe(usersBefore);
    expect(await count('ratings')).toBe(ratingsBefore);
    const row = await env.DB.prepare(`SELECT role, active FROM users WHERE id = ?1`)
      .bind(target.user.id)
      .first<{ role: string; active: number }>();
    expect(row).toEqual({ role: 'editor', active: 1 });
  });

  it('lets an admin do each of them', async () => {
    const admin = await signIn('admin');
    const target = await signIn('editor');
    const expected = [200, 303, 303, 303, 200, 303];
    const actions = adminActions(target.user.id);
    for (let i = 0; i < actions.length; i++)
      expect((await actions[i]!.run(admin)).status, actions[i]!.name).toBe(expected[i]);
    const row = await env.DB.prepare(`SELECT role, active FROM users WHERE id = ?1`)
      .bind(target.user.id)
      .first<{ role: string; active: number }>();
    expect(row).toEqual({ role: 'admin', active: 0 });
    // Deactivation ended the target's sessions.
    expect((await desk('/desk', { cookie: target.cookie, ip: target.ip })).status).toBe(303);
  });

  it('hides admin navigation from editors and shows it to admins', async () => {
    expect((await page(await signIn('editor'), '/desk')).html).not.toContain('/desk/admin/users');
    expect((await page(await signIn('admin'), '/desk')).html).toContain('/desk/admin/users');
  });

  it('sends anonymous visitors of every desk page and form to sign in, writing nothing', async () => {
    const gets = [
      '/desk',
      '/desk/articles/new',
      '/desk/articles/abcdefghjk',
      '/desk/claims/abcdefghjk',
      '/desk/admin/users',
      '/desk/admin/ratings',
      '/desk/ratings.css',
    ];
    for (const path of gets) {
      const res = await desk(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('Location'), path).toMatch(/^\/desk\/sign-in\?next=/);
    }
    const auditBefore = await count('audit_log');
    const posts = [
      '/desk/articles',
      '/desk/articles/abcdefghjk/review',
      '/desk/claims/abcdefghjk/edit',
      '/desk/claims/abcdefghjk/status',
      '/desk/claims/abcdefghjk/sources',
      '/desk/claims/abcdefghjk/verdicts',
      '/desk/admin/users',
      '/desk/admin/ratings',
    ];
    for (const path of posts) {
      const res = await desk(path, { form: { x: '1' } });
      expect(res.status, path).toBe(303);
      expect(res.headers.get('Location'), path).toBe('/desk/sign-in?next=%2Fdesk');
    }
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('does not let an admin demote or deactivate themself', async () => {
    const admin = await signIn('admin');
    const res = await post(admin, `/desk/admin/users/${admin.user.id}`, { active: '0' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('You cannot demote or deactivate yourself.');
    expect((await page(admin, '/desk')).status).toBe(200);
  });
});

describe('admin pages', () => {
  it('creates an account that can sign in, and refuses a taken e-mail or a short password', async () => {
    const admin = await signIn('admin');
    const email = `${unique('made')}@test.example`;
    const created = await post(admin, '/desk/admin/users', {
      email,
      name: 'سارة',
      role: 'editor',
      password: 'twelve chars long',
      locale: 'ar',
    });
    expect(created.status).toBe(303);
    const again = await post(admin, '/desk/admin/users', {
      email,
      name: 'Again',
      role: 'editor',
      password: 'twelve chars long',
      locale: '',
    });
    expect(again.status).toBe(409);
    const short = await post(admin, '/desk/admin/users', {
      email: `${unique('s')}@test.example`,
      name: 'S',
      role: 'editor',
      password: 'short',
      locale: '',
    });
    expect(short.status).toBe(422);
    const signin = await desk('/desk/sign-in', { form: { email, password: 'twelve chars long' } });
    expect(signin.status).toBe(303);
    const row = await env.DB.prepare(`SELECT role, locale FROM users WHERE email = ?1`)
      .bind(email)
      .first();
    expect(row).toEqual({ role: 'editor', locale: 'ar' });
  });

  it('edits a rating: labels per locale, colour, order; the colour reaches the stylesheet', async () => {
    const admin = await signIn('admin');
    const key = `k${unique()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 20)}`;
    const res = await post(admin, '/desk/admin/ratings', {
      key,
      label_en: 'Satire',
      label_ar: 'ساخر',
      label_fr: 'Satire',
      color: '#AB12CD',
      position: '42',
      value: '',
    });
    expect(res.status).toBe(303);
    const row = await env.DB.prepare(
      `SELECT value, color, position, labels FROM ratings WHERE key = ?1`,
    )
      .bind(key)
      .first<{ value: number | null; color: string; position: number; labels: string }>();
    expect(row).toMatchObject({ value: null, color: '#ab12cd', position: 42 });
    expect(JSON.parse(row!.labels)).toEqual({ en: 'Satire', ar: 'ساخر', fr: 'Satire' });
    const css = await (
      await desk('/desk/ratings.css', { cookie: admin.cookie, ip: admin.ip })
    ).text();
    expect(css).toContain(`.swatch-${key} { background-color: #ab12cd; }`);
    const bad = await post(admin, '/desk/admin/ratings', {
      key,
      label_en: 'X',
      label_ar: '',
      label_fr: '',
      color: 'red;}body{',
      position: '1',
      value: '',
    });
    expect(bad.status).toBe(422);
    await env.DB.prepare(`DELETE FROM ratings WHERE key = ?1`).bind(key).run();
  });
});
