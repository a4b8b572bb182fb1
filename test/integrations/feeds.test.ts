import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { claimDueFeeds, getFeed } from '../../d1/feeds';
import { feedBackoffMinutes, feedItemJob, feedPollJob } from '../../worker/integrations/feeds';
import { callJson, count, makeUser, unique } from '../helpers';

const fixture = (path: string, init?: RequestInit) =>
  env.ARTICLE_FETCHER!.fetch(`https://news.example.com${path}`, init);

/** Serve `body` as the feed `name` (with an ETag) from the fixture web. */
async function serveFeed(name: string, body: string, etag?: string, contentType?: string) {
  await fixture(`/__feeds/${name}`, {
    method: 'PUT',
    body: JSON.stringify({ body, etag, contentType }),
  });
}

const rss = (items: [string, string][]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title><![CDATA[Fixture News]]></title>${items
    .map(
      ([guid, page]) =>
        `<item><title>${guid}</title><link>https://news.example.com/${page}</link><guid>${guid}</guid></item>`,
    )
    .join('')}</channel></rss>`;

async function registerFeed(url: string) {
  const admin = await makeUser('admin');
  const { res, body } = await callJson('/api/v1/monitored-feeds', {
    token: admin.token,
    body: { url, intervalMinutes: 30 },
  });
  expect(res.status).toBe(201);
  return { id: body.id as string, token: admin.token };
}

/** Poll once, then ingest every item still pending (what the queue consumer does). */
async function pollAndIngest(feedId: string): Promise<void> {
  await feedPollJob.run({ id: feedId }, env, 1);
  const { results } = await env.DB.prepare(
    `SELECT id FROM feed_items WHERE feed_id = ?1 AND status = 'pending'`,
  )
    .bind(feedId)
    .all<{ id: number }>();
  for (const item of results) await feedItemJob.run({ id: item.id }, env, 1);
}

describe('monitored feeds', () => {
  it('polls a feed into candidates, 304s on the second poll, ingests an item seen twice once', async () => {
    const name = unique('news');
    const g1 = unique('guid');
    const g2 = unique('guid');
    await serveFeed(
      name,
      rss([
        [g1, 'en-opengraph.html'],
        [g2, 'fr-main.html'],
      ]),
      '"v1"',
    );
    const { id, token } = await registerFeed(`https://news.example.com/feeds/${name}`);
    // The cron picks a new feed at once and pushes its next run by its interval.
    expect(await claimDueFeeds(env.DB, new Date(Date.now() + 1000))).toContain(id);
    expect(
      (await getFeed(env.DB, id))!.nextRunAt > new Date(Date.now() + 29 * 60_000).toISOString(),
    ).toBe(true);

    await pollAndIngest(id);
    const first = (await getFeed(env.DB, id))!;
    expect(first).toMatchObject({
      lastStatus: 'ok',
      itemsSeen: 2,
      itemsIngested: 2,
      consecutiveErrors: 0,
      etag: '"v1"',
      title: 'Fixture News',
    });
    expect(await count('articles', 'feed_id = ?1', id)).toBe(2);
    expect(
      await count(
        'claims',
        `status = 'candidate' AND article_id IN (SELECT id FROM articles WHERE feed_id = ?1)`,
        id,
      ),
    ).toBeGreaterThan(0);

    // Second poll: the fixture sees If-None-Match and answers 304; nothing new.
    await pollAndIngest(id);
    const requests = (await (await fixture(`/__feeds/${name}`)).json()) as {
      ifNoneMatch: string | null;
    }[];
    expect(requests.at(-1)!.ifNoneMatch).toBe('"v1"');
    expect(await getFeed(env.DB, id)).toMatchObject({
      lastStatus: 'not_modified',
      itemsSeen: 2,
      itemsIngested: 2,
    });

    // The feed changes: one item seen before, one new: only the new one is ingested.
    await serveFeed(
      name,
      rss([
        [g1, 'en-opengraph.html'],
        [unique('guid'), 'ar-jsonld.html'],
      ]),
      '"v2"',
    );
    await pollAndIngest(id);
    expect(await count('feed_items', 'feed_id = ?1', id)).toBe(3);
    expect(await count('feed_items', 'feed_id = ?1 AND item_key = ?2', id, g1)).toBe(1);
    expect(await getFeed(env.DB, id)).toMatchObject({
      lastStatus: 'ok',
      itemsSeen: 3,
      itemsIngested: 3,
    });
    expect(await count('articles', 'feed_id = ?1', id)).toBe(3);

    const api = await callJson(`/api/v1/monitored-feeds/${id}`, { token });
    expect(api.body).toMatchObject({ id, itemsIngested: 3, lastStatus: 'ok' });
  });

  it('a page that is not a feed is a visible error and backs off, doubling up to a cap', async () => {
    const name = unique('notfeed');
    await serveFeed(
      name,
      '<!doctype html><html><body><p>Hello</p></body></html>',
      undefined,
      'text/html',
    );
    const { id } = await registerFeed(`https://news.example.com/feeds/${name}`);
    const before = Date.now();
    await feedPollJob.run({ id }, env, 1);
    const once = (await getFeed(env.DB, id))!;
    expect(once).toMatchObject({ lastStatus: 'not_a_feed', consecutiveErrors: 1, itemsSeen: 0 });
    expect(once.lastError).toMatch(/not an RSS or Atom feed/);
    expect(Date.parse(once.nextRunAt) - before).toBeGreaterThanOrEqual(60 * 60_000);
    await feedPollJob.run({ id }, env, 1);
    const twice = (await getFeed(env.DB, id))!;
    expect(twice.consecutiveErrors).toBe(2);
    expect(Date.parse(twice.nextRunAt) - before).toBeGreaterThanOrEqual(120 * 60_000);
    expect(await count('feed_items', 'feed_id = ?1', id)).toBe(0);
    expect([1, 2, 3].map((n) => feedBackoffMinutes(30, n))).toEqual([60, 120, 240]);
    expect(feedBackoffMinutes(30, 12)).toBe(24 * 60);
  });

  it('a huge feed is refused whole: an error on the feed, no item written', async () => {
    const { id } = await registerFeed('https://news.example.com/big-feed.xml');
    await feedPollJob.run({ id }, env, 1);
    const feed = (await getFeed(env.DB, id))!;
    expect(feed).toMatchObject({ lastStatus: 'article_too_large', consecutiveErrors: 1 });
    expect(feed.lastError).toMatch(/larger than/);
    expect(await count('feed_items', 'feed_id = ?1', id)).toBe(0);
  });

  it('refuses private and non-http feed URLs and a feed registered twice', async () => {
    const admin = await makeUser('admin');
    for (const url of [
      'https://192.168.1.1/rss',
      'ftp://news.example.com/rss',
      'https://localhost/rss',
    ]) {
      const { res } = await callJson('/api/v1/monitored-feeds', {
        token: admin.token,
        body: { url },
      });
      expect(res.status, url).toBe(422);
    }
    const url = `https://news.example.com/feeds/${unique('twice')}`;
    expect(
      (await callJson('/api/v1/monitored-feeds', { token: admin.token, body: { url } })).res.status,
    ).toBe(201);
    const again = await callJson('/api/v1/monitored-feeds', { token: admin.token, body: { url } });
    expect(again.res.status).toBe(422);
    expect(again.body.errors[0].field).toBe('json.url');
  });
});
