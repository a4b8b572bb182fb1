/**
 * The claim page in a real browser: no horizontal scroll at 390 px in English and Arabic, the
 * "Embed this" box opens on a live preview, the copy button copies, print hides the chrome.
 * Screenshots land in test-results/screenshots/claim-page-*.png.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, screenshotDir, startServer } from './harness';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let claimPath: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${server.origin}/claims?lang=en`);
  claimPath = (await page.locator('.claim-card a').first().getAttribute('href'))!.split('?')[0]!;
  await page.close();
  // wrangler dev's start-up on a machine shared by eight engineers can pass the default hook limit.
}, 420_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir(), `claim-page-${name}.png`), fullPage: true });

async function open(lang: 'en' | 'ar', width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await context.newPage();
  await page.goto(`${server.origin}${claimPath}?lang=${lang}`);
  return page;
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('claim page in a browser', () => {
  for (const lang of ['en', 'ar'] as const) {
    test(`390 px, ${lang}: no horizontal scroll, with the embed box open too`, async () => {
      const page = await open(lang, 390);
      expect(await page.locator('.lead .lead-label').first().isVisible()).toBe(true);
      expect(await overflow(page)).toBe(0);
      await page.locator('.embed-box summary').click();
      await page.locator('.embed-preview iframe').waitFor();
      expect(await overflow(page)).toBe(0);
      await shot(page, `390-${lang}`);
      await page.context().close();
    });
  }

  test('1280 px: the embed box opens on a preview that follows the choices', async () => {
    const page = await open('en', 1280);
    expect(await page.locator('.embed-options').isVisible()).toBe(false);
    await page.locator('.embed-box summary').click();
    const frame = page.locator('.embed-preview iframe');
    await frame.waitFor();
    // "Automatic" is the page's language.
    expect(await frame.getAttribute('src')).toMatch(/\/embed\/[0-9a-z]{16}\?lang=en$/);
    await page.locator('#embed-etheme').selectOption('dark');
    await page.locator('#embed-elang').selectOption('ar');
    expect(await frame.getAttribute('src')).toMatch(/\?lang=ar&theme=dark$/);
    expect(await page.locator('#embed-0').inputValue()).toContain('?lang=ar&amp;theme=dark');
    await page.locator('#embed-estyle').selectOption('badge');
    expect(await page.locator('.embed-preview img').getAttribute('src')).toMatch(/\.svg\?lang=ar$/);
    await shot(page, '1280-en-embed');
    await page.context().close();
  });

  test('the copy button copies the page URL', async () => {
    const page = await open('en', 1280);
    const button = page.locator('button.copy[data-copy="share-url"]');
    expect(await button.isVisible()).toBe(true);
    await button.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#share-url').inputValue());
    expect(copied).toMatch(/\/claims\/[0-9a-z]{16}$/);
    await shot(page, '1280-en');
    const ar = await open('ar', 1280);
    await shot(ar, '1280-ar');
    await ar.context().close();
    await page.context().close();
  });

  test('print hides navigation, share, embed and the vote form', async () => {
    const page = await open('en', 1280);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.share', '.embed-box', '.feedback', '.site-footer']) {
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    }
    expect(await page.locator('.lead').isVisible()).toBe(true);
    expect(await page.locator('.sources').isVisible()).toBe(true);
    await shot(page, 'print');
    await page.context().close();
  });
});
