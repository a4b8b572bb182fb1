import type { MiddlewareHandler } from 'hono';
import { completeKey, releaseKey, reserveKey } from '../../d1/idempotency';
import type { AppEnv } from '../env';
import { sha256Hex } from '../lib/crypto';
import { problem } from '../lib/problem';

/**
 * `Idempotency-Key` for POSTs: the first request with a key runs and its 2xx answer is stored;
 * a replay with the same key and body gets the stored answer (and `Idempotent-Replayed: true`);
 * the same key with a different body is a 422; a replay while the first is still running is a 409.
 * Keys are scoped to the caller (user id, or a hash of the client address for the public).
 */
export function idempotency(): MiddlewareHandler<AppEnv> {
  return async function idempotencyMiddleware(c, next) {
    const key = c.req.header('Idempotency-Key');
    if (c.req.method !== 'POST' || key === undefined) return next();
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw problem(400, 'Invalid Idempotency-Key', {
        code: 'invalid_idempotency_key',
        errors: [
          { field: 'header.Idempotency-Key', message: 'Must be 1-255 visible ASCII characters' },
        ],
      });
    }
    const session = c.get('session');
    // Anonymous callers: the address and the Turnstile token sent in the header (a token in the
    // body is in the request hash), so two readers behind one address never share a key.
    const scope = session
      ? `user:${session.userId}`
      : `anon:${await sha256Hex(`${c.req.header('CF-Connecting-IP') ?? 'local'}\n${c.req.header('CF-Turnstile-Response') ?? ''}`)}`;
    const requestHash = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
    const reservation = await reserveKey(c.env.DB, scope, key, requestHash);
    if (reservation.state === 'mismatch') {
      throw problem(422, 'Idempotency-Key reused with a different request', {
        code: 'idempotency_key_mismatch',
      });
    }
    if (reservation.state === 'in-progress') {
      throw problem(409, 'A request with this Idempotency-Key is still being processed', {
        code: 'idempotency_in_progress',
      });
    }
    if (reservation.state === 'replay') {
      return new Response(reservation.body, {
        status: reservation.status,
        headers: { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true' },
      });
    }
    try {
      await next();
    } catch (err) {
      await releaseKey(c.env.DB, scope, key);
      throw err;
    }
    if (c.res.status >= 200 && c.res.status < 300) {
      await completeKey(c.env.DB, scope, key, c.res.status, await c.res.clone().text());
    } else {
      await releaseKey(c.env.DB, scope, key);
    }
  };
}
