/**
 * The "Publication" panel of the claim workspace: publish (or ask a second editor), approve or
 * withdraw a request, open / publish / discard a correction draft, retract (admins). Every action
 * is a plain form with CSRF; the only confirmation in the workflow is the retraction checkbox.
 */
import type { Claim, Rating } from '../models';
import type { DeskKey } from '../../i18n/desk';
import { UserText } from '../shared/user-text';
import { RatingChip } from './bits';

/** A name inside a sentence, isolated (FSI … PDI) so its direction cannot reorder the sentence. */
function isolate(name: string): string {
  return `\u2068${name}\u2069`;
}

/** An ISO time as written in the desk (UTC, Western digits), isolated left-to-right. */
function when(iso: string): string {
  return `\u2066${iso.slice(0, 16).replace('T', ' ')}\u2069`;
}
import { Csrf, Notice, type DeskUi } from './layout';
import { RemovalBlock } from './removal-panel';

export interface RecordChangeView {
  field: string;
  before: string;
  after: string;
}

/** What the panel and the edit forms need to know about the public record (built in worker/http/). */
export interface PublicationView {
  isAdmin: boolean;
  userId: number | null;
  needsSecondEditor: boolean;
  hasVerdict: boolean;
  /** Number of the public version readers see now (null before the first publication). */
  publishedVersion: number | null;
  /** The claim with the open draft's values (the edit form shows and edits these). */
  formClaim: Claim;
  draft: {
    createdByName: string | null;
    createdAt: string;
    kind: 'correction' | 'update' | null;
    ratingBefore: string | null;
    ratingAfter: string | null;
    changes: RecordChangeView[];
  } | null;
  request: {
    requestedBy: number;
    requestedByName: string | null;
    requestedAt: string;
    note: string | null;
  } | null;
  retraction: { at: string; note: string } | null;
  /** A retracted claim an admin removed from the public site (loaded for retracted claims only). */
  removal?: { at: string; reason: string; byName: string | null } | null;
}

/** A refused publication form sends back what was typed and which fields were at fault. */
export interface PublicationFormState {
  note?: string;
  noteError?: boolean;
  retractNote?: string;
  retractErrors?: string[];
  removalReason?: string;
  removalError?: boolean;
}

interface PanelProps {
  ui: DeskUi;
  claim: Claim;
  ratings: Rating[];
  publication: PublicationView;
  form?: PublicationFormState;
}

function Action(props: {
  ui: DeskUi;
  claim: Claim;
  path: string;
  label: string;
  primary?: boolean;
  danger?: boolean;
  id?: string;
}) {
  return (
    <form
      method="post"
      action={`/desk/claims/${props.claim.id}${props.path}`}
      class="inline-form"
      id={props.id}
    >
      <Csrf ui={props.ui} />
      <input type="hidden" name="version" value={String(props.claim.version)} />
      <button type="submit" class={props.primary ? 'primary' : props.danger ? 'danger' : undefined}>
        {props.label}
      </button>
    </form>
  );
}

function PreviewLink(props: { ui: DeskUi; claim: Claim }) {
  return (
    <p>
      <a href={`/desk/claims/${props.claim.id}/preview`}>{props.ui.t('previewLink')}</a>
    </p>
  );
}

/** Id of the form that publishes (or asks for, or approves) a claim in review. */
export const PUBLISH_FORM_ID = 'publish-form';

/**
 * The one publishing step open to this editor on a claim in review, or null: publish now, ask a
 * second editor, or approve a colleague's request. The panel renders it as a form; the phone's
 * action bar (workspace.tsx) has a button that submits that same form.
 */
export function publishStep(
  claim: Claim,
  p: PublicationView,
): { path: string; label: DeskKey } | null {
  if (claim.status !== 'in_review') return null;
  if (p.request)
    return p.request.requestedBy === p.userId
      ? null
      : { path: '/publish-request/approve', label: 'approveAndPublish' };
  return p.needsSecondEditor
    ? { path: '/publish-request', label: 'requestApproval' }
    : { path: '/publish', label: 'publishNow' };
}

