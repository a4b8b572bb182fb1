import type {
  ArticleText,
  ClaimDetail,
  ClaimMatch,
  FeedbackSummary,
  Rating,
  ReaderSubmission,
  User,
} from '../models';
import type { DeskKey } from '../../i18n/desk';
import { proposeClaimReviewed } from '../../lib/claim-reviewed';
import { allowedMoves, isAdminOnlyMove, type ClaimStatus } from '../../lib/status';
import { UserText } from '../shared/user-text';
import { StatusBadge, statusLabel } from './bits';
import { ClaimFields, type ClaimValues } from './claim-fields';
import { Csrf, DeskLayout, Notice, type DeskUi } from './layout';
import { UndoNotice } from './undo-notice';
import { NotesPanel, TeamPanel, type CollabFormState, type CollabView } from './workspace-collab';
import { ErrorSummary, summaryItems, type FieldMessages } from '../shared/form-errors';
import { ReaderWords } from './workspace-submissions';
import { SourcesSection } from './workspace-sources';
import { AuditSection, HistorySection, VerdictEditor } from './workspace-verdict';
import { deskCounts } from '../../i18n/s19-desk';
import {
  LockedHint,
  PUBLISH_FORM_ID,
  PublicationPanel,
  publishStep,
  type PublicationFormState,
  type PublicationView,
} from './workspace-record';
import { sliceText } from '../../lib/text';

export type { ClaimValues };
export interface SourceFormValues {
  url: string;
  title: string;
  publisher: string;
  excerpt: string;
  stance: string;
  archivedUrl: string;
}
export interface VerdictFormValues {
  ratingKey: string;
  headline: string;
  explanation: string;
  language: string;
  correctionNote: string;
}

/** What a refused form sends back to the page: the message, the typed values, the bad fields. */
export interface WorkspaceExtras {
  notice?: { kind: 'ok' | 'error'; text: string };
  /** Just after a status move: the version it produced (offers "Undo" while it is current). */
  undo?: { version: number };
  claimValues?: ClaimValues;
  claimErrors?: FieldMessages;
  sourceValues?: SourceFormValues;
  sourceErrors?: FieldMessages;
  verdictValues?: VerdictFormValues;
  verdictErrors?: FieldMessages;
  publication?: PublicationFormState;
  /** A refused team form (note, due date, tags, checklist). */
  collab?: CollabFormState;
}

export interface WorkspaceProps {
  ui: DeskUi;
  detail: ClaimDetail;
  ratings: Rating[];
  users: User[];
  matches: ClaimMatch[];
  article: ArticleText | null;
  feedback: FeedbackSummary;
  /** The readers' submissions behind the claim (their own words). */
  submissions: ReaderSubmission[];
  extras: WorkspaceExtras;
  /** The public record: publish, correction draft, approval, retraction. */
  publication: PublicationView;
  /** Notes, due date, tags, checklist (workspace-collab.tsx). */
  collab: CollabView;
}

