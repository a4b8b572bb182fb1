import type { ArticleOption, QueuePage as Page, Rating, User } from '../models';
import { ratingLabel } from '../../lib/ratings';
import { LANGUAGE_NAMES } from '../../i18n/desk';
import { STATUSES, type ClaimStatus } from '../../lib/status';
import { UserText } from '../shared/user-text';
import { RatingChip, StatusBadge, statusLabel, Time } from './bits';
import { DeskLayout, type DeskUi } from './layout';

export interface QueueQuery {
  status?: ClaimStatus;
  language?: string;
  rating?: string;
  article?: string;
  assignee?: string;
  q?: string;
  cursor?: string;
}

/** /desk?… with these filters (undefined values dropped). */
function queueHref(q: QueueQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, v);
  const s = params.toString();
  return s ? `/desk?${s}` : '/desk';
}

function StatusTabs(props: { ui: DeskUi; query: QueueQuery; counts: Page['counts'] }) {
  const { ui, query, counts } = props;
  const base = { ...query, status: undefined, cursor: undefined };
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <nav aria-label={ui.t('byStatus')} class="status-tabs">
      <ul>
        <li>
          <a href={queueHref(base)} aria-current={query.status ? undefined : 'page'}>
            {ui.t('allStatuses')} <span class="count">{total}</span>
          </a>
        </li>
        {STATUSES.map((s) => (
          <li>
            <a
              href={queueHref({ ...base, status: s })}
              aria-current={query.status === s ? 'page' : undefined}
            >
              {statusLabel(ui, s)} <span class="count">{counts[s] ?? 0}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Filters(props: {
  ui: DeskUi;
  query: QueueQuery;
  ratings: Rating[];
  users: User[];
  articles: ArticleOption[];
}) {
  const { ui, query } = props;
  const { t } = ui;
  return (
    <form method="get" action="/desk" class="filters" role="search" aria-label={t('filters')}>
      {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
      <div class="field">
        <label for="f-q">{t('filterText')}</label>
        <input id="f-q" name="q" type="search" dir="auto" maxlength={200} value={query.q ?? ''} />
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
      <div class="field">
        <label for="f-assignee">{t('filterAssignee')}</label>
        <select id="f-assignee" name="assignee">
          <option value="">{t('any')}</option>
          {props.users.map((u) => (
            <option value={String(u.id)} selected={query.assignee === String(u.id)}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div class="actions">
        <button type="submit" class="primary">
          {t('applyFilters')}
        </button>
        <a href={queueHref({ status: query.status })}>{t('clearFilters')}</a>
      </div>
    </form>
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
}) {
  const { ui, query, page } = props;
  const { t } = ui;
  const title = query.status
    ? `${t('queueTitle')}: ${statusLabel(ui, query.status)}`
    : t('queueTitle');
  return (
    <DeskLayout ui={ui} title={title} active="queue">
      <h1>{title}</h1>
      <StatusTabs ui={ui} query={query} counts={page.counts} />
      <Filters
        ui={ui}
        query={query}
        ratings={props.ratings}
        users={props.users}
        articles={props.articles}
      />
      {page.items.length === 0 ? (
        <p class="empty">{t('noClaims')}</p>
      ) : (
        <table class="queue">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colClaim')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colLanguage')}</th>
              <th scope="col">{t('colScore')}</th>
              <th scope="col">{t('colRating')}</th>
              <th scope="col">{t('colAssignee')}</th>
              <th scope="col">{t('colUpdated')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((claim) => (
              <tr>
                <td class="claim-cell">
                  <a href={`/desk/claims/${claim.id}`} class="claim-link">
                    <UserText lang={claim.language}>{claim.text}</UserText>
                  </a>
                </td>
                <td>
                  <StatusBadge ui={ui} status={claim.status} />
                </td>
                <td>{claim.language}</td>
                <td class="num">{claim.score === null ? '' : claim.score.toFixed(2)}</td>
                <td>
                  <RatingChip ui={ui} ratings={props.ratings} ratingKey={claim.ratingKey} />
                </td>
                <td>{claim.assigneeName ? <bdi>{claim.assigneeName}</bdi> : ''}</td>
                <td>
                  <Time iso={claim.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label={t('paging')} class="paging">
        {query.cursor ? (
          <a href={queueHref({ ...query, cursor: undefined })}>{t('firstPage')}</a>
        ) : null}
        {page.nextCursor !== null ? (
          <a href={queueHref({ ...query, cursor: String(page.nextCursor) })} rel="next">
            {t('nextPage')}
          </a>
        ) : null}
      </nav>
    </DeskLayout>
  );
}
