/**
 * The editor's path in a real browser: sign in, ingest an Arabic article, accept two candidates,
 * add a source and a verdict, publish, read the history; plus the conflict screen and CSRF.
 */
import { createServer, type Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  EDITOR,
  formVersion,
  liveDesk,
  shootAndCheck,
  signedIn,
  switchLanguage,
} from './desk-helpers';
import { freePort } from './harness';

const ARTICLE = [
  'أعلنت وزارة الاقتصاد يوم الاثنين أن معدل التضخم السنوي بلغ ١٤٪ في شهر سبتمبر، وهو أعلى مستوى منذ عام ٢٠٠٨.',
  'وقال وزير المالية خالد منصور إن «الصادرات ارتفعت بنسبة ٢٥٪ خلال العام الماضي مقارنة بعام ٢٠٢٢».',
  'وأضاف أن الحكومة خصصت ٣ مليارات دولار لدعم أسعار الخبز والوقود حتى نهاية العام.',
  'ويرى خبراء أن الوضع الاقتصادي صعب، ويتوقعون تحسنًا بطيئًا.',
  'وبحسب البنك المركزي، انخفضت البطالة إلى ٩٫٥٪ للمرة الأولى منذ عشر سنوات.',
].join('\n\n');

const live = liveDesk();

/** Path of the first claim the queue lists under a status (the demo seed has queued claims in ar, en, fr). */
async function firstClaimPath(
  page: import('playwright-core').Page,
  status: string,
): Promise<string> {
  await page.goto(`${live.server.origin}/desk?status=${status}`);
  return page
    .locator('a.claim-link')
    .first()
    .evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname);
}

