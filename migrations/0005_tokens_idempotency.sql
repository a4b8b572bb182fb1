-- API tokens become scoped, expiring and revocable; idempotency keys get a lease and lose any
-- secret they stored (issue 14).

-- api_tokens, rebuilt so the new columns can be NOT NULL with a CHECK (SQLite cannot add those to
-- an existing table). scope: 'read' (GET only), 'write' (what an editor may do), 'admin' (what an
-- admin may do; minted by admins only). expires_at: chosen at creation (default 90 days, at most
-- a year). revoked_at: set by DELETE /api/v1/tokens/:id, by signing out with the token, or on the
-- desk's token page. last_used_at: touched at most once a minute by the session lookup.
CREATE TABLE api_tokens_v2 (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);

-- Tokens minted before scopes keep what they could do (an admin's token stays admin, any other
-- is write) but no longer live for ever: they expire 90 days after this migration.
INSERT INTO api_tokens_v2 (id, user_id, name, token_hash, scope, created_at, expires_at, last_used_at, revoked_at)
SELECT
  t.id,
  t.user_id,
  t.name,
  t.token_hash,
  CASE WHEN u.role = 'admin' THEN 'admin' ELSE 'write' END,
  t.created_at,
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+90 days'),
  t.last_used_at,
  t.revoked_at
FROM api_tokens t JOIN users u ON u.id = t.user_id;

DROP TABLE api_tokens;
ALTER TABLE api_tokens_v2 RENAME TO api_tokens;
-- "My tokens" (list, newest first) and "all tokens" (admins) page by id.
CREATE INDEX api_tokens_user ON api_tokens (user_id, id);

-- idempotency_keys.locked_until: the lease of a key in progress (status NULL). A retry after the
-- lease has run out takes the key over (one guarded UPDATE … RETURNING decides the winner) instead
-- of answering 409 until the daily clean-up. Keys left in progress before this migration get an
-- expired lease.
ALTER TABLE idempotency_keys ADD COLUMN locked_until TEXT;
UPDATE idempotency_keys SET locked_until = created_at WHERE status IS NULL;

-- Stored answers used to carry secrets in clear for a day: the session token of a sign-in, the
-- API token of POST /tokens, the tracking token of a public submission (tracking_url in the API's
-- answer, the /track/… redirect of the /submit form). Those rows go; their request_hash (a plain
-- SHA-256 of the body, for a sign-in one that holds the password) goes with them.
DELETE FROM idempotency_keys WHERE scope = 'submit-form';
DELETE FROM idempotency_keys
WHERE response_body IS NOT NULL
  AND json_valid(response_body)
  AND (
    json_type(response_body, '$.token') IS NOT NULL
    OR json_type(response_body, '$.tracking_url') IS NOT NULL
  );
