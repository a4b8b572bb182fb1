/**
 * Embeds on another origin, in a real browser: a plain page served by a tiny Node server on a
 * different port embeds the badge <img>, the card iframe and the script widget from `wrangler dev`.
 * Screenshots go to the folder screenshotDir() prints.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EMBED_SCRIPT } from '../../worker/embeds/embed-manifest';
import { embedSnippets } from '../../worker/embeds/snippets';
import { checkA11y, freePort, launchBrowser, screenshotDir, startServer } from './harness';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let host: Server;
let hostOrigin: string;
const pages = new Map<string, string>();
const claims: Record<'en' | 'ar' | 'fr' | 'long' | 'fix', string> = {
  en: '',
  ar: '',
  fr: '',
  long: '',
  fix: '',
};
let adminToken = '';

async function api(
  path: string,
  token: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<any> {
  const res = await fetch(`${server.origin}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function publishedClaim(
  token: string,
  text: string,
  language: string,
  ratingKey: string,
  headline: string,
): Promise<string> {
  const { claim } = await api('/api/v1/claims', token, { text, language });
  await api(`/api/v1/claims/${claim.id}/transition`, token, { to: 'in_review' });
  await api(`/api/v1/claims/${claim.id}/verdicts`, token, {
    ratingKey,
    headline,
    explanation: 'Checked against the official statistics.',
    language,
  });
  await api(`/api/v1/claims/${claim.id}/transition`, token, { to: 'published' });
  return claim.id;
}

beforeAll(async () => {
  server = await startServer();
  const login = await fetch(`${server.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@claimdesk.local', password: 'claimdesk-demo' }),
  });
  const { token } = (await login.json()) as { token: string };
  adminToken = token;
  claims.en = await publishedClaim(
    token,
    'Unemployment fell to 3% in 2025, the lowest in fifty years',
    'en',
    'mostly-false',
    'Unemployment did not fall to 3%',
  );
  claims.ar = await publishedClaim(
    token,
    'ارتفعت صادرات القمح بنسبة ٤٠٪ خلال عام ٢٠٢٥',
    'ar',
    'mostly-true',
    'ارتفعت الصادرات لكن بنسبة أقل',
  );
  claims.fr = await publishedClaim(
    token,
    'Le prix du pain a doublé en un an',
    'fr',
    'unproven',
    "Aucune donnée ne l'établit",
  );
  claims.long = await publishedClaim(
    token,
    `${'The new bridge over the river cost more than the whole annual budget of the ministry of transport, '.repeat(2)}according to the minister.`,
    'en',
    'misleading',
    'The bridge cost less than the budget',
  );
  claims.fix = await publishedClaim(
    token,
    'The city planted one million trees in 2025',
    'en',
    'false',
    'Far fewer trees were planted',
  );
  host = createServer((req, res) => {
    const html = pages.get(req.url ?? '');
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  const port = await freePort();
  await new Promise<void>((ok) => host.listen(port, '127.0.0.1', ok));
  // Another origin than the Worker's: a different host name and port.
  hostOrigin = `http://localhost:${port}`;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((ok) => (host ? host.close(() => ok()) : ok()));
  await server?.stop();
});

function hostPage(path: string, body: string, lang = 'en'): string {
  pages.set(
    path,
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A blog post</title>
<style>body{font-family:sans-serif;max-width:640px;margin:24px auto;padding:0 12px}</style></head><body>${body}</body></html>`,
  );
  return `${hostOrigin}${path}`;
}

async function widgetHeight(page: Page): Promise<number> {
  return page.evaluate(
    () => document.querySelector('.claimdesk-embed')?.getBoundingClientRect().height ?? -1,
  );
}

describe('embeds on another origin', () => {
  test('badge <img>, card iframe and script widget render, and the widget sizes its iframe', async () => {
    const s = embedSnippets(server.origin, claims.en);
    const url = hostPage(
      '/post.html',
      `<h1>My post</h1><p>Badge: ${s.badgeHtml}</p><h2>Iframe</h2>${s.iframe}<h2>Widget</h2>${s.script}<p>After the widget.</p>`,
    );
    const context = await browser.newContext({ viewport: { width: 800, height: 1100 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(url);
    await page.waitForSelector('blockquote.claimdesk[data-claimdesk="loaded"]', {
      state: 'attached',
      timeout: 20_000,
    });

    const img = await page.evaluate(() => {
      const i = document.querySelector('img')!;
      return { complete: i.complete, w: i.naturalWidth, h: i.naturalHeight };
    });
    expect(img.complete).toBe(true);
    expect(img.h).toBe(20);
    expect(img.w).toBeGreaterThan(100);

    const cardFrames = page
      .frames()
      .filter((f) => f.url().startsWith(`${server.origin}/embed/${claims.en}`));
    expect(cardFrames).toHaveLength(2); // the plain iframe and the widget's
    for (const f of cardFrames) {
      expect(await f.textContent('blockquote')).toContain('Unemployment fell to 3%');
      expect(await f.textContent('.cd-pill')).toBe('Mostly false');
    }
    // The widget replaced the fallback with the card and sized its iframe to the card's height.
    expect(await page.isHidden('blockquote.claimdesk')).toBe(true);
    const height = await widgetHeight(page);
    const contentHeight = await cardFrames[1]!.evaluate(() =>
      Math.ceil(document.documentElement.getBoundingClientRect().height),
    );
    expect(height).toBeGreaterThan(120);
    expect(Math.abs(height - contentHeight)).toBeLessThanOrEqual(1);
    expect(problems).toEqual([]);

    const dir = screenshotDir();
    await page.screenshot({ path: join(dir, 'embeds-other-origin-light.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(dir, 'embeds-other-origin-dark.png'), fullPage: true });
    await context.close();
  });

  test('the widget iframe follows the card when the page narrows, and the no-JS fallback stays without script', async () => {
    const s = embedSnippets(server.origin, claims.long);
    const url = hostPage('/long.html', `<p>Intro.</p>${s.script}<p>Outro.</p>`);
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('blockquote.claimdesk[data-claimdesk="loaded"]', {
      state: 'attached',
      timeout: 20_000,
    });
    const wide = await widgetHeight(page);
    await page.setViewportSize({ width: 340, height: 900 });
    await page.waitForFunction(
      (h) =>
        (document.querySelector('.claimdesk-embed')?.getBoundingClientRect().height ?? 0) > h + 40,
      wide,
      { timeout: 10_000 },
    );
    const narrow = await widgetHeight(page);
    expect(narrow).toBeGreaterThan(wide + 40);
    await page.screenshot({
      path: join(screenshotDir(), 'embeds-widget-narrow.png'),
      fullPage: true,
    });
    await context.close();

    // A blockquote added after load (single-page apps) is mounted too.
    const late = await browser.newContext();
    const spa = await late.newPage();
    await spa.goto(
      hostPage(
        '/late.html',
        `<div id="feed"></div><script async src="${server.origin}${EMBED_SCRIPT.path}" integrity="${EMBED_SCRIPT.integrity}" crossorigin="anonymous"></script>`,
      ),
    );
    await spa.waitForLoadState('load');
    await spa.evaluate((id) => {
      const q = document.createElement('blockquote');
      q.className = 'claimdesk';
      q.setAttribute('data-claim', id);
      q.textContent = 'Fact check';
      document.getElementById('feed')!.appendChild(q);
    }, claims.en);
    await spa.waitForSelector('blockquote.claimdesk[data-claimdesk="loaded"]', {
      state: 'attached',
      timeout: 20_000,
    });
    expect(await widgetHeight(spa)).toBeGreaterThan(120);
    await late.close();

    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(url);
    expect(await plain.isVisible('blockquote.claimdesk')).toBe(true);
    expect(await plain.textContent('blockquote.claimdesk')).toContain('Fact check');
    await noJs.close();
  });

  test('a correction published through the API shows at once on the other origin (new reader)', async () => {
    const s = embedSnippets(server.origin, claims.fix);
    const url = hostPage('/fix.html', `<p>${s.badgeHtml}</p>${s.iframe}${s.script}`);
    const read = async () => {
      const context = await browser.newContext(); // a new reader: nothing in the browser cache
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('blockquote.claimdesk[data-claimdesk="loaded"]', {
        state: 'attached',
        timeout: 20_000,
      });
      const pills = await Promise.all(
        page
          .frames()
          .filter((f) => f.url().includes(`/embed/${claims.fix}`))
          .map((f) => f.textContent('.cd-pill')),
      );
      const badgeWidth = await page.evaluate(() => document.querySelector('img')!.naturalWidth);
      return { context, page, pills, badgeWidth };
    };
    const before = await read();
    expect(before.pills).toEqual(['False', 'False']);
    await before.context.close();
    const badgeBefore = await (await fetch(`${server.origin}/badge/${claims.fix}.json`)).json();
    expect(badgeBefore).toMatchObject({ message: 'False' });

    // A correction: a draft beside the published verdict, then published with its public note.
    await api(`/api/v1/claims/${claims.fix}/draft`, adminToken, {});
    await api(`/api/v1/claims/${claims.fix}/verdicts`, adminToken, {
      ratingKey: 'mostly-true',
      headline: 'Most of the trees were planted',
      explanation: 'The parks department published its planting records.',
      language: 'en',
    });
    await api(
      `/api/v1/claims/${claims.fix}/draft/publish`,
      adminToken,
      { note: 'Corrected after the parks department published its records.' },
      { 'If-Match': '*' },
    );
    const after = await read();
    expect(after.pills).toEqual(['Mostly true', 'Mostly true']);
    expect(after.badgeWidth).toBeGreaterThan(before.badgeWidth);
    expect(await (await fetch(`${server.origin}/badge/${claims.fix}.json`)).json()).toMatchObject({
      message: 'Mostly true',
      color: '4d8f29',
    });
    await after.page.screenshot({
      path: join(screenshotDir(), 'embeds-after-correction.png'),
      fullPage: true,
    });
    await after.context.close();
  });

  test('an Arabic card reads right to left', async () => {
    const s = embedSnippets(server.origin, claims.ar);
    const url = hostPage('/ar.html', `<div dir="rtl">${s.script}</div>`, 'ar');
    const page = await browser.newPage({ viewport: { width: 640, height: 500 } });
    await page.goto(url);
    await page.waitForSelector('blockquote.claimdesk[data-claimdesk="loaded"]', {
      state: 'attached',
      timeout: 20_000,
    });
    const frame = page.frames().find((f) => f.url().includes(`/embed/${claims.ar}`))!;
    expect(await frame.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    expect(await frame.textContent('.cd-pill')).toBe('صحيح في معظمه');
    await page.screenshot({ path: join(screenshotDir(), 'embeds-card-ar.png'), fullPage: true });
    await page.close();
  });

  test('badges fit their text in every style and language; Arabic is laid out right to left', async () => {
    const sources: string[] = [];
    for (const id of [claims.en, claims.ar, claims.fr, '0000000000000000']) {
      for (const lang of ['en', 'ar', 'fr']) {
        for (const style of ['flat', 'flat-square', 'for-the-badge']) {
          const res = await fetch(`${server.origin}/badge/${id}.svg?lang=${lang}&style=${style}`);
          sources.push(await res.text());
        }
      }
    }
    const page = await browser.newPage({
      viewport: { width: 900, height: 900 },
      deviceScaleFactor: 2,
    });
    await page.setContent(
      `<!doctype html><html><body style="margin:8px;background:#fff">${sources.map((s) => `<div style="margin:4px">${s}</div>`).join('')}</body></html>`,
    );
    const report = await page.evaluate(() => {
      const out: { text: string; ok: boolean; rtlOk: boolean }[] = [];
      for (const svg of Array.from(document.querySelectorAll('svg'))) {
        // Inlined next to each other, ids are page-global: the clip a badge points at must fit it.
        const clipRef = svg
          .querySelector('g[clip-path]')
          ?.getAttribute('clip-path')
          ?.match(/#([^)]+)/)?.[1];
        const clipRect = clipRef
          ? (document.getElementById(clipRef)?.querySelector('rect') as SVGRectElement | null)
          : null;
        if (clipRef && clipRect?.width.baseVal.value !== Number(svg.getAttribute('width')))
          out.push({ text: `clip ${clipRef}`, ok: false, rtlOk: true });
        const rects = Array.from(svg.querySelectorAll('g > rect')).slice(0, 2) as SVGRectElement[];
        for (const t of Array.from(
          svg.querySelectorAll('text:not([aria-hidden])'),
        ) as SVGTextElement[]) {
          const x = Number(t.getAttribute('x'));
          const seg = rects.find(
            (r) => x >= r.x.baseVal.value && x <= r.x.baseVal.value + r.width.baseVal.value,
          )!;
          const box = t.getBBox();
          const ok =
            box.x >= seg.x.baseVal.value + 2 &&
            box.x + box.width <= seg.x.baseVal.value + seg.width.baseVal.value - 2;
          const n = t.getNumberOfChars();
          const arabic = /[\u0600-\u06ff]/.test(t.textContent ?? '');
          const rtlOk =
            !arabic || n < 2 || t.getStartPositionOfChar(0).x > t.getStartPositionOfChar(n - 1).x;
          out.push({ text: t.textContent ?? '', ok, rtlOk });
        }
      }
      return out;
    });
    expect(report.filter((r) => !r.text.startsWith('clip ')).length).toBe(sources.length * 2);
    expect(report.filter((r) => !r.ok)).toEqual([]);
    expect(report.filter((r) => !r.rtlOk)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir(), 'embeds-badges-all.png'), fullPage: true });

    const ar = sources.filter((_, i) => i % 9 >= 3 && i % 9 < 6 && i < 18);
    await page.setContent(
      `<!doctype html><html><body style="margin:8px">${ar.map((s) => `<div style="margin:6px;zoom:3">${s}</div>`).join('')}</body></html>`,
    );
    await page.screenshot({ path: join(screenshotDir(), 'embeds-badges-ar.png'), fullPage: true });
    await page.close();
  });

  test('the card has no serious accessibility violations, light or dark, in English and Arabic', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme });
      for (const path of [
        `/embed/${claims.en}`,
        `/embed/${claims.ar}`,
        `/embed/${claims.fr}?lang=ar`,
        '/embed/0000000000000000',
      ]) {
        await page.goto(`${server.origin}${path}`);
        expect(await checkA11y(page), `${colorScheme} ${path}`).toEqual([]);
      }
      await page.close();
    }
  });

  test('the widget script is served immutable and CORS-enabled, and matches its SRI hash', async () => {
    const hashed = await fetch(`${server.origin}${EMBED_SCRIPT.path}`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(hashed.headers.get('Content-Type')).toContain('javascript');
    const { createHash } = await import('node:crypto');
    expect(
      `sha384-${createHash('sha384')
        .update(Buffer.from(await hashed.arrayBuffer()))
        .digest('base64')}`,
    ).toBe(EMBED_SCRIPT.integrity);
    const latest = await fetch(`${server.origin}/embed.js`);
    expect(latest.headers.get('Cache-Control')).toBe('public, max-age=300');
  });
});
