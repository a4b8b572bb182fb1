/** The claim workspace: view, edit (optimistic concurrency with a merge screen), assign, move status. */
import { fieldMessages, refusalFieldMessages } from '../../i18n/desk';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ClaimPatch } from '../../../d1/claims';
import { editClaim } from '../../domain/claim-edit';
import { moveClaim, undoMove } from '../../domain/claim-workflow';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { ID_PATTERN } from '../../lib/ids';
import { claimsChanged } from '../../middleware/purge-changed';
import { formValidator, type OnInvalid } from '../../middleware/form-validator';
import {
  Claimant,
  ClaimantType,
  ClaimReviewed,
  ClaimText,
  IsoDate,
  LanguageTag,
  StatusField,
  Version,
} from '../../schemas';
import { ConflictPage } from '../../views/desk/conflict';
import type { ClaimValues } from '../../views/desk/workspace';
import { deskClaimParts } from './claim-parts';
import { deskCorrections, publicationNotice } from './corrections';
import { refusalText } from '../../http/desk-refusal';
import { deskMessage, deskUi, render, requireDesk } from '../../http/desk-context';
import { showWorkspace } from '../../http/desk-workspace';

export const deskClaims = new Hono<AppEnv>();
deskClaims.use('*', requireDesk());

const typed = z.string().default('');
/** The claim's fields with the API's rules, plus the values the editor started from (`orig_*`, for the merge screen). */
const ClaimEditForm = z.object({
  version: Version,
  text: ClaimText,
  claimant: Claimant,
  claimantType: ClaimantType,
  claimDate: IsoDate.nullable(),
  language: LanguageTag,
  claimReviewed: ClaimReviewed,
  orig_text: typed,
  orig_claimant: typed,
  orig_claimantType: typed,
  orig_claimDate: typed,
  orig_language: typed,
  orig_claimReviewed: typed,
});
const AssignForm = z.object({
  version: Version,
  assignee: z.number().int().positive().max(999_999_999).nullable(),
});
const StatusForm = z.object({
  version: Version,
  to: StatusField,
  duplicateOf: z.string().max(64).nullable(),
});

const refuseForm: OnInvalid<string> = (c) =>
  showWorkspace(
    c,
    c.req.param('id') ?? '',
    { notice: { kind: 'error', text: deskUi(c).t('invalidForm') } },
    422,
  );

const UndoForm = z.object({ version: Version });

/** `?ok=` after a redirect: what the page says (a move's line, with its Undo, is the view's). */
const OK_NOTICES = {
  saved: { kind: 'ok', key: 'saved' },
  stale: { kind: 'error', key: 'stale' },
  undone: { kind: 'ok', key: 'undone' },
  superseded: { kind: 'error', key: 'undoSuperseded' },
} as const;

deskClaims.get('/:id', (c) => {
  const ok = c.req.query('ok') ?? '';
  const t = deskUi(c).t;
  if (ok === 'moved') {
    // `v` is the version the move produced: only a hint, the undo checks it again.
    const v = Version.safeParse(c.req.query('v'));
    return showWorkspace(c, c.req.param('id'), { undo: { version: v.success ? v.data : 0 } });
  }
  const known = Object.hasOwn(OK_NOTICES, ok) ? OK_NOTICES[ok as keyof typeof OK_NOTICES] : null;
  const published = publicationNotice(t, ok);
  const notice = known
    ? { kind: known.kind, text: t(known.key) }
    : published
      ? { kind: 'ok' as const, text: published }
      : null;
  return showWorkspace(c, c.req.param('id'), notice ? { notice } : {});
});

function claimValues(form: Record<string, unknown>, prefix = ''): ClaimValues {
  const s = (k: keyof ClaimValues) => {
    const v = form[`${prefix}${k}`];
    return typeof v === 'string' ? v.trim() : '';
  };
  return {
    text: s('text'),
    claimant: s('claimant'),
    claimantType: s('claimantType'),
    claimDate: s('claimDate'),
    language: s('language'),
    claimReviewed: s('claimReviewed'),
  };
}

const refuseEdit: OnInvalid<string> = (c, errors, values) =>
  showWorkspace(
    c,
    c.req.param('id') ?? '',
    {
      claimValues: claimValues(values),
      claimErrors: fieldMessages(deskUi(c).t, errors),
    },
    422,
  );

