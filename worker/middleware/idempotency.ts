import type { Context, MiddlewareHandler } from 'hono';
import { completeKey, releaseKey, reserveKey } from '../../d1/idempotency';
import type { AppEnv, SecretAnswer } from '../env';
import { problem } from '../lib/problem';
import { keyedHash } from '../lib/reader-keys';

/**
 * Mark this request's answer as carrying secrets in `fields`. The idempotency middleware then
 * stores the answer for replay with those fields set to null and `marker: false` added, and a
 * replay answers exactly that: a secret is shown once, never kept at rest, never shown again.
 */
export function shownOnce(
  c: Context<AppEnv>,
  fields: readonly string[],
  marker = 'secretReplayed',
): void {
  c.set('secretAnswer', { fields, marker });
}

/** The answer as a replay may show it: secret fields null, the marker false. */
export function withoutSecrets(body: string, secret: SecretAnswer): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = null;
  }
  const out: Record<string, unknown> =
    parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? { ...(parsed as Record<string, unknown>) }
      : {};
  for (const field of secret.fields) if (field in out) out[field] = null;
  out[secret.marker] = false;
  return JSON.stringify(out);
}

/**
 * `Idempotency-Key` for POSTs: the first request with a key runs and its 2xx answer is stored;
 * a replay with the same key and body gets the stored answer (and `Idempotent-Replayed: true`);
 * the same key with a different body is a 422; a replay while the first still holds the key's
 * lease (60 s) is a 409 with Retry-After; after the lease a retry takes the key over and runs.
 * Keys are scoped to the caller (user id, or a keyed hash of the client address for the public).
 * Secrets never reach the table: the request is stored as a keyed hash (a sign-in body holds a
 * password), and an answer marked with `shownOnce()` is stored, and replayed, without its secret.
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
    const secret = c.env.PUBLIC_DATA_KEY;
    // Anonymous callers: the address and the Turnstile token sent in the header (a token in the
    // body is in the request hash), so two readers behind one address never share a key.
    const scope = session
      ? `user:${session.userId}`
      : `anon:${await keyedHash(secret, 'idempotency-scope', `${c.req.header('CF-Connecting-IP') ?? 'local'}\n${c.req.header('CF-Turnstile-Response') ?? ''}`)}`;
    const requestHash = await keyedHash(
      secret,
      'idempotency-request',
      `${c.req.method} ${c.req.path}\n${await c.req.text()}`,
    );
    const reservation = await reserveKey(c.env.DB, scope, key, requestHash);
    if (reservation.state === 'mismatch') {
      throw problem(422, 'Idempotency-Key reused with a different request', {
        code: 'idempotency_key_mismatch',
      });
    }
    if (reservation.state === 'in-progress') {
      const left = reservation.lockedUntil
        ? Math.ceil((Date.parse(reservation.lockedUntil) - Date.now()) / 1000)
        : 1;
      c.header('Retry-After', String(Math.max(1, left)));
      throw problem(409, 'A request with this Idempotency-Key is still being processed', {
        detail: `Retry after ${Math.max(1, left)} seconds.`,
        code: 'idempotency_in_progress',
      });
    }
    if (reservation.state === 'replay') {
      const empty = reservation.status === 204 || reservation.status === 205;
      return new Response(empty ? null : reservation.body, {
        status: reservation.status,
        headers: { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true' },
      });
    }
    const { lease } = reservation;
    try {
      await next();
    } catch (err) {
      await releaseKey(c.env.DB, scope, key, lease);
      throw err;
    }
    if (c.res.status >= 200 && c.res.status < 300) {
      const body = await c.res.clone().text();
      const secretAnswer = c.get('secretAnswer');
      await completeKey(
        c.env.DB,
        scope,
        key,
        lease,
        c.res.status,
        secretAnswer ? withoutSecrets(body, secretAnswer) : body,
      );
    } else {
      await releaseKey(c.env.DB, scope, key, lease);
    }
  };
}
