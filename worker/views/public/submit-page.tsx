/** /submit: the claim form (works without JavaScript) and "this may already be checked". */
import { notifyStrings } from '../../i18n/notify';
import { strings, type Locale } from '../../i18n/public';
import { ClaimCard, type ClaimCardView } from './parts';
import { ErrorSummary, FieldError, summaryItems } from '../shared/form-errors';

export type SubmitField =
  'text' | 'where_url' | 'where_text' | 'why' | 'language' | 'email' | 'turnstile';

export interface SubmitValues {
  text: string;
  where_url: string;
  where_text: string;
  why: string;
  language: string;
  email: string;
}

export const EMPTY_VALUES: SubmitValues = {
  text: '',
  where_url: '',
  where_text: '',
  why: '',
  language: '',
  email: '',
};

export interface SubmitPageProps {
  locale: Locale;
  values: SubmitValues;
  errors: Partial<Record<SubmitField, string>>;
  /** A message for the whole form (rate limit, server error). */
  formError?: string;
  /** Null: not looked up yet. */
  matches: ClaimCardView[] | null;
  nonce: string;
  turnstile: { siteKey: string; offlineToken: string | null };
  hrefOf: (id: string) => string;
  /** Whether to ask for an address: only when a mailer can keep the promise (worker/notify/mailer.ts). */
  askEmail?: boolean;
}

export function MatchesList(props: {
  locale: Locale;
  matches: ClaimCardView[] | null;
  hrefOf: (id: string) => string;
}) {
  const t = strings(props.locale);
  return (
    <section
      class="matches"
      id="matches"
      aria-live="polite"
      aria-labelledby="matches-h"
      hidden={props.matches === null}
    >
      <h2 id="matches-h">{t.submit.matchesTitle}</h2>
      {props.matches?.length ? (
        <p>{t.submit.matchesIntro}</p>
      ) : (
        <p class="empty">{t.submit.noMatches}</p>
      )}
      <div class="claim-list">
        {(props.matches ?? []).map((m) => (
          <ClaimCard item={m} locale={props.locale} href={props.hrefOf(m.id)} />
        ))}
      </div>
    </section>
  );
}

function Field(props: {
  name: SubmitField;
  label: string;
  hint?: string;
  error?: string;
  children: unknown;
}) {
  return (
    <div class={`field${props.error ? ' has-error' : ''}`}>
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`f-${props.name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.children}
      <FieldError id={`f-${props.name}`} message={props.error} />
    </div>
  );
}

function described(
  name: SubmitField,
  error: string | undefined,
  hint: boolean,
): string | undefined {
  const ids = [hint ? `f-${name}-hint` : '', error ? `f-${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function SubmitPage(p: SubmitPageProps) {
  const t = strings(p.locale);
  const { values: v, errors: e } = p;
  const lang = p.locale !== 'en' ? `?lang=${p.locale}` : '';
  return (
    <section class="submit-page">
      <h1>{t.submit.title}</h1>
      <p class="intro">{t.submit.intro}</p>
      {p.formError ? (
        <p class="form-error" role="alert">
          {p.formError}
        </p>
      ) : null}
      <ErrorSummary
        title={t.submit.fixErrors}
        items={summaryItems(e, [
          { name: 'text', id: 'f-text', label: t.submit.text },
          { name: 'where_url', id: 'f-where_url', label: t.submit.whereUrl },
          { name: 'where_text', id: 'f-where_text', label: t.submit.whereText },
          { name: 'why', id: 'f-why', label: t.submit.why },
          { name: 'language', id: 'f-language', label: t.submit.language },
          { name: 'email', id: 'f-email', label: t.submit.email },
          { name: 'turnstile', id: 'f-turnstile-error', label: t.submit.send },
        ])}
      />
      <form method="post" action={`/submit${lang}`} class="submit-form" id="submit-form" novalidate>
        <input type="hidden" name="nonce" value={p.nonce} />
        <Field name="text" label={t.submit.text} hint={t.submit.textHint} error={e.text}>
          <textarea
            id="f-text"
            name="text"
            rows={4}
            required
            maxlength={1000}
            dir="auto"
            aria-invalid={e.text ? 'true' : undefined}
            aria-describedby={described('text', e.text, true)}
          >
            {v.text}
          </textarea>
        </Field>
        <MatchesList locale={p.locale} matches={p.matches} hrefOf={p.hrefOf} />
        <Field name="where_url" label={t.submit.whereUrl} error={e.where_url}>
          <input
            id="f-where_url"
            name="where_url"
            type="url"
            inputmode="url"
            dir="ltr"
            maxlength={2000}
            value={v.where_url}
            aria-invalid={e.where_url ? 'true' : undefined}
            aria-describedby={described('where_url', e.where_url, false)}
          />
        </Field>
        <Field name="where_text" label={t.submit.whereText} error={e.where_text}>
          <input
            id="f-where_text"
            name="where_text"
            type="text"
            dir="auto"
            maxlength={500}
            value={v.where_text}
            aria-invalid={e.where_text ? 'true' : undefined}
            aria-describedby={described('where_text', e.where_text, false)}
          />
        </Field>
        <Field name="why" label={t.submit.why} error={e.why}>
          <textarea
            id="f-why"
            name="why"
            rows={3}
            dir="auto"
            maxlength={1000}
            aria-invalid={e.why ? 'true' : undefined}
            aria-describedby={described('why', e.why, false)}
          >
            {v.why}
          </textarea>
        </Field>
        <Field name="language" label={t.submit.language} error={e.language}>
          <select
            id="f-language"
            name="language"
            aria-invalid={e.language ? 'true' : undefined}
            aria-describedby={described('language', e.language, false)}
          >
            <option value="">{t.submit.detect}</option>
            {(['ar', 'en', 'fr'] as const).map((l) => (
              <option value={l} selected={v.language === l}>
                {t.languages[l]}
              </option>
            ))}
          </select>
        </Field>
        {p.askEmail === false ? null : (
          <Field
            name="email"
            label={t.submit.email}
            hint={notifyStrings(p.locale).submitEmailHint}
            error={e.email}
          >
            <input
              id="f-email"
              name="email"
              type="email"
              dir="ltr"
              autocomplete="email"
              maxlength={254}
              value={v.email}
              aria-invalid={e.email ? 'true' : undefined}
              aria-describedby={described('email', e.email, true)}
            />
          </Field>
        )}
        <div class="hp" aria-hidden="true">
          <label for="f-website">{t.submit.honeypot}</label>
          <input id="f-website" name="website" type="text" tabindex={-1} autocomplete="off" />
        </div>
        {p.turnstile.offlineToken ? (
          <input type="hidden" name="cf-turnstile-response" value={p.turnstile.offlineToken} />
        ) : (
          <>
            <div class="cf-turnstile" data-sitekey={p.turnstile.siteKey} data-language={p.locale} />
            <noscript>
              <p class="hint">{t.submit.noScript}</p>
            </noscript>
          </>
        )}
        <FieldError id="f-turnstile" message={e.turnstile} />
        <div class="buttons">
          <button type="submit" class="primary" id="submit-button">
            {t.submit.send}
          </button>
          <button
            type="submit"
            formaction={`/submit/check${lang}`}
            formnovalidate
            class="secondary"
          >
            {t.submit.check}
          </button>
        </div>
      </form>
    </section>
  );
}
