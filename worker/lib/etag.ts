/** The API's claim validators: `"v<version>"` ETags and the If-Match precondition (RFC 9110 §13.1.1). */

/** Strong ETag of a claim's editable state. */
export function claimEtag(claim: { version: number }): string {
  return `"v${claim.version}"`;
}

/**
 * An If-Match header as the API reads it: absent, not a valid field value, `*` (any current
 * representation), or a list of entity tags reduced to the claim versions they name. If-Match
 * uses the strong comparison, so a weak tag (`W/"v3"`) or a tag we never send names no version:
 * it is well-formed but matches nothing (412, not 400).
 */
export type IfMatch = { kind: 'missing' } | { kind: 'malformed' } | { kind: 'any' } | { kind: 'versions'; versions: number[] };

// One list member: optional weak prefix, a quoted opaque tag (etagc = %x21 / %x23-7E / obs-text), then a comma or the end.
const MEMBER = /[ \t]*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"[ \t]*(?:,|$)/y;

export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined) return { kind: 'missing' };
  const value = header.trim();
  if (value === '*') return { kind: 'any' };
  if (value === '') return { kind: 'malformed' };
  const versions: number[] = [];
  MEMBER.lastIndex = 0;
  while (MEMBER.lastIndex < value.length) {
    const m = MEMBER.exec(value);
    if (!m) return { kind: 'malformed' };
    const v = m[1] ? null : /^v(\d{1,15})$/.exec(m[2]!);
    if (v) versions.push(Number(v[1]));
    // A trailing comma ends the list (empty list members are allowed).
    if (value[MEMBER.lastIndex - 1] === ',' && value.slice(MEMBER.lastIndex).trim() === '') break;
  }
  return { kind: 'versions', versions };
}
