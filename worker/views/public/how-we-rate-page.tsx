/** /how-we-rate: the rating scale as readers see it, generated from the active scale. */
import { readerPageStrings } from '../../i18n/reader-page';
import type { Locale } from '../../i18n/public';
import { RatingBadge, type RatingView } from './parts';

export interface ScaleEntryView {
  rating: RatingView;
  /** The reader's-language description of a rating the house knows, else null. */
  description: string | null;
  onScale: boolean;
}

function Entries(props: { items: ScaleEntryView[]; locale: Locale }) {
  return (
    <dl class="rating-scale">
      {props.items.map((e) => (
        <>
          <dt id={`rating-${e.rating.key}`}>
            <RatingBadge rating={e.rating} locale={props.locale} />
          </dt>
          <dd>{e.description ?? ''}</dd>
        </>
      ))}
    </dl>
  );
}

export function HowWeRatePage(props: { locale: Locale; entries: ScaleEntryView[] }) {
  const t = readerPageStrings(props.locale).rate;
  const scale = props.entries.filter((e) => e.onScale);
  const other = props.entries.filter((e) => !e.onScale);
  return (
    <article class="how-we-rate">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {scale.length ? (
        <section aria-labelledby="scale-h">
          <h2 id="scale-h">{t.scale}</h2>
          <p class="hint">{t.scaleHint}</p>
          <Entries items={scale} locale={props.locale} />
        </section>
      ) : null}
      {other.length ? (
        <section aria-labelledby="other-h">
          <h2 id="other-h">{t.other}</h2>
          <p class="hint">{t.otherHint}</p>
          <Entries items={other} locale={props.locale} />
        </section>
      ) : null}
    </article>
  );
}
