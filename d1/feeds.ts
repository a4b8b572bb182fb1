/**
 * Monitored news feeds: the feed (schedule, conditional-GET validators, status counters) and every
 * item it ever listed (UNIQUE per feed, so an item seen twice is ingested once).
 */
import { newId } from '../worker/lib/ids';
import { auditStatement, type Actor } from './audit';

export interface Feed {
  id: string;
  url: string;
  title: string | null;
  intervalMinutes: number;
  active: boolean;
  etag: string | null;
  lastModified: string | null;
  lastRunAt: string | null;
  lastStatus: string | null;
  lastError: string | null;
  itemsSeen: number;
  itemsIngested: number;
  consecutiveErrors: number;
  nextRunAt: string;
  createdAt: string;
}

export interface FeedItem {
  id: number;
  feedId: string;
  feedUrl: string;
  itemKey: string;
  link: string | null;
  title: string | null;
  status: 'pending' | 'ingested' | 'failed';
  articleId: string | null;
  error: string | null;
  createdAt: string;
}

interface FeedRow {
  id: string;
  url: string;
  title: string | null;
  interval_minutes: number;
  active: number;
  etag: string | null;
  last_modified: string | null;
  last_run_at: string | null;
  last_status: string | null;
  last_error: string | null;
  items_seen: number;
  items_ingested: number;
  consecutive_errors: number;
  next_run_at: string;
  created_at: string;
}

interface ItemRow {
  id: number;
  feed_id: string;
  feed_url: string;
  item_key: string;
  link: string | null;
  title: string | null;
  status: FeedItem['status'];
  article_id: string | null;
  error: string | null;
  created_at: string;
}

function toFeed(r: FeedRow): Feed {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    intervalMinutes: r.interval_minutes,
    active: r.active === 1,
    etag: r.etag,
    lastModified: r.last_modified,
    lastRunAt: r.last_run_at,
    lastStatus: r.last_status,
    lastError: r.last_error,
    itemsSeen: r.items_seen,
    itemsIngested: r.items_ingested,
    consecutiveErrors: r.consecutive_errors,
    nextRunAt: r.next_run_at,
    createdAt: r.created_at,
  };
}

function toItem(r: ItemRow): FeedItem {
  return {
    id: r.id,
    feedId: r.feed_id,
    feedUrl: r.feed_url,
    itemKey: r.item_key,
    link: r.link,
    title: r.title,
    status: r.status,
    articleId: r.article_id,
    error: r.error,
    createdAt: r.created_at,
  };
}

const FEED_COLUMNS = `id, url, title, interval_minutes, active, etag, last_modified, last_run_at, last_status,
  last_error, items_seen, items_ingested, consecutive_errors, next_run_at, created_at`;

export async function listFeeds(db: D1Database): Promise<Feed[]> {
  const { results } = await db
    .prepare(`SELECT ${FEED_COLUMNS} FROM feeds ORDER BY created_at DESC, id`)
    .all<FeedRow>();
  return results.map(toFeed);
}

export async function getFeed(db: D1Database, id: string): Promise<Feed | null> {
  const row = await db
    .prepare(`SELECT ${FEED_COLUMNS} FROM feeds WHERE id = ?1`)
    .bind(id)
    .first<FeedRow>();
  return row ? toFeed(row) : null;
}

/** Register a feed, due at once; null when the URL is already registered. Audited. */
export async function createFeed(
  db: D1Database,
  input: { url: string; title: string | null; intervalMinutes: number },
  actor: Actor,
): Promise<Feed | null> {
  const id = newId();
  const now = new Date().toISOString();
  try {
    await db.batch([
      db
        .prepare(
          `INSERT INTO feeds (id, url, title, interval_minutes, next_run_at, created_by, created_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5)`,
        )
        .bind(id, input.url, input.title, input.intervalMinutes, now, actor.userId),
      auditStatement(db, actor, 'feed.create', { type: 'feed', id }, null, { url: input.url }),
    ]);
  } catch (err) {
    if (err instanceof Error && /UNIQUE constraint failed: feeds\.url/.test(err.message))
      return null;
    throw err;
  }
  return getFeed(db, id);
}

/** Remove a feed and its item log (articles stay, no longer linked); false when there was none. */
export async function deleteFeed(db: D1Database, id: string, actor: Actor): Promise<boolean> {
  const [, , , audit] = await db.batch([
    db.prepare(`UPDATE articles SET feed_id = NULL WHERE feed_id = ?1`).bind(id),
    db.prepare(`DELETE FROM feed_items WHERE feed_id = ?1`).bind(id),
    db.prepare(`DELETE FROM feeds WHERE id = ?1`).bind(id),
    auditStatement(db, actor, 'feed.delete', { type: 'feed', id }, null, null, {
      onlyIfChanged: true,
    }),
  ]);
  return (audit?.results.length ?? 0) === 1;
}

