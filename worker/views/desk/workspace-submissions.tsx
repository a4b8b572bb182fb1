import type { ReaderSubmission } from '../models';
import { queueTranslator } from '../../i18n/desk-queue';
import { formatNumber, languageName } from '../../i18n/numbers';
import { exactTime } from '../../lib/relative-time';
import { SafeLink, UserText } from '../shared/user-text';
import type { DeskUi } from './layout';

/**
 * "Readers' own words": every submission behind the claim, newest first: what they wrote, their
 * link, where they saw it, why it matters, language and time. A contact address is never shown
 * (it stays encrypted); only whether the reader asked to be told.
 */
export function ReaderWords(props: {
  ui: DeskUi;
  claim: { submissionCount: number };
  submissions: ReaderSubmission[];
}) {
  const { ui, submissions } = props;
  if (submissions.length === 0) return null;
  const qt = queueTranslator(ui.locale);
  return (
    <section aria-labelledby="reader-words-h" class="panel reader-words">
      <h2 id="reader-words-h">{qt('readersWords')}</h2>
      {props.claim.submissionCount > submissions.length ? (
        <p class="meta">
          {qt('moreSubmissions', { n: formatNumber(submissions.length, ui.locale) })}
        </p>
      ) : null}
      <ol class="submissions">
        {submissions.map((s) => (
          <li class="submission">
            <UserText as="blockquote" lang={s.language} text={s.text} />
            <dl>
              {s.whereSeenUrl ? (
                <>
                  <dt>{qt('readerLink')}</dt>
                  <dd class="url">
                    <SafeLink href={s.whereSeenUrl} newTab />
                  </dd>
                </>
              ) : null}
              {s.whereSeenText ? (
                <>
                  <dt>{qt('whereSeen')}</dt>
                  <dd>
                    <UserText lang={s.language} text={s.whereSeenText} />
                  </dd>
                </>
              ) : null}
              {s.why ? (
                <>
                  <dt>{qt('whyMatters')}</dt>
                  <dd>
                    <UserText lang={s.language} text={s.why} />
                  </dd>
                </>
              ) : null}
              <dt>{qt('askedToBeTold')}</dt>
              <dd>{s.hasContact ? qt('yes') : qt('no')}</dd>
            </dl>
            <p class="meta">
              <span>{qt('submittedIn', { lang: languageName(s.language, ui.locale) })}</span> ·{' '}
              <time datetime={s.createdAt} dir="ltr" title={exactTime(s.createdAt)}>
                {exactTime(s.createdAt)}
              </time>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
