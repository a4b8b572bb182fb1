/**
 * The public record from the workspace: publish (or ask a second editor), approve, withdraw,
 * correction drafts (start, publish with a public note, discard), retraction (admins), and the
 * preview of what a publication would show. Same domain functions as /api/v1 (routes/corrections.ts).
 */
import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import { z } from 'zod';
import { workspaceData } from '../../../d1/desk';
import {
  approve,
  discardCorrection,
  NOTE_MAX,
  publishCorrection,
  publishFirst,
  requestApproval,
  retract,
  startCorrection,
  withdrawApproval,
} from '../../domain/corrections';
import type { Outcome, Refusal } from '../../domain/outcome';
import type { Claim } from '../../../d1/claims';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { deskMessage, deskUi } from '../../http/desk-context';
import { refusalText } from '../../http/desk-refusal';
import { showWorkspace } from '../../http/desk-workspace';
import { previewEmbedClaim, previewPage } from '../../http/preview-model';
import { claimPageModel } from '../../http/claim-page-model';
import { localeOf, originOf, renderPage } from '../../http/public-context';
import type { Translate } from '../../i18n/desk';
import { ID_PATTERN } from '../../lib/ids';
import { formValidator, type OnInvalid } from '../../middleware/form-validator';
import { claimsChanged } from '../../middleware/purge-changed';
import { text, Version } from '../../schemas';
import { EmbedCard } from '../../embeds/card';
import { embedFor } from '../../embeds/snippets';
import { embedView } from '../../embeds/view';
import { ClaimPage } from '../../views/public/claim-page';
import type { PublicationFormState } from '../../views/desk/workspace-record';
import { PreviewBanner, PreviewCard } from '../../views/desk/preview';

export const deskCorrections = new Hono<AppEnv>();

const VersionForm = z.object({ version: Version });
const NoteForm = z.object({
  version: Version,
  note: text().trim().max(NOTE_MAX).optional(),
});
const RetractForm = NoteForm.extend({ confirm: z.string().max(10).optional() });

/** `?ok=` after a publication action → the notice the workspace shows. */
export function publicationNotice(t: Translate, ok: string | undefined): string | undefined {
  const keys = {
    draft: 'draftStarted',
    discarded: 'draftDiscarded',
    published: 'correctionPublished',
    requested: 'approvalRequested',
    withdrawn: 'requestWithdrawn',
    retracted: 'retracted',
  } as const;
  return ok && ok in keys ? t(keys[ok as keyof typeof keys]) : undefined;
}

const refuseForm: OnInvalid<string> = (c, errors, values) => {
  const id = c.req.param('id') ?? '';
  const note = typeof values.note === 'string' ? values.note : '';
  const retracting = c.req.path.endsWith('/retract');
  return showWorkspace(
    c,
    id,
    {
      notice: { kind: 'error', text: deskUi(c).t('invalidForm') },
      publication: retracting
        ? { retractNote: note, retractErrors: Object.keys(errors) }
        : { note, noteError: 'note' in errors },
    },
    422,
  );
};

/** A refused action: the workspace again, saying why in words (or the 404 / stale redirect). */
function refused(
  c: Context<AppEnv>,
  id: string,
  r: Refusal,
  form: PublicationFormState = {},
  retracting = false,
) {
  const t = deskUi(c).t;
  if (r.kind === 'not-found') return deskMessage(c, 404, t('notFound'));
  if (r.kind === 'stale') return c.redirect(`/desk/claims/${id}?ok=stale`, 303);
  const notice = { kind: 'error' as const, text: refusalText(t, r) };
  if (r.kind === 'invalid') {
    const fields = r.fields.map((f) => f.field);
    return showWorkspace(
      c,
      id,
      {
        notice: { kind: 'error', text: t('noteRequired') },
        publication: retracting
          ? { ...form, retractErrors: fields }
          : { ...form, noteError: fields.includes('note') },
      },
      422,
    );
  }
  return showWorkspace(c, id, { notice, publication: form }, r.kind === 'forbidden' ? 403 : 409);
}

/** Record purges of a success and go back to the workspace with its notice. */
function settled(c: Context<AppEnv>, id: string, result: Outcome<Claim>, ok: string) {
  if (!result.ok) return refused(c, id, result.refusal);
  claimsChanged(c, result.changed);
  return c.redirect(`/desk/claims/${id}?ok=${ok}#publication`, 303);
}

function validId(c: Context<AppEnv>): string | null {
  const id = c.req.param('id') ?? '';
  return ID_PATTERN.test(id) ? id : null;
}

const isAdmin = (c: Context<AppEnv>) => c.get('session')?.role === 'admin';

deskCorrections.post('/:id/publish', formValidator(VersionForm, refuseForm), async (c) => {
  const id = validId(c);
  if (!id) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const { version } = c.req.valid('form');
  const result = await publishFirst(c.env.DB, id, { expectedVersion: version }, actorOf(c));
  return settled(c, id, result, 'published');
});

