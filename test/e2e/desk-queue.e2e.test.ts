/**
 * The queue in a real browser: keyboard triage (j/k move, x selects, a accepts, / searches, ?
 * shows the list; never while typing) and, on a 390 px phone in Arabic, cards with no sideways
 * scrolling and the first claim on the first screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, EDITOR, liveDesk, shootAndCheck, signedIn, switchLanguage } from './desk-helpers';

const live = liveDesk();

const current = (page: Page) =>
  page.evaluate(() => {
    const rows = Array.from(document.querySelectorAll('table.queue tr[data-claim]'));
    return rows.findIndex((r) => r.classList.contains('current'));
  });

describe('the queue in the browser', () => {
  it('is triaged from the keyboard, and the keys stay quiet while typing', async () => {
    const { context, page } = await signedIn(live.browser, live.server.origin, ADMIN);
    await page.goto(`${live.server.origin}/desk?status=candidate`);
    const rows = page.locator('table.queue tr[data-claim]');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    expect(await current(page)).toBe(0);
    await page.keyboard.press('j');
    expect(await current(page)).toBe(1);
    await page.keyboard.press('k');
    expect(await current(page)).toBe(0);

    // "/" goes to the search box; letters typed there are text, not shortcuts.
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-q');
    await page.keyboard.type('xjx');
    expect(await page.inputValue('#f-q')).toBe('xjx');
    expect(await page.locator('input[name="ids"]:checked').count()).toBe(0);
    expect(await current(page)).toBe(0);
    await page.fill('#f-q', '');

    // "?" opens the list of shortcuts; Escape closes it.
    await page.locator('table.queue tr[data-claim] a.claim-link').first().focus();
    await page.keyboard.press('?');
    expect(
      await page.evaluate(() => (document.getElementById('queue-help') as HTMLDialogElement).open),
    ).toBe(true);
    await page.keyboard.press('Escape');
    expect(
      await page.evaluate(() => (document.getElementById('queue-help') as HTMLDialogElement).open),
    ).toBe(false);

    // x selects the current claim, a accepts it (the bulk form), with Undo offered.
    const id = await rows.first().getAttribute('data-claim');
    await page.keyboard.press('x');
    expect(await rows.first().locator('input[name="ids"]').isChecked()).toBe(true);
    await Promise.all([page.waitForURL(/done=accepted/), page.keyboard.press('a')]);
    expect(await page.locator('.undo-notice button').count()).toBe(1);
    await page.goto(`${live.server.origin}/desk/claims/${id}`);
    expect(await page.locator('.claim-head .badge').getAttribute('class')).toContain(
      'status-queued',
    );
    await context.close();
  });

  it('shows cards on a 390 px phone in Arabic, the first claim on the first screen', async () => {
    const { context, page } = await signedIn(live.browser, live.server.origin, EDITOR);
    await page.setViewportSize({ width: 390, height: 844 });
    await switchLanguage(page, 'ar');
    await page.goto(`${live.server.origin}/desk`);
    const { scroll, inner } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(inner);
    // The cards are the rows themselves (one per claim), each inside the viewport's width.
    const widths = await page
      .locator('table.queue tr[data-claim]')
      .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().right));
    expect(widths.length).toBeGreaterThan(0);
    for (const right of widths) expect(right).toBeLessThanOrEqual(390);
    const first = await page.locator('table.queue tr[data-claim]').first().boundingBox();
    // The header, tabs, filters and bulk bar leave room for the first card on the first screen.
    expect(first!.y + 60).toBeLessThan(844);
    await shootAndCheck(page, 'desk-queue-ar-390');
    await context.close();
  });
});
