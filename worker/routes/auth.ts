import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { signIn, signOut } from '../domain/auth';
import { changeOwnPassword } from '../domain/passwords';
import type { AppEnv } from '../env';
import { actorOf, clientAddress } from '../http/actor';
import { problem, validationHook } from '../lib/problem';
import { clearSessionCookie, writeSessionCookie } from '../http/session-cookie';
import { requireUser } from '../middleware/auth';
import { shownOnce } from '../middleware/idempotency';
import {
  Credentials,
  jsonBody,
  jsonResponse,
  PasswordChangeBody,
  problems,
  TokenScopeField,
  UserSchema,
} from '../schemas';

const authBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const LoginAnswer = z.object({
  token: z.string().nullable().openapi({
    description:
      'The session secret for Authorization: Bearer, shown once. null on an idempotent replay, which also says secretReplayed: false.',
  }),
  secretReplayed: z.literal(false).optional().openapi({
    description:
      'Present (false) only on an Idempotency-Key replay: the secret is not shown again.',
  }),
  expiresAt: z.string(),
  user: UserSchema.pick({ id: true, email: true, name: true, role: true, locale: true }),
});

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const auth = authBase
  .openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags: ['auth'],
      summary: 'Sign in with e-mail and password',
      request: { body: jsonBody(Credentials) },
      responses: {
        200: jsonResponse(LoginAnswer, 'Signed in; also sets the session cookie'),
        ...problems(401, 422, 429),
      },
    }),
    async (c) => {
      const result = await signIn(c.env.DB, c.req.valid('json'), {
        address: clientAddress(c),
        replaces: c.get('session')?.tokenHash ?? null,
        dataKey: c.env.PUBLIC_DATA_KEY,
      });
      if (!result.ok && result.refusal.kind === 'rate-limited') {
        const { retryAfter } = result.refusal;
        c.header('Retry-After', String(retryAfter));
        throw problem(429, 'Too many sign-in attempts', {
          detail: `Try again in ${retryAfter} seconds.`,
          code: 'rate_limited',
        });
      }
      if (!result.ok && result.refusal.kind === 'second-factor')
        throw problem(401, 'A code from the authenticator app is required', {
          detail: 'This account has two-step sign-in on: send the six-digit code as "code".',
          code: 'second_factor_required',
        });
      if (!result.ok && result.refusal.kind === 'invalid-code')
        throw problem(401, 'Wrong or used code', { code: 'invalid_code' });
      if (!result.ok)
        throw problem(401, 'Wrong e-mail or password', { code: 'invalid_credentials' });
      const { user, token, expiresAt, maxAgeSeconds } = result.value;
      writeSessionCookie(c, token, maxAgeSeconds);
      shownOnce(c, ['token']);
      return c.json(
        {
          token,
          expiresAt,
          user: {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            locale: user.locale,
          },
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['auth'],
      summary: 'Sign out: ends the session, or revokes the API token, that this request presents',
      middleware: [requireUser()] as const,
      responses: { 204: { description: 'Signed out' }, ...problems(401) },
    }),
    async (c) => {
      await signOut(c.env.DB, c.get('session'), actorOf(c));
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['auth'],
      summary: 'Who is signed in',
      middleware: [requireUser()] as const,
      responses: {
        200: jsonResponse(
          z.object({
            user: LoginAnswer.shape.user,
            expiresAt: z.string().nullable(),
            scope: TokenScopeField.nullable().openapi({
              description: 'The API token’s scope; null for a sign-in session.',
            }),
          }),
          'The current user',
        ),
        ...problems(401),
      },
    }),
    (c) => {
      const s = c.get('session')!;
      return c.json(
        {
          user: { id: s.userId, email: s.email, name: s.name, role: s.role, locale: s.locale },
          expiresAt: s.expiresAt,
          scope: s.scope,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/password',
      tags: ['auth'],
      summary:
        'Change your password (ends every session of the account; a session caller gets a new one)',
      middleware: [requireUser()] as const,
      request: { body: jsonBody(PasswordChangeBody) },
      responses: {
        200: jsonResponse(
          z.object({
            token: z.string().nullable().openapi({
              description: 'The new session secret (null when called with an API token)',
            }),
            expiresAt: z.string().nullable(),
          }),
          'Changed; also sets the new session cookie when the call came with the cookie',
        ),
        ...problems(401, 422, 429),
      },
    }),
    async (c) => {
      // The answer carries the new session secret: an Idempotency-Key replay must not.
      shownOnce(c, ['token']);
      const session = c.get('session')!;
      const result = await changeOwnPassword(
        c.env.DB,
        { userId: session.userId, email: session.email, tokenHash: session.tokenHash },
        c.req.valid('json'),
        actorOf(c),
      );
      if (!result.ok && result.refusal.kind === 'rate-limited') {
        const { retryAfter } = result.refusal;
        c.header('Retry-After', String(retryAfter));
        throw problem(429, 'Too many attempts', {
          detail: `Try again in ${retryAfter} seconds.`,
          code: 'rate_limited',
        });
      }
      if (!result.ok && result.refusal.kind === 'not-found') throw problem(401, 'Not signed in');
      if (!result.ok)
        throw problem(422, 'Invalid request', {
          code: 'wrong_password',
          errors: [{ field: 'json.currentPassword', message: 'Wrong password' }],
        });
      const { token, expiresAt, maxAgeSeconds } = result.value;
      if (token && c.get('authVia') === 'cookie') writeSessionCookie(c, token, maxAgeSeconds);
      return c.json({ token, expiresAt }, 200);
    },
  );
