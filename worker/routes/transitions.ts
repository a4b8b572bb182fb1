import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { moveClaim, undoMove } from '../domain/claim-workflow';
import { effectiveRole } from '../domain/tokens';
import type { AppEnv } from '../env';
import { ifMatchVersion } from '../http/if-match';
import { claimRefusal } from '../http/refusal-problem';
import { actorOf } from '../http/actor';
import { claimEtag } from '../lib/etag';
import { validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { claimsChanged } from '../middleware/purge-changed';
import {
  ClaimSchema,
  IdParam,
  jsonBody,
  jsonResponse,
  problems,
  StatusField,
  text,
} from '../schemas';

/**
 * Status moves of a claim: /api/v1/claims/:id/transition and its undo (If-Match optional on
 * both: when sent it must name the current version, else 412, as on a move; the undo's own
 * precondition is the body's `version`, the version the move produced, else 409 superseded).
 */
const transitionsBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
transitionsBase.use('/:id/transition', requireUser());
transitionsBase.use('/:id/transition/undo', requireUser());

const Transition = z.strictObject({
  to: StatusField,
  duplicateOf: z.string().max(64).optional(),
  note: text().trim().max(1000).optional(),
});

const Undo = z.strictObject({
  version: z.number().int().positive().max(2_147_483_647),
});

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const transitions = transitionsBase
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/transition',
      tags: ['claims'],
      summary: 'Move a claim through the status machine; with If-Match, only from that version',
      request: {
        params: IdParam,
        body: jsonBody(Transition),
        headers: z.object({ 'if-match': z.string().max(1000).optional() }),
      },
      responses: {
        200: jsonResponse(z.object({ claim: ClaimSchema }), 'Moved'),
        ...problems(400, 401, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { to, duplicateOf, note } = c.req.valid('json');
      const result = await moveClaim(
        c.env.DB,
        id,
        to,
        {
          expectedVersion: ifMatchVersion(c, { required: false }),
          duplicateOf,
          note,
          isAdmin: effectiveRole(c.get('session')!) === 'admin',
        },
        actorOf(c),
      );
      if (!result.ok) throw claimRefusal(c, result.refusal);
      claimsChanged(c, result.changed);
      c.header('ETag', claimEtag(result.value));
      return c.json({ claim: result.value }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/transition/undo',
      tags: ['claims'],
      summary:
        'Undo the status move that produced `version`, if nothing changed since (409 superseded otherwise)',
      request: {
        params: IdParam,
        body: jsonBody(Undo),
        headers: z.object({ 'if-match': z.string().max(1000).optional() }),
      },
      responses: {
        200: jsonResponse(z.object({ claim: ClaimSchema }), 'Moved back'),
        ...problems(400, 401, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('json');
      const result = await undoMove(
        c.env.DB,
        id,
        { version, expectedVersion: ifMatchVersion(c, { required: false }) },
        actorOf(c),
      );
      if (!result.ok) throw claimRefusal(c, result.refusal);
      claimsChanged(c, result.changed);
      c.header('ETag', claimEtag(result.value));
      return c.json({ claim: result.value }, 200);
    },
  );
