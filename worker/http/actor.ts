import type { Context } from 'hono';
import type { Actor } from '../../d1/audit';
import type { AppEnv } from '../env';

/** The audit actor of a request: the signed-in user (or the public) and the request id. */
export function actorOf(c: Context<AppEnv>): Actor {
  return { userId: c.get('session')?.userId ?? null, requestId: c.get('requestId') };
}

/** The caller's address, hashed before it is stored or used as a key. */
export function clientAddress(c: Context<AppEnv>): string {
  return c.req.header('CF-Connecting-IP') ?? 'local';
}
