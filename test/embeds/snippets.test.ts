import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { EMBED_SCRIPT } from '../../worker/embeds/embed-manifest';
import { embedFor, embedSnippets } from '../../worker/embeds/snippets';

describe('embed snippets for the claim page', () => {
  it('gives badge Markdown/HTML, an iframe and the SRI-pinned script', () => {
    const s = embedSnippets('https://fc.example.org/', 'k3m9x2p7q4r8t1v5');
    expect(s.badgeMarkdown).toBe(
      '[![Fact check](https://fc.example.org/badge/k3m9x2p7q4r8t1v5.svg)](https://fc.example.org/claims/k3m9x2p7q4r8t1v5)',
    );
    expect(s.badgeHtml).toBe(
      '<a href="https://fc.example.org/claims/k3m9x2p7q4r8t1v5"><img src="https://fc.example.org/badge/k3m9x2p7q4r8t1v5.svg" alt="Fact check" height="20"></a>',
    );
    // The iframe starts tall enough for a typical card at 300 px and the widget script sizes it.
    expect(s.iframe).toContain(
      '<iframe src="https://fc.example.org/embed/k3m9x2p7q4r8t1v5" width="550" height="380" title="Fact check"',
    );
    expect(s.iframe).toContain('data-claimdesk-frame style="border:0;width:100%;max-width:550px">');
    expect(s.iframe).toContain(`<script async src="https://fc.example.org${EMBED_SCRIPT.path}"`);
    expect(s.script).toContain('<blockquote class="claimdesk" data-claim="k3m9x2p7q4r8t1v5">');
    expect(s.script).toContain(
      `<script async src="https://fc.example.org${EMBED_SCRIPT.path}" integrity="${EMBED_SCRIPT.integrity}" crossorigin="anonymous"></script>`,
    );
    expect(embedFor('https://fc.example.org', 'k3m9x2p7q4r8t1v5', 'en').oembed).toBe(
      'https://fc.example.org/oembed?url=https%3A%2F%2Ffc.example.org%2Fclaims%2Fk3m9x2p7q4r8t1v5&format=json',
    );
  });

  it('escapes whatever it is given', () => {
    const s = embedSnippets('https://fc.example.org', '"><script>');
    expect(s.script).not.toContain('"><script>');
    expect(s.badgeHtml).not.toContain('"><script>');
  });

  it('pins the committed, content-hashed widget build by its real SRI hash', async () => {
    expect(EMBED_SCRIPT.path).toMatch(/^\/embed\.[0-9a-f]{12}\.js$/);
    const res = await env.ASSETS.fetch(`https://claimdesk.test${EMBED_SCRIPT.path}`);
    expect(res.status).toBe(200);
    const bytes = await res.arrayBuffer();
    const digest = await crypto.subtle.digest('SHA-384', bytes);
    expect(`sha384-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`).toBe(
      EMBED_SCRIPT.integrity,
    );
    const source = await (await env.ASSETS.fetch('https://claimdesk.test/embed.js')).text();
    expect(source).toContain('blockquote.claimdesk[data-claim]');
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});

describe('the "Embed this" box', () => {
  it('labels each snippet in the reader language and gives the oEmbed URL', () => {
    const ar = embedFor('https://fc.example.org', 'k3m9x2p7q4r8t1v5', 'ar');
    expect(ar.embed.map((e) => e.label)).toEqual([
      'شارة (HTML)',
      'شارة (Markdown)',
      'بطاقة (إطار)',
      'بطاقة (سكربت، تتكيف مع الحجم)',
    ]);
    // The box's snippets are in the reader's language (card and alt text alike).
    expect(ar.embed[0]!.code).toBe(
      embedSnippets('https://fc.example.org', 'k3m9x2p7q4r8t1v5', { lang: 'ar' }).badgeHtml,
    );
    expect(ar.embed[0]!.code).toContain('?lang=ar');
    expect(ar.oembed).toContain('/oembed?url=');
  });
});
