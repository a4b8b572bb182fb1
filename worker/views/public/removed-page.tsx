/** The 410 page of a retracted-and-removed fact-check: what happened, when and why (no claim, no verdict). */
import { removalStrings } from '../../i18n/s19-reader';
import { strings, type Locale } from '../../i18n/public';
import { UserText } from '../shared/user-text';

export interface RemovedPageProps {
  locale: Locale;
  /** Dates as the reader reads them. */
  removedOn: string;
  retractedOn: string | null;
  /** The admin's reason, as typed (its language is unknown: `dir="auto"`). */
  reason: string;
  /** Where the rating and correction policy lives (with `?lang=` when chosen). */
  policyHref: string;
  /** `lang` to carry on the page's links when the reader chose it explicitly. */
  lang?: string;
}

export function RemovedPage(props: RemovedPageProps) {
  const r = removalStrings(props.locale);
  const t = strings(props.locale);
  return (
    <section class="error-page removed-page">
      <h1>{r.goneTitle}</h1>
      <p>{r.goneLead}</p>
      <p>
        {props.retractedOn ? `${r.retractedOn(props.retractedOn)} ` : ''}
        {r.removedOn(props.removedOn)}
      </p>
      {props.reason ? (
        <>
          <h2>{r.reason}</h2>
          <UserText lang={null} as="blockquote" text={props.reason} />
        </>
      ) : null}
      <p>
        <a href={props.policyHref}>{r.policy}</a>
      </p>
      <p>
        <a href={props.lang ? `/?lang=${props.lang}` : '/'}>{t.errors.goHome}</a>
      </p>
      <form method="get" action="/claims" role="search">
        <label for="error-q">{t.errors.searchChecks}</label>
        <input id="error-q" name="q" type="search" maxlength={200} />
        {props.lang ? <input type="hidden" name="lang" value={props.lang} /> : null}
        <button type="submit">{t.list.search}</button>
      </form>
    </section>
  );
}
