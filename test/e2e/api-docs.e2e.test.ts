/**
 * /api/docs in a real browser: Swagger UI (served from our own assets) renders the reference
 * with schemas and examples, "Try it out" calls the API with a bearer token, and the page's
 * relaxed CSP is enough: no violation reaches the console.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, startServer } from './harness';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let token = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const login = await fetch(`${server.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@claimdesk.local', password: 'claimdesk-demo' }),
  });
  token = ((await login.json()) as { token: string }).token;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openDocs(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /content security policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${server.origin}/api/docs`);
  await page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 30_000 });
  return { page, problems };
}

describe('/api/docs', () => {
  test('renders the reference with schemas and examples, without CSP violations', async () => {
    const { page, problems } = await openDocs();
    await expect(page.locator('.swagger-ui .info .title').innerText()).resolves.toContain(
      'ClaimDesk API',
    );
    const paths = await page.locator('.opblock-summary-path').allInnerTexts();
    expect(paths.map((p) => p.replace(/\u200b/g, ''))).toEqual(
      expect.arrayContaining(['/api/v1/claims', '/api/v1/claims/{id}']),
    );
    // Schemas section and a request body example.
    await expect(page.locator('.swagger-ui section.models').count()).resolves.toBe(1);
    const create = page.locator('.opblock-post', {
      has: page.locator('.opblock-summary-path[data-path="/api/v1/claims"]'),
    });
    await create.locator('.opblock-summary').click();
    await expect(
      create.locator('.body-param__example, .microlight').first().innerText(),
    ).resolves.toContain('Minister of Labour');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('"Try it out" calls the API with a bearer token', async () => {
    const { page, problems } = await openDocs();
    await page.locator('.btn.authorize').first().click();
    await page.locator('.auth-container input').first().fill(token);
    await page.locator('.auth-btn-wrapper .authorize').click();
    await page.locator('.auth-btn-wrapper .btn-done').click();
    const me = page.locator('.opblock-get', {
      has: page.locator('.opblock-summary-path[data-path="/api/v1/auth/me"]'),
    });
    await me.locator('.opblock-summary').click();
    await me.locator('.try-out__btn').click();
    await me.locator('.execute').click();
    const status = me.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor({ timeout: 15_000 });
    await expect(status.innerText()).resolves.toContain('200');
    await expect(me.locator('.live-responses-table').innerText()).resolves.toContain(
      'admin@claimdesk.local',
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
