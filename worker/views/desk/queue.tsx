import type { ArticleOption, QueuePage as Page, Rating, User } from '../models';
import { ratingLabel } from '../../lib/ratings';
import { LANGUAGE_NAMES } from '../../i18n/desk';
import { queueTranslator, type DeskQueueKey, type QueueTranslate } from '../../i18n/desk-queue';
import { STATUSES, type ClaimStatus } from '../../lib/status';
import { exactTime, relativeTime } from '../../lib/relative-time';
import { formatNumber, formatScore, languageName, localDigits } from '../../i18n/numbers';
import { deskCounts } from '../../i18n/s19-desk';
import { UserText } from '../shared/user-text';
import { RatingChip, StatusBadge, statusLabel } from './bits';
import { Csrf, DeskLayout, Notice, type DeskUi } from './layout';
import { UndoNotice } from './undo-notice';
import { sliceText } from '../../lib/text';

/** The queue's URL state: a bookmark of the page is a saved filter. */
export interface QueueQuery {
  /** 'work' (the default: submitted, queued, in review), 'all', or one status. */
  status?: ClaimStatus | 'work' | 'all';
  language?: string;
  rating?: string;
  article?: string;
  /** 'me', 'none' (unassigned) or an account id. */
  assignee?: string;
  q?: string;
  sort?: string;
  cursor?: string;
}

export const QUEUE_SORT_KEYS = ['newest', 'score', 'demand', 'due', 'updated'] as const;

/** What a bulk action did, for the notice above the queue. */
export interface BulkReport {
  text: string;
  /** `ID.version` of each move (the Undo form's hints); empty for assignments. */
  moves: string[];
  /** Claims left alone, with the reason. */
  failed: { id: string; reason: 'stale' | 'illegal' | 'gone' | 'refused' }[];
  /** The queue URL to come back to after an Undo. */
  back: string;
}

/** /desk?… with these filters (defaults and empty values dropped). */
export function queueHref(q: QueueQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === '') continue;
    if ((k === 'status' && v === 'work') || (k === 'sort' && v === 'newest')) continue;
    params.set(k, v);
  }
  const s = params.toString();
  return s ? `/desk?${s}` : '/desk';
}

const WORK: readonly ClaimStatus[] = ['submitted', 'queued', 'in_review'];

