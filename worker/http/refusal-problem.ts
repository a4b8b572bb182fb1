import type { Context } from 'hono';
import type { Refusal } from '../domain/outcome';
import { claimEtag } from '../lib/etag';
import { ProblemError } from '../lib/problem';

/** The API's wording of a workflow refusal, as problem+json (field names prefixed by `target`). */
export function refusalProblem(refusal: Refusal, target = 'json'): ProblemError {
  switch (refusal.kind) {
    case 'not-found':
      return new ProblemError(404, { title: 'Claim not found', code: 'not_found' });
    case 'invalid':
      return new ProblemError(422, {
        title: 'Invalid request',
        code: 'validation_failed',
        errors: refusal.fields.map((f) => ({ field: `${target}.${f.field}`, message: f.message })),
      });
    case 'illegal-state':
      return new ProblemError(409, {
        title: 'This claim cannot take a verdict',
        detail: refusal.message,
        code: 'illegal_state',
      });
    case 'illegal-move':
      return new ProblemError(409, {
        title: 'Illegal status change',
        detail: refusal.message,
        code: 'illegal_transition',
        from: refusal.from,
        to: refusal.to,
      });
    case 'verdict-required':
      return new ProblemError(409, {
        title: 'No verdict to publish',
        detail: 'Add a verdict before publishing the claim.',
        code: 'verdict_required',
      });
    case 'conflict':
      return new ProblemError(409, {
        title: refusal.title,
        detail: refusal.message,
        code: refusal.code,
      });
    case 'forbidden':
      return new ProblemError(403, {
        title: 'Forbidden',
        detail: refusal.message,
        code: 'forbidden',
      });
    case 'superseded':
      return new ProblemError(409, {
        title: 'The claim changed since that move',
        detail: refusal.current
          ? `The claim is now at version ${refusal.current.version}; the move was not undone.`
          : undefined,
        code: 'superseded',
        current: refusal.current,
      });
    case 'not-undoable':
      return new ProblemError(409, {
        title: 'Nothing to undo',
        detail: refusal.message,
        code: 'not_undoable',
      });
    case 'stale':
      return new ProblemError(412, {
        title: 'The claim changed since you read it',
        detail: refusal.current
          ? `The current version is ${refusal.current.version}. Merge your change into it and retry.`
          : undefined,
        code: 'version_conflict',
        current: refusal.current,
      });
  }
}

/** A refused claim write as problem+json; a stale one (412) also carries the current ETag. */
export function claimRefusal(c: Context, refusal: Refusal): ProblemError {
  if (refusal.kind === 'stale' && refusal.current) c.header('ETag', claimEtag(refusal.current));
  return refusalProblem(refusal);
}
