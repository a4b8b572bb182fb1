import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getClaimDetail } from '../../d1/claim-detail';
import { getSettings, saveSettings } from '../../d1/settings';
import {
  approve,
  changeKind,
  discardCorrection,
  NOTE_MAX,
  pendingSnapshot,
  publishCorrection,
  requestApproval,
  retract,
  startCorrection,
  withdrawApproval,
} from '../domain/corrections';
import type { Outcome } from '../domain/outcome';
import { effectiveRole } from '../domain/tokens';
import type { Claim } from '../../d1/claims';
import type { AppEnv } from '../env';
import { actorOf } from '../http/actor';
import { ifMatchVersion } from '../http/if-match';
import { claimRefusal } from '../http/refusal-problem';
import { claimEtag } from '../lib/etag';
import { problem, validationHook } from '../lib/problem';
import { requireUser } from '../middleware/auth';
import { claimsChanged } from '../middleware/purge-changed';
import {
  ClaimDraftSchema,
  ClaimSchema,
  ClaimVersionSchema,
  IdParam,
  jsonBody,
  jsonResponse,
  problems,
  SettingsSchema,
  text,
} from '../schemas';

/**
 * The public record of a claim: correction drafts (/claims/:id/draft), publication with a
 * second editor (/claims/:id/publish-request), retraction, versions, and the newsroom setting.
 */
const correctionsBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
for (const path of [
  '/:id/draft',
  '/:id/draft/*',
  '/:id/retract',
  '/:id/publish-request',
  '/:id/publish-request/*',
  '/:id/versions',
])
  correctionsBase.use(path, requireUser());

/** Newsroom settings: /api/v1/settings (editors read, admins change). */
const settingsBase = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
settingsBase.use('*', requireUser());

const IfMatchRequired = z.object({
  'if-match': z
    .string()
    .max(1000)
    .openapi({ description: 'The ETag of the claim version you read (428 without it)' }),
});
const IfMatchOptional = z.object({ 'if-match': z.string().max(1000).optional() });
const Note = text()
  .trim()
  .max(NOTE_MAX)
  .openapi({ description: 'The public note shown on the page (what changed and why)' });
const ClaimOut = z.object({ claim: ClaimSchema });

/** A domain outcome's claim, or the refusal thrown as problem+json; records purges and the ETag. */
function settle(c: Context<AppEnv>, result: Outcome<Claim>): Claim {
  if (!result.ok) throw claimRefusal(c, result.refusal);
  claimsChanged(c, result.changed);
  c.header('ETag', claimEtag(result.value));
  return result.value;
}

