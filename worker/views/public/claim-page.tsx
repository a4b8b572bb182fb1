/** /claims/:id: one published claim, its verdict, sources, corrections log, embed box and feedback form. */
import { metaSeparator } from '../../i18n/reader-search';
import type { Claim, Source } from '../models';
import { strings, type Locale } from '../../i18n/public';
import { RichText } from '../shared/rich-text';
import { SafeLink, shown, UserText } from '../shared/user-text';
import { readerPageStrings } from '../../i18n/reader-page';
import { DateText, FieldError, RatingBadge, type ClaimCardView, type RatingView } from './parts';
import { AlsoChecked, type AlsoCheckedView } from './also-checked';
import {
  EmbedBox,
  RatingBand,
  RelatedList,
  ShareBox,
  type EmbedBoxView,
  type ShareView,
} from './claim-lead';

export interface VersionView {
  version: number;
  rating: RatingView | null;
  headline: string;
  language: string;
  correctionNote: string | null;
  publishedAt: string;
}

/** One public version after the first: what kind, when, why, and what it changed. */
export interface RecordEntryView {
  number: number;
  kind: 'publication' | 'correction' | 'update' | 'retraction';
  publishedAt: string;
  note: string | null;
  language: string;
  ratingBefore: RatingView | null;
  ratingAfter: RatingView | null;
  changes: {
    field: keyof PublicStringsRecordFields;
    before: string;
    after: string;
  }[];
}
type PublicStringsRecordFields = ReturnType<typeof strings>['record']['fields'];

export interface ClaimPageProps {
  locale: Locale;
  claim: Claim;
  /** The current published verdict. */
  current: VersionView & { explanation: string };
  firstPublishedAt: string;
  /** Public versions after the first publication (corrections, updates, retraction), oldest first. */
  record: RecordEntryView[];
  /** "Corrected on …" / "Updated on …" at the top, after the latest such version. */
  banner: { kind: 'correction' | 'update'; at: string } | null;
  /** Set when the fact-check was retracted: the notice that opens the page. */
  retraction: { at: string; note: string } | null;
  sources: Source[];
  /** The "Embed this" box, or null (a retracted fact-check offers no embed). */
  embedBox: EmbedBoxView | null;
  /** The organisation that publishes the fact-check. */
  org: string;
  /** The publishing editor's display name, else the organisation. */
  byline: string;
  related: ClaimCardView[];
  /** Other publishers' reviews of this claim ("Also checked by", views/public/also-checked.tsx). */
  alsoChecked?: AlsoCheckedView[];
  share: ShareView;
  /** `?lang=xx` when the reader chose a language (internal links carry it). */
  langSuffix: string;
  feedback: 'thanks' | 'already' | null;
  feedbackError?: string;
  reason?: string;
}

