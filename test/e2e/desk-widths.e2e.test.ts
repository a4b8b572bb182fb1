/**
 * Every desk page on a 390 × 844 phone, in English and in Arabic: the document is no wider than
 * the viewport and no element sticks out of it (the failure names the offender). The pages are
 * those the desk routers answer with a GET (worker/routes/desk/): queue, inbox, a claim workspace
 * with notes, sources and a verdict, its preview, an article with candidates, ingest, outbox and a
 * message, account (password, e-mail, API tokens, two-step sign-in), admin (users, rating scale,
 * settings and checklist defaults, webhooks and one endpoint, feeds), the sign-in and reset pages
 * and the desk's not-found page. On the workspace the action bar (status and Publish) is in view
 * without scrolling, covers nothing at the end of the page, and its Publish button works without
 * JavaScript. Screenshots: desk-width-<page>-<locale>-390.png.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, liveDesk, signedIn } from './desk-helpers';
import { screenshotDir } from './harness';

const live = liveDesk();
const PHONE = { width: 390, height: 844 };
let token = '';

async function api(path: string, body?: unknown, method?: string): Promise<any> {
  const res = await fetch(`${live.server.origin}${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A claim in review with a long Arabic text, two sources, a verdict and a note (not published). */
async function workClaim(): Promise<string> {
  const { claim } = await api('/api/v1/claims', {
    text: 'قال وزير المالية إن الصادرات ارتفعت بنسبة ٢٥٪ خلال العام الماضي مقارنة بعام ٢٠٢٢، وإن البطالة انخفضت إلى أدنى مستوى لها منذ عشر سنوات بحسب البيانات الرسمية الصادرة عن الجهاز المركزي للإحصاء',
    language: 'ar',
  });
  await api(`/api/v1/claims/${claim.id}/transition`, { to: 'in_review' });
  for (const [url, title] of [
    [
      'https://statistics.example.org/reports/2025/foreign-trade/annual-exports-by-sector-and-destination-with-a-very-long-address',
      'التقرير السنوي للتجارة الخارجية',
    ],
    ['https://ministry.example/press', 'Press release of the ministry of finance'],
  ])
    await api(`/api/v1/claims/${claim.id}/sources`, {
      url,
      title,
      publisher: 'Statistics office',
      excerpt: 'Exports rose by 11% in 2025, not 25%.',
      stance: 'refutes',
    });
  await api(`/api/v1/claims/${claim.id}/verdicts`, {
    ratingKey: 'mostly-false',
    headline: 'ارتفعت الصادرات ١١٪ لا ٢٥٪',
    explanation:
      'بحسب الجهاز المركزي للإحصاء ارتفعت الصادرات ١١٪ فقط.\n\n- التقرير السنوي\n- https://statistics.example.org/reports/2025/foreign-trade',
    language: 'ar',
  });
  await api(`/api/v1/claims/${claim.id}/notes`, {
    body: '@editor please call the statistics office: their number is in the press release https://ministry.example/press/2025/very-long-address-of-the-release',
  });
  return claim.id;
}

/** What sticks out of a 390 px viewport: the document's width and each element past its edges. */
function measure(page: Page) {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const name = (el: Element) =>
      el.tagName.toLowerCase() +
      (el.id ? `#${el.id}` : '') +
      Array.from(el.classList)
        .map((c) => `.${c}`)
        .join('');
    const path = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4;) {
        parts.unshift(name(e));
        e = e.parentElement;
      }
      return parts.join(' > ');
    };
    // Inside a box that scrolls or clips sideways (a wide table, the section tabs) is fine: that
    // box is measured itself.
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const offenders: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue; // nothing to see (or visually hidden)
      if (r.right <= vw + 0.5 && r.left >= -0.5) continue;
      // A skip link parked off-screen until focused (the public layout's) makes no page wider.
      if (getComputedStyle(el).position === 'absolute' && (r.right <= 0 || r.left >= vw)) continue;
      if (insideScroller(el)) continue;
      offenders.push(`${path(el)} [${Math.round(r.left)}…${Math.round(r.right)}]`);
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: vw,
      offenders: offenders.slice(0, 5),
    };
  });
}

interface DeskPage {
  name: string;
  path: (locale: 'en' | 'ar') => string;
  /** Expected answer (200 unless said). */
  status?: number;
  /** Needs no session (opened in a signed-out context). */
  anonymous?: boolean;
}

