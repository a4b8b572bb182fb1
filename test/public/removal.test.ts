/**
 * Retracted-and-removed fact-checks (issue 12), through the Worker with real D1: admins remove a
 * retracted claim (API with If-Match, desk form), the page answers 410 Gone in the reader's
 * language, embeds turn neutral, the claim leaves the sitemap, export, feeds and search, and a
 * restore brings the retracted page back. Also: the 404 page is in the site's chrome.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiPublishedClaim,
  call,
  callJson,
  count,
  makeUser,
  unique,
  type TestUser,
} from '../helpers';
import { page, post, signIn } from '../desk/desk-helpers';

let admin: TestUser;
let editor: TestUser;

beforeAll(async () => {
  admin = await makeUser('admin');
  editor = await makeUser('editor');
});

const HEADLINE = 'It fell by 2%'; // apiReviewedClaim's verdict headline

/** A claim published and then retracted through the API; returns its id and current version. */
async function retracted(text = `${unique('Removal ')} exports rose by 40% in 2025`) {
  const claim = await apiPublishedClaim(admin.token, { text });
  const r = await callJson(`/api/v1/claims/${claim.id}/retract`, {
    token: admin.token,
    body: { note: 'The quoted figure was fabricated.' },
    headers: { 'If-Match': `"v${claim.version}"` },
  });
  expect(r.res.status).toBe(200);
  return { id: claim.id, text, version: r.body.claim.version as number };
}

function remove(
  id: string,
  version: number,
  body: unknown = { reason: 'Legal request: a named private person.' },
  token = admin.token,
) {
  return callJson(`/api/v1/claims/${id}/removal`, {
    token,
    body,
    headers: { 'If-Match': `"v${version}"` },
  });
}

function restore(id: string, version: number, token = admin.token) {
  return callJson(`/api/v1/claims/${id}/removal`, {
    token,
    method: 'DELETE',
    headers: { 'If-Match': `"v${version}"` },
  });
}

