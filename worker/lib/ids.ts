const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case: URL-safe, no look-alikes

/** A random, URL-safe, unguessable id (default 16 chars ≈ 80 bits): claims, articles, submissions. */
export function newId(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** Shape check for ids made by newId (used by route param schemas). */
export const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{8,32}$/;
