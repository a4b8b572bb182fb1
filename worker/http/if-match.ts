/** The API's optimistic-concurrency edge: If-Match in, 428/400/412 out (RFC 9110 §13.1.1, RFC 6585). */
import type { Context } from 'hono';
import type { ExpectedVersion, Refusal } from '../domain/outcome';
import { claimEtag, parseIfMatch } from '../lib/etag';
import { problem, type ProblemError } from '../lib/problem';
import { refusalProblem } from '../lib/refusal-problem';

/**
 * The versions If-Match allows: `null` when absent and optional, 'any' for `*`, else the
 * versions it names (none for a tag we never sent: the write then fails with 412).
 * Throws 428 when absent and `required`, 400 when the header is not a list of entity tags.
 */
export function ifMatchVersion(c: Context, opts: { required: boolean }): ExpectedVersion {
  const parsed = parseIfMatch(c.req.header('If-Match'));
  switch (parsed.kind) {
    case 'missing':
      if (!opts.required) return null;
      throw problem(428, 'If-Match required', {
        detail: 'Send the ETag you read in If-Match so a concurrent edit is not overwritten.',
        code: 'precondition_required',
        errors: [{ field: 'header.If-Match', message: 'Required: the ETag of the version you edited, e.g. "v3"' }],
      });
    case 'malformed':
      throw problem(400, 'Invalid request', {
        detail: 'If-Match must be * or a list of entity tags.',
        code: 'validation_failed',
        errors: [{ field: 'header.If-Match', message: 'Not an entity tag: send the ETag you read, e.g. "v3"' }],
      });
    case 'any':
      return 'any';
    case 'versions':
      return parsed.versions;
  }
}

/** A refused claim write as problem+json; a stale one (412) also carries the current ETag. */
export function claimRefusal(c: Context, refusal: Refusal): ProblemError {
  if (refusal.kind === 'stale' && refusal.current) c.header('ETag', claimEtag(refusal.current));
  return refusalProblem(refusal);
}
