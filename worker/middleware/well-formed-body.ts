import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { problem } from '../lib/problem';
import { isUtf8, isWellFormedFormBody } from '../lib/text';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;

/**
 * Refuse (400) a JSON or urlencoded body that is not valid UTF-8. The runtime decodes such bytes
 * with U+FFFD and would store the damage silently; a form's percent-escapes are checked too.
 * Runs after the body limit; hono caches what it reads, so the validators that come next parse
 * the same bytes, and the raw request gets them back for anything that reads the stream.
 */
export async function refuseMalformedBody(c: Context<AppEnv>): Promise<void> {
  if (!WITH_BODY.has(c.req.method)) return;
  const type = c.req.header('Content-Type') ?? '';
  const isJson = JSON_TYPE.test(type);
  const isForm = FORM_TYPE.test(type);
  if (!isJson && !isForm) return;
  const bytes = await c.req.arrayBuffer();
  // Whatever reads the raw stream after this (a route's own body limit) gets the same bytes.
  if (c.req.raw.bodyUsed) c.req.raw = new Request(c.req.raw, { body: bytes });
  const ok = isUtf8(bytes) && (!isForm || isWellFormedFormBody(new TextDecoder().decode(bytes)));
  if (!ok)
    throw problem(400, 'Malformed request body', {
      detail: 'The request body is not valid UTF-8.',
      code: 'malformed_body',
    });
}

/** `refuseMalformedBody` as middleware (the JSON API). */
export function wellFormedBody(): MiddlewareHandler<AppEnv> {
  return async function wellFormedBodyMiddleware(c, next) {
    await refuseMalformedBody(c);
    await next();
  };
}