describe('removal through the API', () => {
  it('is admin-only, version-checked, needs a reason and a retracted claim', async () => {
    const c = await retracted();
    expect((await remove(c.id, c.version, undefined, editor.token)).res.status).toBe(403);
    const missing = await callJson(`/api/v1/claims/${c.id}/removal`, {
      token: admin.token,
      body: { reason: 'A good reason' },
    });
    expect(missing.res.status).toBe(428);
    const stale = await remove(c.id, c.version - 1);
    expect(stale.res.status).toBe(412);
    const empty = await remove(c.id, c.version, { reason: '  ' });
    expect(empty.res.status).toBe(422);
    expect(empty.res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(['json.reason']);
    expect(await count('audit_log', `entity_id = ?1 AND action = 'claim.remove'`, c.id)).toBe(0);

    const published = await apiPublishedClaim(admin.token);
    const notRetracted = await remove(published.id, published.version);
    expect(notRetracted.res.status).toBe(409);
    expect(notRetracted.body.code).toBe('not_retracted');
  });

  it('removes once (audited, version bumped), answers 410 on GET, and restores', async () => {
    const c = await retracted();
    const done = await remove(c.id, c.version);
    expect(done.res.status).toBe(200);
    expect(done.body.claim.version).toBe(c.version + 1);
    expect(done.res.headers.get('ETag')).toBe(`"v${c.version + 1}"`);
    expect(await count('audit_log', `entity_id = ?1 AND action = 'claim.remove'`, c.id)).toBe(1);

    const again = await remove(c.id, c.version + 1);
    expect(again.res.status).toBe(409);
    expect(again.body.code).toBe('already_removed');

    const got = await callJson(`/api/v1/claims/${c.id}`, { token: editor.token });
    expect(got.res.status).toBe(410);
    expect(got.res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(got.body).toMatchObject({
      status: 410,
      code: 'removed',
      detail: 'Legal request: a named private person.',
    });
    expect(got.res.headers.get('ETag')).toBe(`"v${c.version + 1}"`);

    expect((await restore(c.id, c.version, admin.token)).res.status).toBe(412);
    expect((await restore(c.id, c.version + 1, editor.token)).res.status).toBe(403);
    const back = await restore(c.id, c.version + 1);
    expect(back.res.status).toBe(200);
    expect(back.body.claim.status).toBe('retracted');
    expect(await count('audit_log', `entity_id = ?1 AND action = 'claim.restore'`, c.id)).toBe(1);
    expect((await callJson(`/api/v1/claims/${c.id}`, { token: editor.token })).res.status).toBe(
      200,
    );
    const twice = await restore(c.id, c.version + 2);
    expect(twice.res.status).toBe(409);
    expect(twice.body.code).toBe('not_removed');
  });
});

describe('the public side of a removed claim', () => {
  it('answers 410 Gone in the reader language with the date and reason, purged on removal and restore', async () => {
    const c = await retracted();
    // Warm the page cache and the embed caches first: the removal must purge them.
    const before = await call(`/claims/${c.id}?lang=en`);
    expect(before.status).toBe(200);
    await before.text();
    expect((await call(`/embed/${c.id}`)).status).toBe(200);

    const reason = 'Court order: the claim named a private person.';
    expect((await remove(c.id, c.version, { reason })).res.status).toBe(200);

    const en = await call(`/claims/${c.id}?lang=en`);
    expect(en.status).toBe(410);
    const html = await en.text();
    expect(html).toContain('<html lang="en" dir="ltr"');
    expect(html).toContain('This fact-check was retracted and removed');
    expect(html).toContain(reason);
    expect(html).toMatch(/Removed on [A-Z][a-z]+ \d{1,2}, \d{4}\./);
    expect(html).toContain('href="/how-we-rate?lang=en"');
    expect(html).toContain('class="site-header'); // the site's chrome
    expect(html).toContain('<meta name="robots" content="noindex"');
    expect(html).not.toContain(c.text);
    expect(html).not.toContain(HEADLINE);
    expect(html).not.toContain('application/ld+json');

    const ar = await call(`/claims/${c.id}`, { headers: { 'Accept-Language': 'ar' } });
    expect(ar.status).toBe(410);
    const arHtml = await ar.text();
    expect(arHtml).toContain('<html lang="ar" dir="rtl"');
    expect(arHtml).toContain('سُحب هذا التحقق وأُزيل');
    expect(arHtml).toMatch(/أُزيل في [٠-٩]+ /);
    expect(arHtml).toContain('dir="auto"'); // the admin's reason is isolated

    const fr = await call(`/claims/${c.id}?lang=fr`);
    expect(fr.status).toBe(410);
    expect(await fr.text()).toContain('Cette vérification a été retirée puis supprimée');

    // The 410 is cached like a 404 (a second request is a hit) …
    const hit = await call(`/claims/${c.id}?lang=en`);
    expect(hit.status).toBe(410);
    expect(hit.headers.get('Server-Timing')).toMatch(/edge;desc="(memo|hit)"/);
    await hit.text();
    // … and a restore purges it: the retracted page is back.
    expect((await restore(c.id, c.version + 1)).res.status).toBe(200);
    const restored = await call(`/claims/${c.id}?lang=en`);
    expect(restored.status).toBe(200);
    expect(await restored.text()).toContain(c.text);
  });

  it('embeds show a neutral "removed" state (no verdict, no claim text); oEmbed and og.png are gone', async () => {
    const c = await retracted();
    expect((await remove(c.id, c.version)).res.status).toBe(200);

    const card = await call(`/embed/${c.id}?lang=ar`);
    expect(card.status).toBe(200);
    const cardHtml = await card.text();
    expect(cardHtml).toContain('سحبنا هذا التحقق وأزلناه من موقعنا.');
    expect(cardHtml).toContain(`/claims/${c.id}?lang=ar`);
    expect(cardHtml).not.toContain(c.text);
    expect(cardHtml).not.toContain(HEADLINE);
    expect(card.headers.get('Cache-Control')).not.toContain('immutable');

    const json = await callJson(`/badge/${c.id}.json`);
    expect(json.res.status).toBe(200);
    expect(json.body.message).toBe('removed');
    const pinned = await call(`/badge/${c.id}.svg?v=1`);
    expect(pinned.status).toBe(200);
    const svg = await pinned.text();
    expect(svg).toContain('removed');
    expect(svg).not.toContain(c.text);
    expect(pinned.headers.get('Cache-Control')).not.toContain('immutable');

    const oembed = await call(
      `/oembed?url=${encodeURIComponent(`https://claimdesk.test/claims/${c.id}`)}`,
    );
    expect(oembed.status).toBe(410);
    expect((await call(`/claims/${c.id}/og.png`)).status).toBe(404);
  });

  it('leaves the sitemap, the export, the feeds and search; a restore brings the sitemap and export back', async () => {
    const word = unique('zremoval').toLowerCase();
    const c = await retracted(`${word} imports doubled in 2025`);
    const sitemap = async () => (await call('/sitemap.xml')).text();
    const exported = async () => {
      const { res, body } = await callJson<{ items: { id: string }[] }>(
        '/api/v1/export?format=json&status=retracted',
        { token: editor.token },
      );
      expect(res.status).toBe(200);
      return body.items.map((i) => i.id);
    };
    expect(await sitemap()).toContain(`/claims/${c.id}`);
    expect(await exported()).toContain(c.id);

    expect((await remove(c.id, c.version)).res.status).toBe(200);
    expect(await sitemap()).not.toContain(`/claims/${c.id}`);
    expect(await exported()).not.toContain(c.id);
    expect(await (await call('/feeds/atom.xml')).text()).not.toContain(c.id);
    expect(await (await call('/feeds/fact-checks.json')).text()).not.toContain(c.id);
    const search = await call(`/claims?q=${word}&lang=en`);
    expect(await search.text()).not.toContain(`/claims/${c.id}`);

    expect((await restore(c.id, c.version + 1)).res.status).toBe(200);
    expect(await sitemap()).toContain(`/claims/${c.id}`);
    expect(await exported()).toContain(c.id);
  });

  it('answers unknown pages with a 404 in the site chrome and the reader language', async () => {
    const res = await call('/claims/0000000000000000', {
      headers: { 'Accept-Language': 'ar', Accept: 'text/html' },
    });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain('class="site-header');
    const other = await call('/no/such/page?lang=fr', { headers: { Accept: 'text/html' } });
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('<html lang="fr" dir="ltr"');
  });
});

describe('removal from the desk workspace', () => {
  it('admins remove with a reason and restore through plain forms; editors are refused', async () => {
    const c = await retracted();
    const boss = await signIn('admin');
    let ws = await page(boss, `/desk/claims/${c.id}`);
    expect(ws.html).toContain(`action="/desk/claims/${c.id}/removal"`);

    const noReason = await post(boss, `/desk/claims/${c.id}/removal`, {
      version: String(c.version),
      reason: '',
    });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('id="removal-reason-error"');

    const hand = await signIn('editor');
    const refused = await post(hand, `/desk/claims/${c.id}/removal`, {
      version: String(c.version),
      reason: 'An editor tries it.',
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Only an admin can remove');
    expect((await page(hand, `/desk/claims/${c.id}`)).html).not.toContain(
      `action="/desk/claims/${c.id}/removal"`,
    );

    const done = await post(boss, `/desk/claims/${c.id}/removal`, {
      version: String(c.version),
      reason: 'Taken down at the source’s request.',
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('Location')).toBe(`/desk/claims/${c.id}?removal=removed#publication`);
    expect((await call(`/claims/${c.id}`)).status).toBe(410);
    ws = await page(boss, `/desk/claims/${c.id}?removal=removed`);
    expect(ws.html).toContain('Removed from the public site: its page now answers 410 Gone.');
    expect(ws.html).toContain(`action="/desk/claims/${c.id}/removal/restore"`);

    const row = await env.DB.prepare(`SELECT version FROM claims WHERE id = ?1`)
      .bind(c.id)
      .first<{ version: number }>();
    const back = await post(boss, `/desk/claims/${c.id}/removal/restore`, {
      version: String(row!.version),
    });
    expect(back.status).toBe(303);
    expect((await call(`/claims/${c.id}`)).status).toBe(200);
  });
});
