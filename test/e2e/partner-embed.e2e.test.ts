/**
 * A partner site in a real browser (issue 12): a light-themed page on another origin (a tiny local
 * HTTP server) embeds the card with the iframe snippet of the "Embed this" box. A reader in dark
 * mode still sees a light card; in a 300 px sidebar and on a 390 px phone the iframe sizes itself
 * to the whole card (no inner scrollbar, nothing cut); `theme=dark` gives a dark card; a claim
 * retracted and removed by an admin shows the neutral "removed" card. Screenshots go to
 * $SHOTS_DIR (else the harness's folder).
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { embedSnippets } from '../../worker/embeds/snippets';
import { freePort, launchBrowser, screenshotDir, startServer } from './harness';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let host: Server;
let hostOrigin: string;
let token = '';
const pages = new Map<string, string>();
const claims = { en: '', ar: '', gone: '' };
let shots = '';

async function api(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<any> {
  const res = await fetch(`${server.origin}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function publishedClaim(text: string, language: string, headline: string): Promise<string> {
  const { claim } = await api('/api/v1/claims', { text, language });
  await api(`/api/v1/claims/${claim.id}/transition`, { to: 'in_review' });
  await api(`/api/v1/claims/${claim.id}/verdicts`, {
    ratingKey: 'mostly-false',
    headline,
    explanation: 'Checked against the official statistics.',
    language,
  });
  await api(`/api/v1/claims/${claim.id}/transition`, { to: 'published' });
  return claim.id;
}

beforeAll(async () => {
  server = await startServer();
  const login = await fetch(`${server.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@claimdesk.local', password: 'claimdesk-demo' }),
  });
  token = ((await login.json()) as { token: string }).token;
  claims.en = await publishedClaim(
    'The new tram line carried more passengers in its first month than all the city buses did in a whole year, according to the transport minister speaking on the radio',
    'en',
    'The tram carried about a tenth of the buses’ yearly passengers',
  );
  claims.ar = await publishedClaim(
    'قالت الوزيرة إن خط الترام الجديد نقل في شهره الأول ركابًا أكثر مما نقلته حافلات المدينة كلها في عام كامل',
    'ar',
    'نقل الترام نحو عُشر ركاب الحافلات السنويين',
  );
  claims.gone = await publishedClaim(
    'The harbour handled twice as many ships in 2025 as in 2024',
    'en',
    'The number of ships rose by a fifth',
  );
  const current = await fetch(`${server.origin}/api/v1/claims/${claims.gone}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const { claim } = await api(
    `/api/v1/claims/${claims.gone}/retract`,
    { note: 'The harbour statistics we used were misprinted.' },
    { 'If-Match': current.headers.get('ETag') ?? '' },
  );
  await api(
    `/api/v1/claims/${claims.gone}/removal`,
    { reason: 'A court ordered the page taken down.' },
    { 'If-Match': `"v${claim.version}"` },
  );

  host = createServer((req, res) => {
    const html = pages.get(req.url ?? '');
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  const port = await freePort();
  await new Promise<void>((ok) => host.listen(port, '127.0.0.1', ok));
  hostOrigin = `http://localhost:${port}`; // another origin than the Worker's
  browser = await launchBrowser();
  shots = process.env.SHOTS_DIR ?? screenshotDir();
  mkdirSync(shots, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((ok) => (host ? host.close(() => ok()) : ok()));
  await server?.stop();
});

/** A light partner page: it declares `color-scheme: light`, white background, a sidebar column. */
function partnerPage(path: string, article: string, sidebar: string, lang = 'en'): string {
  pages.set(
    path,
    `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light">
<link rel="icon" href="data:,"><title>Partner news</title>
<style>
:root{color-scheme:light}
body{margin:0;background:#fff;color:#222;font-family:sans-serif}
.wrap{display:flex;gap:24px;max-width:1100px;margin:0 auto;padding:16px;align-items:flex-start}
main{flex:1;min-width:0}
aside{flex:0 0 300px;width:300px;box-sizing:border-box;background:#f6f6f1;padding:0}
@media (max-width:700px){.wrap{display:block;padding:12px}aside{width:auto}}
</style></head><body><div class="wrap"><main>${article}</main><aside>${sidebar}</aside></div></body></html>`,
  );
  return `${hostOrigin}${path}`;
}

const ARTICLE = '<h1>City news</h1><p>The transport minister spoke on the radio this morning.</p>';

/** The card frame of a claim, once the widget has sized its iframe. */
async function sizedCard(page: Page, claimId: string): Promise<Frame> {
  await page.waitForFunction(
    () => {
      const f = document.querySelector('iframe[data-claimdesk-frame]');
      return f !== null && f.getAttribute('scrolling') === 'no';
    },
    undefined,
    { timeout: 20_000 },
  );
  const frame = page.frames().find((f) => f.url().startsWith(`${server.origin}/embed/${claimId}`));
  if (!frame) throw new Error('no card frame');
  return frame;
}

/** Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((n) => Number(n) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** Everything about the fit of the card inside its iframe, measured in both documents. */
async function fit(page: Page, frame: Frame) {
  const outer = await page.evaluate(() => {
    const f = document.querySelector('iframe[data-claimdesk-frame]')!;
    const r = f.getBoundingClientRect();
    return {
      width: r.width,
      height: f.clientHeight,
      pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
  const inner = await frame.evaluate(() => {
    const d = document.documentElement;
    const link = document.querySelector('.cd a')!.getBoundingClientRect();
    const card = document.querySelector('.cd')!.getBoundingClientRect();
    return {
      contentHeight: Math.ceil(d.scrollHeight),
      viewportHeight: window.innerHeight,
      overflowX: d.scrollWidth - d.clientWidth,
      overflowY: d.scrollHeight - d.clientHeight,
      linkBottom: link.bottom,
      cardBottom: card.bottom,
      cardRight: card.right,
      viewportWidth: window.innerWidth,
      background: getComputedStyle(document.querySelector('.cd')!).backgroundColor,
    };
  });
  return { outer, inner };
}

describe('the card on a partner page', () => {
  test('a reader in dark mode sees a light card on a light partner page (default theme)', async () => {
    const s = embedSnippets(server.origin, claims.en);
    const url = partnerPage('/dark-reader.html', ARTICLE, s.iframe);
    const context = await browser.newContext({
      colorScheme: 'dark',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(url);
    const frame = await sizedCard(page, claims.en);
    expect(await frame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
      true,
    );
    const { inner } = await fit(page, frame);
    expect(luminance(inner.background)).toBeGreaterThan(0.8);
    const text = await frame.evaluate(() => getComputedStyle(document.body).color);
    expect(luminance(text)).toBeLessThan(0.2);
    await page.screenshot({ path: join(shots, 'partner-dark-reader-light-card-1280.png') });
    await context.close();
  });

  for (const [name, viewport, lang] of [
    ['300px-sidebar', { width: 1280, height: 900 }, 'en'],
    ['390px-phone', { width: 390, height: 844 }, 'en'],
    ['390px-phone-ar', { width: 390, height: 844 }, 'ar'],
  ] as const) {
    test(`the whole card shows: ${name}`, async () => {
      const id = lang === 'ar' ? claims.ar : claims.en;
      const s = embedSnippets(server.origin, id, { lang });
      const url = partnerPage(`/${name}.html`, ARTICLE, s.iframe, lang);
      const context = await browser.newContext({ viewport, colorScheme: 'dark' });
      const page = await context.newPage();
      await page.goto(url);
      const frame = await sizedCard(page, id);
      const { outer, inner } = await fit(page, frame);
      // The iframe fits its column, and the partner page does not scroll sideways.
      expect(outer.width).toBeLessThanOrEqual(viewport.width === 390 ? 390 - 24 : 300);
      expect(outer.pageScroll).toBeLessThanOrEqual(0);
      // Self-sized: as tall as the card's document, no inner scrolling either way.
      expect(outer.height).toBeGreaterThanOrEqual(inner.contentHeight);
      expect(inner.overflowY).toBeLessThanOrEqual(0);
      expect(inner.overflowX).toBeLessThanOrEqual(0);
      // Nothing cut: the card and its last line (the link) are inside the iframe's viewport.
      expect(inner.cardBottom).toBeLessThanOrEqual(inner.viewportHeight);
      expect(inner.linkBottom).toBeLessThanOrEqual(inner.viewportHeight);
      expect(inner.cardRight).toBeLessThanOrEqual(inner.viewportWidth);
      expect(luminance(inner.background)).toBeGreaterThan(0.8);
      const aside = await page.$('aside');
      await (aside ?? page).screenshot({ path: join(shots, `partner-${name}.png`) });
      await context.close();
    });
  }

  test('theme=dark gives a dark card, whatever the reader prefers', async () => {
    const base = embedSnippets(server.origin, claims.en);
    const card = `${server.origin}/embed/${claims.en}?theme=dark`;
    const s = embedSnippets(server.origin, claims.en, {
      src: { card, badge: `${server.origin}/badge/${claims.en}.svg` },
    });
    expect(s.iframe).not.toBe(base.iframe);
    const url = partnerPage('/dark-theme.html', ARTICLE, s.iframe);
    const context = await browser.newContext({
      colorScheme: 'light',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(url);
    const frame = await sizedCard(page, claims.en);
    const { outer, inner } = await fit(page, frame);
    expect(luminance(inner.background)).toBeLessThan(0.05);
    expect(outer.height).toBeGreaterThanOrEqual(inner.contentHeight);
    await page.screenshot({ path: join(shots, 'partner-theme-dark-1280.png') });
    await context.close();
  });

  test('a retracted-and-removed claim shows the neutral "removed" card; its page is a 410 in Arabic', async () => {
    const s = embedSnippets(server.origin, claims.gone, { lang: 'ar' });
    const url = partnerPage('/removed.html', ARTICLE, s.iframe, 'ar');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(url);
    const frame = await sizedCard(page, claims.gone);
    const text = await frame.evaluate(() => document.body.innerText);
    expect(text).toContain('سحبنا هذا التحقق وأزلناه من موقعنا.');
    expect(text).not.toContain('harbour');
    const { outer, inner } = await fit(page, frame);
    expect(outer.height).toBeGreaterThanOrEqual(inner.contentHeight);
    await (await page.$('aside'))!.screenshot({ path: join(shots, 'partner-removed-card-ar.png') });

    for (const [lang, width] of [
      ['ar', 390],
      ['ar', 1280],
      ['en', 390],
      ['en', 1280],
    ] as const) {
      const gone = await context.newPage();
      await gone.setViewportSize({ width, height: 900 });
      const res = await gone.goto(`${server.origin}/claims/${claims.gone}?lang=${lang}`);
      expect(res?.status()).toBe(410);
      expect(await gone.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(
        await gone.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBeLessThanOrEqual(0);
      await gone.screenshot({
        path: join(shots, `removed-410-${lang}-${width}.png`),
        fullPage: true,
      });
      await gone.close();
    }
    await context.close();
  });
});
