import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { clearHits, hit } from '../../d1/rate-limits';
import { createSession, deleteSession, SESSION_ABSOLUTE_SECONDS } from '../../d1/sessions';
import { findUserForLogin } from '../../d1/users';
import type { AppEnv } from '../env';
import { clientAddress } from '../lib/actor';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../lib/crypto';
import { problem, validationHook } from '../lib/problem';
import { clearSessionCookie, writeSessionCookie } from '../lib/session-cookie';
import { requireUser } from '../middleware/auth';
import { Credentials, jsonBody, jsonResponse, problems, UserSchema } from '../schemas';

/** Failed sign-ins allowed per account and per address in one 15-minute window. */
export const LOGIN_LIMIT_PER_ACCOUNT = 5;
export const LOGIN_LIMIT_PER_ADDRESS = 20;
const LOGIN_WINDOW_SECONDS = 15 * 60;

export const auth = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const LoginAnswer = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: UserSchema.pick({ id: true, email: true, name: true, role: true, locale: true }),
});

// A hash to compare against when the e-mail is unknown, so both paths cost one PBKDF2.
const dummyHash = hashPassword('not-a-real-password', '00'.repeat(16));

/**
 * Check credentials against the per-account and per-address limits. Shared with the desk's
 * sign-in form. Returns the user on success, or a reason.
 */
export async function checkLogin(db: D1Database, email: string, password: string, address: string) {
  const accountKey = `login:account:${email.toLowerCase()}`;
  const [byAccount, byAddress] = await Promise.all([
    hit(db, accountKey, LOGIN_WINDOW_SECONDS, LOGIN_LIMIT_PER_ACCOUNT),
    hit(db, `login:addr:${await sha256Hex(address)}`, LOGIN_WINDOW_SECONDS, LOGIN_LIMIT_PER_ADDRESS),
  ]);
  if (!byAccount.allowed || !byAddress.allowed) {
    return { ok: false as const, reason: 'rate-limited' as const, retryAfter: Math.max(byAccount.retryAfter, byAddress.retryAfter) };
  }
  const user = await findUserForLogin(db, email);
  const valid = user ? await verifyPassword(password, user.password) : (await dummyHash, false);
  if (!user || !valid || !user.active) return { ok: false as const, reason: 'invalid' as const, retryAfter: 0 };
  await clearHits(db, accountKey);
  return { ok: true as const, user };
}

/** Start a session for a user: store its hash, rotate any previous one, set the cookie. */
export async function startSession(c: import('hono').Context<AppEnv>, userId: number, replaces: string | null) {
  const token = randomToken(32);
  const { expiresAt } = await createSession(c.env.DB, userId, await sha256Hex(token), randomToken(24), { replaces });
  writeSessionCookie(c, token, SESSION_ABSOLUTE_SECONDS);
  return { token, expiresAt };
}

auth.openapi(
  createRoute({
    method: 'post',
    path: '/login',
    tags: ['auth'],
    summary: 'Sign in with e-mail and password',
    request: { body: jsonBody(Credentials) },
    responses: { 200: jsonResponse(LoginAnswer, 'Signed in; also sets the session cookie'), ...problems(401, 422, 429) },
  }),
  async (c) => {
    const { email, password } = c.req.valid('json');
    const result = await checkLogin(c.env.DB, email, password, clientAddress(c));
    if (!result.ok && result.reason === 'rate-limited') {
      c.header('Retry-After', String(result.retryAfter));
      throw problem(429, 'Too many sign-in attempts', { detail: `Try again in ${result.retryAfter} seconds.`, code: 'rate_limited' });
    }
    if (!result.ok) throw problem(401, 'Wrong e-mail or password', { code: 'invalid_credentials' });
    const { user } = result;
    const { token, expiresAt } = await startSession(c, user.id, c.get('session')?.tokenHash ?? null);
    return c.json({ token, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } }, 200);
  },
);

auth.openapi(
  createRoute({
    method: 'post',
    path: '/logout',
    tags: ['auth'],
    summary: 'End the current session (server-side)',
    middleware: [requireUser()] as const,
    responses: { 204: { description: 'Signed out' }, ...problems(401) },
  }),
  async (c) => {
    const hash = c.get('session')?.tokenHash;
    if (hash) await deleteSession(c.env.DB, hash);
    clearSessionCookie(c);
    return c.body(null, 204);
  },
);

auth.openapi(
  createRoute({
    method: 'get',
    path: '/me',
    tags: ['auth'],
    summary: 'Who is signed in',
    middleware: [requireUser()] as const,
    responses: { 200: jsonResponse(z.object({ user: LoginAnswer.shape.user, expiresAt: z.string().nullable() }), 'The current user'), ...problems(401) },
  }),
  (c) => {
    const s = c.get('session')!;
    return c.json({ user: { id: s.userId, email: s.email, name: s.name, role: s.role, locale: s.locale }, expiresAt: s.expiresAt }, 200);
  },
);
