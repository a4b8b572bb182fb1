/** /track/:token: the submitter's own submission and its status, and erasing the contact e-mail. */
import type { TrackedSubmission } from '../models';
import { strings, type Locale } from '../../i18n/public';
import { UserText } from '../shared/user-text';
import { DateText } from './parts';
import { MatchesList } from './submit-page';
import type { ClaimCardView } from './parts';

export interface TrackPageProps {
  locale: Locale;
  submission: TrackedSubmission;
  /** Just submitted: show the thank-you note. */
  fresh: boolean;
  notice: 'email-deleted' | null;
  actionBase: string;
  matches: ClaimCardView[] | null;
  hrefOf: (id: string) => string;
}

export function TrackPage(p: TrackPageProps) {
  const t = strings(p.locale);
  const s = p.submission;
  return (
    <section class="track-page">
      <h1>{t.track.title}</h1>
      {p.fresh ? (
        <p class="confirmation" role="status">
          {t.track.thanks}
        </p>
      ) : null}
      <p class="hint">{t.track.keepLink}</p>
      <UserText as="blockquote" text={s.text} lang={s.language} class="claim-text" />
      <dl class="claim-facts">
        <dt>{t.track.submitted}</dt>
        <dd>
          <DateText iso={s.createdAt} locale={p.locale} />
        </dd>
        <dt>{t.track.status}</dt>
        <dd class={`status status-${s.status}`}>{t.track.statuses[s.status]}</dd>
      </dl>
      {s.publishedClaimId ? (
        <p>
          <a href={p.hrefOf(s.publishedClaimId)}>{t.track.readVerdict}</a>
        </p>
      ) : null}
      <MatchesList locale={p.locale} matches={p.matches} hrefOf={p.hrefOf} />
      {p.notice === 'email-deleted' ? <p role="status">{t.track.emailDeleted}</p> : null}
      {s.hasContact ? (
        <form method="post" action={`${p.actionBase}/delete-contact?lang=${p.locale}`}>
          <button type="submit">{t.track.deleteEmail}</button>
        </form>
      ) : p.notice === null ? (
        <p class="hint">{t.track.noEmail}</p>
      ) : null}
    </section>
  );
}
