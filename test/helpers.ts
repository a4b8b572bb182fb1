import { env, exports } from 'cloudflare:workers';
import { createSession } from '../d1/sessions';
import { createApiToken, revokeApiToken } from '../d1/tokens';
import { API_TOKEN_PREFIX } from '../worker/domain/tokens';
import type { TokenScope } from '../worker/lib/enums';
import { createUser, type Role } from '../d1/users';
import { hashPassword, randomToken, sha256Hex } from '../worker/lib/crypto';

let counter = 0;
/** A string unique within this test run (ids, e-mails, texts). */
export function unique(prefix = 'x'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
}

export interface TestUser {
  id: number;
  email: string;
  password: string;
  role: Role;
  /** A live session secret for `Authorization: Bearer`. */
  token: string;
}

// PBKDF2 at 100k iterations is slow-ish: hash the shared test password once.
let passwordHash: ReturnType<typeof hashPassword> | undefined;
export const TEST_PASSWORD = 'correct horse battery staple';

/** Create an account and a session for it directly in D1. */
export async function makeUser(role: Role = 'editor'): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${unique(role)}@test.example`;
  const user = await createUser(
    env.DB,
    { email, name: `Test ${role}`, role, password: await passwordHash },
    { userId: null, requestId: 'test' },
  );
  if (!user) throw new Error('test user not created');
  const token = randomToken(32);
  await createSession(env.DB, user.id, await sha256Hex(token), randomToken(24));
  return { id: user.id, email, password: TEST_PASSWORD, role, token };
}

export interface CallOptions {
  method?: string;
  token?: string;
  body?: unknown;
  /** Raw body (sent as is, no JSON encoding). */
  raw?: BodyInit;
  headers?: Record<string, string>;
}

/** Call the Worker's fetch handler like a client would. */
export function call(path: string, opts: CallOptions = {}): Promise<Response> {
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set('Authorization', `Bearer ${opts.token}`);
  let body: BodyInit | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  }
  return exports.default.fetch(
    new Request(`https://claimdesk.test${path}`, {
      method: opts.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
    }),
  );
}

/** Call and parse JSON, asserting nothing: the test decides. */
export async function callJson<T = any>(
  path: string,
  opts: CallOptions = {},
): Promise<{ res: Response; body: T }> {
  const res = await call(path, opts);
  const text = await res.text();
  return { res, body: (text ? JSON.parse(text) : null) as T };
}

/** Number of D1 round trips a response reports in Server-Timing. */
export function d1Queries(res: Response): number {
  const m = res.headers.get('Server-Timing')?.match(/d1;desc="queries=(\d+)"/);
  if (!m) throw new Error('no d1 Server-Timing header');
  return Number(m[1]);
}

/** Create a claim through the API and return it. */
export async function apiClaim(token: string, body: Record<string, unknown> = {}) {
  const { res, body: json } = await callJson('/api/v1/claims', {
    token,
    body: { text: `${unique('claim ')} rose by 5% in 2025`, language: 'en', ...body },
  });
  if (res.status !== 201)
    throw new Error(`claim create failed: ${res.status} ${JSON.stringify(json)}`);
  return json.claim as { id: string; version: number; status: string; text: string };
}

type ApiClaim = { id: string; version: number; status: string; text: string };

async function apiOk(path: string, token: string, body: unknown, headers?: Record<string, string>) {
  const { res, body: json } = await callJson(path, { token, body, headers, method: 'POST' });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A claim taken to `in_review` with a verdict through the API (ready to publish). */
export async function apiReviewedClaim(token: string, body: Record<string, unknown> = {}) {
  const claim = await apiClaim(token, body);
  await apiOk(`/api/v1/claims/${claim.id}/transition`, token, { to: 'in_review' });
  await apiOk(`/api/v1/claims/${claim.id}/verdicts`, token, {
    ratingKey: 'false',
    headline: 'It fell by 2%',
    explanation: 'The statistics office says it fell.',
    language: 'en',
  });
  return claim;
}

/** A claim published through the API (status, verdict and first public version). */
export async function apiPublishedClaim(
  token: string,
  body: Record<string, unknown> = {},
): Promise<ApiClaim> {
  const claim = await apiReviewedClaim(token, body);
  const json = await apiOk(`/api/v1/claims/${claim.id}/transition`, token, { to: 'published' });
  return json.claim as ApiClaim;
}

/** A published claim with an open correction draft holding a new verdict (`rating`). */
export async function apiDraftedClaim(token: string, rating = 'mostly-false'): Promise<ApiClaim> {
  const claim = await apiPublishedClaim(token);
  await apiOk(`/api/v1/claims/${claim.id}/draft`, token, undefined);
  await apiOk(`/api/v1/claims/${claim.id}/verdicts`, token, {
    ratingKey: rating,
    headline: 'It fell by 1.5%',
    explanation: 'Revised figures.',
    language: 'en',
  });
  const { body } = await callJson(`/api/v1/claims/${claim.id}`, { token });
  return body.claim as ApiClaim;
}

/** Row count of a table (to prove a failed request wrote nothing). */
export async function count(table: string, where = '1 = 1', ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

export interface TestToken {
  id: number;
  /** The secret for `Authorization: Bearer`. */
  token: string;
}

/**
 * An API token for a user, made directly in D1 (scope, and optionally already expired or revoked),
 * the way POST /api/v1/tokens stores one: only the hash.
 */
export async function makeToken(
  userId: number,
  scope: TokenScope,
  opts: { expired?: boolean; revoked?: boolean } = {},
): Promise<TestToken> {
  const token = API_TOKEN_PREFIX + randomToken(32);
  const day = 86_400_000;
  const created = await createApiToken(
    env.DB,
    {
      userId,
      name: unique('token '),
      tokenHash: await sha256Hex(token),
      scope,
      expiresAt: new Date(Date.now() + (opts.expired ? -day : 30 * day)).toISOString(),
    },
    { userId, requestId: 'test' },
    opts.expired ? new Date(Date.now() - 2 * day) : new Date(),
  );
  if (opts.revoked) await revokeApiToken(env.DB, created.id, { userId, requestId: 'test' });
  return { id: created.id, token };
}
