/**
 * Retracted-and-removed from the workspace (admins): POST /desk/claims/:id/removal (a reason
 * readers see) and /desk/claims/:id/removal/restore. Plain forms with CSRF (requireDesk), the same
 * domain functions as /api/v1/claims/:id/removal (routes/removal.ts).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Claim } from '../../../d1/claims';
import type { Outcome, Refusal } from '../../domain/outcome';
import { REASON_MAX, removeFromSite, restoreToSite } from '../../domain/removal';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { deskMessage, deskUi, requireDesk } from '../../http/desk-context';
import { refusalText } from '../../http/desk-refusal';
import { showWorkspace } from '../../http/desk-workspace';
import { removalStrings } from '../../i18n/s19-reader';
import { ID_PATTERN } from '../../lib/ids';
import { formValidator, type OnInvalid } from '../../middleware/form-validator';
import { claimsChanged } from '../../middleware/purge-changed';
import { text, Version } from '../../schemas';

export const deskRemoval = new Hono<AppEnv>();
deskRemoval.use('*', requireDesk());

const RemoveForm = z.object({ version: Version, reason: text().trim().max(REASON_MAX).optional() });
const RestoreForm = z.object({ version: Version });

const isAdmin = (c: Context<AppEnv>) => c.get('session')?.role === 'admin';

const refuseForm: OnInvalid<string> = (c, errors, values) =>
  showWorkspace(
    c,
    c.req.param('id') ?? '',
    {
      notice: { kind: 'error', text: deskUi(c).t('invalidForm') },
      publication: {
        removalReason: typeof values.reason === 'string' ? values.reason : '',
        removalError: 'reason' in errors,
      },
    },
    422,
  );

function refused(c: Context<AppEnv>, id: string, r: Refusal, reason = '') {
  const ui = deskUi(c);
  if (r.kind === 'not-found') return deskMessage(c, 404, ui.t('notFound'));
  if (r.kind === 'stale') return c.redirect(`/desk/claims/${id}?ok=stale`, 303);
  if (r.kind === 'invalid') {
    const text = removalStrings(ui.locale).deskReasonError;
    return showWorkspace(
      c,
      id,
      {
        notice: { kind: 'error', text },
        publication: { removalReason: reason, removalError: true },
      },
      422,
    );
  }
  const text =
    r.kind === 'forbidden' ? removalStrings(ui.locale).deskAdminsOnly : refusalText(ui.t, r);
  return showWorkspace(
    c,
    id,
    { notice: { kind: 'error', text }, publication: { removalReason: reason } },
    r.kind === 'forbidden' ? 403 : 409,
  );
}

function settled(c: Context<AppEnv>, id: string, result: Outcome<Claim>, done: string) {
  if (!result.ok) return refused(c, id, result.refusal);
  claimsChanged(c, result.changed);
  return c.redirect(`/desk/claims/${id}?removal=${done}#publication`, 303);
}

deskRemoval.post('/:id/removal', formValidator(RemoveForm, refuseForm), async (c) => {
  const id = c.req.param('id');
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const { version, reason } = c.req.valid('form');
  const result = await removeFromSite(
    c.env.DB,
    id,
    { expectedVersion: version, reason, isAdmin: isAdmin(c) },
    actorOf(c),
  );
  if (!result.ok) return refused(c, id, result.refusal, reason ?? '');
  return settled(c, id, result, 'removed');
});

deskRemoval.post('/:id/removal/restore', formValidator(RestoreForm, refuseForm), async (c) => {
  const id = c.req.param('id');
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const { version } = c.req.valid('form');
  const result = await restoreToSite(
    c.env.DB,
    id,
    { expectedVersion: version, isAdmin: isAdmin(c) },
    actorOf(c),
  );
  return settled(c, id, result, 'restored');
});
