/**
 * Two-step sign-in in a real browser: an editor sets it up from the key the page shows (codes
 * computed here as an authenticator app would), then signs in again through the code step — on a
 * desktop in English and on a 390 px phone in Arabic.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { base32Decode, hotp, totpStep } from '../../worker/lib/totp';
import { EDITOR, liveDesk, shootAndCheck, signedIn, switchLanguage } from './desk-helpers';

const live = liveDesk();

function code(key: string, offset: number): Promise<string> {
  return hotp(base32Decode(key)!, totpStep(Date.now()) + offset);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(inner);
}

describe('two-step sign-in in the browser', () => {
  it('is set up from the account page and then asked for at sign-in', async () => {
    const { context, page } = await signedIn(live.browser, live.server.origin, EDITOR);
    await page.click('a[href="/desk/account/two-factor"]');
    await Promise.all([
      page.waitForURL(/\/desk\/account\/two-factor$/),
      page.click('form[action="/desk/account/two-factor/start"] button'),
    ]);
    const key = (await page.locator('.totp-key').innerText()).replace(/\s/g, '');
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.locator('a[href^="otpauth://totp/"]').count()).toBe(1);
    await shootAndCheck(page, 'desk-two-factor-setup');
    await page.fill('#tf-confirm-code', await code(key, -1));
    await Promise.all([
      page.waitForURL(/ok=on/),
      page.click('form[action="/desk/account/two-factor/confirm"] button'),
    ]);
    expect(await page.locator('.notice-ok').count()).toBe(1);
    await context.close();

    // A phone, in Arabic: password, then the code step.
    const phone = await live.browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await p.goto(`${live.server.origin}/desk/sign-in`);
    await switchLanguage(p, 'ar');
    await p.fill('#email', EDITOR.email);
    await p.fill('#password', EDITOR.password);
    await Promise.all([
      p.waitForLoadState('load'),
      p.click('form[action="/desk/sign-in"] button[type=submit]'),
    ]);
    expect(await p.locator('form[action="/desk/sign-in/code"]').count()).toBe(1);
    expect(await p.getAttribute('html', 'dir')).toBe('rtl');
    await noSidewaysScroll(p);
    await shootAndCheck(p, 'desk-two-factor-code-ar-390');
    await p.fill('#totp-code', await code(key, 0));
    await Promise.all([
      p.waitForURL((u) => !u.pathname.startsWith('/desk/sign-in')),
      p.click('form[action="/desk/sign-in/code"] button'),
    ]);
    expect(new URL(p.url()).pathname).toBe('/desk');
    await phone.close();
  });
});
