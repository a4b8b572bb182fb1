-- The desk queue (issue 11): indexes for its sorts over open work, and the intake key that makes
-- "same text at the same instant" one claim.

-- "Work to do" is submitted + queued + in_review (d1/desk.ts WORK_STATUSES; candidates are triaged
-- on their article's page). Each sort of the queue over that set walks one small partial index in
-- order and stops after a page, seeking to the keyset cursor (never OFFSET). NULL scores and due
-- dates sort last through the same ifnull() the queries use. A single status filter inside the
-- work set reads the same indexes (the query keeps the work-set term).
CREATE INDEX claims_work_seq ON claims (seq DESC)
  WHERE status IN ('submitted', 'queued', 'in_review');
CREATE INDEX claims_work_score ON claims (ifnull(score, -1) DESC, seq DESC)
  WHERE status IN ('submitted', 'queued', 'in_review');
CREATE INDEX claims_work_demand ON claims (submission_count DESC, seq DESC)
  WHERE status IN ('submitted', 'queued', 'in_review');
CREATE INDEX claims_work_due ON claims (ifnull(due_date, '9999-12-31') ASC, seq DESC)
  WHERE status IN ('submitted', 'queued', 'in_review');
CREATE INDEX claims_work_updated ON claims (updated_at DESC, seq DESC)
  WHERE status IN ('submitted', 'queued', 'in_review');
-- "Unassigned" over open work (assignee_id IS NULL cannot use claims_assignee's equality well).
CREATE INDEX claims_work_unassigned ON claims (seq DESC)
  WHERE assignee_id IS NULL AND status IN ('submitted', 'queued', 'in_review');

-- One row per normalized text that public intake turned into a claim. The PRIMARY KEY is what
-- decides a race: d1/submissions.ts inserts the key with ON CONFLICT DO NOTHING and creates the
-- claim only if its own key row is the one stored, all in one batch, so 30 identical submissions
-- at the same instant make one claim (and 30 submissions rows, each with its tracking link).
-- A claim whose text an editor later changed keeps receiving submissions of the original text.
CREATE TABLE intake_keys (
  text_hash TEXT PRIMARY KEY,
  -- The claim this text made. No FOREIGN KEY on purpose: the key is written first in the batch and
  -- the claim right after it; a deferred key would make that INSERT check every child table of
  -- claims (a scan of claims by duplicate_of).
  claim_id TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
