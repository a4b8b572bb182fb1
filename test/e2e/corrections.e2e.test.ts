/**
 * Corrections in a real browser: a partner page embeds a claim while an editor drafts a correction
 * through the desk (the partner and the public page keep the published verdict, never a 404), then
 * publishes it (both show the new verdict on the next load); and a second editor's approval.
 * Screenshots: the corrected public page (en, ar), the draft preview and the Publication panel.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedSnippets } from '../../worker/embeds/snippets';
import { ADMIN, EDITOR, signedIn, switchLanguage } from './desk-helpers';
import { checkA11y, freePort, launchBrowser, screenshotDir, startServer } from './harness';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let host: Server;
let hostOrigin: string;
let token = '';
const pages = new Map<string, string>();

async function api(path: string, body: unknown, method = 'POST'): Promise<any> {
  const res = await fetch(`${server.origin}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A claim in review with a verdict (published too unless `publish` is false). */
async function claimWithVerdict(
  text: string,
  language: string,
  ratingKey: string,
  headline: string,
  publish = true,
): Promise<string> {
  const { claim } = await api('/api/v1/claims', { text, language });
  await api(`/api/v1/claims/${claim.id}/transition`, { to: 'in_review' });
  await api(`/api/v1/claims/${claim.id}/verdicts`, {
    ratingKey,
    headline,
    explanation: 'Checked against the official statistics.',
    language,
  });
  if (publish) await api(`/api/v1/claims/${claim.id}/transition`, { to: 'published' });
  return claim.id;
}

