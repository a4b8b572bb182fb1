/** /claims/:id: one published claim, its verdict, sources, corrections log, embed box and feedback form. */
import type { Claim, Source } from '../models';
import { strings, type Locale } from '../../i18n/public';
import { RichText } from '../shared/rich-text';
import { SafeLink, shown, UserText } from '../shared/user-text';
import { DateText, FieldError, RatingBadge, type RatingView } from './parts';

export interface VersionView {
  version: number;
  rating: RatingView | null;
  headline: string;
  language: string;
  correctionNote: string | null;
  publishedAt: string;
}

export interface EmbedSnippetView {
  label: string;
  code: string;
}

export interface ClaimPageProps {
  locale: Locale;
  claim: Claim;
  /** The current published verdict. */
  current: VersionView & { explanation: string };
  firstPublishedAt: string;
  /** Published versions after the first (each a correction), oldest first. */
  corrections: VersionView[];
  sources: Source[];
  embed: EmbedSnippetView[];
  feedback: 'thanks' | 'already' | null;
  feedbackError?: string;
  reason?: string;
}

export function ClaimPage(p: ClaimPageProps) {
  const t = strings(p.locale);
  const { claim, current } = p;
  const updated = current.publishedAt !== p.firstPublishedAt ? current.publishedAt : null;
  return (
    <article class="claim-page">
      <header class="claim-head">
        <UserText as="h1" text={claim.text} lang={claim.language} class="claim-text" />
        <dl class="claim-facts">
          {claim.claimant ? (
            <>
              <dt>{t.claim.claimedBy}</dt>
              <dd>
                <bdi>{shown(claim.claimant)}</bdi>
              </dd>
            </>
          ) : null}
          {claim.claimDate ? (
            <>
              <dt>{t.claim.claimDate}</dt>
              <dd>
                <DateText iso={claim.claimDate} locale={p.locale} />
              </dd>
            </>
          ) : null}
          {claim.appearances.length ? (
            <>
              <dt>{t.claim.seenAt}</dt>
              <dd>
                <ul class="appearances">
                  {claim.appearances.map((url) => (
                    <li>
                      <SafeLink href={url}>
                        <bdi>{shown(url)}</bdi>
                      </SafeLink>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      </header>

      <section class="verdict" aria-labelledby="verdict-h">
        <h2 id="verdict-h">{t.claim.verdict}</h2>
        <p class="verdict-rating">
          <RatingBadge rating={current.rating} locale={p.locale} />
        </p>
        <UserText as="p" text={current.headline} lang={current.language} class="verdict-headline" />
        <h3>{t.claim.explanation}</h3>
        <RichText
          source={current.explanation}
          lang={current.language}
          class="verdict-explanation"
        />
        <p class="dates">
          {t.claim.published} <DateText iso={p.firstPublishedAt} locale={p.locale} />
          {updated ? (
            <>
              {' · '}
              {t.claim.updated} <DateText iso={updated} locale={p.locale} />
            </>
          ) : null}
        </p>
      </section>

      <section class="sources" aria-labelledby="sources-h">
        <h2 id="sources-h">{t.claim.sources}</h2>
        {p.sources.length === 0 ? <p>{t.claim.noSources}</p> : null}
        <ul>
          {p.sources.map((s) => (
            <li class={`source stance-${s.stance}`}>
              <SafeLink href={s.url}>
                <bdi>{shown(s.title || s.url)}</bdi>
              </SafeLink>
              {s.publisher ? (
                <>
                  {' — '}
                  <bdi>{shown(s.publisher)}</bdi>
                </>
              ) : null}{' '}
              <span class="stance">({t.stance[s.stance]})</span>
              {s.archivedUrl ? (
                <>
                  {' · '}
                  <SafeLink href={s.archivedUrl}>{t.claim.archived}</SafeLink>
                </>
              ) : null}
              {s.excerpt ? (
                <UserText as="blockquote" text={s.excerpt} lang={claim.language} class="excerpt" />
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section class="corrections" aria-labelledby="corrections-h">
        <h2 id="corrections-h">{t.claim.corrections}</h2>
        {p.corrections.length === 0 ? <p>{t.claim.noCorrections}</p> : null}
        <ol>
          {p.corrections.map((v) => (
            <li class="correction">
              <p>
                <strong>{t.claim.version(v.version)}</strong> ·{' '}
                <DateText iso={v.publishedAt} locale={p.locale} /> ·{' '}
                <RatingBadge rating={v.rating} locale={p.locale} />
              </p>
              <UserText as="p" text={v.correctionNote} lang={v.language} class="correction-note" />
            </li>
          ))}
        </ol>
      </section>

      {p.embed.length ? (
        <section class="embed-box" aria-labelledby="embed-h">
          <h2 id="embed-h">{t.claim.embed}</h2>
          <p>{t.claim.embedHint}</p>
          {p.embed.map((s, i) => (
            <div class="embed-snippet">
              <label for={`embed-${i}`}>{s.label}</label>
              <textarea
                id={`embed-${i}`}
                readonly
                rows={Math.min(7, Math.ceil(s.code.length / 75) + 1)}
                dir="ltr"
              >
                {s.code}
              </textarea>
            </div>
          ))}
        </section>
      ) : null}

      <section class="feedback" id="feedback" aria-labelledby="feedback-h">
        <h2 id="feedback-h">{t.claim.feedbackTitle}</h2>
        {p.feedback === 'thanks' ? <p role="status">{t.claim.thanks}</p> : null}
        {p.feedback === 'already' ? <p role="status">{t.claim.already}</p> : null}
        {p.feedback === null ? (
          <form method="post" action={`/claims/${claim.id}/feedback`}>
            <label for="feedback-reason">{t.claim.reason}</label>
            <textarea
              id="feedback-reason"
              name="reason"
              rows={2}
              maxlength={500}
              aria-describedby={p.feedbackError ? 'feedback-error' : undefined}
            >
              {p.reason ?? ''}
            </textarea>
            <FieldError id="feedback-error" message={p.feedbackError} />
            <div class="buttons">
              <button type="submit" name="helpful" value="yes">
                {t.claim.yes}
              </button>
              <button type="submit" name="helpful" value="no">
                {t.claim.no}
              </button>
            </div>
          </form>
        ) : null}
      </section>
    </article>
  );
}
