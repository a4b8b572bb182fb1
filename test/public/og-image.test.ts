import { describe, expect, it } from 'vitest';
import { call, callJson, d1Queries, makeUser } from '../helpers';
import { publishedClaim } from './fixtures';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which a PNG must start with. */
function ihdr(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(new TextDecoder().decode(bytes.slice(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function tier(res: Response): string | null {
  return /edge;desc="(\w+)"/.exec(res.headers.get('Server-Timing') ?? '')?.[1] ?? null;
}

/** The og:image URL the claim page links, made relative. */
async function ogImageUrl(id: string): Promise<string> {
  const html = await (await call(`/claims/${id}`, { headers: { Accept: 'text/html' } })).text();
  const url = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
  expect(url).toBeTruthy();
  return new URL(url!.replaceAll('&amp;', '&')).pathname + new URL(url!).search;
}

async function image(path: string) {
  const res = await call(path);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()), tier: tier(res) };
}

describe('GET /claims/:id/og.png', () => {
  it('renders a 1200×630 PNG on first request, then serves it from the cache without D1', async () => {
    const claim = await publishedClaim({ rating: 'false' });
    const path = await ogImageUrl(claim.id);
    expect(path).toMatch(new RegExp(`^/claims/${claim.id}/og\\.png\\?v=\\d+-\\d+$`));
    const first = await image(path);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get('Content-Type')).toBe('image/png');
    expect([...first.bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(ihdr(first.bytes)).toEqual({ width: 1200, height: 630 });
    expect(first.tier).toBe('miss');
    expect(first.res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');

    const second = await image(path);
    expect(second.tier).toBe('hit');
    expect(d1Queries(second.res)).toBe(0);
    expect(second.bytes).toEqual(first.bytes);
  });

  it('renders an Arabic claim too', async () => {
    const claim = await publishedClaim({
      text: 'ارتفعت البطالة بنسبة ١٢٪ في عام ٢٠٢٥',
      language: 'ar',
      headline: 'لم ترتفع البطالة بنسبة ١٢٪',
    });
    const { res, bytes } = await image(`/claims/${claim.id}/og.png`);
    expect(res.status).toBe(200);
    expect(ihdr(bytes)).toEqual({ width: 1200, height: 630 });
    // Without ?v= the answer is the current image, kept briefly.
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=300, s-maxage=300');
  });

  it('is purged when a correction changes the rating, and the page links the new version', async () => {
    const editor = await makeUser('editor');
    const claim = await publishedClaim({ rating: 'false' });
    const before = await ogImageUrl(claim.id);
    const old = await image(before);
    expect(old.tier).toBe('miss');
    expect((await image(before)).tier).toBe('hit');

    const { res: draft } = await callJson(`/api/v1/claims/${claim.id}/draft`, {
      token: editor.token,
      method: 'POST',
    });
    expect(draft.status).toBe(201);
    const { res: added } = await callJson(`/api/v1/claims/${claim.id}/verdicts`, {
      token: editor.token,
      body: {
        ratingKey: 'true',
        headline: 'It did fall by 12%',
        explanation: 'The revised series shows it.',
        language: 'en',
      },
    });
    expect(added.status).toBe(201);
    const { res: read } = await callJson(`/api/v1/claims/${claim.id}`, { token: editor.token });
    const { res: published } = await callJson(`/api/v1/claims/${claim.id}/draft/publish`, {
      token: editor.token,
      body: { note: 'The statistics office revised its series.' },
      headers: { 'If-Match': read.headers.get('ETag')! },
    });
    expect(published.status).toBe(200);

    // The purge removed the stored image: even the old URL renders afresh (no longer pinned).
    const stale = await image(before);
    expect(stale.tier).toBe('miss');
    expect(stale.res.headers.get('Cache-Control')).toBe('public, max-age=300, s-maxage=300');
    expect(stale.bytes).not.toEqual(old.bytes);
    const after = await ogImageUrl(claim.id);
    expect(after).not.toBe(before);
    const fresh = await image(after);
    expect(fresh.tier).toBe('hit');
    expect(fresh.res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(fresh.bytes).toEqual(stale.bytes);
  });

  it('is 404 for unknown or malformed ids', async () => {
    for (const path of ['/claims/zzzzzzzzzzzzzzzz/og.png', '/claims/not!an!id/og.png']) {
      expect((await call(path)).status, path).toBe(404);
    }
  });
});
