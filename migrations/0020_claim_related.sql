-- Related fact-checks of a claim page, computed off the request path (worker/http/related-jobs.ts,
-- `claim.related` jobs): for each published or retracted claim, the published claims the matcher
-- finds for its text (up to 10, best first; the page shows the best 3 that are still published).
-- Symmetric: computing B's list also adds B to the lists of the claims it matches (and takes B
-- out of the lists of claims it no longer matches). claim_related_runs records that a claim's list
-- was computed, and from which text (claims.text_hash then): a claim without a run, or whose text
-- changed since, is found by the 10-minute sweep.
CREATE TABLE claim_related (
  claim_id TEXT NOT NULL REFERENCES claims (id),
  related_id TEXT NOT NULL REFERENCES claims (id),
  score REAL NOT NULL,
  computed_at TEXT NOT NULL,
  PRIMARY KEY (claim_id, related_id)
) WITHOUT ROWID;
CREATE INDEX claim_related_related ON claim_related (related_id);

CREATE TABLE claim_related_runs (
  claim_id TEXT PRIMARY KEY REFERENCES claims (id),
  text_hash TEXT NOT NULL,
  computed_at TEXT NOT NULL
) WITHOUT ROWID;

-- Reader search (d1/public.ts listPublic) over published claims only: an FTS5 index whose content
-- is the published claims (a view over claims), kept by triggers, so a public search reads and
-- ranks only published hits (about one claim in seven at scale) instead of every claim's.
-- `INSERT INTO claims_public_fts (claims_public_fts) VALUES ('rebuild')` recomputes it.
CREATE VIEW claims_public_text AS
  SELECT seq, search_text FROM claims WHERE status = 'published';
CREATE VIRTUAL TABLE claims_public_fts USING fts5 (
  search_text,
  content = 'claims_public_text',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO claims_public_fts (claims_public_fts) VALUES ('rebuild');
CREATE TRIGGER claims_public_fts_ai AFTER INSERT ON claims WHEN new.status = 'published' BEGIN
  INSERT INTO claims_public_fts (rowid, search_text) VALUES (new.seq, new.search_text);
END;
CREATE TRIGGER claims_public_fts_ad AFTER DELETE ON claims WHEN old.status = 'published' BEGIN
  INSERT INTO claims_public_fts (claims_public_fts, rowid, search_text)
    VALUES ('delete', old.seq, old.search_text);
END;
CREATE TRIGGER claims_public_fts_au AFTER UPDATE OF status, search_text ON claims
  WHEN old.status = 'published' OR new.status = 'published' BEGIN
  INSERT INTO claims_public_fts (claims_public_fts, rowid, search_text)
    SELECT 'delete', old.seq, old.search_text WHERE old.status = 'published';
  INSERT INTO claims_public_fts (rowid, search_text)
    SELECT new.seq, new.search_text WHERE new.status = 'published';
END;
