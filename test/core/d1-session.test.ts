import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { desk, post, setCookies, signIn } from '../desk/desk-helpers';
import { apiClaim, call, callJson, makeUser } from '../helpers';

const HEADER = 'x-d1-bookmark';

describe('D1 read replication (Sessions API)', () => {
  it('the local D1 binding supports withSession and hands out bookmarks', async () => {
    expect(typeof env.DB.withSession).toBe('function');
    const session = env.DB.withSession('first-primary');
    await session.prepare('SELECT 1').first();
    const bookmark = session.getBookmark();
    expect(bookmark).toMatch(/^[0-9a-f-]+$/i);
    // A session may start from a bookmark (what a returning editor sends).
    const again = env.DB.withSession(bookmark!);
    expect(await again.prepare('SELECT 2 AS n').first<{ n: number }>()).toEqual({ n: 2 });
  });

  it('an editor gets a bookmark after a write and reads the write back with it', async () => {
    const editor = await makeUser('editor');
    const created = await call('/api/v1/claims', {
      token: editor.token,
      body: { text: 'Bread prices doubled in 2024 says the minister', language: 'en' },
    });
    expect(created.status).toBe(201);
    const bookmark = created.headers.get(HEADER);
    expect(bookmark).toMatch(/^[0-9a-f-]+$/i);
    const { claim } = (await created.json()) as { claim: { id: string } };
    const { res, body } = await callJson(`/api/v1/claims/${claim.id}`, {
      token: editor.token,
      headers: { [HEADER]: bookmark! },
    });
    expect(res.status).toBe(200);
    expect(body.claim.id).toBe(claim.id);
    // The bookmark moves forward (D1 bookmarks sort in commit order) and comes back every time.
    expect(res.headers.get(HEADER)! >= bookmark!).toBe(true);
  });

  it('anonymous reads get no bookmark and no cookie, so they stay cacheable', async () => {
    for (const path of ['/', '/claims', '/api/v1/ratings', '/feeds/atom.xml']) {
      const res = await call(path, { headers: { Accept: 'text/html' } });
      expect(res.status, path).toBeLessThan(400);
      expect(res.headers.get(HEADER), path).toBeNull();
      expect(res.headers.get('Set-Cookie'), path).toBeNull();
    }
  });

  it('a malformed bookmark is ignored, never an error', async () => {
    const editor = await makeUser('editor');
    const claim = await apiClaim(editor.token);
    for (const bad of ['garbage!', '', 'x'.repeat(500), '../../', '0000-zz']) {
      const res = await call(`/api/v1/claims/${claim.id}`, {
        token: editor.token,
        headers: { [HEADER]: bad },
      });
      expect(res.status, bad).toBe(200);
      expect(res.headers.get(HEADER), bad).toMatch(/^[0-9a-f-]+$/i);
    }
  });

  it('the desk carries the bookmark in a cookie: an edit is on the next page', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    const text = 'Edited: bread prices tripled in 2024 says the minister';
    const res = await post(agent, `/desk/claims/${claim.id}/edit`, {
      version: String(claim.version),
      text,
      language: 'en',
    });
    expect(res.status).toBe(303);
    const cookie = setCookies(res).find((c) => c.startsWith('__Host-claimdesk_d1='));
    expect(cookie).toMatch(
      /^__Host-claimdesk_d1=[0-9a-f-]+; Max-Age=900; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    const bookmark = cookie!.split(';')[0]!;
    const page = await desk(`/desk/claims/${claim.id}`, {
      cookie: `${agent.cookie}; ${bookmark}`,
      ip: agent.ip,
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(text);
  });
});

describe('D1 bookmarks and readers', () => {
  it('a reader posting a public form gets no cookie; a cacheable page never carries a bookmark', async () => {
    const res = await call('/submit/check', {
      raw: new URLSearchParams({ text: 'Petrol costs 3 euros a litre' }),
      headers: { Accept: 'text/html', Origin: 'https://claimdesk.test' },
    });
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('Set-Cookie')).toBeNull();
    const editor = await makeUser('editor');
    const page = await call('/', { token: editor.token, headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('Cache-Control')).toMatch(/s-maxage|public/);
    expect(page.headers.get(HEADER)).toBeNull();
  });
});
