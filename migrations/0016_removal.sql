-- Retracted-and-removed fact-checks (issue 12): an admin may take a RETRACTED claim off the public
-- site with a reason; the page then answers 410 Gone (date and reason), embeds show a neutral
-- "removed" state, and the sitemap and export leave it out. Removal is reversible (restore clears
-- the three columns); the desk and the audit log keep the claim and its history.
ALTER TABLE claims ADD COLUMN removed_at TEXT;
ALTER TABLE claims ADD COLUMN removed_reason TEXT;
ALTER TABLE claims ADD COLUMN removed_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
-- Few rows: the removed claims, newest first (desk and audit views, exports of removals).
CREATE INDEX claims_removed ON claims (removed_at) WHERE removed_at IS NOT NULL;
