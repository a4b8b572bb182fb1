/**
 * E-mail in a real browser: a reader submits a claim in Arabic and leaves an address, an editor
 * publishes it, the one message reaches the local outbox (the queue runs inside wrangler dev) and
 * the admin reads it in /desk/outbox, in Arabic at 390 px without horizontal scrolling.
 * Screenshots: outbox-{en,ar}-{1280,390}.png and outbox-message-ar-390.png.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, signedIn, switchLanguage } from './desk-helpers';
import { checkA11y, launchBrowser, screenshotDir, startServer } from './harness';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let token = '';

async function api(path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${server.origin}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const login = await fetch(`${server.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  token = ((await login.json()) as { token: string }).token;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir(), `${name}.png`), fullPage: true });

async function noHorizontalScroll(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, 'page is wider than the viewport').toBeLessThanOrEqual(client);
}

describe('the reader’s message reaches the outbox', () => {
  it('submit with an address, publish, read it in /desk/outbox (ar, 390 px)', async () => {
    const claimText = `ارتفع سعر تذكرة الحافلة في المدينة إلى خمسة دنانير هذا الأسبوع ${Date.now()}`;
    const reader = await browser.newContext({ locale: 'ar', javaScriptEnabled: false });
    const form = await reader.newPage();
    await form.goto(`${server.origin}/submit`);
    expect(await form.textContent('#f-email-hint')).toContain('نكتب إليك مرة واحدة');
    await form.fill('#f-text', claimText);
    await form.fill('#f-email', 'reader.e2e@example.org');
    await form.click('#submit-button');
    expect(form.url()).toMatch(/\/track\//);
    await reader.close();

    const list = await api('/api/v1/claims?status=submitted&limit=50');
    const claim = (list.items as { id: string; text: string }[]).find((c) => c.text === claimText);
    expect(claim, 'the submitted claim').toBeTruthy();
    const id = claim!.id;
    await api(`/api/v1/claims/${id}/transition`, { to: 'queued' });
    await api(`/api/v1/claims/${id}/transition`, { to: 'in_review' });
    await api(`/api/v1/claims/${id}/verdicts`, {
      ratingKey: 'false',
      headline: 'السعر لم يتغير',
      explanation: 'جدول الأسعار الرسمي يبقي التذكرة عند ثلاثة دنانير.',
      language: 'ar',
    });
    await api(`/api/v1/claims/${id}/transition`, { to: 'published' });

    const { context, page } = await signedIn(browser, server.origin, ADMIN);
    await switchLanguage(page, 'ar');
    await page.setViewportSize({ width: 390, height: 844 });
    const item = page.locator('.outbox-item', { hasText: 'نُشر حكمنا على الادعاء الذي أرسلته' });
    // The queue consumer inside wrangler dev delivers it; reload until it has.
    await expect
      .poll(
        async () => {
          await page.goto(`${server.origin}/desk/outbox`);
          return (await item.first().textContent()) ?? '';
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toContain('سُلّمت إلى الصادر المحلي');
    expect(await item.count()).toBe(1);
    expect(await item.first().textContent()).toContain('r***@example.org');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await noHorizontalScroll(page);
    expect(await checkA11y(page)).toEqual([]);
    await shot(page, 'outbox-ar-390');

    await item.first().locator('h2 a').click();
    await page.waitForURL(/\/desk\/outbox\/m/);
    expect(await page.textContent('.outbox-body')).toContain(`/claims/${id}?lang=ar`);
    await noHorizontalScroll(page);
    await shot(page, 'outbox-message-ar-390');

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.origin}/desk/outbox`);
    await shot(page, 'outbox-ar-1280');
    await switchLanguage(page, 'en');
    await shot(page, 'outbox-en-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await noHorizontalScroll(page);
    await shot(page, 'outbox-en-390');
    await context.close();
  }, 180_000);
});
