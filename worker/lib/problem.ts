import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** One wrong field: where it is (dotted path) and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

/** What a handler says about a failure; `type` defaults to about:blank, extra members are extensions. */
export interface ProblemInit {
  type?: string;
  title: string;
  detail?: string;
  /** Stable machine-readable reason, e.g. `validation_failed`, `version_conflict`. */
  code?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** An RFC 9457 problem document, as ClaimDesk sends it. */
export interface Problem extends ProblemInit {
  type: string;
  status: number;
}

/** Thrown by handlers and d1 callers for expected failures; onError turns it into problem+json. */
export class ProblemError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly problem: ProblemInit,
  ) {
    super(status, { message: problem.detail ?? problem.title });
  }
}

/** Shorthand: `throw problem(404, 'Claim not found')`. */
export function problem(
  status: ContentfulStatusCode,
  title: string,
  extra: Omit<ProblemInit, 'title'> = {},
): ProblemError {
  return new ProblemError(status, { title, ...extra });
}

/** Render a problem as `application/problem+json`. */
export function problemResponse(
  status: number,
  body: ProblemInit,
  headers?: HeadersInit,
): Response {
  const doc: Problem = { ...body, type: body.type ?? 'about:blank', status };
  const h = new Headers(headers);
  h.set('Content-Type', 'application/problem+json; charset=utf-8');
  h.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(doc), { status, headers: h });
}

/** Field errors from a zod failure, with the validated part as the path prefix (body.text, query.limit…). */
export function fieldErrors(error: ZodError, target: string): FieldError[] {
  return error.issues.map((issue) => ({
    field: [target, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** The defaultHook for OpenAPIHono: every zod failure becomes the same 400/422 problem body. */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const errors = fieldErrors(result.error, result.target);
  return problemResponse(result.target === 'json' || result.target === 'form' ? 422 : 400, {
    title: 'Invalid request',
    detail: `${errors.length} field${errors.length === 1 ? '' : 's'} failed validation`,
    code: 'validation_failed',
    errors,
    instance: c.req.path,
  });
}