deskCorrections.post('/:id/draft', formValidator(VersionForm, refuseForm), async (c) => {
  const id = validId(c);
  if (!id) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const { version } = c.req.valid('form');
  return settled(c, id, await startCorrection(c.env.DB, id, version, actorOf(c)), 'draft');
});

deskCorrections.post('/:id/draft/discard', formValidator(VersionForm, refuseForm), async (c) => {
  const id = validId(c);
  if (!id) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const { version } = c.req.valid('form');
  return settled(c, id, await discardCorrection(c.env.DB, id, version, actorOf(c)), 'discarded');
});

deskCorrections.post('/:id/draft/publish', formValidator(NoteForm, refuseForm), async (c) => {
  const id = validId(c);
  if (!id) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const { version, note } = c.req.valid('form');
  const result = await publishCorrection(
    c.env.DB,
    id,
    { expectedVersion: version, note },
    actorOf(c),
  );
  if (!result.ok) return refused(c, id, result.refusal, { note: note ?? '' });
  return settled(c, id, result, 'published');
});

deskCorrections.post('/:id/publish-request', formValidator(NoteForm, refuseForm), async (c) => {
  const id = validId(c);
  if (!id) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const { version, note } = c.req.valid('form');
  const result = await requestApproval(
    c.env.DB,
    id,
    { expectedVersion: version, note },
    actorOf(c),
  );
  if (!result.ok) return refused(c, id, result.refusal, { note: note ?? '' });
  return settled(c, id, result, 'requested');
});

deskCorrections.post('/:id/publish-request/withdraw', async (c) => {
  const id = validId(c);
  if (!id) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const result = await withdrawApproval(c.env.DB, id, { isAdmin: isAdmin(c) }, actorOf(c));
  return settled(c, id, result, 'withdrawn');
});

deskCorrections.post('/:id/publish-request/approve', async (c) => {
  const id = validId(c);
  const t = deskUi(c).t;
  if (!id) return deskMessage(c, 404, t('notFound'));
  const result = await approve(c.env.DB, id, actorOf(c));
  if (!result.ok && result.refusal.kind === 'forbidden') {
    return showWorkspace(
      c,
      id,
      { notice: { kind: 'error', text: t('refusal_forbidden_approve') } },
      403,
    );
  }
  return settled(c, id, result, 'published');
});

deskCorrections.post('/:id/retract', formValidator(RetractForm, refuseForm), async (c) => {
  const id = validId(c);
  if (!id) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const { version, note, confirm } = c.req.valid('form');
  const form: PublicationFormState = { retractNote: note ?? '' };
  // An editor is refused before anything else; an admin must tick the confirmation.
  if (isAdmin(c) && confirm !== 'yes') {
    return showWorkspace(
      c,
      id,
      {
        notice: { kind: 'error', text: deskUi(c).t('retractConfirmRequired') },
        publication: { ...form, retractErrors: ['confirm'] },
      },
      422,
    );
  }
  const result = await retract(
    c.env.DB,
    id,
    { expectedVersion: version, note, isAdmin: isAdmin(c) },
    actorOf(c),
  );
  if (!result.ok) return refused(c, id, result.refusal, form, true);
  return settled(c, id, result, 'retracted');
});

/** What a publication would show, or null (the route answers "nothing to preview"). */
async function preview(c: Context<AppEnv>) {
  const id = validId(c);
  const data = id ? await workspaceData(c.env.DB, id) : null;
  if (!data) return null;
  const page = previewPage(data.detail, data.ratings, {
    now: new Date().toISOString(),
    note: deskUi(c).t('previewNotePlaceholder'),
  });
  return page ? { page, id: data.detail.claim.id } : null;
}

deskCorrections.get('/:id/preview', async (c) => {
  const ui = deskUi(c);
  const found = await preview(c);
  if (!found) return deskMessage(c, 404, ui.t('nothingToPreview'));
  const locale = localeOf(c);
  const origin = originOf(c);
  const { props, meta } = claimPageModel(found.page, {
    locale,
    origin,
    org: c.env.ORG_NAME,
    ...embedFor(origin, found.id, locale),
  });
  return renderPage(
    c,
    { ...meta, title: `${ui.t('previewBanner')}: ${meta.title}`, noindex: true },
    <>
      <PreviewBanner ui={ui} claimId={found.id} />
      <ClaimPage {...props} feedback={null} />
      <PreviewCard ui={ui} claimId={found.id} lang={locale} />
    </>,
  );
});

const CardQuery = z.object({ lang: z.enum(['en', 'ar', 'fr']).optional() });

deskCorrections.get('/:id/preview/card', async (c) => {
  const found = await preview(c);
  if (!found) return deskMessage(c, 404, deskUi(c).t('nothingToPreview'));
  const q = CardQuery.safeParse(c.req.query());
  const lang = q.success ? (q.data.lang ?? null) : null;
  const view = embedView(previewEmbedClaim(found.page), {
    lang,
    pinned: null,
    variant: 'preview',
  });
  return c.html(
    <>
      {raw('<!DOCTYPE html>')}
      <EmbedCard
        view={view}
        claimUrl={`/desk/claims/${found.id}/preview`}
        orgName={c.env.ORG_NAME}
      />
    </>,
  );
});
