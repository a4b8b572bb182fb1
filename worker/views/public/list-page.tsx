/** `/` (latest verdicts) and `/claims` (filters, search, cursor paging). */
import { strings, type Locale } from '../../i18n/public';
import { ClaimCard, type ClaimCardView } from './parts';

export interface ListPageProps {
  locale: Locale;
  mode: 'home' | 'list';
  items: ClaimCardView[];
  ratings: { key: string; label: string }[];
  filters: { q: string; rating: string; language: string };
  /** Link to the next (older) page, if any. */
  nextHref: string | null;
  /** Link back to the first page, when not on it. */
  firstHref: string | null;
  hrefOf: (id: string) => string;
}

export function ListPage(p: ListPageProps) {
  const t = strings(p.locale);
  return (
    <section class="list-page">
      <h1>
        {p.mode === 'home'
          ? t.home.title
          : p.filters.q
            ? t.list.resultsFor(p.filters.q)
            : t.list.title}
      </h1>
      {p.mode === 'home' ? <p class="intro">{t.home.intro}</p> : <ListFilters {...p} />}
      {p.items.length === 0 ? <p class="empty">{t.list.empty}</p> : null}
      <div class="claim-list">
        {p.items.map((item) => (
          <ClaimCard item={item} locale={p.locale} href={p.hrefOf(item.id)} />
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

function ListFilters(p: ListPageProps) {
  const t = strings(p.locale);
  return (
    <form class="filters" method="get" action="/claims" role="search">
      <div class="field">
        <label for="q">{t.list.search}</label>
        <input id="q" name="q" type="search" value={p.filters.q} maxlength={200} />
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
      {p.locale !== 'en' ? <input type="hidden" name="lang" value={p.locale} /> : null}
      <button type="submit">{t.list.apply}</button>
    </form>
  );
}
