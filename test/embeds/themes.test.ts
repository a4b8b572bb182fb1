/** Card themes (light by default, dark, auto), their cache keys, and alt/title texts with the rating. */
import { describe, expect, it } from 'vitest';
import { call } from '../helpers';
import { makeClaim } from './fixtures';
import { claimEmbedKeys, embedCacheKey } from '../../worker/embeds/cache';
import { embedFor, embedSnippets } from '../../worker/embeds/snippets';
import { embedWords } from '../../worker/embeds/messages';

const published = () =>
  makeClaim({
    status: 'published',
    text: 'Exports doubled in 2025',
    verdicts: [{ ratingKey: 'mostly-false', headline: 'They rose 4%' }],
  });

describe('card themes', () => {
  it('is light unless asked, dark on request, and auto follows the preferred scheme', async () => {
    const id = await published();
    const light = await (await call(`/embed/${id}`)).text();
    expect(light).toContain(':root{color-scheme:light;--bg:#fff');
    expect(light).not.toContain('prefers-color-scheme');
    expect(await (await call(`/embed/${id}?theme=light`)).text()).toBe(light);
    const dark = await (await call(`/embed/${id}?theme=dark`)).text();
    expect(dark).toContain(':root{color-scheme:dark;--bg:#0d1117');
    expect(dark).not.toContain('prefers-color-scheme');
    const auto = await (await call(`/embed/${id}?theme=auto`)).text();
    expect(auto).toContain(':root{color-scheme:light dark;--bg:#fff');
    expect(auto).toContain('@media (prefers-color-scheme:dark){:root{--bg:#0d1117');
    const bad = await call(`/embed/${id}?theme=purple`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('query.theme');
  });

  it('keys the edge cache by theme, and a purge reaches every theme', async () => {
    const id = await published();
    const res = (t: string) => call(`/embed/${id}${t}`);
    const first = await res('?theme=dark');
    const light = await res('');
    // A dark copy never answers a light request (and the ETags differ).
    expect(await light.text()).not.toContain('color-scheme:dark');
    expect(light.headers.get('ETag')).not.toBe(first.headers.get('ETag'));
    await first.body?.cancel();
    const key = (theme: 'light' | 'dark' | 'auto') =>
      embedCacheKey('https://claimdesk.test', {
        kind: 'card',
        id,
        lang: '',
        style: '',
        pinned: null,
        theme,
      });
    expect(new Set([key('light'), key('dark'), key('auto')]).size).toBe(3);
    const stored = await caches.default.match(key('dark'));
    expect(await stored?.text()).toContain('color-scheme:dark');
    const keys = claimEmbedKeys('https://claimdesk.test', id);
    for (const theme of ['light', 'dark', 'auto'] as const) expect(keys).toContain(key(theme));
    // The badge keys are unchanged (no theme in them).
    expect(keys).toContain(
      embedCacheKey('https://claimdesk.test', {
        kind: 'svg',
        id,
        lang: '',
        style: 'flat',
        pinned: null,
      }),
    );
  });
});

describe('alt and title texts name the rating, in the reader language', () => {
  it('says "Fact check: Mostly false" in en, ar and fr', async () => {
    const id = await published();
    const expected = {
      en: 'Fact check: Mostly false',
      ar: 'تحقق: خاطئ في معظمه',
      fr: 'Vérification\u00a0: plutôt faux',
    } as const;
    for (const lang of ['en', 'ar', 'fr'] as const) {
      const card = await (await call(`/embed/${id}?lang=${lang}`)).text();
      expect(card).toContain(`<title>${expected[lang]} — Exports doubled in 2025</title>`);
      // The page's "Embed this" box shows the snippets as text (escaped once more): the card's
      // iframe title by default, the badge's alt when the badge is chosen.
      const page = await (await call(`/claims/${id}?lang=${lang}`)).text();
      expect(page).toContain(`title=&quot;${expected[lang]}&quot;`);
      const badge = await (await call(`/claims/${id}?lang=${lang}&estyle=badge`)).text();
      expect(badge).toContain(`alt=&quot;${expected[lang]}&quot;`);
    }
    const s = embedSnippets('https://fc.example.org', id, { lang: 'ar', rating: 'خاطئ في معظمه' });
    expect(s.badgeHtml).toContain('alt="تحقق: خاطئ في معظمه"');
    expect(s.iframe).toContain('title="تحقق: خاطئ في معظمه"');
    expect(s.script).toContain('data-lang="ar"><a href="https://fc.example.org/claims/');
    expect(s.script).toContain('>تحقق: خاطئ في معظمه</a></blockquote>');
    expect(embedFor('https://fc.example.org', id, 'fr', 'Plutôt faux').embed[0]!.code).toContain(
      'alt="Vérification\u00a0: plutôt faux"',
    );
    // A hostile label is escaped.
    expect(embedSnippets('https://x.example', id, { rating: '"><img src=x>' }).badgeHtml).toContain(
      'alt="Fact check: &quot;&gt;&lt;img src=x&gt;"',
    );
  });

  it('writes the Arabic byline as a noun phrase, the organisation isolated', async () => {
    expect(embedWords('ar').by).toBe('من إعداد');
    const id = await published();
    const card = await (await call(`/embed/${id}?lang=ar`)).text();
    expect(card).toMatch(/<span class="cd-org">من إعداد <bdi>[^<]+<\/bdi><\/span>/);
    expect(card).not.toContain('تحقق من ');
  });
});
