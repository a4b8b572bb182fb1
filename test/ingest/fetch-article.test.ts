import { describe, expect, it } from 'vitest';
import { IngestError, type IngestErrorCode } from '../../worker/ingest/errors';
import { fetchArticle, type Fetcher } from '../../worker/ingest/fetch-article';

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };

/** A fake web: each path answers with a function of the request. Records every URL asked for. */
function site(routes: Record<string, (req: Request) => Response | Promise<Response>>) {
  const seen: Request[] = [];
  const fetcher: Fetcher = async (req) => {
    seen.push(req);
    const url = new URL(req.url);
    const route = routes[url.host + url.pathname];
    return route ? route(req) : new Response('not found', { status: 404, headers: HTML });
  };
  return { fetcher, seen };
}

async function failure(p: Promise<unknown>): Promise<IngestErrorCode> {
  try {
    await p;
  } catch (err) {
    if (err instanceof IngestError) return err.code;
    throw err;
  }
  throw new Error('expected an IngestError');
}

function redirectChain(n: number, finalHost = 'news.example') {
  const routes: Record<string, () => Response> = {};
  for (let i = 0; i < n; i++) {
    const next = i + 1 === n ? `https://${finalHost}/final` : `/hop/${i + 1}`;
    routes[`news.example/hop/${i}`] = () =>
      new Response(null, { status: i % 2 ? 301 : 302, headers: { Location: next } });
  }
  routes[`${finalHost}/final`] = () => new Response('<p>arrived</p>', { headers: HTML });
  return site(routes);
}

/** windows-1256 bytes of a string, built by inverting the runtime's decoder table. */
function encode1256(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array([...text].map((ch) => table.get(ch) ?? 0x3f));
}

