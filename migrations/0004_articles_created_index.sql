-- The desk's queue page lists the 50 newest articles (d1/desk.ts queueScreen, filter choices) on
-- every load: without an index that is a full scan of articles plus a sort. Found by
-- test/core/query-plans.test.ts. The index also serves the rowid tie-break (ORDER BY created_at
-- DESC, rowid DESC).
CREATE INDEX articles_created ON articles (created_at);
