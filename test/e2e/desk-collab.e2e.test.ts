/**
 * Team work in a real browser: an editor writes a note mentioning the admin in a claim's
 * workspace; the admin finds it in "My work", unread, and opening it lands on the note. Then
 * "My work" and the workspace on a 390 px phone, in English and Arabic, without sideways scrolling.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, EDITOR, liveDesk, shootAndCheck, signedIn, switchLanguage } from './desk-helpers';

const live = liveDesk();

/** Path of the first queued claim the queue lists. */
async function firstQueued(page: Page): Promise<string> {
  await page.goto(`${live.server.origin}/desk?status=queued`);
  return page
    .locator('a.claim-link')
    .first()
    .evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname);
}

const fits = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('notes, mentions and My work in the browser', () => {
  it('a note mentioning the admin shows up, unread, in the admin’s inbox and opens the note', async () => {
    const editor = await signedIn(live.browser, live.server.origin, EDITOR);
    const path = await firstQueued(editor.page);
    await editor.page.goto(`${live.server.origin}${path}`);
    const marker = `e2e-${Date.now().toString(36)}`;
    await editor.page.fill('#note-body', `@admin could you look at the figures (${marker})?`);
    await Promise.all([
      editor.page.waitForURL(/collab=note/),
      editor.page.click('form[action$="/notes"] button[type=submit]'),
    ]);
    expect(await editor.page.locator('#notes .note-body').last().textContent()).toContain(marker);
    await editor.context.close();

    const admin = await signedIn(live.browser, live.server.origin, ADMIN);
    await admin.page.goto(`${live.server.origin}/desk/inbox`);
    const item = admin.page.locator('.mentions li.unread', { hasText: marker });
    expect(await item.count()).toBe(1);
    await shootAndCheck(admin.page, 'desk-collab-inbox-1280-en');
    await Promise.all([
      admin.page.waitForURL((u) => u.pathname === path && u.hash.startsWith('#note-')),
      item.locator('a').click(),
    ]);
    const hash = new URL(admin.page.url()).hash;
    expect(await admin.page.locator(hash).textContent()).toContain(marker);
    await shootAndCheck(admin.page, 'desk-collab-workspace-1280-en');
    await admin.page.goto(`${live.server.origin}/desk/inbox`);
    expect(await admin.page.locator('.mentions li.unread', { hasText: marker }).count()).toBe(0);
    await admin.context.close();
  });

  it('My work and the workspace fit a 390 px phone in English and Arabic', async () => {
    const { context, page } = await signedIn(live.browser, live.server.origin, EDITOR);
    await page.setViewportSize({ width: 390, height: 844 });
    const path = await firstQueued(page);
    for (const lang of ['en', 'ar'] as const) {
      await page.goto(`${live.server.origin}/desk/inbox`);
      await switchLanguage(page, lang);
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await fits(page), `/desk/inbox ${lang}`).toBe(true);
      await shootAndCheck(page, `desk-collab-inbox-390-${lang}`);
      await page.goto(`${live.server.origin}${path}`);
      expect(await fits(page), `workspace ${lang}`).toBe(true);
      await shootAndCheck(page, `desk-collab-workspace-390-${lang}`);
    }
    await switchLanguage(page, 'en');
    await context.close();
  });
});
