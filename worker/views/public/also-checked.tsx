/**
 * "Also checked by" on a claim page: other publishers' reviews of this claim (imported ClaimReview),
 * shown as their work: their name, their rating label as they wrote it, their link and date. It is
 * never part of our verdict or of our ClaimReview JSON-LD.
 */
import { importTranslator } from '../../i18n/s19-import';
import type { Locale } from '../../i18n/public';
import { SafeLink, UserText } from '../shared/user-text';
import { DateText } from './parts';

/** One review by another publisher (the view model; d1/external-reviews.ts `AlsoChecked` fits it). */
export interface AlsoCheckedView {
  publisherName: string;
  reviewUrl: string;
  ratingLabel: string;
  datePublished: string | null;
  language: string | null;
}

export function AlsoChecked(props: { items?: AlsoCheckedView[]; locale: Locale }) {
  if (!props.items?.length) return null;
  const m = importTranslator(props.locale);
  return (
    <section class="also-checked" aria-labelledby="also-checked-h">
      <h2 id="also-checked-h">{m('alsoCheckedTitle')}</h2>
      <p class="help">{m('alsoCheckedHelp')}</p>
      <ul>
        {props.items.map((r) => (
          <li>
            <SafeLink href={r.reviewUrl}>
              <UserText text={r.publisherName} />
            </SafeLink>
            {' · '}
            <span>
              {m('theirRating')}: <UserText lang={r.language} text={r.ratingLabel} />
            </span>
            {r.datePublished ? (
              <>
                {' · '}
                <DateText iso={r.datePublished} locale={props.locale} />
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
