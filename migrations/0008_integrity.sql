-- Editorial integrity (issue 10): a published fact-check stays published while a correction is
-- prepared beside it; every change to its public face is a numbered public version; only an
-- admin's retraction takes a verdict down; triage is reversible; publishing may need a second
-- editor; ClaimReview's claimReviewed is the claim's own neutral wording.

-- The verdict's one-line text is its conclusion: a headline, not a paraphrase of the claim.
-- (RENAME COLUMN also rewrites the append-only trigger that names the column.)
ALTER TABLE verdicts RENAME COLUMN summary TO headline;

-- claims, rebuilt so its status CHECK admits 'retracted' (SQLite cannot alter a CHECK).
-- New columns: claim_reviewed (a neutral short wording of the claim, ≤ 75 characters, written by
-- an editor; ClaimReview's claimReviewed) and retracted_at. The FTS rowid (seq) is kept, so the
-- full-text index stays valid; the implicit DELETE of DROP TABLE fires no trigger, so the
-- per-status counts stay exact. Foreign keys (sources, verdicts, submissions, feedback,
-- duplicate_of) are checked at the end, when "claims" names the new table again.
PRAGMA defer_foreign_keys = true;

CREATE TABLE claims_v2 (
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
  claim_reviewed TEXT,
  article_id TEXT REFERENCES articles (id),
  start_offset INTEGER,
  end_offset INTEGER,
  score REAL,
  claim_type TEXT,
  speaker TEXT,
  why TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL CHECK (status IN ('candidate', 'submitted', 'queued', 'in_review', 'published', 'rejected', 'duplicate', 'retracted')),
  duplicate_of TEXT REFERENCES claims (id),
  assignee_id INTEGER REFERENCES users (id),
  submission_count INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,
  retracted_at TEXT
);

INSERT INTO claims_v2 (seq, id, text, search_text, text_hash, language, claimant, claimant_type, claim_date,
  appearances, claim_reviewed, article_id, start_offset, end_offset, score, claim_type, speaker, why, status,
  duplicate_of, assignee_id, submission_count, version, created_by, created_at, updated_at, published_at, retracted_at)
SELECT seq, id, text, search_text, text_hash, language, claimant, claimant_type, claim_date,
  appearances, NULL, article_id, start_offset, end_offset, score, claim_type, speaker, why, status,
  duplicate_of, assignee_id, submission_count, version, created_by, created_at, updated_at, published_at, NULL
FROM claims;

DROP TABLE claims;
ALTER TABLE claims_v2 RENAME TO claims;

CREATE INDEX claims_status ON claims (status, seq);
CREATE INDEX claims_language ON claims (language, seq);
CREATE INDEX claims_article ON claims (article_id, seq);
CREATE INDEX claims_text_hash ON claims (text_hash);
CREATE INDEX claims_assignee ON claims (assignee_id, seq);
CREATE INDEX claims_published ON claims (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX claims_public ON claims (status, published_at, seq);
CREATE INDEX claims_language_status ON claims (language, status);

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
CREATE TRIGGER claim_status_counts_ai AFTER INSERT ON claims BEGIN
  INSERT INTO claim_status_counts (status, n) VALUES (new.status, 1)
    ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER claim_status_counts_ad AFTER DELETE ON claims BEGIN
  UPDATE claim_status_counts SET n = n - 1 WHERE status = old.status;
END;
CREATE TRIGGER claim_status_counts_au AFTER UPDATE OF status ON claims
  WHEN old.status IS NOT new.status BEGIN
  UPDATE claim_status_counts SET n = n - 1 WHERE status = old.status;
  INSERT INTO claim_status_counts (status, n) VALUES (new.status, 1)
    ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;

PRAGMA defer_foreign_keys = false;

-- The public record: one row per public version of a claim, append-only. number 1 is the first
-- publication; then each correction (the rating changed), update (any other public field
-- changed: text, claimant, date, appearances, sources, headline, explanation, claimReviewed) or
-- retraction. snapshot is the whole public face as this version published it (JSON), so the log
-- can show the earlier wording of every field. note is the public note (required after the
-- first publication). editor_id published it; approver_id approved it when the newsroom requires
-- a second editor.
CREATE TABLE claim_versions (
  id INTEGER PRIMARY KEY,
  claim_id TEXT NOT NULL REFERENCES claims (id),
  number INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('publication', 'correction', 'update', 'retraction')),
  note TEXT,
  snapshot TEXT NOT NULL,
  published_at TEXT NOT NULL,
  editor_id INTEGER REFERENCES users (id),
  approver_id INTEGER REFERENCES users (id),
  UNIQUE (claim_id, number)
);
CREATE TRIGGER claim_versions_append_only BEFORE UPDATE ON claim_versions
BEGIN
  SELECT RAISE(ABORT, 'claim versions are append-only');
END;

-- A correction or update being prepared for a published claim, visible only in the desk: the
-- changed public fields (JSON, a subset of text, claimant, claimantType, claimDate, appearances,
-- claimReviewed); the draft verdict is the newest unpublished verdict version; draft sources
-- carry sources.draft. At most one draft per claim.
CREATE TABLE claim_drafts (
  claim_id TEXT PRIMARY KEY REFERENCES claims (id),
  fields TEXT NOT NULL DEFAULT '{}',
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- A source added ('add') or withdrawn ('remove') in a correction draft; NULL = public.
ALTER TABLE sources ADD COLUMN draft TEXT CHECK (draft IN ('add', 'remove'));

-- "Publishing needs a second editor": a request names the claim version the requester saw; an
-- approval by another editor publishes exactly that version (a later edit voids the request).
CREATE TABLE publish_requests (
  claim_id TEXT PRIMARY KEY REFERENCES claims (id),
  claim_version INTEGER NOT NULL,
  note TEXT,
  requested_by INTEGER NOT NULL REFERENCES users (id),
  requested_at TEXT NOT NULL
);

-- Newsroom settings (key → value), edited by admins.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- A statement that fails (and so rolls back its whole db.batch()) unless a claim is still at the
-- version the writer read: `INSERT OR REPLACE INTO write_guard (id, ok) SELECT 1, EXISTS (…)`.
-- Used by writes that touch several tables, where a guarded UPDATE alone cannot stop the rest.
CREATE TABLE write_guard (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  ok INTEGER NOT NULL CHECK (ok = 1)
);

-- Existing published claims get their record: one version per published verdict version (the
-- first a publication, each later one a correction when its rating changed, else an update, with
-- its correction note), so every public page opens with a history.
INSERT INTO claim_versions (claim_id, number, kind, note, snapshot, published_at, editor_id)
SELECT p.claim_id, p.number,
  CASE WHEN p.number = 1 THEN 'publication' WHEN p.rating_key IS NOT p.previous_rating THEN 'correction' ELSE 'update' END,
  p.correction_note,
  json_object('text', c.text, 'claimant', c.claimant, 'claimantType', c.claimant_type, 'claimDate', c.claim_date,
    'appearances', json(c.appearances), 'claimReviewed', NULL, 'language', c.language,
    'verdict', json_object('ratingKey', p.rating_key, 'headline', p.headline, 'explanation', p.explanation,
      'language', p.language, 'version', p.version),
    'sources', (SELECT json_group_array(json_object('url', s.url, 'title', s.title, 'publisher', s.publisher,
        'stance', s.stance)) FROM sources s WHERE s.claim_id = c.id)),
  p.published_at, p.author_id
FROM (
  SELECT v.*, ROW_NUMBER() OVER (PARTITION BY v.claim_id ORDER BY v.version) AS number,
    LAG(v.rating_key) OVER (PARTITION BY v.claim_id ORDER BY v.version) AS previous_rating
  FROM verdicts v WHERE v.published_at IS NOT NULL
) p JOIN claims c ON c.id = p.claim_id
WHERE c.status = 'published';
