/** "Undo" right after a triage action in the desk: the workspace's status moves and article triage (bulk). */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createArticleWithClaims } from '../../d1/articles';
import { getClaim } from '../../d1/claims';
import { apiClaim, callJson, count, unique } from '../helpers';
import { desk, page, post, signIn, type DeskAgent } from './desk-helpers';

const undoRows = (id: string) => count('audit_log', "entity_id = ?1 AND action = 'claim.undo'", id);

/** The hidden fields of the page's undo form, if there is one. */
function undoForm(html: string): { action: string; fields: [string, string][] } | null {
  const m = html.match(
    /<div class="notice notice-ok undo-notice" role="status">[\s\S]*?<form method="post" action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/,
  );
  if (!m) return null;
  const fields = [...m[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(
    (f) => [f[1]!, f[2]!] as [string, string],
  );
  return { action: m[1]!, fields };
}

async function article(agent: DeskAgent, n: number) {
  const sentences = Array.from({ length: n }, (_, i) => `Exports grew ${i + 2}% in 2025.`);
  const body = `${unique('Article ')}. ${sentences.join(' ')}`;
  const made = await createArticleWithClaims(
    env.DB,
    { body, language: 'en', direction: 'ltr' },
    sentences.map((text) => {
      const start = body.indexOf(text);
      return {
        text,
        start,
        end: start + text.length,
        score: 0.8,
        type: 'statistic',
        speaker: null,
        why: [],
      };
    }),
    { userId: agent.user.id, requestId: 'test' },
  );
  if (!made.ok) throw new Error('article not created');
  return made;
}

describe('desk undo after a workspace move', () => {
  it('"Rejected. Undo" after a reject; the undo puts the claim back in the queue', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    const moved = await post(agent, `/desk/claims/${claim.id}/status`, {
      version: '1',
      to: 'rejected',
    });
    expect(moved.status).toBe(303);
    const next = moved.headers.get('Location')!;
    expect(next).toBe(`/desk/claims/${claim.id}?ok=moved&v=2`);
    const { html } = await page(agent, next);
    expect(html).toContain('<span>Rejected.</span>');
    const form = undoForm(html);
    expect(form).toEqual({
      action: `/desk/claims/${claim.id}/undo`,
      fields: [
        ['_csrf', agent.csrf],
        ['version', '2'],
      ],
    });
    expect(html).toMatch(/<button type="submit">Undo<\/button>/);
    // The rejected claim offers the way back.
    expect(html).toContain('Back to the queue');

    const undone = await post(agent, form!.action, { version: '2' });
    expect(undone.headers.get('Location')).toBe(`/desk/claims/${claim.id}?ok=undone`);
    expect(await getClaim(env.DB, claim.id)).toMatchObject({ status: 'queued', version: 3 });
    const after = await page(agent, `/desk/claims/${claim.id}?ok=undone`);
    expect(after.html).toContain('Undone: the claim is back where it was.');
    expect(after.html).toContain('Status change undone: Rejected → Queued');
  });

  it('refuses an undo without the CSRF token, writing nothing', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    await post(agent, `/desk/claims/${claim.id}/status`, { version: '1', to: 'rejected' });
    const res = await desk(`/desk/claims/${claim.id}/undo`, {
      cookie: agent.cookie,
      ip: agent.ip,
      form: { version: '2' },
    });
    expect(res.status).toBe(403);
    const forged = await desk(`/desk/claims/${claim.id}/undo`, {
      cookie: agent.cookie,
      ip: agent.ip,
      form: { version: '2', _csrf: 'not-the-token' },
    });
    expect(forged.status).toBe(403);
    expect(await getClaim(env.DB, claim.id)).toMatchObject({ status: 'rejected', version: 2 });
    expect(await undoRows(claim.id)).toBe(0);
  });

  it('says so when the claim changed since, and changes nothing', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    await post(agent, `/desk/claims/${claim.id}/status`, { version: '1', to: 'rejected' });
    // Someone else sends it back to the queue meanwhile.
    await callJson(`/api/v1/claims/${claim.id}/transition`, {
      token: agent.user.token,
      body: { to: 'queued' },
    });
    // The stale hint shows no Undo any more.
    const stalePage = await page(agent, `/desk/claims/${claim.id}?ok=moved&v=2`);
    expect(undoForm(stalePage.html)).toBeNull();
    const res = await post(agent, `/desk/claims/${claim.id}/undo`, { version: '2' });
    expect(res.headers.get('Location')).toBe(`/desk/claims/${claim.id}?ok=superseded`);
    expect(await getClaim(env.DB, claim.id)).toMatchObject({ status: 'queued', version: 3 });
    expect(await undoRows(claim.id)).toBe(0);
    const { html } = await page(agent, `/desk/claims/${claim.id}?ok=superseded`);
    expect(html).toContain('Not undone: the claim changed since that move. Nothing was changed.');
    expect(html).toContain('role="alert"');
  });

  it('offers the new moves: "Reject" for a queued claim, "Back to the queue" in review; no reopen, no retract', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    const queued = (await page(agent, `/desk/claims/${claim.id}`)).html;
    expect(queued).toMatch(/name="to" value="rejected"[\s\S]*?>Reject<\/button>/);
    await post(agent, `/desk/claims/${claim.id}/status`, { version: '1', to: 'in_review' });
    const review = (await page(agent, `/desk/claims/${claim.id}?ok=moved&v=2`)).html;
    expect(review).toMatch(/name="to" value="queued"[\s\S]*?>Back to the queue<\/button>/);
    expect(review).toContain('<span>Review started.</span>');
    const back = await post(agent, `/desk/claims/${claim.id}/status`, {
      version: '2',
      to: 'queued',
    });
    expect(back.headers.get('Location')).toBe(`/desk/claims/${claim.id}?ok=moved&v=3`);
    expect((await post(agent, `/desk/claims/${claim.id}/undo`, { version: '3' })).status).toBe(303);
    expect(await getClaim(env.DB, claim.id)).toMatchObject({ status: 'in_review', version: 4 });
    await env.DB.prepare("UPDATE claims SET status = 'published' WHERE id = ?1")
      .bind(claim.id)
      .run();
    const published = (await page(agent, `/desk/claims/${claim.id}`)).html;
    expect(published).not.toContain('Reopen for a correction');
    expect(published).not.toContain('name="to" value="retracted"');
    expect(published).not.toContain('name="to" value="in_review"');
  });

  it('speaks Arabic: the undo line and button', async () => {
    const agent = await signIn('editor');
    const claim = await apiClaim(agent.user.token);
    await post(agent, `/desk/claims/${claim.id}/status`, { version: '1', to: 'rejected' });
    const res = await desk(`/desk/claims/${claim.id}?ok=moved&v=2`, {
      cookie: agent.cookie,
      ip: agent.ip,
      headers: { 'Accept-Language': 'ar' },
    });
    const html = await res.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('<span>رُفض.</span>');
    expect(html).toContain('<button type="submit">تراجع</button>');
  });
});