/**
 * Feeds due at `now`, each pushed to `now + interval` in the same statement so the next tick does
 * not enqueue it again while its poll is under way (the poll sets the real next run).
 */
export async function claimDueFeeds(db: D1Database, now: Date, limit = 50): Promise<string[]> {
  const iso = now.toISOString();
  const { results } = await db
    .prepare(
      `UPDATE feeds SET next_run_at = strftime('%Y-%m-%dT%H:%M:%fZ', ?1, '+' || interval_minutes || ' minutes')
       WHERE id IN (SELECT id FROM feeds WHERE active = 1 AND next_run_at <= ?1 ORDER BY next_run_at LIMIT ?2)
       RETURNING id`,
    )
    .bind(iso, limit)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

export interface NewFeedItem {
  key: string;
  link: string | null;
  title: string | null;
}

export interface PollSuccess {
  status: 'ok' | 'not_modified';
  etag: string | null;
  lastModified: string | null;
  title: string | null;
  items: NewFeedItem[];
  nextRunAt: string;
}

/**
 * A successful poll in one batch: the items never seen before (INSERT OR IGNORE on the per-feed
 * key), the validators, the status and the counters. Returns the new items' ids.
 */
export async function recordPoll(
  db: D1Database,
  feedId: string,
  poll: PollSuccess,
): Promise<number[]> {
  const now = new Date().toISOString();
  const inserts = poll.items.map((it) =>
    db
      .prepare(
        `INSERT OR IGNORE INTO feed_items (feed_id, item_key, link, title, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id`,
      )
      .bind(feedId, it.key, it.link, it.title, now),
  );
  const results = await db.batch([
    ...inserts,
    db
      .prepare(
        `UPDATE feeds SET last_run_at = ?2, last_status = ?3, last_error = NULL, consecutive_errors = 0,
           etag = COALESCE(?4, etag), last_modified = COALESCE(?5, last_modified),
           title = COALESCE(title, ?6), next_run_at = ?7,
           items_seen = (SELECT COUNT(*) FROM feed_items WHERE feed_id = ?1)
         WHERE id = ?1`,
      )
      .bind(feedId, now, poll.status, poll.etag, poll.lastModified, poll.title, poll.nextRunAt),
  ]);
  return results
    .slice(0, inserts.length)
    .flatMap((r) => (r.results as { id: number }[]).map((x) => x.id));
}

/** A failed poll: the error where people see it, one more consecutive error, the backed-off next run. */
export async function recordPollFailure(
  db: D1Database,
  feedId: string,
  failure: { status: string; error: string; nextRunAt: string },
): Promise<void> {
  await db
    .prepare(
      `UPDATE feeds SET last_run_at = ?2, last_status = ?3, last_error = ?4,
         consecutive_errors = consecutive_errors + 1, next_run_at = ?5
       WHERE id = ?1`,
    )
    .bind(feedId, new Date().toISOString(), failure.status, failure.error, failure.nextRunAt)
    .run();
}

const ITEM_SELECT = `SELECT i.id, i.feed_id, f.url AS feed_url, i.item_key, i.link, i.title, i.status, i.article_id,
  i.error, i.created_at FROM feed_items i JOIN feeds f ON f.id = i.feed_id`;

export async function getFeedItem(db: D1Database, id: number): Promise<FeedItem | null> {
  const row = await db.prepare(`${ITEM_SELECT} WHERE i.id = ?1`).bind(id).first<ItemRow>();
  return row ? toItem(row) : null;
}

/** The newest items of a feed. */
export async function listFeedItems(
  db: D1Database,
  feedId: string,
  limit = 20,
): Promise<FeedItem[]> {
  const { results } = await db
    .prepare(`${ITEM_SELECT} WHERE i.feed_id = ?1 ORDER BY i.id DESC LIMIT ?2`)
    .bind(feedId, limit)
    .all<ItemRow>();
  return results.map(toItem);
}

/** An item became an article: link both to the feed and count it, in one batch. */
export async function markItemIngested(
  db: D1Database,
  item: { id: number; feedId: string },
  articleId: string,
): Promise<void> {
  await db.batch([
    db
      .prepare(
        `UPDATE feed_items SET status = 'ingested', article_id = ?2, error = NULL WHERE id = ?1 AND status = 'pending'`,
      )
      .bind(item.id, articleId),
    db
      .prepare(
        `UPDATE feeds SET items_ingested = items_ingested + 1 WHERE id = ?1 AND changes() = 1`,
      )
      .bind(item.feedId),
    db
      .prepare(`UPDATE articles SET feed_id = ?2 WHERE id = ?1 AND feed_id IS NULL`)
      .bind(articleId, item.feedId),
  ]);
}

export async function markItemFailed(db: D1Database, id: number, error: string): Promise<void> {
  await db
    .prepare(
      `UPDATE feed_items SET status = 'failed', error = ?2 WHERE id = ?1 AND status = 'pending'`,
    )
    .bind(id, error)
    .run();
}
