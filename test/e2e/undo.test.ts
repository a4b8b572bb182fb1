/**
 * Reversible triage in a real browser: reject a queued claim in the workspace, press Undo (with
 * the keyboard), and find it back in the queue; on a desktop in English and on a 390 px phone in
 * Arabic.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, EDITOR, liveDesk, shootAndCheck, signedIn } from './desk-helpers';

const live = liveDesk();

/** Path of the first queued claim the queue lists. */
async function firstQueued(page: Page): Promise<string> {
  await page.goto(`${live.server.origin}/desk?status=queued`);
  return page
    .locator('a.claim-link')
    .first()
    .evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname);
}

/** Reject the claim at `path`, undo it from the keyboard, and check it is queued again. */
async function rejectAndUndo(page: Page, path: string, shot: string): Promise<void> {
  await page.goto(`${live.server.origin}${path}`);
  await Promise.all([
    page.waitForURL(/ok=moved&v=\d+/),
    page.click('.status-buttons form:has(input[name=to][value=rejected]) button'),
  ]);
  expect(await page.locator('.claim-head .badge').getAttribute('class')).toContain(
    'status-rejected',
  );
  const notice = page.locator('.undo-notice');
  expect(await notice.getAttribute('role')).toBe('status');
  await shootAndCheck(page, shot);
  // Keyboard only: focus the Undo button and press Enter.
  await notice.locator('button').focus();
  expect(await page.evaluate(() => document.activeElement?.closest('.undo-notice') !== null)).toBe(
    true,
  );
  await Promise.all([page.waitForURL(/ok=undone/), page.keyboard.press('Enter')]);
  expect(await page.locator('.claim-head .badge').getAttribute('class')).toContain('status-queued');
  expect(await page.locator('.undo-notice').count()).toBe(0);
  await page.goto(`${live.server.origin}/desk?status=queued`);
  const queued = await page
    .locator('a.claim-link')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(queued).toContain(path);
}

describe('undo in the browser', () => {
  it('rejects a claim, undoes it, and finds it back in the queue', async () => {
    const { context, page } = await signedIn(live.browser, live.server.origin, ADMIN);
    const path = await firstQueued(page);
    await rejectAndUndo(page, path, 'desk-undo-ltr');
    await context.close();
  });

  it('does the same on a 390 px phone in Arabic, without sideways scrolling', async () => {
    const { context, page } = await signedIn(live.browser, live.server.origin, EDITOR);
    await page.setViewportSize({ width: 390, height: 844 });
    const path = await firstQueued(page);
    await page.goto(`${live.server.origin}${path}`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await rejectAndUndo(page, path, 'desk-undo-390-rtl');
    await page.goto(`${live.server.origin}${path}`);
    await Promise.all([
      page.waitForURL(/ok=moved/),
      page.click('.status-buttons form:has(input[name=to][value=rejected]) button'),
    ]);
    expect(await page.textContent('.undo-notice button')).toBe('تراجع');
    const box = await page.locator('.undo-notice button').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await context.close();
  });
});
