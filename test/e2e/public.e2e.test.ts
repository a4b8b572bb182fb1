/**
 * The public side in a real browser: submitting a claim in Arabic with JavaScript off and on,
 * seeing matching published verdicts and the confirmation, reading a claim page in RTL.
 * Screenshots land in test-results/screenshots/public-*.png.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkA11y, launchBrowser, screenshotDir, startServer } from './harness';

// A paraphrase of the demo seed's published Arabic claim (dams at 34%, lowest since 2014).
const ARABIC_CLAIM =
  'أعلنت وزارة المياه أن مخزون السدود الرئيسية انخفض إلى ٣٤٪ من طاقتها التخزينية في نهاية أكتوبر، وهو أدنى مستوى منذ عام ٢٠١٤';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let token: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const login = await fetch(`${server.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@claimdesk.local', password: 'claimdesk-demo' }),
  });
  token = ((await login.json()) as { token: string }).token;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir(), `public-${name}.png`), fullPage: true });

async function context(javaScriptEnabled: boolean): Promise<BrowserContext> {
  return browser.newContext({
    javaScriptEnabled,
    locale: 'ar',
    viewport: { width: 900, height: 900 },
  });
}

/** submission_count of the claim with this exact text, through the editors' search API. */
async function submissionCount(text: string): Promise<number> {
  const res = await fetch(`${server.origin}/api/v1/search?q=${encodeURIComponent(text)}&limit=50`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { items: { text: string; submissionCount: number }[] };
  return body.items.find((i) => i.text === text)?.submissionCount ?? 0;
}

async function publishedDamsClaim(page: Page): Promise<string> {
  await page.goto(`${server.origin}/claims?lang=ar&language=ar`);
  const href = await page
    .locator('.claim-card a', { hasText: 'مخزون السدود' })
    .first()
    .getAttribute('href');
  expect(href).toMatch(/^\/claims\/[0-9a-z]{16}/);
  return href!;
}

describe('submit a claim in Arabic', () => {
  test('without JavaScript: errors in Arabic next to the field, matches, confirmation', async () => {
    const ctx = await context(false);
    const page = await ctx.newPage();
    await page.goto(`${server.origin}/submit`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.locator('#matches').isHidden()).toBe(true);

    await page.fill('#f-text', 'قصير');
    await page.fill('#f-email', 'ليس بريدا');
    await page.click('#submit-button');
    expect(await page.textContent('#f-text-error')).toContain('اكتب ١٠ أحرف على الأقل.');
    expect(await page.textContent('#f-email-error')).toContain('أدخل بريداً إلكترونياً صحيحاً.');
    expect(await page.inputValue('#f-email')).toBe('ليس بريدا');
    await shot(page, 'submit-nojs-ar-errors');

    await page.fill('#f-text', ARABIC_CLAIM);
    await page.fill('#f-email', '');
    await page.click('button.secondary');
    const match = page.locator('#matches .claim-card');
    expect(await match.count()).toBeGreaterThan(0);
    expect(await match.first().textContent()).toContain('مخزون السدود');
    expect(await page.inputValue('#f-text')).toBe(ARABIC_CLAIM);
    await shot(page, 'submit-nojs-ar-matches');

    await page.fill('#f-where_url', 'https://social.example/post/42');
    await page.click('#submit-button');
    expect(page.url()).toMatch(/\/track\/[A-Za-z0-9_-]{32}\?new=1/);
    expect(await page.textContent('.confirmation')).toContain('شكراً! استلمنا ادعاءك.');
    expect(await page.locator('#matches .claim-card').count()).toBeGreaterThan(0);
    await shot(page, 'submit-nojs-ar-confirmation');
    expect(await submissionCount(ARABIC_CLAIM)).toBe(1);
    await ctx.close();
  });

  test('without JavaScript a double click makes one submission', async () => {
    const ctx = await context(false);
    const page = await ctx.newPage();
    const text = `ادعاء تجريبي عن ارتفاع أسعار الوقود بنسبة ${Date.now() % 1000} بالمئة`;
    await page.goto(`${server.origin}/submit`);
    await page.fill('#f-text', text);
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/submit') posts++;
    });
    // Chromium itself sends one request for a double click on a plain form (the route tests post
    // the same nonce concurrently to show the server side); here: the reader sees one confirmation.
    await page.dblclick('#submit-button');
    await page.waitForURL(/\/track\//);
    expect(await page.textContent('.confirmation')).toContain('شكراً');
    expect(await submissionCount(text)).toBe(1);
    console.log(`double click sent ${posts} POST /submit request(s); submissions recorded: 1`);
    expect(posts).toBeGreaterThanOrEqual(1);
    await ctx.close();
  });

  test('with JavaScript: live matches while typing, then the confirmation', async () => {
    const ctx = await context(true);
    const page = await ctx.newPage();
    await page.goto(`${server.origin}/submit`);
    expect(await checkA11y(page)).toEqual([]);
    await page.locator('#f-text').pressSequentially(ARABIC_CLAIM.slice(0, 60), { delay: 5 });
    await page.locator('#f-text').fill(ARABIC_CLAIM);
    await page
      .locator('#matches .claim-card')
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('#matches .claim-card').first().textContent()).toContain(
      'مخزون السدود',
    );
    await shot(page, 'submit-js-ar-live-matches');
    await page.click('#submit-button');
    await page.waitForURL(/\/track\//);
    expect(await page.textContent('.confirmation')).toContain('شكراً! استلمنا ادعاءك.');
    await shot(page, 'submit-js-ar-confirmation');
    expect(await submissionCount(ARABIC_CLAIM)).toBe(2);
    expect(await checkA11y(page)).toEqual([]);
    await ctx.close();
  });
});

describe('read published claims', () => {
  test('an Arabic claim page lays out right-to-left with its ClaimReview', async () => {
    const ctx = await context(true);
    const page = await ctx.newPage();
    const href = await publishedDamsClaim(page);
    await page.goto(`${server.origin}${href}`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const quote = page.locator('h1.claim-text');
    expect(await quote.getAttribute('dir')).toBe('rtl');
    expect(await quote.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await page.textContent('.verdict')).toContain('صحيح في معظمه');
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    ) as { '@type': string; inLanguage: string };
    expect(jsonLd).toMatchObject({ '@type': 'ClaimReview', inLanguage: 'ar' });
    expect(await checkA11y(page)).toEqual([]);
    await shot(page, 'claim-ar-rtl');
    await ctx.close();
  });

  test('an English claim page shows its corrections log; the home page lists verdicts', async () => {
    const ctx = await browser.newContext({ locale: 'en', viewport: { width: 900, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${server.origin}/claims?q=ridership`);
    expect(await checkA11y(page)).toEqual([]);
    await shot(page, 'claims-search-en');
    await page.locator('.claim-card a').first().click();
    expect(await page.textContent('.corrections')).toContain(
      'The first version wrongly said ridership had not risen.',
    );
    expect(await checkA11y(page)).toEqual([]);
    await shot(page, 'claim-en-corrections');
    await page.goto(`${server.origin}/?lang=ar`);
    expect(await page.locator('.claim-card').count()).toBeGreaterThan(0);
    expect(await checkA11y(page)).toEqual([]);
    await shot(page, 'home-ar');
    await ctx.close();
  });
});
