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
export type IfMatch =
  | { kind: 'missing' }
  | { kind: 'malformed' }
  | { kind: 'any' }
  | { kind: 'versions'; versions: number[] };

// One entity tag: optional weak prefix, then a quoted opaque tag (etagc = %x21 / %x23-7E / obs-text).
const TAG = /(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"/y;

export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined) return { kind: 'missing' };
  const value = header.trim();
  if (value === '*') return { kind: 'any' };
  const versions: number[] = [];
  let tags = 0;
  let afterTag = false;
  for (let i = 0; i < value.length;) {
    const ch = value[i]!;
    if (ch === ' ' || ch === '\t') i++;
    else if (ch === ',') {
      // Empty list members are allowed (RFC 9110 §5.6.1).
      afterTag = false;
      i++;
    } else {
      TAG.lastIndex = i;
      const m = afterTag ? null : TAG.exec(value);
      if (!m) return { kind: 'malformed' };
      const v = m[1] ? null : /^v(\d{1,15})$/.exec(m[2]!);
      if (v) versions.push(Number(v[1]));
      tags++;
      afterTag = true;
      i = TAG.lastIndex;
    }
  }
  return tags === 0 ? { kind: 'malformed' } : { kind: 'versions', versions };
}