describe('desk undo after article triage (bulk)', () => {
  it('"3 claim(s) rejected. Undo" undoes each claim still at its version and counts the rest', async () => {
    const agent = await signIn('editor');
    const made = await article(agent, 3);
    const ids = made.claims.map((c) => c.id);
    const res = await post(agent, `/desk/articles/${made.article.id}/review`, {
      bulk: 'reject',
      ids,
    });
    const next = res.headers.get('Location')!;
    expect(next).toBe(
      `/desk/articles/${made.article.id}?done=rejected&n=3&u=${ids.map((id) => `${id}.2`).join(',')}`,
    );
    const { html } = await page(agent, next);
    expect(html).toContain('<span>3 claims rejected.</span>');
    const form = undoForm(html);
    expect(form?.action).toBe(`/desk/articles/${made.article.id}/undo`);
    expect(form?.fields).toEqual([
      ['_csrf', agent.csrf],
      ...ids.map((id) => ['moves', `${id}.2`] as [string, string]),
    ]);

    // One of them is sent to the queue before the undo: it stays there.
    await callJson(`/api/v1/claims/${ids[1]}/transition`, {
      token: agent.user.token,
      body: { to: 'queued' },
    });
    const undone = await post(agent, form!.action, { moves: ids.map((id) => `${id}.2`) });
    expect(undone.headers.get('Location')).toBe(
      `/desk/articles/${made.article.id}?done=undone&n=2&s=1`,
    );
    expect((await getClaim(env.DB, ids[0]!))?.status).toBe('candidate');
    expect((await getClaim(env.DB, ids[1]!))?.status).toBe('queued');
    expect((await getClaim(env.DB, ids[2]!))?.status).toBe('candidate');
    expect(await undoRows(ids[1]!)).toBe(0);
    const after = await page(agent, undone.headers.get('Location')!);
    expect(after.html).toContain(
      '2 claims put back. 1 claim had changed since and was left as it is.',
    );
  });

  it('accept one, undo: the candidate is back with its checkbox', async () => {
    const agent = await signIn('editor');
    const made = await article(agent, 1);
    const id = made.claims[0]!.id;
    const res = await post(agent, `/desk/articles/${made.article.id}/review`, {
      one: `accept:${id}`,
    });
    const { html } = await page(agent, res.headers.get('Location')!);
    expect(html).toContain('<span>1 claim accepted into the queue.</span>');
    const undone = await post(agent, `/desk/articles/${made.article.id}/undo`, {
      moves: [`${id}.2`],
    });
    expect(undone.headers.get('Location')).toBe(
      `/desk/articles/${made.article.id}?done=undone&n=1&s=0`,
    );
    const after = await page(agent, `/desk/articles/${made.article.id}?done=undone&n=1&s=0`);
    expect(after.html).toContain(`id="sel-${id}"`);
    expect(after.html).toContain('1 claim put back.');
  });

  it('refuses a bulk undo without the CSRF token; ignores malformed hints', async () => {
    const agent = await signIn('editor');
    const made = await article(agent, 2);
    const ids = made.claims.map((c) => c.id);
    await post(agent, `/desk/articles/${made.article.id}/review`, { bulk: 'reject', ids });
    const res = await desk(`/desk/articles/${made.article.id}/undo`, {
      cookie: agent.cookie,
      ip: agent.ip,
      form: { moves: ids.map((id) => `${id}.2`) },
    });
    expect(res.status).toBe(403);
    for (const id of ids) expect(await getClaim(env.DB, id)).toMatchObject({ status: 'rejected' });
    const junk = await post(agent, `/desk/articles/${made.article.id}/undo`, {
      moves: ['nope', `${ids[0]}.x`, '.2'],
    });
    expect(junk.headers.get('Location')).toBe(`/desk/articles/${made.article.id}?done=none`);
    for (const id of ids) expect(await undoRows(id)).toBe(0);
    // A forged hint in the URL is only a hint: the page still renders, the server re-checks.
    const { status } = await page(
      agent,
      `/desk/articles/${made.article.id}?done=rejected&n=1&u=<b>.1`,
    );
    expect(status).toBe(200);
  });
});
