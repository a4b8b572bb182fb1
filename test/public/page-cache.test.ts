import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../worker/index';
import { apiClaim, call, callJson, d1Queries, makeUser, unique } from '../helpers';
import { publishedClaim } from './fixtures';

/**
 * D1 round trips of a rendered claim page: one (the page's read, with its stored related
 * fact-checks), or two while the claim's `claim.related` job has not stored its list yet (the
 * page then asks the matcher). Writes queue that job, so either may be seen here.
 */
const MISS_QUERIES = [1, 2];

/** The edge tier that answered, from Server-Timing (`edge;desc="hit"`), or null when bypassed. */
function edgeTier(res: Response): string | null {
  return /edge;desc="(\w+)"/.exec(res.headers.get('Server-Timing') ?? '')?.[1] ?? null;
}

/** Headers a hit must repeat from the miss: all but the per-request ones. */
function stableHeaders(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!['server-timing', 'x-request-id', 'date'].includes(name)) out[name] = value;
  });
  return out;
}

async function page(path: string, headers: Record<string, string> = {}) {
  const res = await call(path, { headers: { Accept: 'text/html', ...headers } });
  return { res, html: await res.text(), queries: d1Queries(res), tier: edgeTier(res) };
}

async function addVerdict(token: string, id: string, ratingKey: string) {
  const { res } = await callJson(`/api/v1/claims/${id}/verdicts`, {
    token,
    body: {
      ratingKey,
      headline: `Rated ${ratingKey}`,
      explanation: 'Checked against the official series.',
      language: 'en',
    },
  });
  expect(res.status).toBe(201);
}

/** Open a correction draft with a new verdict; answers the claim's ETag for the publish call. */
async function draftCorrection(token: string, id: string, ratingKey: string): Promise<string> {
  const { res } = await callJson(`/api/v1/claims/${id}/draft`, { token, method: 'POST' });
  expect(res.status).toBe(201);
  await addVerdict(token, id, ratingKey);
  const { res: read } = await callJson(`/api/v1/claims/${id}`, { token });
  return read.headers.get('ETag')!;
}

/** A whole correction through the API: draft, new verdict, publish with its public note. */
async function correctTo(token: string, id: string, ratingKey: string, note: string) {
  const etag = await draftCorrection(token, id, ratingKey);
  const { res } = await callJson(`/api/v1/claims/${id}/draft/publish`, {
    token,
    body: { note },
    headers: { 'If-Match': etag },
  });
  expect(res.status).toBe(200);
}

async function move(token: string, id: string, to: string) {
  const { res } = await callJson(`/api/v1/claims/${id}/transition`, { token, body: { to } });
  expect(res.status).toBe(200);
}

