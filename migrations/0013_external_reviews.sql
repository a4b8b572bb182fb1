-- ClaimReview import (issue 15): fact-checks published by OTHER organisations, read from a page,
-- a pasted JSON-LD document or a DataFeed. They are never ours: they never enter our verdicts,
-- our ClaimReview or our feeds; a claim page lists the ones matched to it as "Also checked by".

-- One import: parsed and matched at preview time (items: JSON array of the parsed reviews with
-- their proposed claim matches), committed once by an admin after confirming the rating mapping.
-- status: preview, committed.
CREATE TABLE review_imports (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('url', 'document')),
  source_url TEXT,
  items TEXT NOT NULL,
  item_count INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'preview' CHECK (status IN ('preview', 'committed')),
  imported_count INTEGER,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  committed_by INTEGER REFERENCES users (id),
  committed_at TEXT
);
CREATE INDEX review_imports_recent ON review_imports (created_at DESC);

-- A publisher's rating label mapped to our scale, as an admin confirmed it. publisher_key is the
-- publisher's URL host (else its lower-cased name); label_key the label NFC-normalized, trimmed
-- and lower-cased ("Mostly False", «زائف», "Faux").
CREATE TABLE rating_mappings (
  publisher_key TEXT NOT NULL,
  label_key TEXT NOT NULL,
  label TEXT NOT NULL,
  rating_key TEXT NOT NULL,
  confirmed_by INTEGER REFERENCES users (id),
  confirmed_at TEXT NOT NULL,
  PRIMARY KEY (publisher_key, label_key)
);

-- One imported review. review_url is UNIQUE: importing the same review again adds nothing.
-- rating_label / rating_value / best_rating / worst_rating are the publisher's, as written;
-- rating_key is our mapped rating. claim_id: the claim of ours it is about (null: none matched).
CREATE TABLE external_reviews (
  id TEXT PRIMARY KEY,
  review_url TEXT NOT NULL UNIQUE,
  publisher_name TEXT NOT NULL,
  publisher_url TEXT,
  claim_text TEXT NOT NULL,
  claimant TEXT,
  headline TEXT,
  date_published TEXT,
  date_modified TEXT,
  claim_date TEXT,
  rating_label TEXT NOT NULL,
  rating_value REAL,
  best_rating REAL,
  worst_rating REAL,
  rating_key TEXT NOT NULL,
  language TEXT,
  claim_id TEXT REFERENCES claims (id) ON DELETE SET NULL,
  import_id TEXT NOT NULL REFERENCES review_imports (id),
  created_at TEXT NOT NULL
);
CREATE INDEX external_reviews_by_claim ON external_reviews (claim_id, date_published DESC)
  WHERE claim_id IS NOT NULL;
