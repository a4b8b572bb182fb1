/** "My work" (/desk/inbox): assigned to me, due soon, mentions (opening marks read), new submissions. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createClaim } from '../../d1/claims';
import { addDays, handleOf, todayUtc } from '../../worker/lib/collab';
import { apiClaim, callJson, unique } from '../helpers';
import { desk, page, post, signIn } from './desk-helpers';

const SYSTEM = { userId: null, requestId: 'test' };

async function assign(token: string, claimId: string, userId: number | null, version: number) {
  const { res } = await callJson(`/api/v1/claims/${claimId}`, {
    method: 'PATCH',
    token,
    body: { assigneeId: userId },
    headers: { 'If-Match': `"v${version}"` },
  });
  if (res.status !== 200) throw new Error(`assign: ${res.status}`);
}

/** The HTML of one inbox section, by its heading id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

describe('My work inbox', () => {
  it('is first in the desk navigation and lists what is assigned to me, earliest due first', async () => {
    const me = await signIn('editor');
    const other = await signIn('editor');
    const later = await apiClaim(me.user.token, { text: `${unique('Later ')} grew 3%` });
    const sooner = await apiClaim(me.user.token, { text: `${unique('Sooner ')} grew 4%` });
    const notMine = await apiClaim(me.user.token, { text: `${unique('NotMine ')} grew 5%` });
    await assign(me.user.token, later.id, me.user.id, later.version);
    await assign(me.user.token, sooner.id, me.user.id, sooner.version);
    await assign(me.user.token, notMine.id, other.user.id, notMine.version);
    const today = todayUtc();
    for (const [id, d] of [
      [later.id, addDays(today, 20)],
      [sooner.id, addDays(today, 2)],
    ] as const)
      expect((await post(me, `/desk/claims/${id}/due`, { dueDate: d, expected: '' })).status).toBe(
        303,
      );

    const { status, html } = await page(me, '/desk/inbox');
    expect(status).toBe(200);
    const nav = html.slice(html.indexOf('class="desk-nav"'));
    expect(nav.indexOf('/desk/inbox')).toBeLessThan(nav.indexOf('href="/desk"'));
    const assigned = section(html, 'in-assigned-h');
    expect(assigned).toContain(sooner.text);
    expect(assigned).toContain(later.text);
    expect(assigned.indexOf(sooner.text)).toBeLessThan(assigned.indexOf(later.text));
    expect(assigned).not.toContain(notMine.text);
    // Due soon: within 3 days (the sooner one), not the one in 20 days.
    const due = section(html, 'in-due-h');
    expect(due).toContain(sooner.text);
    expect(due).not.toContain(later.text);
    expect(due).toMatch(
      /<time datetime="\d{4}-\d{2}-\d{2}" title="\d{4}-\d{2}-\d{2}">in 2 days<\/time>/,
    );
  });

  it('due soon holds overdue and unassigned claims but not a colleague’s', async () => {
    const me = await signIn('editor');
    const other = await signIn('editor');
    const overdue = await apiClaim(me.user.token, { text: `${unique('Overdue ')} fell 2%` });
    const theirs = await apiClaim(me.user.token, { text: `${unique('Theirs ')} fell 2%` });
    await assign(me.user.token, theirs.id, other.user.id, theirs.version);
    // A past date cannot be typed in: it became overdue since it was set.
    await env.DB.prepare(`UPDATE claims SET due_date = ?2 WHERE id IN (?1, ?3)`)
      .bind(overdue.id, addDays(todayUtc(), -2), theirs.id)
      .run();
    const { html } = await page(me, '/desk/inbox');
    const due = section(html, 'in-due-h');
    expect(due).toContain(overdue.text);
    expect(due).toContain('Overdue');
    expect(due).not.toContain(theirs.text);
  });

  it('shows mentions unread first; opening one marks it read and lands on the note', async () => {
    const author = await signIn('editor');
    const me = await signIn('editor');
    const c1 = await apiClaim(author.user.token, { text: `${unique('First ')} doubled` });
    const c2 = await apiClaim(author.user.token, { text: `${unique('Second ')} doubled` });
    const mention = `@${handleOf(me.user.email)}`;
    await post(author, `/desk/claims/${c1.id}/notes`, { body: `Older note for ${mention}` });
    await post(author, `/desk/claims/${c2.id}/notes`, { body: `Newer note for ${mention}` });
    const first = section((await page(me, '/desk/inbox')).html, 'in-mentions-h');
    expect(first.match(/class="unread"/g)).toHaveLength(2);
    expect(first.indexOf('Newer note')).toBeLessThan(first.indexOf('Older note'));

    const noteId = first.match(/href="\/desk\/inbox\/mentions\/([0-9a-z]+)"/)![1]!;
    const open = await desk(`/desk/inbox/mentions/${noteId}`, { cookie: me.cookie, ip: me.ip });
    expect(open.status).toBe(303);
    expect(open.headers.get('Location')).toBe(`/desk/claims/${c2.id}#note-${noteId}`);

    const after = section((await page(me, '/desk/inbox')).html, 'in-mentions-h');
    expect(after.match(/class="unread"/g)).toHaveLength(1);
    // Unread first: the older, unread note now comes before the opened one.
    expect(after.indexOf('Older note')).toBeLessThan(after.indexOf('Newer note'));
    // Someone else cannot open (or mark) my mention.
    const stranger = await desk(`/desk/inbox/mentions/${noteId}`, {
      cookie: author.cookie,
      ip: author.ip,
    });
    expect(stranger.status).toBe(404);
  });

  it('lists new reader submissions newest first with their reader demand, and links to the queue', async () => {
    const me = await signIn('editor');
    const older = await createClaim(
      env.DB,
      {
        text: `${unique('Reader older ')} claim`,
        language: 'en',
        status: 'submitted',
        submissionCount: 4,
      },
      SYSTEM,
    );
    const newer = await createClaim(
      env.DB,
      {
        text: `${unique('Reader newer ')} claim`,
        language: 'en',
        status: 'submitted',
        submissionCount: 1,
      },
      SYSTEM,
    );
    const { html } = await page(me, '/desk/inbox');
    const subs = section(html, 'in-subs-h');
    expect(subs.indexOf(newer.text)).toBeLessThan(subs.indexOf(older.text));
    expect(subs).toContain('4 reader requests');
    expect(subs).toContain('href="/desk?status=submitted"');
    expect(section(html, 'in-assigned-h')).toContain(`href="/desk?assignee=${me.user.id}"`);
    // Relative time with the exact time on hover.
    expect(subs).toMatch(/<time datetime="[^"]+" title="\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC">/);
  });

  it('renders in Arabic with dir="rtl"', async () => {
    const me = await signIn('editor');
    await post(me, '/desk/locale', { lang: 'ar', next: '/desk/inbox' });
    const { html } = await page(me, '/desk/inbox');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('مُسندة إليّ');
  });
});
