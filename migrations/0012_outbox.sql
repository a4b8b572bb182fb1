-- Outgoing e-mail (worker/notify/): one row per message, written in the same batch as the change
-- that causes it, then delivered by the `email.send` job. The row is the record; a queue message
-- only names it. Recipients are references ('submission:<id>', 'user:<id>'), never addresses:
-- a reader's address stays encrypted in submissions.contact_email_enc and is resolved at delivery.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  recipient_ref TEXT NOT NULL,
  -- Shown in the desk: r***@example.org, set when the message is composed.
  recipient_masked TEXT,
  locale TEXT NOT NULL,
  -- NULL until composed: reader notices are composed at delivery (the origin, the claim as published).
  subject TEXT,
  body_text TEXT,
  body_html TEXT,
  claim_id TEXT,
  -- The editor whose action caused it (an assignment, a mention), named in the message.
  caused_by INTEGER REFERENCES users (id),
  -- One message per cause: a repeated write inserts nothing (ON CONFLICT DO NOTHING).
  dedupe_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'sent', 'failed', 'dead', 'held', 'cancelled')),
  -- Which transport took it: local (never left the machine), cloudflare, http.
  transport TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  -- Set when a job was put on the queue for it; NULL rows are picked up after the write.
  enqueued_at TEXT,
  -- A delivery in progress holds the row until then (two jobs never send the same row at once).
  lease_until TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX outbox_unenqueued ON outbox (created_at) WHERE enqueued_at IS NULL;
CREATE INDEX outbox_recent ON outbox (created_at DESC, id);

-- What happened to each message, oldest first: queued, sent, failed (with the error), dead, retried.
CREATE TABLE outbox_log (
  id INTEGER PRIMARY KEY,
  outbox_id TEXT NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  event TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX outbox_log_message ON outbox_log (outbox_id, id);

-- Editors who turned e-mail off (/desk/account): absent = on.
CREATE TABLE user_mail_prefs (
  user_id INTEGER PRIMARY KEY REFERENCES users (id),
  mail_off INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);

-- The 90-day limit on a reader's address (daily cron) reads submissions by age.
CREATE INDEX submissions_contact_age ON submissions (created_at) WHERE contact_email_enc IS NOT NULL;
