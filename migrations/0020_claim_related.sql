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
