-- Public side: reader submissions and "was this helpful?" feedback.

-- One row per submission through /submit or POST /api/v1/submissions. The claim it created or
-- joined (same normalized text = same claims.text_hash) is claim_id. Only hashes of the tracking
-- token and of the client address are stored; the optional contact e-mail is AES-GCM encrypted
-- with a server secret (never shown publicly, erasable from the tracking page).
CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  claim_id TEXT NOT NULL REFERENCES claims (id),
  text TEXT NOT NULL,
  where_seen_url TEXT,
  where_seen_text TEXT,
  why TEXT,
  language TEXT NOT NULL,
  language_detected INTEGER NOT NULL DEFAULT 0,
  contact_email_enc TEXT,
  contact_deleted_at TEXT,
  tracking_hash TEXT NOT NULL UNIQUE,
  ip_hash TEXT NOT NULL,
  created_new_claim INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX submissions_claim ON submissions (claim_id, created_at);
CREATE INDEX submissions_ip ON submissions (ip_hash, created_at);

-- One vote per reader per claim per day: reader_hash = keyed hash of (client address, UTC day),
-- so no cookie is needed and no address is stored.
CREATE TABLE feedback (
  id INTEGER PRIMARY KEY,
  claim_id TEXT NOT NULL REFERENCES claims (id),
  helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
  reason TEXT,
  reader_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (claim_id, reader_hash)
);
CREATE INDEX feedback_claim ON feedback (claim_id, id);

-- The public lists read the newest published claims of a language first.
CREATE INDEX claims_public ON claims (status, published_at, seq);

-- The feeds read the newest public verdict versions first.
CREATE INDEX verdicts_published ON verdicts (published_at) WHERE published_at IS NOT NULL;
