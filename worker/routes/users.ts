import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listUsers } from '../../d1/users';
import { addAccount, changeAccount } from '../domain/accounts';
import type { AppEnv } from '../env';
import { actorOf } from '../http/actor';
import { problem, validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import {
  jsonBody,
  jsonResponse,
  NewUserBody,
  problems,
  UserPatchBody,
  UserSchema,
} from '../schemas';

const usersBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const UserIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const users = usersBase
  .openapi(
    createRoute({
      method: 'post',
      path: '/users',
      tags: ['users'],
      summary: 'Create an editor or admin account (admin only)',
      middleware: [requireUser('admin')] as const,
      request: { body: jsonBody(NewUserBody) },
      responses: {
        201: jsonResponse(z.object({ user: UserSchema }), 'Created'),
        ...problems(401, 403, 409, 422),
      },
    }),
    async (c) => {
      const result = await addAccount(c.env.DB, c.req.valid('json'), actorOf(c));
      if (!result.ok)
        throw problem(409, 'E-mail already registered', {
          code: 'email_taken',
          errors: [{ field: 'json.email', message: 'Already registered' }],
        });
      return c.json({ user: result.value }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/users',
      tags: ['users'],
      summary: 'List accounts (admin only)',
      middleware: [requireUser('admin')] as const,
      responses: {
        200: jsonResponse(z.object({ items: z.array(UserSchema) }), 'Accounts'),
        ...problems(401, 403),
      },
    }),
    async (c) => c.json({ items: await listUsers(c.env.DB) }, 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/users/{id}',
      tags: ['users'],
      summary: 'Change name, role, locale or deactivate (admin only)',
      middleware: [requireUser('admin')] as const,
      request: { params: UserIdParam, body: jsonBody(UserPatchBody) },
      responses: {
        200: jsonResponse(z.object({ user: UserSchema }), 'Updated'),
        ...problems(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const result = await changeAccount(
        c.env.DB,
        c.req.valid('param').id,
        c.req.valid('json'),
        actorOf(c),
      );
      if (!result.ok && result.refusal.kind === 'self-lockout')
        throw problem(409, 'You cannot demote or deactivate yourself', { code: 'self_lockout' });
      if (!result.ok) throw problem(404, 'User not found');
      return c.json({ user: result.value }, 200);
    },
  );