const ids = { work: '', article: '', webhook: '', outboxPath: '' };

const PAGES: DeskPage[] = [
  { name: 'queue', path: () => '/desk' },
  { name: 'queue-all', path: () => '/desk?status=all&sort=score' },
  { name: 'inbox', path: () => '/desk/inbox' },
  { name: 'workspace', path: () => `/desk/claims/${ids.work}` },
  // The preview is the public page as readers see it: in the language the reader picks.
  { name: 'preview', path: (locale) => `/desk/claims/${ids.work}/preview?lang=${locale}` },
  { name: 'ingest', path: () => '/desk/articles/new' },
  { name: 'article', path: () => `/desk/articles/${ids.article}` },
  { name: 'outbox', path: () => '/desk/outbox' },
  { name: 'outbox-message', path: () => ids.outboxPath },
  { name: 'password', path: () => '/desk/account/password' },
  { name: 'email-prefs', path: () => '/desk/account/email' },
  { name: 'tokens', path: () => '/desk/account/tokens' },
  { name: 'two-factor', path: () => '/desk/account/two-factor' },
  { name: 'users', path: () => '/desk/admin/users' },
  { name: 'ratings', path: () => '/desk/admin/ratings' },
  { name: 'settings-checklist', path: () => '/desk/admin/settings' },
  { name: 'webhooks', path: () => '/desk/admin/webhooks' },
  { name: 'webhook', path: () => `/desk/admin/webhooks/${ids.webhook}` },
  { name: 'feeds', path: () => '/desk/admin/feeds' },
  { name: 'not-found', path: () => '/desk/no-such-page', status: 404 },
  { name: 'sign-in', path: () => '/desk/sign-in', anonymous: true },
  { name: 'reset', path: () => '/desk/reset/not-a-real-reset-link', anonymous: true, status: 404 },
];

