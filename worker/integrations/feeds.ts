/**
 * Monitored news feeds: the 10-minute cron queues the feeds that are due (`feed.poll`); a poll
 * fetches the feed conditionally (ETag / Last-Modified; 304 = nothing new) through the same
 * outbound rules as article fetching, parses it whole before writing anything, records the items
 * never seen before and queues one `feed.item` job each, which ingests the article with the
 * ordinary `ingestArticle` (candidates land in the queue) and links it to its feed.
 */
import {
  claimDueFeeds,
  getFeed,
  getFeedItem,
  markItemFailed,
  markItemIngested,
  recordPoll,
  recordPollFailure,
} from '../../d1/feeds';
import type { Bindings } from '../env';
import { IngestError } from '../ingest/errors';
import {
  checkArticleUrl,
  guarded,
  readCapped,
  type FetchArticleOptions,
} from '../ingest/fetch-article';
import { ingestArticle } from '../ingest/ingest-article';
import { articleFetchOptions } from '../ingest/outbound';
import type { JobHandler } from '../jobs/registry';
import { enqueue } from '../jobs/enqueue';
import { FeedParseError, parseFeed } from './feed-parse';

/** Largest feed document read (bytes); a bigger one is a per-feed error, nothing ingested. */
export const FEED_MAX_BYTES = 1024 * 1024;
/** Longest wait between polls of a failing feed. */
export const FEED_MAX_BACKOFF_MINUTES = 24 * 60;

/** The wait after `errors` consecutive failures: the interval doubled per failure, capped. */
export function feedBackoffMinutes(intervalMinutes: number, errors: number): number {
  return Math.min(FEED_MAX_BACKOFF_MINUTES, intervalMinutes * 2 ** Math.max(0, errors));
}

export type FeedFetch =
  | { status: 'not_modified' }
  | { status: 'ok'; text: string; url: string; etag: string | null; lastModified: string | null };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Fetch a feed document: conditional GET, redirects re-checked, size-capped, one time-out. */
export async function fetchFeed(
  input: string,
  validators: { etag: string | null; lastModified: string | null },
  options: FetchArticleOptions,
): Promise<FeedFetch> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  let url = checkArticleUrl(input, options);
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = {
      Accept:
        'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
      'User-Agent': 'ClaimDesk/0.1 (feed monitor)',
    };
    if (validators.etag) headers['If-None-Match'] = validators.etag;
    if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
    const res = await guarded(
      options.fetcher(
        new Request(url.toString(), { method: 'GET', redirect: 'manual', signal, headers }),
      ),
      signal,
    );
    if (res.status === 304) {
      await res.body?.cancel();
      return { status: 'not_modified' };
    }
    if (REDIRECTS.has(res.status)) {
      await res.body?.cancel();
      const location = res.headers.get('Location');
      if (!location || hop >= 5)
        throw new IngestError('too_many_redirects', 'The feed redirects too often or nowhere.');
      url = checkArticleUrl(new URL(location, url), options);
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new IngestError('upstream_status', `The site answered HTTP ${res.status}.`);
    }
    const maxBytes = options.maxBytes ?? FEED_MAX_BYTES;
    if (Number(res.headers.get('Content-Length') ?? NaN) > maxBytes) {
      await res.body?.cancel();
      throw new IngestError('article_too_large', `The feed is larger than ${maxBytes} bytes.`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(res, maxBytes, signal);
    } catch (err) {
      if (err instanceof IngestError && err.code === 'article_too_large')
        throw new IngestError('article_too_large', `The feed is larger than ${maxBytes} bytes.`);
      throw err;
    }
    return {
      status: 'ok',
      text: new TextDecoder().decode(bytes),
      url: url.toString(),
      etag: res.headers.get('ETag'),
      lastModified: res.headers.get('Last-Modified'),
    };
  }
}

/** Jobs have no request: the Worker's own origin (refused as a target) stands in for it. */
export function selfUrl(env: Pick<Bindings, 'PUBLIC_ORIGIN'>): string {
  return env.PUBLIC_ORIGIN || 'https://claimdesk.invalid/';
}

function feedOptions(env: Bindings): FetchArticleOptions {
  return { ...articleFetchOptions(env, selfUrl(env)), maxBytes: FEED_MAX_BYTES };
}

/** `feed.poll`: one poll of one feed. Failures are recorded on the feed (and back off), never retried by the queue. */
export const feedPollJob: JobHandler = {
  async run(body, env) {
    const feed = await getFeed(env.DB, String(body.id));
    if (!feed || !feed.active) return;
    const now = Date.now();
    try {
      const got = await fetchFeed(feed.url, feed, feedOptions(env));
      const nextRunAt = new Date(now + feed.intervalMinutes * 60_000).toISOString();
      if (got.status === 'not_modified') {
        await recordPoll(env.DB, feed.id, {
          status: 'not_modified',
          etag: null,
          lastModified: null,
          title: null,
          items: [],
          nextRunAt,
        });
        return;
      }
      const parsed = parseFeed(got.text, got.url);
      const newIds = await recordPoll(env.DB, feed.id, {
        status: 'ok',
        etag: got.etag,
        lastModified: got.lastModified,
        title: parsed.title,
        items: parsed.items.filter((i) => i.link !== null),
        nextRunAt,
      });
      for (const id of newIds) await enqueue(env, { type: 'feed.item', id });
    } catch (err) {
      const known = err instanceof IngestError || err instanceof FeedParseError;
      if (!known)
        console.log(
          JSON.stringify({
            level: 'error',
            event: 'feed.poll_failed',
            feed: feed.id,
            error: String(err),
          }),
        );
      const wait = feedBackoffMinutes(feed.intervalMinutes, feed.consecutiveErrors + 1);
      await recordPollFailure(env.DB, feed.id, {
        status:
          err instanceof IngestError
            ? err.code
            : err instanceof FeedParseError
              ? 'not_a_feed'
              : 'error',
        error: known ? (err as Error).message : 'The poll failed unexpectedly.',
        nextRunAt: new Date(now + wait * 60_000).toISOString(),
      });
    }
  },
};

/** Failures of the remote site that a later try may not meet. */
const TRANSIENT = new Set(['upstream_timeout', 'upstream_unreachable']);

/** `feed.item`: ingest one new item's article (candidates go to the queue) and link it to its feed. */
export const feedItemJob: JobHandler = {
  async run(body, env) {
    const item = await getFeedItem(env.DB, Number(body.id));
    if (!item || item.status !== 'pending' || !item.link) return;
    try {
      const outcome = await ingestArticle(
        env,
        selfUrl(env),
        { url: item.link },
        { userId: null, requestId: `feed:${item.feedId}` },
      );
      await markItemIngested(env.DB, item, outcome.article.id);
    } catch (err) {
      if (err instanceof IngestError && !TRANSIENT.has(err.code)) {
        await markItemFailed(env.DB, item.id, `${err.code}: ${err.message}`);
        return;
      }
      throw err;
    }
  },
  async dead(body, env) {
    await markItemFailed(env.DB, Number(body.id), 'Gave up after the last retry.');
  },
};

/** Cron (`cronTasks.frequent`): queue a poll of every feed that is due. */
export async function queueDueFeeds(env: Bindings, now: Date): Promise<void> {
  const ids = await claimDueFeeds(env.DB, now);
  if (ids.length > 0)
    await env.JOBS.sendBatch(ids.map((id) => ({ body: { type: 'feed.poll', id } })));
}