deskClaims.post('/:id/edit', formValidator(ClaimEditForm, refuseEdit), async (c) => {
  const id = c.req.param('id');
  const v = c.req.valid('form');
  const mine = claimValues(v);
  const original = claimValues(v, 'orig_');
  const patch: ClaimPatch = {
    text: v.text,
    claimant: v.claimant || null,
    claimantType: v.claimantType || null,
    claimDate: v.claimDate || null,
    language: v.language,
    claimReviewed: v.claimReviewed || null,
  };
  const result = ID_PATTERN.test(id)
    ? await editClaim(c.env.DB, id, patch, v.version, actorOf(c))
    : null;
  if (result?.ok) {
    claimsChanged(c, result.changed);
    return c.redirect(`/desk/claims/${id}?ok=saved`, 303);
  }
  if (result && result.refusal.kind !== 'stale' && result.refusal.kind !== 'not-found') {
    const r = result.refusal;
    return showWorkspace(
      c,
      id,
      {
        notice: { kind: 'error', text: refusalText(deskUi(c).t, r) },
        claimValues: mine,
        claimErrors: r.kind === 'invalid' ? refusalFieldMessages(deskUi(c).t, r.fields) : undefined,
      },
      r.kind === 'invalid' ? 422 : r.kind === 'forbidden' ? 403 : 409,
    );
  }
  if (result?.refusal.kind !== 'stale' || !result.refusal.current)
    return deskMessage(c, 404, deskUi(c).t('notFound'));
  return render(
    c,
    <ConflictPage
      ui={deskUi(c)}
      current={result.refusal.current}
      mine={mine}
      original={original}
      myVersion={v.version}
    />,
    409,
  );
});

deskClaims.post('/:id/assign', formValidator(AssignForm, refuseForm), async (c) => {
  const id = c.req.param('id');
  const form = c.req.valid('form');
  const invalid = () =>
    showWorkspace(c, id, { notice: { kind: 'error', text: deskUi(c).t('invalidForm') } }, 422);
  const result = ID_PATTERN.test(id)
    ? await editClaim(c.env.DB, id, { assigneeId: form.assignee }, form.version, actorOf(c))
    : null;
  if (result?.ok) {
    claimsChanged(c, result.changed);
    return c.redirect(`/desk/claims/${id}?ok=saved`, 303);
  }
  if (!result || result.refusal.kind === 'not-found')
    return deskMessage(c, 404, deskUi(c).t('notFound'));
  if (result.refusal.kind === 'invalid') return invalid();
  if (result.refusal.kind !== 'stale')
    return showWorkspace(
      c,
      id,
      { notice: { kind: 'error', text: refusalText(deskUi(c).t, result.refusal) } },
      result.refusal.kind === 'forbidden' ? 403 : 409,
    );
  return c.redirect(`/desk/claims/${id}?ok=stale`, 303);
});

/** Same rules as POST /api/v1/claims/:id/transition: the state machine, a verdict to publish, a real original. */
deskClaims.post('/:id/status', formValidator(StatusForm, refuseForm), async (c) => {
  const id = c.req.param('id');
  const form = c.req.valid('form');
  const t = deskUi(c).t;
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, t('notFound'));
  const result = await moveClaim(
    c.env.DB,
    id,
    form.to,
    { expectedVersion: form.version, duplicateOf: form.duplicateOf },
    actorOf(c),
  );
  if (result.ok) {
    claimsChanged(c, result.changed);
    return c.redirect(`/desk/claims/${id}?ok=moved&v=${result.value.version}`, 303);
  }
  const r = result.refusal;
  if (r.kind === 'not-found') return deskMessage(c, 404, t('notFound'));
  if (r.kind === 'stale') return c.redirect(`/desk/claims/${id}?ok=stale`, 303);
  if (r.kind === 'verdict-required')
    return showWorkspace(c, id, { notice: { kind: 'error', text: t('needVerdict') } }, 409);
  if (r.kind === 'invalid')
    return showWorkspace(c, id, { notice: { kind: 'error', text: t('invalidForm') } }, 422);
  return showWorkspace(
    c,
    id,
    { notice: { kind: 'error', text: refusalText(t, r) } },
    r.kind === 'forbidden' ? 403 : 409,
  );
});

/** "Undo" after a move: same rules as POST /api/v1/claims/:id/transition/undo. */
deskClaims.post('/:id/undo', formValidator(UndoForm, refuseForm), async (c) => {
  const id = c.req.param('id');
  const { version } = c.req.valid('form');
  const t = deskUi(c).t;
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, t('notFound'));
  const result = await undoMove(c.env.DB, id, { version }, actorOf(c));
  if (result.ok) {
    claimsChanged(c, result.changed);
    return c.redirect(`/desk/claims/${id}?ok=undone`, 303);
  }
  const r = result.refusal;
  if (r.kind === 'not-found') return deskMessage(c, 404, t('notFound'));
  if (r.kind === 'superseded') return c.redirect(`/desk/claims/${id}?ok=superseded`, 303);
  return showWorkspace(c, id, { notice: { kind: 'error', text: t('notUndoable') } }, 409);
});

deskClaims.route('/', deskClaimParts);
deskClaims.route('/', deskCorrections);