/** What readers did: repeat submissions and "was this helpful?" votes with their reasons. */
function Readers(props: WorkspaceProps) {
  const { ui, detail, feedback } = props;
  const { t } = ui;
  const votes = feedback.helpful + feedback.notHelpful;
  return (
    <section aria-labelledby="readers-h" class="panel">
      <h2 id="readers-h">{t('readers')}</h2>
      {detail.claim.submissionCount > 0 ? (
        <p>{deskCounts(ui.locale).count('submittedTimes', detail.claim.submissionCount)}</p>
      ) : null}
      {votes > 0 ? (
        <p>{t('feedbackCounts', { yes: feedback.helpful, no: feedback.notHelpful })}</p>
      ) : (
        <p class="help">{t('noFeedback')}</p>
      )}
      {feedback.recentReasons.length > 0 ? (
        <ul class="reasons">
          {feedback.recentReasons.map((r) => (
            <li>
              <span class="meta">{r.helpful ? t('feedbackYes') : t('feedbackNo')}:</span>{' '}
              <bdi>{r.reason}</bdi>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The summary of a refused claim, verdict or source form, each line a link to its field. */
function WorkspaceErrors(props: WorkspaceProps) {
  const { t } = props.ui;
  const { extras } = props;
  const items = [
    ...summaryItems(extras.claimErrors, [
      { name: 'text', id: 'c-text', label: t('claimText') },
      { name: 'claimReviewed', id: 'c-reviewed', label: t('claimReviewed') },
      { name: 'claimant', id: 'c-claimant', label: t('claimant') },
      { name: 'claimantType', id: 'c-ctype', label: t('claimantType') },
      { name: 'claimDate', id: 'c-date', label: t('claimDate') },
      { name: 'language', id: 'c-lang', label: t('claimLanguage') },
    ]),
    ...summaryItems(extras.verdictErrors, [
      { name: 'ratingKey', id: 'v-rating', label: t('rating') },
      { name: 'headline', id: 'v-headline', label: t('headline') },
      { name: 'explanation', id: 'v-explanation', label: t('explanation') },
      { name: 'language', id: 'v-language', label: t('verdictLanguage') },
      { name: 'correctionNote', id: 'v-note', label: t('correctionNote') },
    ]),
    ...summaryItems(extras.sourceErrors, [
      { name: 'url', id: 'new-src-url', label: t('sourceUrl') },
      { name: 'stance', id: 'new-src-stance', label: t('stance') },
      { name: 'title', id: 'new-src-title', label: t('sourceTitle') },
      { name: 'publisher', id: 'new-src-publisher', label: t('publisher') },
      { name: 'excerpt', id: 'new-src-excerpt', label: t('excerpt') },
      { name: 'archivedUrl', id: 'new-src-archived', label: t('archivedUrl') },
    ]),
  ];
  return <ErrorSummary title={t('errorSummaryTitle')} items={items} />;
}

/** Statuses whose move to `queued` sends a claim back rather than accepting it. */
const BACK_TO_QUEUE: readonly ClaimStatus[] = ['in_review', 'rejected', 'duplicate'];

/** What the line after a move says, for the statuses a move can be undone from. */
const MOVED_TEXT: Partial<Record<ClaimStatus, DeskKey>> = {
  queued: 'moved_queued',
  rejected: 'moved_rejected',
  in_review: 'moved_in_review',
  duplicate: 'moved_duplicate',
};

/** The line after a status move: "Rejected. Undo" while the move is still the claim's last write. */
function MovedNotice(props: WorkspaceProps) {
  const { ui, detail, extras } = props;
  const { claim } = detail;
  const key = MOVED_TEXT[claim.status];
  if (!extras.undo) return null;
  if (!key || extras.undo.version !== claim.version)
    return <Notice kind="ok">{ui.t('moved')}</Notice>;
  return (
    <UndoNotice
      ui={ui}
      text={ui.t(key)}
      action={`/desk/claims/${claim.id}/undo`}
      fields={[{ name: 'version', value: String(claim.version) }]}
    />
  );
}

/**
 * The claim's status moves and its publishing step. On a wide screen it is the side column's first
 * panel; on a narrow one a bar stuck to the bottom of the screen (desk.css). Its Publish button
 * submits the Publication panel's own form (`form=`), so there is one form and no second copy of
 * the rule that picks it; the button shows only where the bar is sticky.
 */
function ActionBar(props: WorkspaceProps) {
  const { ui, detail, publication } = props;
  const { t } = ui;
  const from = detail.claim.status;
  // Duplicates are marked from the matches; publishing and retraction live in the Publication
  // panel (workspace-record.tsx).
  const moves = allowedMoves(from).filter(
    (m): boolean => m !== 'duplicate' && m !== 'published' && !isAdminOnlyMove(from, m),
  );
  const step = publishStep(detail.claim, publication);
  const strings = deskCounts(ui.locale);
  return (
    <section aria-labelledby="status-h" class="panel action-bar" id="actions">
      <h2 id="status-h">{t('statusActions')}</h2>
      <p class="current-status">
        {t('currentStatus', { status: statusLabel(ui, detail.claim.status) })}
      </p>
      {moves.length === 0 && allowedMoves(from).length === 0 ? (
        <p class="help">{t('noMoves')}</p>
      ) : null}
      <div class="status-buttons">
        {moves.map((to) => (
          <form method="post" action={`/desk/claims/${detail.claim.id}/status`}>
            <Csrf ui={ui} />
            <input type="hidden" name="version" value={String(detail.claim.version)} />
            <input type="hidden" name="to" value={to} />
            <button type="submit" class={to === 'queued' ? 'primary' : undefined}>
              {to === 'queued' && BACK_TO_QUEUE.includes(from)
                ? t('backToQueue')
                : t(`moveTo_${to}` as DeskKey)}
            </button>
          </form>
        ))}
        {step ? (
          <button type="submit" form={PUBLISH_FORM_ID} class="primary bar-only">
            {t(step.label)}
          </button>
        ) : from === 'published' ? (
          <a href="#publication" class="button-link bar-only">
            {strings.text('toPublication')}
          </a>
        ) : null}
      </div>
    </section>
  );
}

function Assignment(props: WorkspaceProps) {
  const { ui, detail, users } = props;
  const { t } = ui;
  return (
    <section aria-labelledby="assign-h" class="panel">
      <h2 id="assign-h">{t('assignment')}</h2>
      <form method="post" action={`/desk/claims/${detail.claim.id}/assign`} class="inline-form">
        <Csrf ui={ui} />
        <input type="hidden" name="version" value={String(detail.claim.version)} />
        <label for="assignee">{t('assignee')}</label>
        <select id="assignee" name="assignee">
          <option value="">{t('nobody')}</option>
          {users.map((u) => (
            <option value={String(u.id)} selected={detail.claim.assigneeId === u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <button type="submit">{t('assign')}</button>
      </form>
    </section>
  );
}

function ArticleContext(props: WorkspaceProps) {
  const { ui, article, detail } = props;
  const { claim } = detail;
  if (!article || claim.start === null || claim.end === null || claim.end > article.body.length)
    return null;
  const from = Math.max(0, article.body.lastIndexOf('\n', claim.start - 2) + 1, claim.start - 400);
  const next = article.body.indexOf('\n', claim.end + 1);
  const to = Math.min(
    article.body.length,
    next === -1 ? article.body.length : next,
    claim.end + 400,
  );
  return (
    <section aria-labelledby="ctx-h" class="panel">
      <h2 id="ctx-h">{ui.t('articleContext')}</h2>
      <UserText lang={article.language} as="blockquote" class="context">
        {article.body.slice(from, claim.start)}
        <mark>{article.body.slice(claim.start, claim.end)}</mark>
        {article.body.slice(claim.end, to)}
      </UserText>
      <p>
        <a href={`/desk/articles/${article.id}#c-${claim.id}`}>{ui.t('openArticle')}</a>
        {article.title ? (
          <>
            {' · '}
            <UserText lang={article.language}>{article.title}</UserText>
          </>
        ) : null}
      </p>
    </section>
  );
}

function Matches(props: WorkspaceProps) {
  const { ui, matches, detail } = props;
  const { t } = ui;
  const canMark = allowedMoves(detail.claim.status).includes('duplicate');
  return (
    <section aria-labelledby="matches-h" class="panel">
      <h2 id="matches-h">{t('matches')}</h2>
      {matches.length === 0 ? <p class="help">{t('noMatches')}</p> : null}
      <ul class="matches">
        {matches.map((m) => (
          <li>
            <UserText lang={m.language} as="p">
              <a href={`/desk/claims/${m.id}`}>{m.text}</a>
            </UserText>
            <p class="meta">
              {t('similarity')} {Math.round(m.similarity * 100)}% ·{' '}
              {statusLabel(ui, m.status as never)}
            </p>
            {canMark ? (
              <form method="post" action={`/desk/claims/${detail.claim.id}/status`}>
                <Csrf ui={ui} />
                <input type="hidden" name="version" value={String(detail.claim.version)} />
                <input type="hidden" name="to" value="duplicate" />
                <input type="hidden" name="duplicateOf" value={m.id} />
                <button type="submit">{t('markDuplicate')}</button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The claim workspace. */
export function WorkspacePage(props: WorkspaceProps) {
  const { ui, detail, extras, publication } = props;
  const { t } = ui;
  const { claim } = detail;
  // A published claim's form edits its correction draft: the draft's values.
  const editing = publication.formClaim;
  const stored: ClaimValues = {
    text: editing.text,
    claimant: editing.claimant ?? '',
    claimantType: editing.claimantType ?? '',
    claimDate: editing.claimDate?.slice(0, 10) ?? '',
    language: editing.language,
    claimReviewed: editing.claimReviewed ?? '',
  };
  // No claimReviewed yet: the field starts with a proposal, and the merge screen counts it as
  // what the editor started from (so a colleague's real wording wins over an untouched proposal).
  const proposed = editing.claimReviewed === null && !extras.claimValues;
  const start = proposed
    ? { ...stored, claimReviewed: proposeClaimReviewed(editing.text) }
    : stored;
  const locked =
    claim.status === 'retracted' || (claim.status === 'published' && !publication.draft);
  return (
    <DeskLayout ui={ui} title={`${t('claimTitle')}: ${sliceText(claim.text, 60)}`} active="queue">
      <div class="claim-head">
        <StatusBadge ui={ui} status={claim.status} />
        <span class="meta">{t('versionN', { n: claim.version })}</span>
      </div>
      <h1>
        <UserText lang={claim.language}>{claim.text}</UserText>
      </h1>
      <WorkspaceErrors {...props} />
      {extras.notice ? <Notice kind={extras.notice.kind}>{extras.notice.text}</Notice> : null}
      <MovedNotice {...props} />
      <div class="workspace">
        <div class="work-main">
          <PublicationPanel
            ui={ui}
            claim={claim}
            ratings={props.ratings}
            publication={publication}
            form={extras.publication}
          />
          {locked ? (
            <LockedHint ui={ui} claim={claim} id="edit" title="editClaim" />
          ) : (
            <section aria-labelledby="edit-h" class="panel">
              <h2 id="edit-h">{t('editClaim')}</h2>
              <form method="post" action={`/desk/claims/${claim.id}/edit`} class="stack">
                <Csrf ui={ui} />
                <input type="hidden" name="version" value={String(claim.version)} />
                <ClaimFields
                  ui={ui}
                  values={extras.claimValues ?? start}
                  original={start}
                  errors={extras.claimErrors}
                  proposed={proposed}
                />
                <button type="submit" class="primary">
                  {t('save')}
                </button>
              </form>
            </section>
          )}
          {locked ? (
            <LockedHint ui={ui} claim={claim} id="verdict" title="verdict" />
          ) : (
            <VerdictEditor {...props} />
          )}
          <SourcesSection {...props} locked={locked} />
          <NotesPanel ui={ui} claimId={claim.id} collab={props.collab} form={extras.collab} />
        </div>
        <ActionBar {...props} />
        <div class="work-side">
          <Assignment {...props} />
          <TeamPanel ui={ui} claimId={claim.id} collab={props.collab} form={extras.collab} />
          <ArticleContext {...props} />
          <Matches {...props} />
          <Readers {...props} />
          <ReaderWords ui={ui} claim={claim} submissions={props.submissions} />
        </div>
        <div class="work-foot">
          <HistorySection {...props} />
          <AuditSection {...props} />
        </div>
      </div>
    </DeskLayout>
  );
}
