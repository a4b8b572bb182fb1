-- Optional second factor for desk accounts (issue 14): a TOTP secret per user, sealed with
-- AES-GCM under PUBLIC_DATA_KEY (the database alone cannot open it; worker/lib/reader-keys.ts).
-- totp_secret without totp_enabled_at is a set-up not yet confirmed with a code.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled_at TEXT;
-- The last time step whose code was accepted: a code works once, and never an older one.
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

-- The half-way point of a sign-in: the password was right, the code is still to come. Only the
-- hash of the challenge's secret is stored; it lives five minutes and allows five codes.
CREATE TABLE login_challenges (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The session the browser had when it started signing in, revoked when the new one starts.
  replaces TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  expires_at TEXT NOT NULL
);
CREATE INDEX login_challenges_user ON login_challenges (user_id);
