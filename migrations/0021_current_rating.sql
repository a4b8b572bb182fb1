-- The desk queue filtered by rating (d1/desk.ts), measured with `npm run bench -- scale` at
-- 100,000 claims: "rating of the newest verdict" was a correlated subquery per claim, and the
-- per-status counts looked up every claim whose newest verdict had the rating, one by one through
-- the claim id (p95 38 ms for /desk?rating=false, the only queue variant over budget).
-- claims.current_rating is that rating, kept by triggers on verdicts (NULL: no verdict yet), so
-- the queue reads it from indexes: the newest page of one rating (claims_rating_seq), of one
-- rating and status (claims_rating_status), and the counts per status without reading a claim
-- (claims_rating_status, claims_rating_language for one language alone: covering).
ALTER TABLE claims ADD COLUMN current_rating TEXT;

UPDATE claims SET current_rating = (
  SELECT v.rating_key FROM verdicts v WHERE v.claim_id = claims.id ORDER BY v.version DESC LIMIT 1)
WHERE id IN (SELECT claim_id FROM verdicts);

CREATE INDEX claims_rating_seq ON claims (current_rating, seq);
-- language and assignee_id after seq: the page order is unchanged, and the counts under a rating
-- with a language or an assignee ("unassigned", "mine") stay covering too.
CREATE INDEX claims_rating_status ON claims (current_rating, status, seq, language, assignee_id);
CREATE INDEX claims_rating_language ON claims (current_rating, language, status);

-- A new verdict version (the newest, or a draft after it) or a deleted draft: recompute from the
-- claim's versions (verdicts are append-only: rating_key never changes in place).
CREATE TRIGGER claims_current_rating_ai AFTER INSERT ON verdicts BEGIN
  UPDATE claims SET current_rating = (
    SELECT v.rating_key FROM verdicts v WHERE v.claim_id = new.claim_id ORDER BY v.version DESC LIMIT 1)
  WHERE id = new.claim_id;
END;

CREATE TRIGGER claims_current_rating_ad AFTER DELETE ON verdicts BEGIN
  UPDATE claims SET current_rating = (
    SELECT v.rating_key FROM verdicts v WHERE v.claim_id = old.claim_id ORDER BY v.version DESC LIMIT 1)
  WHERE id = old.claim_id;
END;

CREATE TRIGGER claims_current_rating_au AFTER UPDATE OF claim_id, version, rating_key ON verdicts BEGIN
  UPDATE claims SET current_rating = (
    SELECT v.rating_key FROM verdicts v WHERE v.claim_id = claims.id ORDER BY v.version DESC LIMIT 1)
  WHERE id IN (old.claim_id, new.claim_id);
END;
