-- Indexes found missing at 100,000 claims (test/core/query-plans.test.ts, test/bench/scale.bench.mjs).

-- The desk's queue page lists the 50 newest articles (d1/desk.ts queueScreen, filter choices) on
-- every load: without an index that is a full scan of articles plus a sort. The index also serves
-- the rowid tie-break (ORDER BY created_at DESC, rowid DESC).
CREATE INDEX articles_created ON articles (created_at);

-- The queue's per-status counts under a language filter (SELECT status, count(*) … WHERE language
-- = ? GROUP BY status) looked up every claim of that language in the table: 57 ms at 100,000
-- claims, 1.8 ms from this covering index. It also serves language + status pages (seq is the
-- rowid, so each (language, status) run is already in seq order).
CREATE INDEX claims_language_status ON claims (language, status);