beforeAll(async () => {
  const login = await fetch(`${live.server.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  token = ((await login.json()) as { token: string }).token;
  ids.work = await workClaim();
  const article = await api('/api/v1/articles', {
    title: 'التضخم في سبتمبر: أرقام الوزارة والبنك المركزي',
    text: [
      'أعلنت وزارة الاقتصاد يوم الاثنين أن معدل التضخم السنوي بلغ ١٤٪ في شهر سبتمبر، وهو أعلى مستوى منذ عام ٢٠٠٨.',
      'وقال وزير المالية خالد منصور إن «الصادرات ارتفعت بنسبة ٢٥٪ خلال العام الماضي مقارنة بعام ٢٠٢٢».',
      'وأضاف أن الحكومة خصصت ٣ مليارات دولار لدعم أسعار الخبز والوقود حتى نهاية العام.',
    ].join('\n\n'),
  });
  ids.article = article.article.id;
  const hook = await api('/api/v1/webhooks', {
    url: 'https://partner.example/hooks/claimdesk/receive-every-published-fact-check',
    description: 'Partner newsroom: every published fact-check, in their CMS',
    events: ['claim.published'],
  });
  ids.webhook = hook.id;
  await api('/api/v1/monitored-feeds', {
    url: 'https://news.example/feeds/economy/arabic/all-articles-of-the-economy-desk.xml',
    title: 'الاقتصاد',
  });
}, 120_000);

describe.each(['en', 'ar'] as const)('every desk page at 390 px (%s)', (locale) => {
  let signed: { context: BrowserContext; page: Page };
  let anonymous: BrowserContext;

  beforeAll(async () => {
    signed = await signedIn(live.browser, live.server.origin, ADMIN);
    await signed.page.setViewportSize(PHONE);
    // (switchLanguage() polls with expect, which only runs inside a test.)
    await signed.page.selectOption('#ui-lang', locale);
    await Promise.all([
      signed.page.waitForURL(() => true),
      signed.page.click('form.lang-switch button[type=submit]'),
    ]);
    await signed.page.waitForSelector(`html[lang="${locale}"]`);
    anonymous = await live.browser.newContext({
      viewport: PHONE,
      locale: locale === 'ar' ? 'ar' : 'en-GB',
      extraHTTPHeaders: { 'Accept-Language': locale },
    });
    // The mention in the workspace note sends the editor an e-mail (queued, then delivered to the
    // local outbox): wait for it to be listed.
    for (let i = 0; !ids.outboxPath && i < 30; i++) {
      await signed.page.goto(`${live.server.origin}/desk/outbox`);
      const link = signed.page.locator('a[href^="/desk/outbox/"]');
      if ((await link.count()) > 0) ids.outboxPath = (await link.first().getAttribute('href'))!;
      else await new Promise((ok) => setTimeout(ok, 1000));
    }
    if (!ids.outboxPath) throw new Error('no message reached the local outbox');
  }, 90_000);

  afterAll(async () => {
    await signed?.context.close();
    await anonymous?.close();
  });

  it.each(PAGES)('$name is no wider than the phone', async (p) => {
    const page = p.anonymous ? await anonymous.newPage() : signed.page;
    const res = await page.goto(`${live.server.origin}${p.path(locale)}`);
    expect(res?.status(), p.path(locale)).toBe(p.status ?? 200);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    const m = await measure(page);
    expect(m.offenders, `${p.name} (${locale}): elements past the viewport`).toEqual([]);
    expect(m.scrollWidth, `${p.name} (${locale}) scrollWidth`).toBeLessThanOrEqual(m.innerWidth);
    await page.screenshot({
      path: join(screenshotDir(), `desk-width-${p.name}-${locale}-390.png`),
      fullPage: true,
    });
    if (p.anonymous) await page.close();
  });

  it('keeps status and Publish of the workspace in view, covering nothing at the end', async () => {
    const { page } = signed;
    await page.goto(`${live.server.origin}/desk/claims/${ids.work}`);
    const bar = page.locator('.action-bar');
    const first = await page.evaluate(() => {
      const el = document.querySelector('.action-bar')!;
      const r = el.getBoundingClientRect();
      return {
        position: getComputedStyle(el).position,
        top: r.top,
        bottom: r.bottom,
        height: window.innerHeight,
        pageHeight: document.documentElement.scrollHeight,
      };
    });
    await page.screenshot({ path: join(screenshotDir(), `workspace-bar-${locale}-390.png`) });
    expect(first.position).toBe('sticky');
    // In view on the first screen, though the page is several screens long.
    expect(first.pageHeight).toBeGreaterThan(2 * first.height);
    expect(first.top).toBeGreaterThanOrEqual(0);
    expect(first.bottom).toBeLessThanOrEqual(first.height);
    expect(await bar.locator('button[form="publish-form"]').isVisible()).toBe(true);
    expect(await bar.locator('form[action$="/status"] button').first().isVisible()).toBe(true);
    // At the end of the page the bar sits under the audit trail instead of over it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const end = await page.evaluate(() => ({
      bar: document.querySelector('.action-bar')!.getBoundingClientRect().top,
      audit: document.querySelector('#audit')!.getBoundingClientRect().bottom,
    }));
    expect(end.bar).toBeGreaterThanOrEqual(end.audit);
  });
});

describe('the workspace action bar', () => {
  it('is the side panel on a wide screen, without the phone-only Publish button', async () => {
    const { context, page } = await signedIn(live.browser, live.server.origin, ADMIN);
    await page.goto(`${live.server.origin}/desk/claims/${ids.work}`);
    await page.screenshot({ path: join(screenshotDir(), 'workspace-en-1280.png') });
    expect(await page.locator('.action-bar').evaluate((el) => getComputedStyle(el).position)).toBe(
      'static',
    );
    expect(await page.locator('.action-bar button[form="publish-form"]').isVisible()).toBe(false);
    expect(await page.locator('#publication form#publish-form button').isVisible()).toBe(true);
    await context.close();
  });

  it('publishes from the phone bar without JavaScript', async () => {
    const context = await live.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${live.server.origin}/desk/sign-in`);
    await page.fill('#email', ADMIN.email);
    await page.fill('#password', ADMIN.password);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/desk/sign-in')),
      page.click('form[action="/desk/sign-in"] button[type=submit]'),
    ]);
    await page.goto(`${live.server.origin}/desk/claims/${ids.work}`);
    await Promise.all([
      page.waitForURL(/ok=published/),
      page.click('.action-bar button[form="publish-form"]'),
    ]);
    expect(await page.locator('.claim-head .badge').getAttribute('class')).toContain(
      'status-published',
    );
    await context.close();
  });
});