describe('desk in the browser', () => {
  it('goes from an Arabic article to a published verdict with history', async () => {
    const admin = await signedIn(live.browser, live.server.origin, ADMIN);
    let page = admin.page;
    await expect.poll(() => page.textContent('h1')).toContain('Claims queue');
    await page.click('a[href="/desk/articles/new"]');
    await page.fill('#a-title', 'التضخم والصادرات');
    await page.fill('#a-text', ARTICLE);
    await Promise.all([
      page.waitForURL(/\/desk\/articles\/[0-9a-z]+$/),
      page.click('form.ingest-form button[type=submit]'),
    ]);
    expect(await page.getAttribute('.article-body', 'dir')).toBe('rtl');
    expect(await page.getAttribute('.article-body', 'lang')).toBe('ar');
    expect(await page.locator('.article-body mark').count()).toBeGreaterThanOrEqual(2);
    await shootAndCheck(page, 'desk-article-ltr');
    // Tick two candidates and accept them together.
    const boxes = page.locator('.cand-list input[type=checkbox]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await Promise.all([
      page.waitForURL(/done=accepted/),
      page.click('button[name=bulk][value=accept]'),
    ]);
    expect(await page.textContent('.notice')).toContain('2 claims accepted');
    expect(await page.locator('.cand-list .badge.status-queued').count()).toBe(2);
    const claimUrl = await page
      .locator('.cand-list li:has(.badge.status-queued) .cand-text a')
      .first()
      .evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname);
    await admin.context.close();

    // The demo editor prefers Arabic: the whole UI is right-to-left, and so is the Arabic claim.
    const editor = await signedIn(live.browser, live.server.origin, EDITOR);
    page = editor.page;
    await page.goto(`${live.server.origin}${claimUrl}`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('h1 span', 'dir')).toBe('rtl');
    await page.fill('#new-src-url', 'https://stats.example.org/inflation-2026');
    await page.fill('#new-src-title', 'النشرة الإحصائية الشهرية');
    await page.selectOption('#new-src-stance', 'refutes');
    await Promise.all([
      page.waitForURL(/ok=saved/),
      page.click('#sources form[action$="/sources"] button[type=submit]'),
    ]);
    expect(await page.locator('.sources .source').count()).toBe(1);
    await Promise.all([
      page.waitForURL(/ok=moved/),
      page.click('.status-buttons form:has(input[value=in_review]) button'),
    ]);
    // Verdict, with the live counter counting down as the headline is typed.
    const headline = 'التضخم بلغ ١١٪ لا ١٤٪';
    await page.selectOption('#v-rating', 'mostly-false');
    await page.fill('#v-headline', '');
    await page.type('#v-headline', headline);
    await expect
      .poll(() => page.textContent('#v-headline-count'))
      .toContain(String(75 - headline.length));
    await page.fill('#v-explanation', 'تظهر النشرة الإحصائية أن التضخم السنوي في سبتمبر بلغ ١١٪.');
    await Promise.all([page.waitForURL(/ok=saved/), page.click('#verdict button[type=submit]')]);
    await Promise.all([
      page.waitForURL(/ok=published/),
      page.click('#publication form[action$="/publish"] button'),
    ]);
    expect(await page.locator('.claim-head .badge').getAttribute('class')).toContain(
      'status-published',
    );
    // A correction: a draft beside the published verdict, published with a public note as a
    // second version, shown as a word diff in the history.
    await Promise.all([
      page.waitForURL(/ok=draft/),
      page.click('#publication form[action$="/draft"] button'),
    ]);
    await page.fill('#v-headline', 'التضخم بلغ ١١٫٢٪ لا ١٤٪');
    await Promise.all([page.waitForURL(/ok=saved/), page.click('#verdict button[type=submit]')]);
    await page.fill('#pub-note', 'صُحح رقم التضخم وفق النشرة المعدلة.');
    await Promise.all([
      page.waitForURL(/ok=published/),
      page.click('#publication form[action$="/draft/publish"] button'),
    ]);
    expect(await page.locator('#history ol > li').count()).toBe(2);
    expect(await page.locator('#history ins').count()).toBeGreaterThan(0);
    expect(await page.locator('#history del').count()).toBeGreaterThan(0);
    await shootAndCheck(page, 'desk-workspace-correction-rtl');
    await switchLanguage(page, 'en');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.getAttribute('h1 span', 'dir')).toBe('rtl');
    await shootAndCheck(page, 'desk-workspace-correction-ltr');
    await switchLanguage(page, 'ar');
    await editor.context.close();
  }, 120_000);

  it('gives a second editor the conflict screen instead of a lost update', async () => {
    const a = await signedIn(live.browser, live.server.origin, ADMIN);
    const b = await signedIn(live.browser, live.server.origin, EDITOR);
    const claimUrl = await firstClaimPath(a.page, 'queued');
    await a.page.goto(`${live.server.origin}${claimUrl}`);
    await b.page.goto(`${live.server.origin}${claimUrl}`);
    const v = await formVersion(a.page, 'form[action$="/edit"]');
    expect(await formVersion(b.page, 'form[action$="/edit"]')).toBe(v);
    await a.page.fill('#c-claimant', 'Ministry of Economy');
    await Promise.all([
      a.page.waitForURL(/ok=saved/),
      a.page.click('form[action$="/edit"] button[type=submit]'),
    ]);
    await b.page.fill('#c-claimant', 'خالد منصور');
    await b.page.click('form[action$="/edit"] button[type=submit]');
    await b.page.waitForSelector('table.conflict');
    expect(await b.page.textContent('table.conflict')).toContain('Ministry of Economy');
    expect(await b.page.inputValue('#m-claimant')).toBe('خالد منصور');
    expect(await formVersion(b.page, 'form[action$="/edit"]')).toBe(v + 1);
    await shootAndCheck(b.page, 'desk-conflict-rtl');
    // The first editor's change is still there.
    await a.page.reload();
    expect(await a.page.inputValue('#c-claimant')).toBe('Ministry of Economy');
    // Merging on the newer version saves.
    await Promise.all([
      b.page.waitForURL(/ok=saved/),
      b.page.click('form[action$="/edit"] button[type=submit]'),
    ]);
    expect(await b.page.inputValue('#c-claimant')).toBe('خالد منصور');
    // The other way round: the admin's page is now stale too, and the English UI shows the same screen.
    await a.page.fill('#c-claimant', 'Ministry of Finance');
    await a.page.click('form[action$="/edit"] button[type=submit]');
    await a.page.waitForSelector('table.conflict');
    expect(await a.page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await a.page.textContent('table.conflict')).toContain('خالد منصور');
    await shootAndCheck(a.page, 'desk-conflict-ltr');
    await a.context.close();
    await b.context.close();
  });

  it('refuses a cross-site form post to the desk', async () => {
    const { context, page } = await signedIn(live.browser, live.server.origin, ADMIN);
    const claimUrl = await firstClaimPath(page, 'queued');
    await page.goto(`${live.server.origin}${claimUrl}`);
    const sourcesBefore = await page.locator('.sources .source').count();
    // A page on another origin (localhost on another port) posting to the desk, cookie attached.
    const port = await freePort();
    const evil: Server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><title>evil</title><form method="post" action="${live.server.origin}${claimUrl}/sources">
        <input name="url" value="https://evil.example/"><input name="stance" value="supports"><button>go</button></form></html>`);
    });
    await new Promise<void>((ok) => evil.listen(port, '127.0.0.1', ok));
    try {
      await page.goto(`http://localhost:${port}/`);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/sources')),
        page.click('button'),
      ]);
      expect(response.status()).toBe(403);
    } finally {
      await new Promise((ok) => evil.close(ok));
    }
    await page.goto(`${live.server.origin}${claimUrl}`);
    expect(await page.locator('.sources .source').count()).toBe(sourcesBefore);
    await context.close();
  });

  it('works without JavaScript: sign in, accept a candidate in one click, add a source', async () => {
    const context = await live.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${live.server.origin}/desk/sign-in`);
    await page.fill('#email', ADMIN.email);
    await page.fill('#password', ADMIN.password);
    await Promise.all([
      page.waitForURL(`${live.server.origin}/desk`),
      page.click('form[action="/desk/sign-in"] button[type=submit]'),
    ]);
    const candidatePath = await firstClaimPath(page, 'candidate');
    await page.goto(`${live.server.origin}${candidatePath}`);
    const articlePath = await page
      .locator('#ctx-h ~ p a[href^="/desk/articles/"]')
      .first()
      .evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname);
    await page.goto(`${live.server.origin}${articlePath}`);
    const claimId = candidatePath.split('/').pop()!;
    await Promise.all([
      page.waitForURL(/done=accepted&n=1/),
      page.click(`button[name=one][value="accept:${claimId}"]`),
    ]);
    await page.goto(`${live.server.origin}${candidatePath}`);
    expect(await page.locator('.claim-head .badge').getAttribute('class')).toContain(
      'status-queued',
    );
    await page.fill('#new-src-url', 'https://archive.example.org/report');
    await Promise.all([
      page.waitForURL(/ok=saved/),
      page.click('#sources form[action$="/sources"] button[type=submit]'),
    ]);
    expect(await page.locator('.sources .source').count()).toBe(1);
    await context.close();
  });
});