/** A pending request: who asked and when; approve (anyone else), withdraw (requester or admin). */
function PendingRequest(props: PanelProps) {
  const { ui, claim, publication: p } = props;
  const r = p.request!;
  const mine = r.requestedBy === p.userId;
  return (
    <div class="pending-request">
      <p>
        {ui.t('requestedBy', { name: isolate(r.requestedByName ?? '?'), at: when(r.requestedAt) })}
      </p>
      {r.note ? (
        <UserText lang={null} as="blockquote">
          {r.note}
        </UserText>
      ) : null}
      {mine ? <p class="help">{ui.t('ownRequest')}</p> : <PublishStep {...props} />}
      {mine || p.isAdmin ? (
        <Action
          ui={ui}
          claim={claim}
          path="/publish-request/withdraw"
          label={ui.t('withdrawRequest')}
        />
      ) : null}
    </div>
  );
}

function DraftChanges(props: PanelProps) {
  const { ui, ratings } = props;
  const d = props.publication.draft!;
  const { t } = ui;
  return (
    <section aria-labelledby="draft-changes-h">
      <h3 id="draft-changes-h">{t('draftChanges')}</h3>
      {d.changes.length === 0 && !d.ratingAfter ? <p class="help">{t('draftNoChanges')}</p> : null}
      {d.kind ? <p class="meta">{t(`draftKind_${d.kind}`)}</p> : null}
      <dl class="draft-changes">
        {d.ratingBefore || d.ratingAfter ? (
          <>
            <dt>{t('draftRating')}</dt>
            <dd>
              <del>
                <RatingChip ui={ui} ratings={ratings} ratingKey={d.ratingBefore} />
              </del>{' '}
              →{' '}
              <ins>
                <RatingChip ui={ui} ratings={ratings} ratingKey={d.ratingAfter} />
              </ins>
            </dd>
          </>
        ) : null}
        {d.changes.map((ch) => (
          <>
            <dt>{t(`field_${ch.field}` as DeskKey)}</dt>
            <dd>
              {ch.before ? (
                <p>
                  <span class="meta">{t('changeBefore')}:</span>{' '}
                  <del>
                    <UserText lang={null}>{ch.before}</UserText>
                  </del>
                </p>
              ) : null}
              {ch.after ? (
                <p>
                  <span class="meta">{t('changeAfter')}:</span>{' '}
                  <ins>
                    <UserText lang={null}>{ch.after}</UserText>
                  </ins>
                </p>
              ) : null}
            </dd>
          </>
        ))}
      </dl>
    </section>
  );
}

