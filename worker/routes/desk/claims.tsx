/** The claim workspace: view, edit (optimistic concurrency with a merge screen), assign, move status. */
import { Hono } from 'hono';
import { z } from 'zod';
import { getClaim, updateClaim, type ClaimPatch } from '../../../d1/claims';
import { moveClaim } from '../../domain/claim-workflow';
import { getUser } from '../../../d1/users';
import { invalidateEmbeds } from '../../embeds/cache';
import type { AppEnv } from '../../env';
import { actorOf } from '../../lib/actor';
import { STATUSES } from '../../lib/status';
import { ConflictPage } from '../../views/desk/conflict';
import type { ClaimValues } from '../../views/desk/workspace';
import { deskClaimParts } from './claim-parts';
import { deskMessage, deskUi, field, render, requireDesk } from './support';
import { CLAIM_ID, showWorkspace } from './workspace';

export const deskClaims = new Hono<AppEnv>();
deskClaims.use('*', requireDesk());

const Version = z.coerce.number().int().positive();
const ClaimForm = z.object({
  text: z.string().trim().min(3).max(2000),
  claimant: z.string().trim().max(200),
  claimantType: z.enum(['', 'person', 'organization']),
  claimDate: z.union([z.literal(''), z.iso.date()]),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).max(35),
});

deskClaims.get('/:id', (c) => {
  const saved = c.req.query('ok');
  const t = deskUi(c).t;
  const notice = saved === 'saved' ? t('saved') : saved === 'moved' ? t('moved') : saved === 'stale' ? t('stale') : undefined;
  return showWorkspace(c, c.req.param('id'), notice ? { notice: { kind: saved === 'stale' ? 'error' : 'ok', text: notice } } : {});
});

function readClaimForm(form: Record<string, string | File | (string | File)[]>, prefix = ''): ClaimValues {
  return {
    text: field(form, `${prefix}text`),
    claimant: field(form, `${prefix}claimant`),
    claimantType: field(form, `${prefix}claimantType`),
    claimDate: field(form, `${prefix}claimDate`),
    language: field(form, `${prefix}language`),
  };
}

deskClaims.post('/:id/edit', async (c) => {
  const id = c.req.param('id');
  const form = await c.req.parseBody({ all: true });
  const mine = readClaimForm(form);
  const original = readClaimForm(form, 'orig_');
  const version = Version.safeParse(field(form, 'version'));
  const parsed = ClaimForm.safeParse(mine);
  if (!parsed.success || !version.success) {
    return showWorkspace(c, id, { notice: { kind: 'error', text: deskUi(c).t('invalidForm') }, claimValues: mine, claimErrors: parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])) }, 422);
  }
  const before = CLAIM_ID.test(id) ? await getClaim(c.env.DB, id) : null;
  if (!before) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const v = parsed.data;
  const patch: ClaimPatch = {
    text: v.text,
    claimant: v.claimant || null,
    claimantType: v.claimantType || null,
    claimDate: v.claimDate || null,
    language: v.language,
  };
  const result = before.version === version.data ? await updateClaim(c.env.DB, id, version.data, patch, before, actorOf(c)) : { ok: false as const, current: before };
  if (result.ok) {
    await invalidateEmbeds(c, id);
    return c.redirect(`/desk/claims/${id}?ok=saved`, 303);
  }
  const current = result.current ?? before;
  return render(c, <ConflictPage ui={deskUi(c)} current={current} mine={mine} original={original} myVersion={version.data} />, 409);
});

deskClaims.post('/:id/assign', async (c) => {
  const id = c.req.param('id');
  const form = await c.req.parseBody({ all: true });
  const version = Version.safeParse(field(form, 'version'));
  const raw = field(form, 'assignee');
  const before = CLAIM_ID.test(id) ? await getClaim(c.env.DB, id) : null;
  if (!before) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const assignee = /^\d{1,9}$/.test(raw) ? await getUser(c.env.DB, Number(raw)) : null;
  if ((raw && (!assignee || !assignee.active)) || !version.success) {
    return showWorkspace(c, id, { notice: { kind: 'error', text: deskUi(c).t('invalidForm') } }, 422);
  }
  if (version.data !== before.version) return c.redirect(`/desk/claims/${id}?ok=stale`, 303);
  const result = await updateClaim(c.env.DB, id, version.data, { assigneeId: assignee?.id ?? null }, before, actorOf(c));
  return c.redirect(`/desk/claims/${id}?ok=${result.ok ? 'saved' : 'stale'}`, 303);
});

/** Same rules as POST /api/v1/claims/:id/transition: the state machine, a verdict to publish, a real original. */
deskClaims.post('/:id/status', async (c) => {
  const id = c.req.param('id');
  const form = await c.req.parseBody({ all: true });
  const to = z.enum(STATUSES).safeParse(field(form, 'to'));
  const version = Version.safeParse(field(form, 'version'));
  const t = deskUi(c).t;
  if (!CLAIM_ID.test(id)) return deskMessage(c, 404, t('notFound'));
  if (!to.success || !version.success) return showWorkspace(c, id, { notice: { kind: 'error', text: t('invalidForm') } }, 422);
  const result = await moveClaim(c.env.DB, id, to.data, { expectedVersion: version.data, duplicateOf: field(form, 'duplicateOf') || null }, actorOf(c));
  if (result.ok) {
    await invalidateEmbeds(c, id);
    return c.redirect(`/desk/claims/${id}?ok=moved`, 303);
  }
  const r = result.refusal;
  if (r.kind === 'not-found') return deskMessage(c, 404, t('notFound'));
  if (r.kind === 'stale') return c.redirect(`/desk/claims/${id}?ok=stale`, 303);
  if (r.kind === 'verdict-required') return showWorkspace(c, id, { notice: { kind: 'error', text: t('needVerdict') } }, 409);
  if (r.kind === 'invalid') return showWorkspace(c, id, { notice: { kind: 'error', text: t('invalidForm') } }, 422);
  return showWorkspace(c, id, { notice: { kind: 'error', text: t('illegalMove') } }, 409);
});

deskClaims.route('/', deskClaimParts);