export function ClaimPage(p: ClaimPageProps) {
  const t = strings(p.locale);
  const { claim, current } = p;
  const r = t.record;
  const lt = readerPageStrings(p.locale);
  const latestChange = p.record.filter((e) => e.kind !== 'retraction').at(-1);
  const updated = latestChange?.publishedAt ?? null;
  return (
    <article class="claim-page">
      {p.retraction ? (
        <section class="retraction-notice" role="note" aria-labelledby="retraction-h">
          <h2 id="retraction-h">{r.retractionTitle}</h2>
          <p>
            {r.retractedOn} <DateText iso={p.retraction.at} locale={p.locale} />
          </p>
          <p>{r.retractionIntro}</p>
          {p.retraction.note ? (
            <UserText as="p" text={p.retraction.note} lang={p.locale} class="retraction-note" />
          ) : null}
        </section>
      ) : p.banner ? (
        <p class={`record-banner record-${p.banner.kind}`} role="note">
          <strong>{p.banner.kind === 'correction' ? r.correctedOn : r.updatedOn}</strong>{' '}
          <DateText iso={p.banner.at} locale={p.locale} /> <a href="#record">{r.seeLog}</a>
        </p>
      ) : null}
      <header class="lead">
        <div class="lead-claim">
          <p class="lead-label">{lt.lead.claim}</p>
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
        </div>
        <section
          class={p.retraction ? 'verdict verdict-withdrawn' : 'verdict'}
          aria-labelledby="verdict-h"
        >
          <RatingBand rating={current.rating} />
          <h2 id="verdict-h" class="lead-label">
            {lt.lead.verdict}
          </h2>
          {p.retraction ? <p class="withdrawn-label">{r.retractionTitle}</p> : null}
          <p class="verdict-rating">
            <RatingBadge rating={current.rating} locale={p.locale} />{' '}
            <a class="how-we-rate" href={`/how-we-rate${p.langSuffix}`}>
              {lt.lead.howWeRate}
            </a>
          </p>
          <UserText
            as="p"
            text={current.headline}
            lang={current.language}
            class="verdict-headline"
          />
        </section>
        <p class="byline">
          <span class="byline-org">{p.org}</span>
          {p.byline !== p.org ? (
            <>
              {' · '}
              {lt.lead.by} <bdi class="byline-name">{shown(p.byline)}</bdi>
            </>
          ) : null}
          {' · '}
          {t.claim.published} <DateText iso={p.firstPublishedAt} locale={p.locale} />
          {updated ? (
            <>
              {metaSeparator(p.locale)}
              {t.claim.updated} <DateText iso={updated} locale={p.locale} />
            </>
          ) : null}
        </p>
      </header>

      <section class="explanation" aria-labelledby="explanation-h">
        <h2 id="explanation-h">{t.claim.explanation}</h2>
        <RichText
          source={current.explanation}
          lang={current.language}
          class="verdict-explanation"
        />
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
                  {metaSeparator(p.locale)}
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

      <section class="corrections record" id="record" aria-labelledby="record-h">
        <h2 id="record-h">{r.title}</h2>
        {p.record.length === 0 ? <p>{r.none}</p> : null}
        <ol>
          {p.record.map((e) => (
            <li class={`correction record-entry record-${e.kind}`}>
              <p class="record-head">
                <strong>{r.kinds[e.kind]}</strong>
                {' – '}
                <DateText iso={e.publishedAt} locale={p.locale} />
              </p>
              {e.ratingBefore && e.ratingAfter ? (
                <p class="record-rating">
                  {r.rating}: <RatingBadge rating={e.ratingBefore} locale={p.locale} />{' '}
                  <span>{r.changedTo}</span>{' '}
                  <RatingBadge rating={e.ratingAfter} locale={p.locale} />
                </p>
              ) : null}
              {e.note ? (
                <UserText as="p" text={e.note} lang={e.language} class="correction-note" />
              ) : null}
              {e.changes.length ? (
                <details class="record-changes">
                  <summary>{r.earlier}</summary>
                  <dl>
                    {e.changes.map((ch) => (
                      <>
                        <dt>{r.fields[ch.field]}</dt>
                        <dd>
                          {ch.field === 'sources' ? (
                            <>
                              {ch.before ? (
                                <UserText
                                  as="p"
                                  text={`${r.sourceRemoved}: ${ch.before}`}
                                  lang={e.language}
                                  class="record-before"
                                />
                              ) : null}
                              {ch.after ? (
                                <UserText
                                  as="p"
                                  text={`${r.sourceAdded}: ${ch.after}`}
                                  lang={e.language}
                                  class="record-after"
                                />
                              ) : null}
                            </>
                          ) : (
                            <UserText
                              as="p"
                              text={ch.before || r.none_}
                              lang={e.language}
                              class="record-before"
                            />
                          )}
                        </dd>
                      </>
                    ))}
                  </dl>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {p.retraction ? null : <ShareBox share={p.share} locale={p.locale} />}

      <AlsoChecked items={p.alsoChecked} locale={p.locale} />
      <RelatedList
        items={p.related}
        locale={p.locale}
        href={(id) => `/claims/${id}${p.langSuffix}`}
      />

      {p.embedBox ? (
        <EmbedBox
          box={p.embedBox}
          locale={p.locale}
          action={`/claims/${claim.id}`}
          languages={t.languages}
          title={current.headline}
          uiLang={p.langSuffix ? p.locale : undefined}
        />
      ) : null}

      {/* A retracted verdict takes no votes (the vote route accepts published claims only). */}
      {p.retraction ? null : (
        <section class="feedback" id="feedback" aria-labelledby="feedback-h">
          <h2 id="feedback-h">{t.claim.feedbackTitle}</h2>
          {p.feedback === 'thanks' ? <p role="status">{t.claim.thanks}</p> : null}
          {p.feedback === 'already' ? <p role="status">{t.claim.already}</p> : null}
          {p.feedback === null ? (
            <form method="post" action={`/claims/${claim.id}/feedback?lang=${p.locale}`}>
              <fieldset class="choice" aria-labelledby="feedback-h">
                <label>
                  <input type="radio" name="helpful" value="yes" required />
                  {t.claim.yes}
                </label>
                <label>
                  <input type="radio" name="helpful" value="no" required />
                  {t.claim.no}
                </label>
              </fieldset>
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
                <button type="submit">{t.claim.send}</button>
              </div>
            </form>
          ) : null}
        </section>
      )}
    </article>
  );
}
