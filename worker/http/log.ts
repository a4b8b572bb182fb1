import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** Log an unexpected error as one JSON line with the request id (Workers Logs); never sent to clients. */
export function logUnexpected(c: Context<AppEnv>, err: Error): void {
  console.error(
    JSON.stringify({
      level: 'error',
      requestId: c.get('requestId'),
      path: c.req.path,
      message: err.message,
      stack: err.stack,
    }),
  );
}
