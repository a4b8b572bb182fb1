-- Migration number: 0006 	 Accounts: admin-issued one-time password reset links.
-- The link carries a random secret; only its SHA-256 is stored. A link lives 24 hours and works
-- once (used_at is set by the guarded UPDATE that wins); issuing a new link for an account drops
-- that account's unused ones.
CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX password_resets_user ON password_resets (user_id);
