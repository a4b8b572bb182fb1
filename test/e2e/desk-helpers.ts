/** Shared steps for the desk browser tests. */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { checkA11y, launchBrowser, screenshotDir, startServer } from './harness';

export const ADMIN = { email: 'admin@claimdesk.local', password: 'claimdesk-demo' };
export const EDITOR = { email: 'editor@claimdesk.local', password: 'claimdesk-demo' };

export interface Live {
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
}

/** One `wrangler dev` and one chromium for the whole test file, started before it and stopped after. */
export function liveDesk(): Live {
  const live = {} as Live;
  beforeAll(async () => {
    live.server = await startServer();
    live.browser = await launchBrowser();
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.stop();
  });
  return live;
}

/** A fresh browser context (own cookies), signed in through the form. */
export async function signedIn(
  browser: Browser,
  origin: string,
  who: { email: string; password: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/desk`);
  await page.waitForURL(/\/desk\/sign-in/);
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/desk/sign-in')),
    page.click('form[action="/desk/sign-in"] button[type=submit]'),
  ]);
  return { context, page };
}

/** Switch the UI language with the header form (works without JavaScript). */
export async function switchLanguage(page: Page, lang: 'en' | 'ar' | 'fr'): Promise<void> {
  await page.selectOption('#ui-lang', lang);
  await Promise.all([
    page.waitForLoadState('load'),
    page.click('form.lang-switch button[type=submit]'),
  ]);
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
}

/** Save a full-page screenshot under a stable name and run axe on the page. */
export async function shootAndCheck(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir(), `${name}.png`), fullPage: true });
  const violations = await checkA11y(page);
  expect(violations, `${name}: ${JSON.stringify(violations)}`).toEqual([]);
}

/** The value of the hidden `version` field of a form. */
export async function formVersion(page: Page, formSelector: string): Promise<number> {
  return Number(await page.inputValue(`${formSelector} input[name=version]`));
}