function NoteField(props: {
  ui: DeskUi;
  id: string;
  label: string;
  value: string;
  error: boolean;
  errorText: string;
}) {
  const { ui, id } = props;
  return (
    <>
      <label for={id}>{props.label}</label>
      <p class="help" id={`${id}-help`}>
        {ui.t('publicNoteHelp')}
      </p>
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          {props.errorText}
        </p>
      ) : null}
      <textarea
        id={id}
        name="note"
        dir="auto"
        rows={3}
        required
        minlength={3}
        maxlength={2000}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-help ${id}-error` : `${id}-help`}
      >
        {props.value}
      </textarea>
    </>
  );
}

/** The open correction draft: banner, what it changes, preview, publish with a note, discard. */
function DraftBlock(props: PanelProps) {
  const { ui, claim, publication: p, form } = props;
  const { t } = ui;
  const d = p.draft!;
  return (
    <>
      <p class="notice notice-draft" role="status">
        <strong>{t('draftBanner', { n: p.publishedVersion ?? 1 })}</strong>
      </p>
      <p class="meta">
        {t('draftBy', { name: isolate(d.createdByName ?? '?'), at: when(d.createdAt) })}
      </p>
      <DraftChanges {...props} />
      <PreviewLink ui={ui} claim={claim} />
      {p.request ? (
        <PendingRequest {...props} />
      ) : (
        <form
          method="post"
          action={`/desk/claims/${claim.id}/${p.needsSecondEditor ? 'publish-request' : 'draft/publish'}`}
          class="stack"
        >
          <Csrf ui={ui} />
          <input type="hidden" name="version" value={String(claim.version)} />
          <NoteField
            ui={ui}
            id="pub-note"
            label={t('publicNote')}
            value={form?.note ?? ''}
            error={form?.noteError === true}
            errorText={t('noteRequired')}
          />
          <button type="submit" class="primary">
            {p.needsSecondEditor ? t('requestApproval') : t('publishCorrection')}
          </button>
        </form>
      )}
      <Action ui={ui} claim={claim} path="/draft/discard" label={t('discardDraft')} danger />
    </>
  );
}

/** Admins only: a public note and the one confirmation checkbox of the workflow. */
function RetractForm(props: PanelProps) {
  const { ui, claim, form } = props;
  const { t } = ui;
  const bad = (f: string) => form?.retractErrors?.includes(f) === true;
  return (
    <details class="retract" open={form?.retractErrors ? true : undefined}>
      <summary>{t('retractTitle')}</summary>
      <form method="post" action={`/desk/claims/${claim.id}/retract`} class="stack">
        <Csrf ui={ui} />
        <input type="hidden" name="version" value={String(claim.version)} />
        <p class="help">{t('retractHelp')}</p>
        <NoteField
          ui={ui}
          id="retract-note"
          label={t('retractNote')}
          value={form?.retractNote ?? ''}
          error={bad('note')}
          errorText={t('noteRequired')}
        />
        {bad('confirm') ? (
          <p class="field-error" id="retract-confirm-error">
            {t('retractConfirmRequired')}
          </p>
        ) : null}
        <label class="check">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            required
            aria-invalid={bad('confirm') ? 'true' : undefined}
          />{' '}
          {t('retractConfirm')}
        </label>
        <button type="submit" class="danger">
          {t('retract')}
        </button>
      </form>
    </details>
  );
}

function PublishStep(props: PanelProps) {
  const step = publishStep(props.claim, props.publication);
  if (!step) return null;
  return (
    <Action
      ui={props.ui}
      claim={props.claim}
      path={step.path}
      label={props.ui.t(step.label)}
      primary
      id={PUBLISH_FORM_ID}
    />
  );
}

export function PublicationPanel(props: PanelProps) {
  const { ui, claim, publication: p } = props;
  const { t } = ui;
  let body;
  if (claim.status === 'retracted') {
    body = (
      <>
        <Notice kind="error">{t('retractedOn', { at: when(p.retraction?.at ?? '') })}</Notice>
        {p.retraction?.note ? (
          <UserText lang={null} as="blockquote">
            {p.retraction.note}
          </UserText>
        ) : null}
        <p class="help">{t('retractedLocked')}</p>
        <RemovalBlock
          ui={ui}
          claim={claim}
          isAdmin={p.isAdmin}
          removal={p.removal ?? null}
          form={props.form}
        />
      </>
    );
  } else if (claim.status === 'in_review') {
    body = (
      <>
        {p.hasVerdict ? <PreviewLink ui={ui} claim={claim} /> : null}
        {p.request ? <PendingRequest {...props} /> : <PublishStep {...props} />}
        {!p.hasVerdict ? <p class="help">{t('needVerdict')}</p> : null}
      </>
    );
  } else if (claim.status === 'published') {
    body = p.draft ? (
      <DraftBlock {...props} />
    ) : (
      <>
        <p class="help">{t('startCorrectionHelp')}</p>
        <Action ui={ui} claim={claim} path="/draft" label={t('startCorrection')} primary />
      </>
    );
  } else {
    return null;
  }
  return (
    <section aria-labelledby="publication-h" class="panel" id="publication">
      <h2 id="publication-h">{t('publication')}</h2>
      {body}
      {claim.status === 'published' && p.isAdmin ? <RetractForm {...props} /> : null}
    </section>
  );
}

/** In place of an edit form on a published claim without a draft (or a retracted one). */
export function LockedHint(props: { ui: DeskUi; claim: Claim; id: string; title: DeskKey }) {
  const { ui, claim } = props;
  return (
    <section aria-labelledby={`${props.id}-h`} class="panel" id={props.id}>
      <h2 id={`${props.id}-h`}>{ui.t(props.title)}</h2>
      <p class="help">
        {claim.status === 'retracted' ? (
          ui.t('retractedLocked')
        ) : (
          <a href="#publication">{ui.t('lockedHint')}</a>
        )}
      </p>
    </section>
  );
}
