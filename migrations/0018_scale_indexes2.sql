-- Scale fixes, second round (issue 14 item 5; measured with `npm run bench -- scale` at 100,000
-- claims, plans checked by test/core/query-plans.test.ts).

-- The desk queue in every order, not only over open work (migrations/0010 covers the work set):
-- "all statuses" and one status (candidate, published, …) sorted by check-worthiness, reader
-- demand, due date or last change read the whole claims table and sorted it (a temporary B-tree of
-- 100,000 rows) for every page. Each index walks the page's order and seeks to the keyset cursor.
-- The key expressions are spelled exactly as d1/desk.ts SORT_KEYS (so the planner can use them);
-- d1/desk.ts names them with INDEXED BY.
CREATE INDEX claims_all_score ON claims (ifnull(score, -1) DESC, seq DESC);
CREATE INDEX claims_all_demand ON claims (submission_count DESC, seq DESC);
CREATE INDEX claims_all_due ON claims (ifnull(due_date, '9999-12-31') ASC, seq DESC);
CREATE INDEX claims_all_updated ON claims (updated_at DESC, seq DESC);
CREATE INDEX claims_status_score ON claims (status, ifnull(score, -1) DESC, seq DESC);
CREATE INDEX claims_status_demand ON claims (status, submission_count DESC, seq DESC);
CREATE INDEX claims_status_due ON claims (status, ifnull(due_date, '9999-12-31') ASC, seq DESC);
CREATE INDEX claims_status_updated ON claims (status, updated_at DESC, seq DESC);

-- The public list of one language, newest publication first: claims_language_status (language,
-- status) found the rows but not in order, so every page sorted all published claims of that
-- language. (language, status, published_at) + the rowid (seq) is the page's order.
CREATE INDEX claims_public_language ON claims (language, status, published_at);

-- "Rating of the newest verdict" counted from the verdicts side (d1/desk.ts queue counts): the
-- claims whose newest version carries that rating, without reading every claim.
CREATE INDEX verdicts_rating ON verdicts (rating_key, claim_id, version);

-- Claims per (language, status), kept exact by triggers like claim_status_counts (0007): the desk
-- queue filtered by language shows these counts on every load; they read a third of the
-- claims_language_status index before.
CREATE TABLE claim_language_counts (
  language TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (language, status)
) WITHOUT ROWID;

INSERT INTO claim_language_counts (language, status, n)
  SELECT language, status, count(*) FROM claims GROUP BY language, status;

CREATE TRIGGER claim_language_counts_ai AFTER INSERT ON claims BEGIN
  INSERT INTO claim_language_counts (language, status, n) VALUES (new.language, new.status, 1)
    ON CONFLICT (language, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER claim_language_counts_ad AFTER DELETE ON claims BEGIN
  UPDATE claim_language_counts SET n = n - 1 WHERE language = old.language AND status = old.status;
END;

CREATE TRIGGER claim_language_counts_au AFTER UPDATE OF status, language ON claims
  WHEN old.status IS NOT new.status OR old.language IS NOT new.language BEGIN
  UPDATE claim_language_counts SET n = n - 1 WHERE language = old.language AND status = old.status;
  INSERT INTO claim_language_counts (language, status, n) VALUES (new.language, new.status, 1)
    ON CONFLICT (language, status) DO UPDATE SET n = n + 1;
END;