function StatusTabs(props: {
  ui: DeskUi;
  qt: QueueTranslate;
  query: QueueQuery;
  counts: Page['counts'];
}) {
  const { ui, qt, query, counts } = props;
  const base = { ...query, status: undefined, cursor: undefined };
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const work = WORK.reduce((a, s) => a + (counts[s] ?? 0), 0);
  const current = query.status ?? 'work';
  return (
    <nav aria-label={ui.t('byStatus')} class="status-tabs">
      <ul>
        <li>
          <a
            href={queueHref({ ...base, status: 'work' })}
            aria-current={current === 'work' ? 'page' : undefined}
            title={qt('viewWorkHelp')}
          >
            {qt('viewWork')} <span class="count">{formatNumber(work, ui.locale)}</span>
          </a>
        </li>
        <li>
          <a
            href={queueHref({ ...base, status: 'all' })}
            aria-current={current === 'all' ? 'page' : undefined}
          >
            {ui.t('allStatuses')} <span class="count">{formatNumber(total, ui.locale)}</span>
          </a>
        </li>
        {STATUSES.map((s) => (
          <li>
            <a
              href={queueHref({ ...base, status: s })}
              aria-current={current === s ? 'page' : undefined}
            >
              {statusLabel(ui, s)}{' '}
              <span class="count">{formatNumber(counts[s] ?? 0, ui.locale)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Filters(props: {
  ui: DeskUi;
  qt: QueueTranslate;
  query: QueueQuery;
  ratings: Rating[];
  users: User[];
  articles: ArticleOption[];
}) {
  const { ui, qt, query } = props;
  const { t } = ui;
  const more = Boolean(query.language || query.rating || query.article || query.assignee);
  return (
    <form
      method="get"
      action="/desk"
      class="filters queue-filters"
      role="search"
      aria-label={t('filters')}
    >
      {query.status && query.status !== 'work' ? (
        <input type="hidden" name="status" value={query.status} />
      ) : null}
      <div class="filter-row">
        <div class="field">
          <label for="f-q">{t('filterText')}</label>
          <input id="f-q" name="q" type="search" dir="auto" maxlength={200} value={query.q ?? ''} />
        </div>
        <div class="field">
          <label for="f-sort">{qt('sortBy')}</label>
          <select id="f-sort" name="sort">
            {QUEUE_SORT_KEYS.map((s) => (
              <option value={s} selected={(query.sort ?? 'newest') === s}>
                {qt(`sort_${s}` as DeskQueueKey)}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            {t('applyFilters')}
          </button>
        </div>
      </div>
      <details class="more-filters" open={more}>
        <summary>{t('filters')}</summary>
        <div class="filter-row">
          <div class="field">
            <label for="f-assignee">{t('filterAssignee')}</label>
            <select id="f-assignee" name="assignee">
              <option value="">{t('any')}</option>
              <option value="me" selected={query.assignee === 'me'}>
                {qt('assignedToMe')}
              </option>
              <option value="none" selected={query.assignee === 'none'}>
                {qt('unassigned')}
              </option>
              {props.users.map((u) => (
                <option value={String(u.id)} selected={query.assignee === String(u.id)}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-language">{t('filterLanguage')}</label>
            <select id="f-language" name="language">
              <option value="">{t('any')}</option>
              {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
                <option value={code} lang={code} selected={query.language === code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-rating">{t('filterRating')}</label>
            <select id="f-rating" name="rating">
              <option value="">{t('any')}</option>
              {props.ratings.map((r) => (
                <option value={r.key} selected={query.rating === r.key}>
                  {ratingLabel(r, ui.locale)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-article">{t('filterArticle')}</label>
            <select id="f-article" name="article">
              <option value="">{t('any')}</option>
              {props.articles.map((a) => (
                <option value={a.id} lang={a.language} selected={query.article === a.id}>
                  {a.title ?? a.id}
                </option>
              ))}
            </select>
          </div>
          <div class="actions">
            <a href={queueHref({ status: query.status })}>{t('clearFilters')}</a>
          </div>
        </div>
      </details>
    </form>
  );
}

/** "3 h ago", exact UTC time on hover, the machine time in `datetime`. */
export function Ago(props: { iso: string; now: string; ui: DeskUi }) {
  return (
    <time datetime={props.iso} title={exactTime(props.iso)}>
      {relativeTime(props.iso, props.now, props.ui.locale)}
    </time>
  );
}

function BulkBar(props: { ui: DeskUi; qt: QueueTranslate; users: User[] }) {
  const { ui, qt } = props;
  return (
    <fieldset class="bulk-bar">
      <legend>{qt('bulkLegend')}</legend>
      <button type="submit" name="action" value="accept">
        {qt('bulkAccept')}
      </button>
      <button type="submit" name="action" value="reject">
        {qt('bulkReject')}
      </button>
      <button type="submit" name="action" value="assign-me">
        {qt('bulkAssignMe')}
      </button>
      <span class="assign-to">
        <label for="bulk-assignee">{qt('bulkAssignTo')}</label>
        <select id="bulk-assignee" name="assignee">
          {props.users.map((u) => (
            <option value={String(u.id)} selected={u.id === ui.user?.id}>
              {u.name}
            </option>
          ))}
        </select>
        <button type="submit" name="action" value="assign">
          {qt('bulkAssign')}
        </button>
      </span>
    </fieldset>
  );
}

function Report(props: { ui: DeskUi; qt: QueueTranslate; report: BulkReport; page: Page }) {
  const { ui, qt, report, page } = props;
  const byId = new Map(page.described.map((d) => [d.id, d]));
  return (
    <>
      {report.moves.length > 0 ? (
        <UndoNotice
          ui={ui}
          text={report.text}
          action="/desk/bulk/undo"
          fields={[
            ...report.moves.map((m) => ({ name: 'moves', value: m })),
            { name: 'back', value: report.back },
          ]}
        />
      ) : (
        <Notice kind="ok">{report.text}</Notice>
      )}
      {report.failed.length > 0 ? (
        <div class="notice notice-error not-applied" role="alert">
          <p>{qt('notApplied')}</p>
          <ul>
            {report.failed.map((f) => {
              const claim = byId.get(f.id);
              return (
                <li>
                  <a href={`/desk/claims/${f.id}`}>
                    {claim ? <UserText lang={claim.language}>{claim.text}</UserText> : f.id}
                  </a>{' '}
                  {claim ? <StatusBadge ui={ui} status={claim.status} /> : null}{' '}
                  <span>{qt(`reason_${f.reason}`)}</span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </>
  );
}

function HelpDialog(props: { qt: QueueTranslate }) {
  const { qt } = props;
  const keys: [string, DeskQueueKey][] = [
    ['j', 'key_j'],
    ['k', 'key_k'],
    ['x', 'key_x'],
    ['a', 'key_a'],
    ['r', 'key_r'],
    ['e', 'key_e'],
    ['/', 'key_slash'],
    ['?', 'key_help'],
  ];
  return (
    <dialog id="queue-help" aria-labelledby="queue-help-h" class="queue-help">
      <h2 id="queue-help-h">{qt('shortcutsTitle')}</h2>
      <dl>
        {keys.map(([key, label]) => (
          <div>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{qt(label)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">{qt('close')}</button>
      </form>
    </dialog>
  );
}

/** The queue page. */
export function QueuePage(props: {
  ui: DeskUi;
  query: QueueQuery;
  page: Page;
  ratings: Rating[];
  users: User[];
  articles: ArticleOption[];
  /** The request's time (relative times are computed on the server). */
  now: string;
  report?: BulkReport;
}) {
  const { ui, query, page, now } = props;
  const { t } = ui;
  const qt = queueTranslator(ui.locale);
  const counts = deskCounts(ui.locale);
  // One Intl.DisplayNames lookup per language on the page, not per row.
  const names = new Map<string, string>();
  const langName = (code: string) => {
    let name = names.get(code);
    if (name === undefined) names.set(code, (name = languageName(code, ui.locale)));
    return name;
  };
  const status = query.status ?? 'work';
  const viewName =
    status === 'work'
      ? qt('viewWork')
      : status === 'all'
        ? t('allStatuses')
        : statusLabel(ui, status);
  const title = `${t('queueTitle')}: ${viewName}`;
  const back = queueHref(query);
  return (
    <DeskLayout
      ui={ui}
      title={title}
      active="queue"
      skip={{ href: '#claims', label: qt('skipToClaims') }}
    >
      <link rel="stylesheet" href="/css/desk-queue.css" />
      <h1>{title}</h1>
      {props.report ? <Report ui={ui} qt={qt} report={props.report} page={page} /> : null}
      <StatusTabs ui={ui} qt={qt} query={query} counts={page.counts} />
      <Filters
        ui={ui}
        qt={qt}
        query={query}
        ratings={props.ratings}
        users={props.users}
        articles={props.articles}
      />
      <p class="shortcuts-hint" hidden>
        {qt('shortcutsHint')}
      </p>
      {page.items.length === 0 ? (
        <p class="empty" id="claims" tabindex={-1}>
          {t('noClaims')}
        </p>
      ) : (
        <form method="post" action="/desk/bulk" class="queue-form" id="bulk">
          <Csrf ui={ui} />
          <input type="hidden" name="back" value={back} />
          <BulkBar ui={ui} qt={qt} users={props.users} />
          <table class="queue cards" id="claims" tabindex={-1}>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">{qt('colSelect')}</span>
                </th>
                <th scope="col">{t('colClaim')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colLanguage')}</th>
                <th scope="col">{t('colScore')}</th>
                <th scope="col">{qt('colDemand')}</th>
                <th scope="col">{qt('colDue')}</th>
                <th scope="col">{t('colRating')}</th>
                <th scope="col">{t('colAssignee')}</th>
                <th scope="col">{t('colUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((claim) => (
                <tr data-claim={claim.id}>
                  <td class="sel">
                    <input
                      type="checkbox"
                      name="ids"
                      value={`${claim.id}.${claim.version}`}
                      id={`sel-${claim.id}`}
                      aria-label={qt('selectClaim', { text: sliceText(claim.text, 80) })}
                    />
                  </td>
                  <td class="claim-cell">
                    <a href={`/desk/claims/${claim.id}`} class="claim-link">
                      <UserText lang={claim.language}>{claim.text}</UserText>
                    </a>
                  </td>
                  <td class="c-status">
                    <StatusBadge ui={ui} status={claim.status} />
                  </td>
                  <td class="c-lang" data-label={t('colLanguage')}>
                    {langName(claim.language)}
                  </td>
                  <td class="num c-score" data-label={t('colScore')}>
                    {claim.score === null ? '' : formatScore(claim.score, ui.locale)}
                  </td>
                  <td class="num c-demand" data-label={qt('colDemand')}>
                    <span title={counts.count('readerSubmissions', claim.submissionCount)}>
                      {formatNumber(claim.submissionCount, ui.locale)}
                    </span>
                  </td>
                  <td class="c-due" data-label={qt('colDue')}>
                    {claim.dueDate ? (
                      <time datetime={claim.dueDate} dir="ltr">
                        {localDigits(claim.dueDate, ui.locale)}
                      </time>
                    ) : (
                      ''
                    )}
                  </td>
                  <td class="c-rating">
                    <RatingChip ui={ui} ratings={props.ratings} ratingKey={claim.ratingKey} />
                  </td>
                  <td class="c-assignee" data-label={t('colAssignee')}>
                    {claim.assigneeName ? <bdi>{claim.assigneeName}</bdi> : ''}
                  </td>
                  <td class="c-updated" data-label={t('colUpdated')}>
                    <Ago iso={claim.updatedAt} now={now} ui={ui} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </form>
      )}
      <nav aria-label={t('paging')} class="paging">
        {query.cursor ? (
          <a href={queueHref({ ...query, cursor: undefined })}>{t('firstPage')}</a>
        ) : null}
        {page.nextCursor !== null ? (
          <a href={queueHref({ ...query, cursor: page.nextCursor })} rel="next">
            {t('nextPage')}
          </a>
        ) : null}
      </nav>
      <HelpDialog qt={qt} />
      <script src="/js/desk-queue.js" defer nonce={ui.nonce}></script>
    </DeskLayout>
  );
}
