-- Integrations (issue 15): outgoing webhooks and monitored news feeds.

-- An endpoint an admin registered. `events` is a comma-delimited list with leading and trailing
-- commas (",claim.published,claim.retracted,") so one instr() picks the subscribers of an event.
-- Secrets are AES-GCM sealed under PUBLIC_DATA_KEY (worker/lib/reader-keys.ts sealSecret): they
-- must be readable to sign, so they cannot be hashed. During a rotation the previous secret signs
-- too, until previous_expires_at.
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  description TEXT,
  events TEXT NOT NULL,
  secret_enc TEXT NOT NULL,
  previous_secret_enc TEXT,
  previous_expires_at TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL
);

-- One message to one endpoint. id is the Standard Webhooks `webhook-id` (same on every retry and
-- on a redelivery). status: pending (queued or retrying), delivered, failed (gave up: the DLQ).
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_status_code INTEGER,
  last_error TEXT,
  last_duration_ms INTEGER,
  created_at TEXT NOT NULL,
  last_attempt_at TEXT,
  delivered_at TEXT
);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, created_at DESC);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (created_at) WHERE status = 'pending';

-- A monitored RSS/Atom feed. next_run_at decides when the 10-minute cron polls it; a failing feed
-- doubles its interval per consecutive error (capped). etag / last_modified make the poll conditional.
CREATE TABLE feeds (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  title TEXT,
  interval_minutes INTEGER NOT NULL DEFAULT 30 CHECK (interval_minutes BETWEEN 10 AND 1440),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  etag TEXT,
  last_modified TEXT,
  last_run_at TEXT,
  last_status TEXT,
  last_error TEXT,
  items_seen INTEGER NOT NULL DEFAULT 0,
  items_ingested INTEGER NOT NULL DEFAULT 0,
  consecutive_errors INTEGER NOT NULL DEFAULT 0,
  next_run_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX feeds_due ON feeds (next_run_at) WHERE active = 1;

-- Every item a feed ever listed, once (UNIQUE per feed by guid/id, else link): an item seen twice
-- is ingested once. status: pending (queued), ingested, failed.
CREATE TABLE feed_items (
  id INTEGER PRIMARY KEY,
  feed_id TEXT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  item_key TEXT NOT NULL,
  link TEXT,
  title TEXT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ingested', 'failed')),
  article_id TEXT REFERENCES articles (id),
  error TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (feed_id, item_key)
);

-- The feed an article came from (null: ingested by hand).
ALTER TABLE articles ADD COLUMN feed_id TEXT REFERENCES feeds (id) ON DELETE SET NULL;