const DraftOut = z.object({
  draft: ClaimDraftSchema,
  kind: z
    .enum(['correction', 'update'])
    .nullable()
    .openapi({ description: 'What publishing it would be; null while it changes nothing' }),
  preview: z
    .unknown()
    .openapi({ description: 'The public face the draft would publish (PublicSnapshot)' }),
});

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const corrections = correctionsBase
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/draft',
      tags: ['corrections'],
      summary:
        'Start a correction: open a draft beside a published claim (readers keep the published version)',
      request: { params: IdParam, headers: IfMatchOptional },
      responses: {
        201: jsonResponse(ClaimOut, 'Draft opened'),
        ...problems(400, 401, 404, 409, 412),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const expected = ifMatchVersion(c, { required: false });
      const result = await startCorrection(c.env.DB, id, expected, actorOf(c));
      return c.json({ claim: settle(c, result) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/draft',
      tags: ['corrections'],
      summary: 'The open draft of a published claim and what publishing it would show',
      request: { params: IdParam },
      responses: { 200: jsonResponse(DraftOut, 'The draft'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const detail = await getClaimDetail(c.env.DB, id);
      if (!detail?.draft) throw problem(404, 'No open draft', { code: 'not_found' });
      const preview = pendingSnapshot(detail);
      const before = detail.versions.at(-1)?.snapshot ?? preview;
      const kind = changeKind(before, preview);
      c.header('ETag', claimEtag(detail.claim));
      return c.json(
        {
          draft: detail.draft,
          kind: kind === 'correction' || kind === 'update' ? kind : null,
          preview,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/draft',
      tags: ['corrections'],
      summary: 'Discard the open draft (readers never saw it)',
      request: { params: IdParam, headers: IfMatchRequired },
      responses: {
        200: jsonResponse(ClaimOut, 'Discarded'),
        ...problems(400, 401, 404, 409, 412, 428),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const expected = ifMatchVersion(c, { required: true });
      return c.json(
        { claim: settle(c, await discardCorrection(c.env.DB, id, expected, actorOf(c))) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/draft/publish',
      tags: ['corrections'],
      summary:
        'Publish the draft with a public note: a correction when the rating changes, else an update (409 approval_required when a second editor must approve)',
      request: {
        params: IdParam,
        headers: IfMatchRequired,
        body: jsonBody(z.strictObject({ note: Note })),
      },
      responses: {
        200: jsonResponse(ClaimOut, 'Published'),
        ...problems(400, 401, 404, 409, 412, 422, 428),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const expectedVersion = ifMatchVersion(c, { required: true });
      const { note } = c.req.valid('json');
      return c.json(
        {
          claim: settle(
            c,
            await publishCorrection(c.env.DB, id, { expectedVersion, note }, actorOf(c)),
          ),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/retract',
      tags: ['corrections'],
      summary:
        'Retract a published fact-check (admins; a public note; the page stays with the notice)',
      request: {
        params: IdParam,
        headers: IfMatchRequired,
        body: jsonBody(z.strictObject({ note: Note })),
      },
      responses: {
        200: jsonResponse(ClaimOut, 'Retracted'),
        ...problems(400, 401, 403, 404, 409, 412, 422, 428),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const expectedVersion = ifMatchVersion(c, { required: true });
      const { note } = c.req.valid('json');
      const isAdmin = effectiveRole(c.get('session')!) === 'admin';
      return c.json(
        {
          claim: settle(
            c,
            await retract(c.env.DB, id, { expectedVersion, note, isAdmin }, actorOf(c)),
          ),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/publish-request',
      tags: ['corrections'],
      summary:
        'Ask a second editor to publish the claim (or its draft, with the public note) exactly as it is at this version',
      request: {
        params: IdParam,
        headers: IfMatchOptional,
        body: jsonBody(z.strictObject({ note: Note.optional() })),
      },
      responses: {
        201: jsonResponse(ClaimOut, 'Requested'),
        ...problems(400, 401, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const expectedVersion = ifMatchVersion(c, { required: false });
      const { note } = c.req.valid('json');
      return c.json(
        {
          claim: settle(
            c,
            await requestApproval(c.env.DB, id, { expectedVersion, note }, actorOf(c)),
          ),
        },
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/publish-request',
      tags: ['corrections'],
      summary: 'Withdraw a pending publish request (its requester or an admin)',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ClaimOut, 'Withdrawn'), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const isAdmin = effectiveRole(c.get('session')!) === 'admin';
      return c.json(
        { claim: settle(c, await withdrawApproval(c.env.DB, id, { isAdmin }, actorOf(c))) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/publish-request/approve',
      tags: ['corrections'],
      summary:
        'Approve another editor’s request: publishes the version they asked for (412 if it changed since; 403 for your own request)',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(ClaimOut, 'Approved and published'),
        ...problems(400, 401, 403, 404, 409, 412),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json({ claim: settle(c, await approve(c.env.DB, id, actorOf(c))) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/versions',
      tags: ['corrections'],
      summary: 'The public record: every published version with its kind, note and snapshot',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ versions: z.array(ClaimVersionSchema) }), 'Versions'),
        ...problems(400, 401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const detail = await getClaimDetail(c.env.DB, id);
      if (!detail) throw problem(404, 'Claim not found', { code: 'not_found' });
      return c.json({ versions: detail.versions }, 200);
    },
  );

// Chained, so its route types reach the typed client (worker/api-type.ts).
export const settings = settingsBase
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['settings'],
      summary: 'Newsroom settings',
      responses: { 200: jsonResponse(SettingsSchema, 'Settings'), ...problems(401) },
    }),
    async (c) => c.json(await getSettings(c.env.DB), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/',
      tags: ['settings'],
      summary: 'Change newsroom settings (admins)',
      middleware: [requireUser('admin')] as const,
      request: { body: jsonBody(SettingsSchema.strict()) },
      responses: { 200: jsonResponse(SettingsSchema, 'Saved'), ...problems(400, 401, 403, 422) },
    }),
    async (c) => c.json(await saveSettings(c.env.DB, c.req.valid('json'), actorOf(c)), 200),
  );
