-- Semantic matching (worker/match/): which claims are embedded in the vector index, from which
-- text (claims.text_hash at the time) and with which model. The 10-minute sweep compares this with
-- claims to find claims to embed (new, edited text, other model) or to take out of the index
-- (status no longer searchable); `claim.embed` jobs do the work and record the outcome here.
-- `vector` is used only by the stand-in index (EMBEDDER=standin, local development and tests);
-- with Vectorize it stays NULL.
CREATE TABLE claim_embeddings (
  claim_id TEXT PRIMARY KEY REFERENCES claims (id),
  text_hash TEXT,
  model TEXT,
  embedded_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('queued', 'indexed', 'failed', 'removed', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  queued_at TEXT,
  vector TEXT
);
CREATE INDEX claim_embeddings_status ON claim_embeddings (status, queued_at);
