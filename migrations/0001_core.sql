-- ClaimDesk core schema. Times are ISO-8601 UTC text; JSON columns hold arrays/objects as text.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
  password_hash TEXT NOT NULL,
  password_salt TEXT NOT NULL,
  password_iterations INTEGER NOT NULL CHECK (password_iterations <= 100000),
  locale TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

-- Browser and API sessions: only the SHA-256 of the bearer secret is stored.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Long-lived integration tokens; only hashes stored.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  url TEXT,
  canonical_url TEXT,
  title TEXT,
  byline TEXT,
  publisher TEXT,
  language TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('ltr', 'rtl')),
  published_at TEXT,
  body TEXT NOT NULL,
  body_hash TEXT NOT NULL UNIQUE,
  fetched_at TEXT,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL
);

-- seq is the internal, stable row id (FTS rowid, cursor order); id is the public random id.
CREATE TABLE claims (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  text TEXT NOT NULL,
  search_text TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  language TEXT NOT NULL,
  claimant TEXT,
  claimant_type TEXT CHECK (claimant_type IN ('person', 'organization')),
  claim_date TEXT,
  appearances TEXT NOT NULL DEFAULT '[]',
  article_id TEXT REFERENCES articles (id),
  start_offset INTEGER,
  end_offset INTEGER,
  score REAL,
  claim_type TEXT,
  speaker TEXT,
  why TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL CHECK (status IN ('candidate', 'submitted', 'queued', 'in_review', 'published', 'rejected', 'duplicate')),
  duplicate_of TEXT REFERENCES claims (id),
  assignee_id INTEGER REFERENCES users (id),
  submission_count INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT
);
CREATE INDEX claims_status ON claims (status, seq);
CREATE INDEX claims_language ON claims (language, seq);
CREATE INDEX claims_article ON claims (article_id, seq);
CREATE INDEX claims_text_hash ON claims (text_hash);
CREATE INDEX claims_assignee ON claims (assignee_id, seq);
CREATE INDEX claims_published ON claims (published_at) WHERE published_at IS NOT NULL;

-- Full-text index over the normalized, light-stemmed claim text (see worker/extract/normalize.ts).
CREATE VIRTUAL TABLE claims_fts USING fts5 (
  search_text,
  content = 'claims',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (rowid, search_text) VALUES (new.seq, new.search_text);
END;
CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
END;
CREATE TRIGGER claims_fts_au AFTER UPDATE OF search_text ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
  INSERT INTO claims_fts (rowid, search_text) VALUES (new.seq, new.search_text);
END;

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  claim_id TEXT NOT NULL REFERENCES claims (id),
  url TEXT NOT NULL,
  title TEXT,
  publisher TEXT,
  excerpt TEXT,
  stance TEXT NOT NULL CHECK (stance IN ('supports', 'refutes', 'context')),
  archived_url TEXT,
  added_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX sources_claim ON sources (claim_id, id);

CREATE TABLE rating_scales (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 0
);

-- value NULL = a non-scale rating (misleading, unproven). labels = {"en":…,"ar":…,"fr":…}.
CREATE TABLE ratings (
  scale_id TEXT NOT NULL REFERENCES rating_scales (id),
  key TEXT NOT NULL,
  value INTEGER,
  color TEXT NOT NULL,
  position INTEGER NOT NULL,
  labels TEXT NOT NULL,
  PRIMARY KEY (scale_id, key)
);

-- Append-only: a correction is a new row with a higher version and a note.
CREATE TABLE verdicts (
  id INTEGER PRIMARY KEY,
  claim_id TEXT NOT NULL REFERENCES claims (id),
  version INTEGER NOT NULL,
  rating_key TEXT NOT NULL,
  summary TEXT NOT NULL,
  explanation TEXT NOT NULL,
  language TEXT NOT NULL,
  correction_note TEXT,
  author_id INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  published_at TEXT,
  UNIQUE (claim_id, version)
);
CREATE TRIGGER verdicts_append_only BEFORE UPDATE OF rating_key, summary, explanation, language, correction_note, version ON verdicts
BEGIN
  SELECT RAISE(ABORT, 'verdicts are append-only');
END;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER REFERENCES users (id),
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before TEXT,
  after TEXT,
  request_id TEXT
);
CREATE INDEX audit_entity ON audit_log (entity_type, entity_id, id);

-- Replayed POSTs: same scope + key returns the stored response.
CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER,
  response_body TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_created ON idempotency_keys (created_at);

-- Fixed-window counters for rate limits (login attempts, public forms).
CREATE TABLE rate_limits (
  key TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (key, window_start)
);
