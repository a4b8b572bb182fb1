-- Per-claim collaboration (issue 11): internal notes with @mentions, topic tags and a checklist.
-- None of it is public: no public page, embed, feed or public API view reads these tables.

-- Internal notes: append-only (a trigger refuses edits); the body is the editor's text as typed.
CREATE TABLE claim_notes (
  id TEXT PRIMARY KEY,
  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  author_id INTEGER NOT NULL REFERENCES users (id),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at TEXT NOT NULL
);
CREATE INDEX claim_notes_claim ON claim_notes (claim_id, created_at);

CREATE TRIGGER claim_notes_append_only BEFORE UPDATE ON claim_notes
BEGIN
  SELECT RAISE(ABORT, 'claim notes are append-only');
END;

-- Who a note mentions, written in the note's batch; read_at is set when the mentioned user opens it.
CREATE TABLE note_mentions (
  note_id TEXT NOT NULL REFERENCES claim_notes (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id),
  read_at TEXT,
  PRIMARY KEY (note_id, user_id)
) WITHOUT ROWID;
-- "Mentions" in the inbox: mine, unread first.
CREATE INDEX note_mentions_user ON note_mentions (user_id, read_at);

-- Topic tags: normalized by the domain (lower case, letters, digits and '-'), at most 32 characters.
CREATE TABLE claim_tags (
  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 32),
  PRIMARY KEY (claim_id, tag)
) WITHOUT ROWID;
CREATE INDEX claim_tags_tag ON claim_tags (tag, claim_id);

-- A claim's checklist: copied from the setting `checklist_defaults` (a JSON array of labels) on the
-- claim's first tick; until then the workspace shows the current defaults, all unticked.
CREATE TABLE claim_checklist (
  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
  done_by INTEGER REFERENCES users (id),
  done_at TEXT,
  PRIMARY KEY (claim_id, position)
) WITHOUT ROWID;