describe('fetchArticle', () => {
  it('reads a UTF-8 HTML page and asks for HTML without following redirects itself', async () => {
    const { fetcher, seen } = site({
      'news.example/a': () => new Response('<p>مرحبا</p>', { headers: HTML }),
    });
    const page = await fetchArticle('https://news.example/a', { fetcher });
    expect(page).toMatchObject({
      url: 'https://news.example/a',
      html: '<p>مرحبا</p>',
      charset: 'utf-8',
      contentType: 'text/html',
      redirects: 0,
    });
    expect(seen[0]!.redirect).toBe('manual');
    expect(seen[0]!.headers.get('Accept')).toContain('text/html');
  });

  it('follows up to 5 redirects, re-resolving relative locations', async () => {
    const { fetcher, seen } = redirectChain(5);
    const page = await fetchArticle('https://news.example/hop/0', { fetcher });
    expect(page.url).toBe('https://news.example/final');
    expect(page.redirects).toBe(5);
    expect(seen.map((r) => new URL(r.url).pathname)).toEqual([
      '/hop/0',
      '/hop/1',
      '/hop/2',
      '/hop/3',
      '/hop/4',
      '/final',
    ]);
  });

  it('refuses a 6th redirect', async () => {
    const { fetcher, seen } = redirectChain(6);
    expect(await failure(fetchArticle('https://news.example/hop/0', { fetcher }))).toBe(
      'too_many_redirects',
    );
    expect(seen).toHaveLength(6);
  });

  it('refuses a redirect to a private address without fetching it', async () => {
    for (const target of [
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/',
      'http://localhost/admin',
      'http://10.0.0.5/',
      'file:///etc/passwd',
    ]) {
      const { fetcher, seen } = site({
        'news.example/r': () => new Response(null, { status: 307, headers: { Location: target } }),
      });
      const code = await failure(fetchArticle('https://news.example/r', { fetcher }));
      expect(code === 'url_host_refused' || code === 'url_scheme_refused').toBe(true);
      expect(seen).toHaveLength(1);
    }
  });

  it('refuses a redirect without Location', async () => {
    const { fetcher } = site({ 'news.example/r': () => new Response(null, { status: 302 }) });
    expect(await failure(fetchArticle('https://news.example/r', { fetcher }))).toBe(
      'redirect_without_location',
    );
  });

  it('gives up after the time-out, even if the fetcher ignores the signal', async () => {
    const fetcher: Fetcher = () => new Promise<Response>(() => undefined);
    // A fetcher that never settles: without the time-out this test would hang until vitest's own.
    expect(
      await failure(fetchArticle('https://news.example/slow', { fetcher, timeoutMs: 50 })),
    ).toBe('upstream_timeout');
  });

  it('times out a body that stalls after the headers', async () => {
    const fetcher: Fetcher = async () =>
      new Response(
        new ReadableStream({ start: (ctl) => ctl.enqueue(new TextEncoder().encode('<p>partial')) }),
        { headers: HTML },
      );
    expect(
      await failure(fetchArticle('https://news.example/stall', { fetcher, timeoutMs: 50 })),
    ).toBe('upstream_timeout');
  });

  it('caps the body while streaming (no Content-Length) and by declared length', async () => {
    let pulled = 0;
    const endless: Fetcher = async () =>
      new Response(
        new ReadableStream({
          pull(ctl) {
            pulled++;
            ctl.enqueue(new Uint8Array(64 * 1024).fill(0x61));
          },
        }),
        { headers: HTML },
      );
    expect(
      await failure(
        fetchArticle('https://news.example/big', { fetcher: endless, maxBytes: 256 * 1024 }),
      ),
    ).toBe('article_too_large');
    expect(pulled).toBeLessThan(10);
    const declared: Fetcher = async () =>
      new Response('x', { headers: { ...HTML, 'Content-Length': String(3 * 1024 * 1024) } });
    expect(await failure(fetchArticle('https://news.example/big', { fetcher: declared }))).toBe(
      'article_too_large',
    );
    const exact: Fetcher = async () => new Response('a'.repeat(1000), { headers: HTML });
    expect(
      (await fetchArticle('https://news.example/ok', { fetcher: exact, maxBytes: 1000 })).html,
    ).toHaveLength(1000);
  });

  it('accepts only HTML and XHTML', async () => {
    for (const type of [
      'application/pdf',
      'application/json',
      'image/png',
      'text/plain; charset=utf-8',
    ]) {
      const fetcher: Fetcher = async () => new Response('x', { headers: { 'Content-Type': type } });
      expect(await failure(fetchArticle('https://news.example/f', { fetcher }))).toBe(
        'unsupported_content_type',
      );
    }
    const untyped: Fetcher = async () => new Response(new Uint8Array([1, 2]));
    expect(await failure(fetchArticle('https://news.example/f', { fetcher: untyped }))).toBe(
      'unsupported_content_type',
    );
    const xhtml: Fetcher = async () =>
      new Response('<p>x</p>', { headers: { 'Content-Type': 'application/xhtml+xml' } });
    expect((await fetchArticle('https://news.example/f', { fetcher: xhtml })).contentType).toBe(
      'application/xhtml+xml',
    );
  });

  it('maps HTTP errors and network failures', async () => {
    const gone: Fetcher = async () => new Response('gone', { status: 410, headers: HTML });
    expect(await failure(fetchArticle('https://news.example/g', { fetcher: gone }))).toBe(
      'upstream_status',
    );
    const broken: Fetcher = async () => {
      throw new TypeError('network down');
    };
    expect(await failure(fetchArticle('https://news.example/g', { fetcher: broken }))).toBe(
      'upstream_unreachable',
    );
  });

  it('decodes windows-1256 from the header, a meta or an XML declaration, and iso-8859-1', async () => {
    const arabic = 'قال الوزير إن البطالة انخفضت';
    const fromHeader: Fetcher = async () =>
      new Response(encode1256(`<p>${arabic}</p>`), {
        headers: { 'Content-Type': 'text/html; charset=windows-1256' },
      });
    const a = await fetchArticle('https://news.example/w', { fetcher: fromHeader });
    expect(a.html).toBe(`<p>${arabic}</p>`);
    expect(a.charset).toBe('windows-1256');
    const fromMeta: Fetcher = async () =>
      new Response(
        encode1256(
          `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><p>${arabic}</p>`,
        ),
        {
          headers: { 'Content-Type': 'text/html' },
        },
      );
    expect((await fetchArticle('https://news.example/w', { fetcher: fromMeta })).html).toContain(
      arabic,
    );
    const xhtml: Fetcher = async () =>
      new Response(
        encode1256(`<?xml version="1.0" encoding="windows-1256"?><html><p>${arabic}</p></html>`),
        {
          headers: { 'Content-Type': 'application/xhtml+xml' },
        },
      );
    expect((await fetchArticle('https://news.example/x', { fetcher: xhtml })).html).toContain(
      arabic,
    );
    const latin: Fetcher = async () =>
      new Response(new Uint8Array([0x3c, 0x70, 0x3e, 0x65, 0x74, 0xe9]), {
        headers: { 'Content-Type': 'text/html; charset=ISO-8859-1' },
      });
    expect((await fetchArticle('https://news.example/l', { fetcher: latin })).html).toBe('<p>eté');
  });

  it('refuses a private URL before any request', async () => {
    const { fetcher, seen } = site({});
    expect(await failure(fetchArticle('http://192.168.0.1/', { fetcher }))).toBe(
      'url_host_refused',
    );
    expect(seen).toHaveLength(0);
  });
});
