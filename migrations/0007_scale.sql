-- Scale fixes at 100,000 claims (test/core/query-plans.test.ts, test/bench/scale.bench.mjs).

-- Claims per status, kept exact by triggers. The desk queue shows these counts on every page
-- load; without a filter, `SELECT status, count(*) FROM claims GROUP BY status` reads the whole
-- claims_status index (10.6 ms at 100,000 claims, growing with the table). Seven rows instead.
-- A cache would show an editor stale counts right after their own status move; the triggers cost
-- one small write per claim insert, delete or status change, in the same transaction.
-- (Filtered counts — language, assignee, article, rating, text — still come from the indexes.)
CREATE TABLE claim_status_counts (
  status TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO claim_status_counts (status, n) SELECT status, count(*) FROM claims GROUP BY status;

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
