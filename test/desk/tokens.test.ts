/** The desk's API token page: list, create (secret shown once), revoke; plain forms with CSRF. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, callJson, count, makeToken } from '../helpers';
import { desk, page, post, signIn } from './desk-helpers';

/** The secret on the page that answers the create form. */
function secretOf(html: string): string | null {
  return html.match(/id="new-token"[^>]*value="(cdk_[\w-]+)"/)?.[1] ?? null;
}

describe('desk: API tokens page', () => {
  it('creates a token whose secret is shown once, lists it, and revokes it', async () => {
    const editor = await signIn('editor');
    const empty = await page(editor, '/desk/account/tokens');
    expect(empty.status).toBe(200);
    expect(empty.html).toContain('href="/desk/account/tokens"');
    expect(empty.html).toContain('No API tokens yet.');
    // Editors are not offered the admin scope.
    expect(empty.html).not.toContain('value="admin"');

    const created = await post(editor, '/desk/account/tokens', {
      name: 'Nightly export',
      scope: 'read',
      expiresInDays: '30',
    });
    expect(created.status).toBe(200);
    const html = await created.text();
    const secret = secretOf(html);
    expect(secret).toMatch(/^cdk_/);
    expect(html).toContain('it will not be shown again');
    const me = await callJson('/api/v1/auth/me', { token: secret! });
    expect(me.body).toMatchObject({ scope: 'read', user: { id: editor.user.id } });
    const days = (Date.parse(me.body.expiresAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);

    const listed = await page(editor, '/desk/account/tokens');
    expect(listed.html).not.toContain(secret!);
    expect(listed.html).toContain('Nightly export');
    expect(listed.html).toContain('Read only');
    const id = listed.html.match(/action="\/desk\/account\/tokens\/(\d+)\/revoke"/)?.[1];
    expect(id).toBeTruthy();

    const revoked = await post(editor, `/desk/account/tokens/${id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('Location')).toBe('/desk/account/tokens?ok=revoked');
    expect((await call('/api/v1/auth/me', { token: secret! })).status).toBe(401);
    const after = await page(editor, '/desk/account/tokens?ok=revoked');
    expect(after.html).toContain('Token revoked');
    expect(after.html).toContain('Revoked');
    expect(after.html).not.toContain(`/desk/account/tokens/${id}/revoke`);
  });

  it('refuses a form without the CSRF token, an admin scope for an editor, and bad input', async () => {
    const editor = await signIn('editor');
    const before = await count('api_tokens', 'user_id = ?1', editor.user.id);
    const forged = await post(editor, '/desk/account/tokens', {
      _csrf: 'wrong',
      name: 'forged',
      scope: 'write',
      expiresInDays: '90',
    });
    expect(forged.status).toBe(403);
    const crossSite = await desk('/desk/account/tokens', {
      cookie: editor.cookie,
      ip: editor.ip,
      form: { _csrf: editor.csrf, name: 'x', scope: 'write', expiresInDays: '90' },
      headers: { Origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const wide = await post(editor, '/desk/account/tokens', {
      name: 'too wide',
      scope: 'admin',
      expiresInDays: '90',
    });
    expect(wide.status).toBe(403);
    expect(await wide.text()).toContain('Only admins may create admin tokens.');
    const long = await post(editor, '/desk/account/tokens', {
      name: 'too long',
      scope: 'read',
      expiresInDays: '400',
    });
    expect(long.status).toBe(422);
    expect(await long.text()).toMatch(/id="tok-days"[^>]*aria-invalid="true"/);
    expect(await count('api_tokens', 'user_id = ?1', editor.user.id)).toBe(before);
  });

  it('shows an admin everyone’s tokens with their owner; an editor only their own', async () => {
    const editor = await signIn('editor');
    const admin = await signIn('admin');
    const editorToken = await makeToken(editor.user.id, 'write');
    const adminToken = await makeToken(admin.user.id, 'admin');
    await call('/api/v1/auth/me', { token: editorToken.token });

    const mine = await page(editor, '/desk/account/tokens');
    expect(mine.html).toContain(`/desk/account/tokens/${editorToken.id}/revoke`);
    expect(mine.html).not.toContain(`/desk/account/tokens/${adminToken.id}/revoke`);
    expect(mine.html).not.toContain('Owner');
    // Last used is shown once the token has been used.
    expect(mine.html).not.toContain('>Never<');

    const everyone = await page(admin, '/desk/account/tokens');
    expect(everyone.html).toContain('Owner');
    expect(everyone.html).toContain(`/desk/account/tokens/${editorToken.id}/revoke`);
    expect(everyone.html).toContain('value="admin"');

    // An editor cannot revoke someone else's token; an admin can.
    const notMine = await post(editor, `/desk/account/tokens/${adminToken.id}/revoke`, {});
    expect(notMine.status).toBe(404);
    expect((await call('/api/v1/auth/me', { token: adminToken.token })).status).toBe(200);
    const byAdmin = await post(admin, `/desk/account/tokens/${editorToken.id}/revoke`, {});
    expect(byAdmin.status).toBe(303);
    expect((await call('/api/v1/auth/me', { token: editorToken.token })).status).toBe(401);
    const audit = await env.DB.prepare(
      "SELECT actor_id FROM audit_log WHERE action = 'token.revoke' AND entity_id = ?1",
    )
      .bind(String(editorToken.id))
      .first<number>('actor_id');
    expect(audit).toBe(admin.user.id);
  });

  it('speaks Arabic (right to left) and speaks French on every string', async () => {
    const editor = await signIn('editor');
    await makeToken(editor.user.id, 'read');
    const ar = await desk('/desk/account/tokens', {
      cookie: editor.cookie,
      ip: editor.ip,
      headers: { 'Accept-Language': 'ar' },
    });
    const arHtml = await ar.text();
    expect(arHtml).toContain('dir="rtl"');
    expect(arHtml).toContain('رموز الواجهة البرمجية');
    expect(arHtml).toContain('قراءة فقط');
    const fr = await desk('/desk/account/tokens', {
      cookie: editor.cookie,
      ip: editor.ip,
      headers: { 'Accept-Language': 'fr' },
    });
    const frHtml = await fr.text();
    expect(frHtml).toContain('Jetons d’API');
    expect(frHtml).toContain('Lecture seule');
  });
});