beforeAll(async () => {
  server = await startServer();
  const login = await fetch(`${server.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  token = ((await login.json()) as { token: string }).token;
  host = createServer((req, res) => {
    const html = pages.get(req.url ?? '');
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  const port = await freePort();
  await new Promise<void>((ok) => host.listen(port, '127.0.0.1', ok));
  hostOrigin = `http://localhost:${port}`;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((ok) => (host ? host.close(() => ok()) : ok()));
  await server?.stop();
});

/** What a new reader of the partner page sees in the card (nothing in the browser cache). */
async function partnerCard(id: string): Promise<{ pill: string | null; headline: string | null }> {
  const s = embedSnippets(server.origin, id);
  pages.set(
    `/post-${id}.html`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A partner</title></head><body><p>${s.badgeHtml}</p>${s.iframe}</body></html>`,
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${hostOrigin}/post-${id}.html`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame!.waitForSelector('.cd-pill');
  const result = {
    pill: await frame!.textContent('.cd-pill'),
    headline: await frame!.textContent('.cd-headline'),
  };
  await context.close();
  return result;
}

async function publicPage(id: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${server.origin}/claims/${id}?lang=en`);
  return { status: res.status, html: await res.text() };
}

/** Full-page screenshots at 1280 and 390 px, with axe on the wide one. */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = screenshotDir();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(dir, `${name}-1280.png`), fullPage: true });
  const violations = await checkA11y(page);
  expect(violations, `${name}: ${JSON.stringify(violations)}`).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(dir, `${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('corrections in the browser', () => {
  it('keeps partners and readers on the published verdict while a draft exists, then swaps it in', async () => {
    const id = await claimWithVerdict(
      'Wheat exports rose by 40% in 2025',
      'en',
      'false',
      'Wheat exports did not rise by 40%',
    );
    expect(await partnerCard(id)).toEqual({
      pill: 'False',
      headline: 'Wheat exports did not rise by 40%',
    });

    const { context, page } = await signedIn(browser, server.origin, EDITOR);
    await page.goto(`${server.origin}/desk/claims/${id}`);
    await switchLanguage(page, 'en'); // the demo editor reads the desk in Arabic
    expect(await page.textContent('#edit')).toContain('Start a correction to change');
    await Promise.all([
      page.waitForURL(/ok=draft/),
      page.click('#publication form[action$="/draft"] button'),
    ]);
    await page.selectOption('#v-rating', 'mostly-true');
    await page.fill('#v-headline', 'Wheat exports rose by 38%');
    await page.fill('#v-explanation', 'The customs office revised its 2025 table.');
    await Promise.all([page.waitForURL(/ok=saved/), page.click('#verdict button[type=submit]')]);
    expect(await page.textContent('#publication')).toContain(
      'Correction draft — readers still see the published version (version 1)',
    );
    expect(await page.textContent('#publication')).toContain('Wheat exports rose by 38%');
    await shoot(page, 'desk-publication-draft');
    await switchLanguage(page, 'ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await shoot(page, 'desk-publication-draft-ar');
    await switchLanguage(page, 'en');

    // Partners and readers still see the published verdict; the page never 404s.
    expect(await partnerCard(id)).toEqual({
      pill: 'False',
      headline: 'Wheat exports did not rise by 40%',
    });
    let pub = await publicPage(id);
    expect(pub.status).toBe(200);
    expect(pub.html).toContain('Wheat exports did not rise by 40%');
    expect(pub.html).not.toContain('Wheat exports rose by 38%');

    await page.click('#publication a[href$="/preview"]');
    await page.waitForURL(/\/preview$/);
    expect(await page.textContent('.preview-banner')).toContain('Preview — not public');
    expect(await page.textContent('main')).toContain('Wheat exports rose by 38%');
    const card = page.frames().find((f) => f.url().includes('/preview/card'));
    expect(card).toBeDefined();
    await card!.waitForSelector('.cd-pill');
    expect(await card!.textContent('.cd-pill')).toBe('Mostly true');
    await shoot(page, 'desk-preview-draft');

    // An empty note is refused with the field error; then the correction goes public.
    await page.goto(`${server.origin}/desk/claims/${id}`);
    await page.fill('#pub-note', 'ab');
    await page.evaluate(() => document.querySelector('#pub-note')!.removeAttribute('minlength'));
    await page.click('#publication button:has-text("Publish correction")');
    await page.waitForSelector('#pub-note[aria-invalid="true"]');
    expect(await page.inputValue('#pub-note')).toBe('ab');
    await page.fill('#pub-note', 'The customs office revised its figures.');
    await Promise.all([
      page.waitForURL(/ok=published/),
      page.click('#publication button:has-text("Publish correction")'),
    ]);
    await context.close();

    expect(await partnerCard(id)).toEqual({
      pill: 'Mostly true',
      headline: 'Wheat exports rose by 38%',
    });
    pub = await publicPage(id);
    expect(pub.status).toBe(200);
    expect(pub.html).toContain('Wheat exports rose by 38%');
    expect(pub.html).toContain('The customs office revised its figures.');

    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    await readerPage.goto(`${server.origin}/claims/${id}?lang=en`);
    await shoot(readerPage, 'public-corrected-en');
    await reader.close();
  }, 180_000);

  it('shows an Arabic correction with its banner and record', async () => {
    const id = await claimWithVerdict(
      'ارتفعت صادرات القمح بنسبة ٤٠٪ خلال عام ٢٠٢٥',
      'ar',
      'false',
      'لم ترتفع الصادرات بنسبة ٤٠٪',
    );
    await api(`/api/v1/claims/${id}/draft`, {});
    await api(`/api/v1/claims/${id}/verdicts`, {
      ratingKey: 'mostly-true',
      headline: 'ارتفعت الصادرات بنسبة ٣٨٪',
      explanation: 'عدّلت مصلحة الجمارك جدول عام ٢٠٢٥.',
      language: 'ar',
    });
    const draft = await fetch(`${server.origin}/api/v1/claims/${id}/draft`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const res = await fetch(`${server.origin}/api/v1/claims/${id}/draft/publish`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
        'If-Match': draft.headers.get('ETag')!,
      },
      body: JSON.stringify({ note: 'صُحح الرقم وفق جدول الجمارك المعدل.' }),
    });
    expect(res.status).toBe(200);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/claims/${id}?lang=ar`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.textContent('main')).toContain('صُحح الرقم وفق جدول الجمارك المعدل.');
    await shoot(page, 'public-corrected-ar');
    await context.close();
  }, 120_000);

  it('publishes through a second editor when the newsroom requires one', async () => {
    const admin = await signedIn(browser, server.origin, ADMIN);
    await admin.page.goto(`${server.origin}/desk/admin/settings`);
    await admin.page.check('input[name=publishNeedsSecondEditor]');
    await Promise.all([
      admin.page.waitForURL(/ok=saved/),
      admin.page.click('form[action="/desk/admin/settings"] button[type=submit]'),
    ]);
    try {
      const id = await claimWithVerdict(
        'Bread prices doubled in one year',
        'en',
        'mostly-false',
        'Bread prices rose by a third',
        false,
      );
      const editor = await signedIn(browser, server.origin, EDITOR);
      await editor.page.goto(`${server.origin}/desk/claims/${id}`);
      await switchLanguage(editor.page, 'en');
      expect(await editor.page.locator('#publication form[action$="/publish"]').count()).toBe(0);
      await Promise.all([
        editor.page.waitForURL(/ok=requested/),
        editor.page.click('#publication button:has-text("Request approval")'),
      ]);
      expect(await editor.page.textContent('#publication')).toContain(
        'Another editor must approve your request.',
      );
      expect(await editor.page.locator('#publication form[action$="/approve"]').count()).toBe(0);
      expect((await publicPage(id)).status).toBe(404);

      await admin.page.goto(`${server.origin}/desk/claims/${id}`);
      expect(await admin.page.textContent('#publication')).toContain('Approval requested by');
      await Promise.all([
        admin.page.waitForURL(/ok=published/),
        admin.page.click('#publication button:has-text("Approve and publish")'),
      ]);
      const pub = await publicPage(id);
      expect(pub.status).toBe(200);
      expect(pub.html).toContain('Bread prices rose by a third');
      const versions = await fetch(`${server.origin}/api/v1/claims/${id}/versions`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const { versions: list } = (await versions.json()) as {
        versions: { editorName: string; approverName: string }[];
      };
      expect(list).toHaveLength(1);
      expect(list[0]!.editorName).not.toBe(list[0]!.approverName);
      await editor.context.close();
    } finally {
      await admin.page.goto(`${server.origin}/desk/admin/settings`);
      await admin.page.uncheck('input[name=publishNeedsSecondEditor]');
      await Promise.all([
        admin.page.waitForURL(/ok=saved/),
        admin.page.click('form[action="/desk/admin/settings"] button[type=submit]'),
      ]);
      await admin.context.close();
    }
  }, 180_000);
});
