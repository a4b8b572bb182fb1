import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkA11y, launchBrowser, screenshotDir, startServer } from './harness';

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

test('wrangler dev answers /healthz', async () => {
  const res = await fetch(`${server.origin}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
});

test('chromium starts and axe reports a missing form label', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/healthz`);
    expect(await page.textContent('body')).toContain('"ok":true');
    await page.setContent(
      '<!doctype html><html lang="en"><title>t</title><main><input type="text"></main></html>',
    );
    const violations = await checkA11y(page);
    expect(violations.map((v) => v.id)).toContain('label');
    expect(screenshotDir()).toMatch(/screenshots$/);
  } finally {
    await browser.close();
  }
});

test('the demo data is seeded: the demo admin can sign in through the API', async () => {
  const res = await fetch(`${server.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@claimdesk.local', password: 'claimdesk-demo' }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { user: { role: string } };
  expect(body.user.role).toBe('admin');
});
