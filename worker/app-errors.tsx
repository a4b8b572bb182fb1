import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env';
import { logUnexpected } from './http/log';
import { notFoundPage } from './http/public-context';
import { problemResponse, ProblemError, type ProblemInit } from './lib/problem';
import { ErrorPage } from './views/error-page';

/**
 * One `notFound` and one `onError` for the whole Worker: the root app (worker/app.tsx) and the
 * apps built on first use (worker/api-app.ts, worker/desk-app.ts) each register these two, so an
 * answer has the same shape whichever app produced it (the desk app answers its own HTML 404).
 */
export function wantsProblemJson(c: Context): boolean {
  return c.req.path.startsWith('/api/') || !(c.req.header('Accept') ?? '').includes('text/html');
}

export const notFound: NotFoundHandler<AppEnv> = (c) => {
  if (wantsProblemJson(c))
    return problemResponse(404, {
      title: 'Not found',
      detail: `No route for ${c.req.method} ${c.req.path}`,
      code: 'not_found',
    });
  // Public paths: the site's chrome, in the reader's language, with a way home and to search.
  return notFoundPage(c);
};

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  let status = 500;
  let body: ProblemInit = {
    title: 'Internal server error',
    detail: `Request ${c.get('requestId')} failed; it has been logged.`,
  };
  if (err instanceof ProblemError) {
    status = err.status;
    body = err.problem;
  } else if (err instanceof HTTPException) {
    status = err.status;
    body = {
      title: err.status === 400 ? 'Bad request' : 'Request failed',
      detail: err.message,
      code: err.status === 400 ? 'bad_request' : undefined,
    };
  } else {
    logUnexpected(c, err);
  }
  const headers = new Headers({ 'X-Request-Id': c.get('requestId') ?? '' });
  const retryAfter = c.res.headers.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  if (wantsProblemJson(c)) return problemResponse(status, body, headers);
  return c.html(
    <ErrorPage
      status={status}
      title={body.title}
      detail={status < 500 ? body.detail : undefined}
    />,
    status as 500,
    Object.fromEntries(headers),
  );
};
