/** `/` (latest verdicts) and `/claims` (filters, search, cursor paging). */
import { strings, type Locale } from '../../i18n/public';
import { resultCount, searchStrings } from '../../i18n/reader-search';
import { ClaimCard, type ClaimCardView } from './parts';

/** What the filters form holds (each one a query parameter, so a search is a plain GET). */
export interface ListFilters {
  q: string;
  rating: string;
  language: string;
  from: string;
  to: string;
  claimant: string;
  sort: 'relevance' | 'date';
}

export interface ListPageProps {
  locale: Locale;
  mode: 'home' | 'list';
  items: ClaimCardView[];
  ratings: { key: string; label: string }[];
  filters: ListFilters;
  /** How many claims match (null on the home page); `more` when counting stopped there. */
  total: { n: number; more: boolean } | null;
  /** The empty result's link to /submit with the query filled in (null when there is no query). */
  submitHref: string | null;
  /** Link to the list without filters, when some are set. */
  clearHref: string | null;
  /** Link to the next (older) page, if any. */
  nextHref: string | null;
  /** Link back to the first page, when not on it. */
  firstHref: string | null;
  hrefOf: (id: string) => string;
}

export function ListPage(p: ListPageProps) {
  const t = strings(p.locale);
  const s = searchStrings(p.locale);
  return (
    <section class="list-page">
      <h1>
        {p.mode === 'home' ? (
          t.home.title
        ) : p.filters.q ? (
          <>
            {`${s.resultsFor} `}
            <bdi class="query">{p.filters.q}</bdi>
          </>
        ) : (
          t.list.title
        )}
      </h1>
      {p.mode === 'home' ? (
        <>
          <p class="intro">{t.home.intro}</p>
          <HomeSearch locale={p.locale} />
        </>
      ) : (
        <ListFilters {...p} />
      )}
      {p.total ? (
        <p class="result-count" role="status">
          {resultCount(p.total.n, p.locale, p.total.more)}
        </p>
      ) : null}
      {p.items.length === 0 ? <EmptyResult {...p} /> : null}
      <div class="claim-list">
        {p.items.map((item) => (
          <ClaimCard
            item={item}
            locale={p.locale}
            href={p.hrefOf(item.id)}
            highlight={p.filters.q || undefined}
          />
        ))}
      </div>
      <nav class="pager" aria-label={t.list.title}>
        {p.firstHref ? <a href={p.firstHref}>{t.list.newest}</a> : null}
        {p.nextHref ? (
          <a href={p.nextHref} rel="next">
            {t.list.older}
          </a>
        ) : null}
        {p.mode === 'home' ? <a href="/claims">{t.home.all}</a> : null}
      </nav>
    </section>
  );
}

/** The home page's search box: a plain GET to /claims. */
function HomeSearch(p: { locale: Locale }) {
  const s = searchStrings(p.locale);
  return (
    <form class="home-search" method="get" action="/claims" role="search">
      <label for="home-q">{s.searchLabel}</label>
      <div class="home-search-row">
        <input
          id="home-q"
          name="q"
          type="search"
          maxlength={200}
          placeholder={s.placeholder}
          dir="auto"
        />
        {p.locale !== 'en' ? <input type="hidden" name="lang" value={p.locale} /> : null}
        <button type="submit">{s.go}</button>
      </div>
    </form>
  );
}

/** No match: say so, and offer the way forward (other words, or send the claim to the newsroom). */
function EmptyResult(p: ListPageProps) {
  const t = strings(p.locale);
  const s = searchStrings(p.locale);
  if (!p.submitHref) return <p class="empty">{t.list.empty}</p>;
  return (
    <div class="empty empty-search">
      <p>
        <strong>{s.noneTitle}</strong> {s.noneHint}
      </p>
      <p class="empty-actions">
        <a class="button" href={p.submitHref}>
          {s.sendClaim}
        </a>
        {p.clearHref ? <a href={p.clearHref}>{s.clear}</a> : null}
      </p>
    </div>
  );
}

function ListFilters(p: ListPageProps) {
  const t = strings(p.locale);
  const s = searchStrings(p.locale);
  return (
    <form class="filters" method="get" action="/claims" role="search">
      <div class="field">
        <label for="q">{t.list.search}</label>
        <input id="q" name="q" type="search" value={p.filters.q} maxlength={200} dir="auto" />
      </div>
      <div class="field">
        <label for="sort">{s.sort}</label>
        <select id="sort" name="sort">
          <option value="relevance" selected={p.filters.sort === 'relevance'}>
            {s.relevance}
          </option>
          <option value="date" selected={p.filters.sort === 'date'}>
            {s.newest}
          </option>
        </select>
      </div>
      <div class="field">
        <label for="rating">{t.list.rating}</label>
        <select id="rating" name="rating">
          <option value="">{t.list.any}</option>
          {p.ratings.map((r) => (
            <option value={r.key} selected={r.key === p.filters.rating}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="language">{t.list.language}</label>
        <select id="language" name="language">
          <option value="">{t.list.any}</option>
          {(['ar', 'en', 'fr'] as const).map((l) => (
            <option value={l} selected={l === p.filters.language}>
              {t.languages[l]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="claimant">{s.claimant}</label>
        <input
          id="claimant"
          name="claimant"
          type="text"
          value={p.filters.claimant}
          maxlength={100}
          dir="auto"
        />
      </div>
      <div class="field">
        <label for="from">{s.from}</label>
        <input id="from" name="from" type="date" value={p.filters.from} />
      </div>
      <div class="field">
        <label for="to">{s.to}</label>
        <input id="to" name="to" type="date" value={p.filters.to} />
      </div>
      {p.locale !== 'en' ? <input type="hidden" name="lang" value={p.locale} /> : null}
      <button type="submit">{t.list.apply}</button>
    </form>
  );
}