describe('claim pages through the edge cache', () => {
  it('a miss reads D1 once and stores; the hit makes no D1 query, same body and headers', async () => {
    const claim = await publishedClaim();
    const miss = await page(`/claims/${claim.id}`);
    expect(miss.res.status).toBe(200);
    expect(miss.queries).toBeOneOf(MISS_QUERIES);
    expect(miss.tier).toBe('miss');
    const hit = await page(`/claims/${claim.id}`);
    expect(hit.res.status).toBe(200);
    expect(hit.queries).toBe(0);
    expect(['hit', 'memo']).toContain(hit.tier);
    expect(hit.html).toBe(miss.html);
    expect(stableHeaders(hit.res)).toEqual(stableHeaders(miss.res));
    expect(hit.res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(hit.res.headers.get('Cache-Control')).toBe('public, no-cache, s-maxage=300');
    expect(hit.res.headers.get('Vary')).toBe('Accept-Language');
    expect(hit.res.headers.get('Set-Cookie')).toBeNull();

    const head = await call(`/claims/${claim.id}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(d1Queries(head)).toBe(0);
    expect(head.headers.get('ETag')).toBe(miss.res.headers.get('ETag'));
  });

  it('serves a hit without D1 to an editor with a session and a bookmark cookie, and sets none', async () => {
    const claim = await publishedClaim();
    await page(`/claims/${claim.id}`);
    const cookies = {
      Cookie: '__Host-claimdesk_session=not-looked-up; __Host-claimdesk_d1=0000000a-00000001-0000',
      Authorization: 'Bearer not-looked-up-either',
    };
    const hit = await page(`/claims/${claim.id}`, cookies);
    expect(hit.res.status).toBe(200);
    expect(hit.queries).toBe(0);
    expect(hit.res.headers.get('Set-Cookie')).toBeNull();
    expect(hit.res.headers.get('x-d1-bookmark')).toBeNull();
  });

  it('keeps one entry per resolved locale and per explicit ?lang=', async () => {
    const claim = await publishedClaim();
    const path = `/claims/${claim.id}`;
    const ar = await page(path, { 'Accept-Language': 'ar' });
    expect(ar.queries).toBeOneOf(MISS_QUERIES);
    expect(ar.html).toContain('lang="ar"');
    expect((await page(path, { 'Accept-Language': 'ar;q=0.9' })).queries).toBe(0);
    const fr = await page(path, { 'Accept-Language': 'fr' });
    expect(fr.queries).toBeOneOf(MISS_QUERIES);
    expect(fr.html).toContain('lang="fr"');
    // The explicit choice is another entry (internal links carry ?lang=ar on such pages).
    const explicit = await page(`${path}?lang=ar`, { 'Accept-Language': 'fr' });
    expect(explicit.queries).toBeOneOf(MISS_QUERIES);
    expect(explicit.html).toContain('lang="ar"');
    expect((await page(`${path}?lang=ar`)).queries).toBe(0);
    expect((await page(path, { 'Accept-Language': 'ar' })).html).toBe(ar.html);
  });

  it('bypasses the cache for any other query parameter (?feedback=thanks)', async () => {
    const claim = await publishedClaim();
    await page(`/claims/${claim.id}`);
    for (let i = 0; i < 2; i++) {
      const thanks = await page(`/claims/${claim.id}?feedback=thanks`);
      expect(thanks.res.status).toBe(200);
      expect(thanks.queries).toBeOneOf(MISS_QUERIES);
      expect(thanks.tier).toBeNull();
    }
    expect((await page(`/claims/${claim.id}?lang=en&utm=x`)).queries).toBeOneOf(MISS_QUERIES);
    expect((await page(`/claims/${claim.id}?lang=en&utm=x`)).tier).toBeNull();
  });

  it('answers 304 from the cached copy without D1, and a revalidating miss fills the cache', async () => {
    const claim = await publishedClaim();
    const first = await page(`/claims/${claim.id}`, { 'If-None-Match': 'W/"something-else"' });
    expect(first.res.status).toBe(200);
    expect(first.queries).toBeOneOf(MISS_QUERIES);
    const etag = first.res.headers.get('ETag')!;
    const lastModified = first.res.headers.get('Last-Modified')!;
    const again = await call(`/claims/${claim.id}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(d1Queries(again)).toBe(0);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toBe('public, no-cache, s-maxage=300');
    const since = await call(`/claims/${claim.id}`, {
      headers: { 'If-Modified-Since': lastModified },
    });
    expect(since.status).toBe(304);
    expect(d1Queries(since)).toBe(0);
    // A browser holding a copy from before the purge gets the new page, then 304s again.
    const editor = await makeUser('editor');
    await correctTo(editor.token, claim.id, 'mixed', 'A revised series was published.');
    const fresh = await call(`/claims/${claim.id}`, { headers: { 'If-None-Match': etag } });
    expect(fresh.status).toBe(200);
    expect(d1Queries(fresh)).toBeOneOf(MISS_QUERIES);
    const newEtag = fresh.headers.get('ETag')!;
    expect(newEtag).not.toBe(etag);
    const revalidated = await call(`/claims/${claim.id}`, {
      headers: { 'If-None-Match': newEtag },
    });
    expect(revalidated.status).toBe(304);
    expect(d1Queries(revalidated)).toBe(0);
  });

  it('API writes purge the page: publishing, a correction, a source, a retraction show at once; a draft does not', async () => {
    const editor = await makeUser('editor');
    const claim = await apiClaim(editor.token);
    const path = `/claims/${claim.id}`;
    // Not public yet: a 404, cached briefly at the edge and revalidated by browsers.
    const missing = await page(path);
    expect(missing.res.status).toBe(404);
    expect(missing.queries).toBe(1);
    expect(missing.res.headers.get('Cache-Control')).toBe('public, no-cache, s-maxage=60');
    expect((await page(path)).queries).toBe(0);

    await move(editor.token, claim.id, 'in_review');
    await addVerdict(editor.token, claim.id, 'false');
    await move(editor.token, claim.id, 'published');
    const published = await page(path);
    expect(published.res.status).toBe(200);
    expect(published.queries).toBeOneOf(MISS_QUERIES);
    expect(published.html).toContain('Rated false');
    expect((await page(path)).queries).toBe(0);

    // A draft beside the published claim changes nothing readers see: the cached page stays.
    const etag = await draftCorrection(editor.token, claim.id, 'mostly-false');
    const drafted = await page(path);
    expect(drafted.queries).toBe(0);
    expect(drafted.html).toContain('Rated false');
    const { res: publishedCorrection } = await callJson(
      `/api/v1/claims/${claim.id}/draft/publish`,
      {
        token: editor.token,
        body: { note: 'The first figure was revised.' },
        headers: { 'If-Match': etag },
      },
    );
    expect(publishedCorrection.status).toBe(200);
    const corrected = await page(path);
    expect(corrected.queries).toBeOneOf(MISS_QUERIES);
    expect(corrected.html).toContain('Rated mostly-false');
    expect(corrected.html).toContain('The first figure was revised.');
    expect((await page(`${path}?lang=fr`)).html).toContain('Rated mostly-false');
    expect((await page(path)).queries).toBe(0);

    const title = unique('Regional labour table ');
    expect(
      (await callJson(`/api/v1/claims/${claim.id}/draft`, { token: editor.token, method: 'POST' }))
        .res.status,
    ).toBe(201);
    const { res: added } = await callJson(`/api/v1/claims/${claim.id}/sources`, {
      token: editor.token,
      body: { url: 'https://stats.example/t9', title, stance: 'refutes' },
    });
    expect(added.status).toBe(201);
    expect((await page(path)).html).not.toContain(title);
    const { res: read } = await callJson(`/api/v1/claims/${claim.id}`, { token: editor.token });
    const { res: update } = await callJson(`/api/v1/claims/${claim.id}/draft/publish`, {
      token: editor.token,
      body: { note: 'Added the regional table.' },
      headers: { 'If-Match': read.headers.get('ETag')! },
    });
    expect(update.status).toBe(200);
    const withSource = await page(path);
    expect(withSource.queries).toBeOneOf(MISS_QUERIES);
    expect(withSource.html).toContain(title);

    // A retraction keeps the page at its URL, with the notice, at once.
    const admin = await makeUser('admin');
    const { res: current } = await callJson(`/api/v1/claims/${claim.id}`, { token: admin.token });
    const { res: retracted } = await callJson(`/api/v1/claims/${claim.id}/retract`, {
      token: admin.token,
      body: { note: 'The underlying series was withdrawn by its publisher.' },
      headers: { 'If-Match': current.headers.get('ETag')! },
    });
    expect(retracted.status).toBe(200);
    const notice = await page(path);
    expect(notice.res.status).toBe(200);
    expect(notice.queries).toBeOneOf(MISS_QUERIES);
    expect(notice.html).toContain('This fact-check was retracted');
    expect(notice.html).toContain('The underlying series was withdrawn by its publisher.');
    expect(notice.html).not.toContain('application/ld+json');
    // No vote form on a withdrawn verdict, and no embed snippets for it.
    expect(notice.html).not.toContain('/feedback"');
    expect(notice.html).not.toContain('id="embed-h"');
  });
});

interface PurgeCall {
  url: string;
  method: string;
  authorization: string | null;
  files: string[];
}

/** A stand-in for api.cloudflare.com: records each purge call and answers with `status`. */
function fakePurgeApi(status = 200, fail = false) {
  const calls: PurgeCall[] = [];
  const service = {
    async fetch(input: Request): Promise<Response> {
      const body = await input.json<{ files: string[] }>();
      calls.push({
        url: input.url,
        method: input.method,
        authorization: input.headers.get('Authorization'),
        files: body.files,
      });
      if (fail) throw new Error('network down');
      return Response.json({ success: status === 200, errors: [] }, { status });
    },
  };
  return { calls, service: service as unknown as Fetcher };
}

/** A write through the Worker with extra bindings, waiting for everything it scheduled (both purge rounds). */
async function writeWith(
  vars: Record<string, unknown>,
  token: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`https://claimdesk.test${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
    { ...env, ...vars },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

/** Publish a prepared correction (rated `mixed`) through the Worker with extra bindings. */
async function publishWith(vars: Record<string, unknown>, token: string, id: string, note: string) {
  const etag = await draftCorrection(token, id, 'mixed');
  return writeWith(
    vars,
    token,
    `/api/v1/claims/${id}/draft/publish`,
    { note },
    { 'If-Match': etag },
  );
}

describe('purge in every data centre (EdgePurger)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends the page keys in each locale form and the live embed keys, in calls of at most 30', async () => {
    const editor = await makeUser('editor');
    const claim = await publishedClaim();
    const id = claim.id;
    const api = fakePurgeApi();
    const res = await publishWith(
      { PURGE_ZONE_ID: 'zone-1234', PURGE_API_TOKEN: 'purge-secret', PURGE_API: api.service },
      editor.token,
      id,
      'New data',
    );
    expect(res.status).toBe(200);
    expect(api.calls.length).toBe(4); // two rounds (now and 2 s later), 42 URLs in 30 + 12 each
    for (const c of api.calls) {
      expect(c.url).toBe('https://api.cloudflare.com/client/v4/zones/zone-1234/purge_cache');
      expect(c.method).toBe('POST');
      expect(c.authorization).toBe('Bearer purge-secret');
      expect(c.files.length).toBeLessThanOrEqual(30);
    }
    const round = new Set([...api.calls[0]!.files, ...api.calls[1]!.files]);
    expect(new Set([...api.calls[2]!.files, ...api.calls[3]!.files])).toEqual(round);
    const o = 'https://claimdesk.test';
    const expected = [
      `${o}/claims/${id}`,
      `${o}/claims/${id}?lang=en`,
      `${o}/claims/${id}?lang=ar`,
      `${o}/claims/${id}?lang=fr`,
      ...['en', 'ar', 'fr'].flatMap((l) => [
        `${o}/_edge/pages/claims/${id}/${l}/auto`,
        `${o}/_edge/pages/claims/${id}/${l}/lang`,
      ]),
      ...['-', 'en', 'ar', 'fr'].flatMap((l) => [
        ...['flat', 'flat-square', 'for-the-badge'].map(
          (s) => `${o}/_edge/embeds/svg/${id}/${l}/${s}/live`,
        ),
        ...['json', 'oembed'].map((k) => `${o}/_edge/embeds/${k}/${id}/${l}/-/live`),
        // Cards are kept per theme (test/embeds/themes.test.ts).
        ...['light', 'dark', 'auto'].map((t) => `${o}/_edge/embeds/card/${id}/${l}/-/live/${t}`),
      ]),
      `${o}/_edge/og/claims/${id}`,
    ];
    expect([...round].sort()).toEqual(expected.sort());
  });

  it('sends nothing unless both the zone id and the token are set', async () => {
    const editor = await makeUser('editor');
    const claim = await publishedClaim();
    const api = fakePurgeApi();
    for (const vars of [
      { PURGE_API: api.service },
      { PURGE_ZONE_ID: 'zone-1234', PURGE_API: api.service },
      { PURGE_API_TOKEN: 'purge-secret', PURGE_API: api.service },
      { PURGE_ZONE_ID: ' ', PURGE_API_TOKEN: 'purge-secret', PURGE_API: api.service },
    ]) {
      const res = await publishWith(vars, editor.token, claim.id, unique('note '));
      expect(res.status).toBe(200);
    }
    expect(api.calls).toEqual([]);
  });

  it('logs a failed purge and never fails the write; the local purge still happens', async () => {
    const editor = await makeUser('editor');
    const claim = await publishedClaim();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const api of [fakePurgeApi(500), fakePurgeApi(200, true)]) {
      await page(`/claims/${claim.id}`);
      expect((await page(`/claims/${claim.id}`)).queries).toBe(0);
      const note = unique('Corrected figure ');
      const res = await publishWith(
        { PURGE_ZONE_ID: 'zone-1234', PURGE_API_TOKEN: 'purge-secret', PURGE_API: api.service },
        editor.token,
        claim.id,
        note,
      );
      expect(res.status).toBe(200);
      expect(api.calls.length).toBeGreaterThan(0);
      const after = await page(`/claims/${claim.id}`);
      expect(after.queries).toBeOneOf(MISS_QUERIES);
      expect(after.html).toContain(note);
    }
    const lines = logged.mock.calls.map((args) => String(args[0]));
    expect(lines.filter((l) => l.includes('edge purge failed')).length).toBeGreaterThanOrEqual(2);
    expect(lines.join('\n')).not.toContain('purge-secret');
  });
});
