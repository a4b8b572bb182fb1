-- A claim's due date (issue 11): the day the desk wants the check done, set by an editor in the
-- workspace; the queue sorts by it, "My work" lists what is due soon, the daily digest names it.
-- A calendar date (YYYY-MM-DD, the newsroom's day), not an instant; NULL = no deadline.
ALTER TABLE claims ADD COLUMN due_date TEXT
  CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');

-- Open work by deadline (the digest and "due soon"): only claims that have one.
CREATE INDEX claims_due ON claims (due_date, status) WHERE due_date IS NOT NULL;
