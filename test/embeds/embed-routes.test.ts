import { describe, expect, it } from 'vitest';
import {
  CLIENT_CACHE_CONTROL_HEADER,
  edgeCacheControl,
  embedCacheKey,
} from '../../worker/embeds/cache';
import { call, d1Queries } from '../helpers';
import { makeClaim } from './fixtures';
import { findAll, parseXml, textOf } from './xml-check';

/** The memo's documented lifetime (ARCHITECTURE.md: "a 2 s in-isolate memo in front"). */
const MEMO_TTL_MS = 2000;

const LIVE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400';

async function svg(path: string, headers: Record<string, string> = {}) {
  const res = await call(path, { headers });
  const body = await res.text();
  return { res, body, root: res.status === 304 ? null : parseXml(body) };
}

const texts = (root: ReturnType<typeof parseXml> | null) =>
  root
    ? findAll(root, 'text')
        .filter((t) => !t.attrs['aria-hidden'])
        .map(textOf)
    : [];
const edge = (res: Response) =>
  /edge;desc="(\w+)"/.exec(res.headers.get('Server-Timing') ?? '')?.[1];

describe('GET /badge/:id.svg', () => {
  it('shows the published rating in its colour: one D1 query on a miss, zero on a hit', async () => {
    const id = await makeClaim({ status: 'published', verdicts: [{ ratingKey: 'mostly-false' }] });
    const first = await svg(`/badge/${id}.svg`);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get('Content-Type')).toBe('image/svg+xml; charset=utf-8');
    expect(texts(first.root)).toEqual(['fact check', 'Mostly false']);
    expect(first.body).toContain('fill="#bc4c00"');
    expect(textOf(findAll(first.root!, 'title')[0]!)).toContain(
      'fact check: Mostly false — Unemployment fell',
    );
    expect(first.res.headers.get('Cache-Control')).toBe(LIVE);
    expect(first.res.headers.get('ETag')).toMatch(/^".+"$/);
    expect(d1Queries(first.res)).toBe(1);
    expect(edge(first.res)).toBe('miss');

    const second = await svg(`/badge/${id}.svg?utm_source=ignored`);
    expect(second.body).toBe(first.body);
    expect(second.res.headers.get('ETag')).toBe(first.res.headers.get('ETag'));
    expect(d1Queries(second.res)).toBe(0);
    expect(edge(second.res)).toBe('memo');
  });

  it('serves from the Cache API, still without D1, once the in-isolate memo has expired', async () => {
    const id = await makeClaim({ status: 'published', verdicts: [{ ratingKey: 'false' }] });
    const first = await svg(`/badge/${id}.svg?style=flat-square`);
    expect(edge(first.res)).toBe('miss');
    await new Promise((r) => setTimeout(r, MEMO_TTL_MS + 100));
    const later = await svg(`/badge/${id}.svg?style=flat-square`);
    expect(edge(later.res)).toBe('hit');
    expect(d1Queries(later.res)).toBe(0);
    expect(later.body).toBe(first.body);
    expect(later.res.headers.get('ETag')).toBe(first.res.headers.get('ETag'));
    expect(later.res.headers.get('Cache-Control')).toBe(LIVE);
    expect(later.res.headers.get(CLIENT_CACHE_CONTROL_HEADER)).toBeNull();
    // Stored for the edge under its shared lifetime only: no day-long stale-while-revalidate there.
    const stored = await caches.default.match(
      embedCacheKey('https://claimdesk.test', {
        kind: 'svg',
        id,
        lang: '',
        style: 'flat-square',
        pinned: null,
      }),
    );
    expect(stored?.headers.get('Cache-Control')).toBe('public, max-age=300');
    await stored?.body?.cancel();
    expect(edge((await svg(`/badge/${id}.svg?style=flat-square`)).res)).toBe('memo');
  });

  it('answers If-None-Match with 304, from the cache and without D1', async () => {
    const id = await makeClaim({ status: 'published', verdicts: [{ ratingKey: 'true' }] });
    const { res } = await svg(`/badge/${id}.svg`);
    const etag = res.headers.get('ETag')!;
    const again = await call(`/badge/${id}.svg`, {
      headers: { 'If-None-Match': `W/"nope", ${etag}` },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toBe(LIVE);
    expect(d1Queries(again)).toBe(0);
    const other = await call(`/badge/${id}.svg`, {
      headers: { 'If-None-Match': '"something-else"' },
    });
    expect(other.status).toBe(200);
  });

  it("defaults to the claim's language and honours lang", async () => {
    const fr = await makeClaim({
      status: 'published',
      language: 'fr',
      text: 'Le chômage a baissé',
      verdicts: [{ ratingKey: 'false' }],
    });
    expect(texts((await svg(`/badge/${fr}.svg`)).root)).toEqual(['vérification', 'Faux']);
    const ar = await svg(`/badge/${fr}.svg?lang=ar`);
    expect(texts(ar.root)).toEqual(['تحقق', 'خاطئ']);
    expect(ar.root!.attrs['xml:lang']).toBe('ar');
    expect(findAll(ar.root!, 'text').every((t) => t.attrs.direction === 'rtl')).toBe(true);
    expect(texts((await svg(`/badge/${fr}.svg?lang=en`)).root)).toEqual(['fact check', 'False']);
    const arClaim = await makeClaim({
      status: 'published',
      language: 'ar',
      text: 'انخفضت البطالة',
      verdicts: [{ ratingKey: 'misleading' }],
    });
    expect(texts((await svg(`/badge/${arClaim}.svg`)).root)).toEqual(['تحقق', 'مضلل']);
  });

  it('renders each style, each with its own ETag', async () => {
    const id = await makeClaim({ status: 'published', verdicts: [{ ratingKey: 'mixed' }] });
    const flat = await svg(`/badge/${id}.svg?style=flat`);
    const square = await svg(`/badge/${id}.svg?style=flat-square`);
    const big = await svg(`/badge/${id}.svg?style=for-the-badge`);
    expect(flat.root!.attrs.height).toBe('20');
    expect(findAll(flat.root!, 'clipPath')).toHaveLength(1);
    expect(square.root!.attrs.height).toBe('20');
    expect(findAll(square.root!, 'clipPath')).toHaveLength(0);
    expect(big.root!.attrs.height).toBe('28');
    expect(texts(big.root)).toEqual(['FACT CHECK', 'MIXED']);
    expect(new Set([flat, square, big].map((r) => r.res.headers.get('ETag'))).size).toBe(3);
    expect((await svg(`/badge/${id}.svg`)).body).toBe(flat.body);
    expect((await svg(`/badge/${id}.svg?style=&lang=`)).body).toBe(flat.body);
  });

  it.each(['queued', 'in_review', 'duplicate'])(
    'shows "in review" for a %s claim',
    async (status) => {
      const id = await makeClaim({ status, verdicts: [{ ratingKey: 'false', published: false }] });
      const { res, root } = await svg(`/badge/${id}.svg`);
      expect(res.status).toBe(200);
      expect(texts(root)).toEqual(['fact check', 'in review']);
      expect(res.headers.get('Cache-Control')).toBe(LIVE);
    },
  );

  it('shows "in review" for a reopened claim, not its earlier published verdict', async () => {
    const id = await makeClaim({ status: 'in_review', verdicts: [{ ratingKey: 'false' }] });
    expect(texts((await svg(`/badge/${id}.svg`)).root)).toEqual(['fact check', 'in review']);
  });

  it('shows the newest published verdict, never a newer draft', async () => {
    const id = await makeClaim({
      status: 'published',
      verdicts: [
        { ratingKey: 'false' },
        { ratingKey: 'mostly-false' },
        { ratingKey: 'true', published: false },
      ],
    });
    expect(texts((await svg(`/badge/${id}.svg`)).root)).toEqual(['fact check', 'Mostly false']);
  });

  it('answers every non-public claim exactly like an id that does not exist', async () => {
    const missing = await svg('/badge/0000000000000000.svg');
    expect(missing.res.status).toBe(404);
    expect(texts(missing.root)).toEqual(['fact check', 'unknown claim']);
    expect(missing.res.headers.get('Cache-Control')).toBe('public, max-age=60');
    for (const status of ['candidate', 'submitted', 'rejected']) {
      const id = await makeClaim({ status, verdicts: [{ ratingKey: 'false', published: false }] });
      const hidden = await svg(`/badge/${id}.svg`);
      expect(hidden.res.status).toBe(404);
      expect(hidden.body).toBe(missing.body);
      expect(hidden.res.headers.get('ETag')).toBe(missing.res.headers.get('ETag'));
      expect(hidden.body).not.toContain(id);
    }
  });

  it('answers a malformed id as unknown without touching D1', async () => {
    const { res, root } = await svg('/badge/NOT-AN-ID.svg');
    expect(res.status).toBe(404);
    expect(texts(root)).toEqual(['fact check', 'unknown claim']);
    expect(d1Queries(res)).toBe(0);
  });

  it('rejects unknown option values with 400', async () => {
    const id = await makeClaim({ status: 'published', verdicts: [{ ratingKey: 'true' }] });
    for (const q of ['style=plastic', 'lang=de', 'v=0', 'v=abc']) {
      const res = await call(`/badge/${id}.svg?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    }
  });

  it('pins a published verdict version with ?v= and caches it as immutable', async () => {
    const id = await makeClaim({
      status: 'published',
      verdicts: [
        { ratingKey: 'false' },
        { ratingKey: 'true' },
        { ratingKey: 'mixed', published: false },
      ],
    });
    const v1 = await svg(`/badge/${id}.svg?v=1`);
    expect(texts(v1.root)).toEqual(['fact check', 'False']);
    expect(v1.res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(texts((await svg(`/badge/${id}.svg?v=2`)).root)).toEqual(['fact check', 'True']);
    expect(textOf(findAll(v1.root!, 'title')[0]!)).toBe('fact check: False');
    const card = await call(`/embed/${id}?v=1`);
    expect(await card.text()).toContain('>False</span>');
    expect(card.headers.get('Cache-Control')).toBe(LIVE);
    const draft = await svg(`/badge/${id}.svg?v=3`);
    expect(draft.res.status).toBe(404);
    expect(draft.res.headers.get('Cache-Control')).toBe('public, max-age=60');
  });
});

describe('edge lifetime', () => {
  it('stores the shared lifetime as max-age, without stale-while-revalidate', () => {
    expect(edgeCacheControl(LIVE)).toBe('public, max-age=300');
    expect(edgeCacheControl('public, max-age=60')).toBe('public, max-age=60');
    expect(edgeCacheControl('public, max-age=31536000, immutable')).toBe(
      'public, max-age=31536000, immutable',
    );
  });

  it('answers HEAD like GET, without a body', async () => {
    const id = await makeClaim({ status: 'published', verdicts: [{ ratingKey: 'true' }] });
    const head = await call(`/badge/${id}.svg`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('ETag')).toMatch(/^"/);
    expect(await head.text()).toBe('');
  });
});

describe('GET /badge/:id.json', () => {
  it('speaks the shields.io endpoint format', async () => {
    const id = await makeClaim({ status: 'published', verdicts: [{ ratingKey: 'false' }] });
    const res = await call(`/badge/${id}.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({
      schemaVersion: 1,
      label: 'fact check',
      message: 'False',
      color: 'cf222e',
    });
    const ar = await call(`/badge/${id}.json?lang=ar`);
    expect(await ar.json()).toEqual({
      schemaVersion: 1,
      label: 'تحقق',
      message: 'خاطئ',
      color: 'cf222e',
    });
    const hit = await call(`/badge/${id}.json`);
    expect(d1Queries(hit)).toBe(0);
  });

  it('says "in review" and "unknown claim" too', async () => {
    const queued = await makeClaim({ status: 'queued' });
    expect(await (await call(`/badge/${queued}.json`)).json()).toMatchObject({
      message: 'in review',
    });
    const res = await call('/badge/zzzzzzzzzzzzzzzz.json');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      schemaVersion: 1,
      message: 'unknown claim',
      isError: true,
    });
  });
});
