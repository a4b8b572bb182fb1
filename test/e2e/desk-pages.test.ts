/**
 * Every main desk page in English (LTR) and Arabic (RTL): screenshot, axe (no serious or
 * critical violations), direction of the page and of user content; and keyboard-only use of the queue.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, liveDesk, shootAndCheck, signedIn, switchLanguage } from './desk-helpers';
import { join } from 'node:path';
import { screenshotDir } from './harness';

const live = liveDesk();

/** Paths of the main pages, found through the UI from the seeded data. */
async function mainPages(page: Page): Promise<Record<string, string>> {
  await page.goto(`${live.server.origin}/desk?status=published&language=ar`);
  const workspace = await page
    .locator('a.claim-link')
    .first()
    .evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname);
  await page.goto(`${live.server.origin}${workspace}`);
  const article = await page
    .locator('#ctx-h ~ p a[href^="/desk/articles/"]')
    .first()
    .evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname);
  return {
    queue: '/desk',
    'queue-filtered': '/desk?status=queued',
    ingest: '/desk/articles/new',
    article,
    workspace,
    tokens: '/desk/account/tokens',
    users: '/desk/admin/users',
    ratings: '/desk/admin/ratings',
  };
}

describe('desk pages in both directions', () => {
  it('renders every main page accessibly in English (LTR) and Arabic (RTL)', async () => {
    const { context, page } = await signedIn(live.browser, live.server.origin, ADMIN);
    // Our CSP must not block anything our own pages use (scripts, styles, the rating colours).
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    const pages = await mainPages(page);
    for (const [lang, dir] of [
      ['en', 'ltr'],
      ['ar', 'rtl'],
    ] as const) {
      await switchLanguage(page, lang);
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${live.server.origin}${path}`);
        expect(await page.getAttribute('html', 'dir'), `${name} ${lang}`).toBe(dir);
        await shootAndCheck(page, `desk-${name}-${dir}`);
      }
    }
    // The Arabic claim and article stay right-to-left in the English UI, and the reverse.
    await switchLanguage(page, 'en');
    await page.goto(`${live.server.origin}${pages.article}`);
    expect(await page.getAttribute('.article-body', 'dir')).toBe('rtl');
    await page.goto(`${live.server.origin}${pages.workspace}`);
    expect(await page.getAttribute('h1 span', 'dir')).toBe('rtl');
    await switchLanguage(page, 'ar');
    await page.goto(`${live.server.origin}/desk?language=en`);
    expect(await page.locator('a.claim-link span[lang="en"][dir="ltr"]').count()).toBeGreaterThan(
      0,
    );
    await switchLanguage(page, 'en');
    expect(blocked).toEqual([]);
    // The live counter script (loaded with the nonce) ran: it rewrites the count as you type
    // (on a queued claim: a published one's verdict form waits for a correction draft).
    await page.goto(`${live.server.origin}/desk?status=queued`);
    await page.locator('a.claim-link').first().click();
    await page.fill('#v-headline', 'abc');
    await expect.poll(() => page.textContent('#v-headline-count')).toBe('72 characters left');
    await context.close();
  }, 150_000);

  it('shows the sign-in page in both directions', async () => {
    for (const [locale, dir] of [
      ['en-GB', 'ltr'],
      ['ar-JO', 'rtl'],
    ] as const) {
      const context = await live.browser.newContext({
        locale,
        viewport: { width: 1280, height: 800 },
      });
      const page = await context.newPage();
      await page.goto(`${live.server.origin}/desk/sign-in`);
      expect(await page.getAttribute('html', 'dir')).toBe(dir);
      await page.fill('#email', 'admin@claimdesk.local');
      await page.fill('#password', 'wrong password');
      await page.click('form[action="/desk/sign-in"] button[type=submit]');
      await page.waitForSelector('.notice-error');
      await shootAndCheck(page, `desk-sign-in-error-${dir}`);
      await context.close();
    }
  });
});

describe('keyboard-only use of the queue', () => {
  it('skips to the content, reaches a claim with Tab (focus visible) and opens it with Enter', async () => {
    const { context, page } = await signedIn(live.browser, live.server.origin, ADMIN);
    await page.goto(`${live.server.origin}/desk`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Status tabs come first in the main content; the first one is "All".
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('.status-tabs') !== null),
    ).toBe(true);
    // Move to the "Queued" tab and follow it with the keyboard.
    let guard = 0;
    while (
      !(await page.evaluate(() =>
        (document.activeElement as HTMLAnchorElement | null)?.href?.includes('status=queued'),
      )) &&
      guard++ < 10
    )
      await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/status=queued/), page.keyboard.press('Enter')]);
    // Tab until a claim link has focus; its focus ring must be visible.
    guard = 0;
    await page.keyboard.press('Tab');
    while (
      !(await page.evaluate(() => document.activeElement?.classList.contains('claim-link'))) &&
      guard++ < 60
    )
      await page.keyboard.press('Tab');
    expect(guard).toBeLessThan(60);
    const ring = await page.evaluate(() => {
      const el = document.activeElement!;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        w: box.width,
        h: box.height,
      };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    // The focused element has a real box for the ring to go around.
    expect(ring.w).toBeGreaterThan(20);
    expect(ring.h).toBeGreaterThan(10);
    await page.screenshot({ path: join(screenshotDir(), 'desk-queue-keyboard-focus-ltr.png') });
    await Promise.all([page.waitForURL(/\/desk\/claims\//), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').count()).toBe(1);
    await context.close();
  });
});
