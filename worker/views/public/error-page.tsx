/** The public error page body (rendered inside the public layout, in the reader's language). */
import { strings, type Locale } from '../../i18n/public';

export function PublicError(props: {
  title: string;
  detail?: string;
  /** With a locale, the page offers a way home and a search box in that language. */
  locale?: Locale;
  /** `lang` to carry on those links when the reader chose it explicitly. */
  lang?: string;
}) {
  if (!props.locale) {
    return (
      <section class="error-page">
        <h1>{props.title}</h1>
        {props.detail ? <p>{props.detail}</p> : null}
        <p>
          <a href="/">←</a>
        </p>
      </section>
    );
  }
  const t = strings(props.locale);
  return (
    <section class="error-page">
      <h1>{props.title}</h1>
      {props.detail ? <p>{props.detail}</p> : null}
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
