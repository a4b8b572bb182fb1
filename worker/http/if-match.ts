/** The API's optimistic-concurrency edge: If-Match in, 428 or 400 out (RFC 9110 §13.1.1, RFC 6585); 412 is a stale refusal. */
import type { Context } from 'hono';
import type { ExpectedVersion } from '../domain/outcome';
import { parseIfMatch } from '../lib/etag';
import { problem } from '../lib/problem';

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
        errors: [
          {
            field: 'header.If-Match',
            message: 'Required: the ETag of the version you edited, e.g. "v3"',
          },
        ],
      });
    case 'malformed':
      throw problem(400, 'Invalid request', {
        detail: 'If-Match must be * or a list of entity tags.',
        code: 'validation_failed',
        errors: [
          {
            field: 'header.If-Match',
            message: 'Not an entity tag: send the ETag you read, e.g. "v3"',
          },
        ],
      });
    case 'any':
      return 'any';
    case 'versions':
      return parsed.versions;
  }
}
