import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { apiClaim, unique } from '../helpers';
import { desk, page, post, signIn } from './desk-helpers';

async function statusOf(id: string) {
  return env.DB.prepare('SELECT status, version, assignee_id FROM claims WHERE id = ?1')
    .bind(id)
    .first<{ status: string; version: number; assignee_id: number | null }>();
}

function location(res: Response): string {
  return res.headers.get('Location') ?? '';
}

describe('desk queue: bulk triage', () => {
  it('accepts the selected claims, reports per claim the one that moved meanwhile, and undoes the rest', async () => {
    const agent = await signIn('editor');
    const w = unique('bulk')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const a = await apiClaim(agent.user.token, {
      text: `The ${w} alpha rose`,
      status: 'candidate',
    });
    const b = await apiClaim(agent.user.token, { text: `The ${w} beta rose`, status: 'candidate' });
    const c = await apiClaim(agent.user.token, {
      text: `The ${w} gamma rose`,
      status: 'candidate',
    });
    // Someone else rejects c after our page was loaded (its checkbox still says version 1).
    const other = await signIn('editor');
    const moved = await post(other, `/desk/claims/${c.id}/status`, {
      to: 'rejected',
      version: '1',
    });
    expect(moved.status).toBe(303);

    const back = `/desk?status=candidate&q=${w}`;
    const res = await post(agent, '/desk/bulk', {
      action: 'accept',
      ids: [`${a.id}.1`, `${b.id}.1`, `${c.id}.1`],
      back,
    });
    expect(res.status).toBe(303);
    const to = location(res);
    expect(to).toMatch(/^\/desk\?status=candidate&q=[a-z]+&done=accepted&n=2&u=/);
    expect((await statusOf(a.id))?.status).toBe('queued');
    expect((await statusOf(b.id))?.status).toBe('queued');
    expect((await statusOf(c.id))?.status).toBe('rejected');

    const { html } = await page(agent, to);
    expect(html).toContain('2 claims accepted into the queue.');
    expect(html).toContain('Left as they were:');
    expect(html).toMatch(
      new RegExp(
        `href="/desk/claims/${c.id}"><span lang="en" dir="ltr">The ${w} gamma rose</span></a> <span class="badge status-rejected">Rejected</span> <span>changed by someone else since the page was loaded</span>`,
      ),
    );
    // Undo puts both accepted claims back; the rejected one is not touched.
    const moves = [...html.matchAll(/name="moves" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(moves.sort()).toEqual([`${a.id}.2`, `${b.id}.2`].sort());
    const undo = await post(agent, '/desk/bulk/undo', { moves, back });
    expect(location(undo)).toMatch(/done=undone&n=2&s=0$/);
    expect((await statusOf(a.id))?.status).toBe('candidate');
    expect((await statusOf(b.id))?.status).toBe('candidate');
    expect((await statusOf(c.id))?.status).toBe('rejected');
  });

  it('rejects, assigns to me and to someone else; an illegal move is reported, not applied', async () => {
    const agent = await signIn('editor');
    const colleague = await signIn('editor');
    const q = await apiClaim(agent.user.token, { text: `${unique('The rate')} fell 2%` });
    const r = await apiClaim(agent.user.token, { text: `${unique('The debt')} fell 2%` });
    const rej = await post(agent, '/desk/bulk', { action: 'reject', ids: [`${q.id}.1`] });
    expect(location(rej)).toMatch(/done=rejected&n=1&u=/);
    expect((await statusOf(q.id))?.status).toBe('rejected');
    // Rejected → rejected is not a move: reported as "status does not allow".
    const again = await post(agent, '/desk/bulk', { action: 'reject', ids: [`${q.id}.2`] });
    expect(location(again)).toContain(`x=${q.id}.illegal`);
    const me = await post(agent, '/desk/bulk', { action: 'assign-me', ids: [`${r.id}.1`] });
    expect(location(me)).toMatch(/done=assigned&n=1/);
    expect((await statusOf(r.id))?.assignee_id).toBe(agent.user.id);
    await post(agent, '/desk/bulk', {
      action: 'assign',
      assignee: String(colleague.user.id),
      ids: [`${r.id}.2`],
    });
    expect((await statusOf(r.id))?.assignee_id).toBe(colleague.user.id);
    // Nothing selected: told so, nothing written.
    expect(location(await post(agent, '/desk/bulk', { action: 'accept' }))).toContain('done=none');
  });

  it('refuses a bulk post without the CSRF token and never redirects off the desk', async () => {
    const agent = await signIn('editor');
    const c = await apiClaim(agent.user.token, {
      text: `${unique('The tax')} rose`,
      status: 'candidate',
    });
    const forged = await desk('/desk/bulk', {
      cookie: agent.cookie,
      ip: agent.ip,
      form: { action: 'accept', ids: `${c.id}.1` },
    });
    expect(forged.status).toBe(403);
    expect((await statusOf(c.id))?.status).toBe('candidate');
    const off = await post(agent, '/desk/bulk', {
      action: 'accept',
      ids: `${c.id}.1`,
      back: 'https://evil.example/desk',
    });
    expect(location(off)).toMatch(/^\/desk\?done=accepted/);
  });
});
