-- The public list and search filtered by rating (d1/public.ts), measured with `npm run bench --
-- scale` at 100,000 claims: "rating of the newest published verdict" was a correlated subquery per
-- claim (per search hit, and per row walked by the list until a page was full), and the count of a
-- rating's fact-checks read verdicts one by one, capped at 200 ("more than 200").
-- claims.public_rating is that rating (NULL: nothing published yet), kept by triggers on verdicts
-- like claims.current_rating (0021), which is the newest version's rating, drafts included.
ALTER TABLE claims ADD COLUMN public_rating TEXT;

UPDATE claims SET public_rating = (
  SELECT v.rating_key FROM verdicts v WHERE v.claim_id = claims.id AND v.published_at IS NOT NULL
  ORDER BY v.version DESC LIMIT 1)
WHERE id IN (SELECT claim_id FROM verdicts WHERE published_at IS NOT NULL);

-- A rating's page, newest publication first (the list's order), and its count without reading a
-- claim; with a language, the same two from the second index.
CREATE INDEX claims_public_rating ON claims (status, public_rating, published_at, seq);
CREATE INDEX claims_public_rating_language ON claims (status, public_rating, language, published_at, seq);

-- A verdict version published, inserted, deleted or moved: recompute from the claim's published
-- versions (verdicts are append-only apart from their publication).
CREATE TRIGGER claims_public_rating_ai AFTER INSERT ON verdicts WHEN new.published_at IS NOT NULL BEGIN
  UPDATE claims SET public_rating = (
    SELECT v.rating_key FROM verdicts v WHERE v.claim_id = new.claim_id AND v.published_at IS NOT NULL
    ORDER BY v.version DESC LIMIT 1)
  WHERE id = new.claim_id;
END;

CREATE TRIGGER claims_public_rating_ad AFTER DELETE ON verdicts WHEN old.published_at IS NOT NULL BEGIN
  UPDATE claims SET public_rating = (
    SELECT v.rating_key FROM verdicts v WHERE v.claim_id = old.claim_id AND v.published_at IS NOT NULL
    ORDER BY v.version DESC LIMIT 1)
  WHERE id = old.claim_id;
END;

CREATE TRIGGER claims_public_rating_au AFTER UPDATE OF claim_id, version, rating_key, published_at ON verdicts BEGIN
  UPDATE claims SET public_rating = (
    SELECT v.rating_key FROM verdicts v WHERE v.claim_id = claims.id AND v.published_at IS NOT NULL
    ORDER BY v.version DESC LIMIT 1)
  WHERE id IN (old.claim_id, new.claim_id);
END;
