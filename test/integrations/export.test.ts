/** GET /api/v1/export: streamed ClaimReview / CSV / JSON of the published fact-checks. */
import { describe, expect, it } from 'vitest';
import { apiPublishedClaim, call, callJson, makeToken, makeUser, unique } from '../helpers';
import { freezeClock } from '../clock';

type Review = Record<string, unknown> & { url: string };

async function pageJsonLd(id: string): Promise<Review> {
  const html = await (await call(`/claims/${id}`, { headers: { Accept: 'text/html' } })).text();
  const m = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no JSON-LD on the page');
  return JSON.parse(m[1]!) as Review;
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('GET /api/v1/export', () => {
  it('exports ClaimReview items identical to the public pages’ JSON-LD', async () => {
    const editor = await makeUser('editor');
    const claim = await apiPublishedClaim(editor.token, {
      claimant: 'Minister of Energy',
      claimantType: 'person',
      claimDate: '2026-01-05',
      appearances: ['https://news.example/a'],
      claimReviewed: `Exports ${unique()} rose`,
    });
    const res = await call('/api/v1/export?format=claimreview', { token: editor.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/ld+json');
    const feed = (await res.json()) as { '@type': string; dataFeedElement: Review[] };
    expect(feed['@type']).toBe('DataFeed');
    const item = feed.dataFeedElement.find((r) => r.url.endsWith(`/claims/${claim.id}`));
    expect(item).toEqual(await pageJsonLd(claim.id));
  });

  it('filters by publication date and status, in CSV and JSON', async () => {
    freezeClock(); // day(0) is the day the claim was published, even at midnight
    const editor = await makeUser('editor');
    const claim = await apiPublishedClaim(editor.token);
    const ids = async (query: string) => {
      const { res, body } = await callJson<{ items: { id: string; seq?: number }[] }>(
        `/api/v1/export?${query}`,
        { token: editor.token },
      );
      expect(res.status).toBe(200);
      expect(body.items.every((i) => i.seq === undefined)).toBe(true);
      return body.items.map((i) => i.id);
    };
    expect(await ids(`format=json&from=${day(-1)}&to=${day(1)}`)).toContain(claim.id);
    expect(await ids(`format=json&from=${day(1)}`)).not.toContain(claim.id);
    expect(await ids(`format=json&to=${day(-1)}`)).not.toContain(claim.id);
    expect(await ids('format=json&status=retracted')).not.toContain(claim.id);
    const csv = await call(`/api/v1/export?format=csv&from=${day(0)}`, { token: editor.token });
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('"id","url","claim"');
    expect(text).toContain(`"https://claimdesk.test/claims/${claim.id}"`);
  });

  it('needs a credential; a read token may export; bad queries are 4xx problems', async () => {
    expect((await call('/api/v1/export')).status).toBe(401);
    const admin = await makeUser('admin');
    const read = await makeToken(admin.id, 'read');
    expect((await call('/api/v1/export', { token: read.token })).status).toBe(200);
    const bad = await callJson('/api/v1/export?from=2026-13', { token: admin.token });
    expect(bad.res.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.from');
    const retracted = await callJson('/api/v1/export?format=claimreview&status=retracted', {
      token: admin.token,
    });
    expect(retracted.res.status).toBe(422);
  });
});
