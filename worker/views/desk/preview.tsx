/** The banner over a desk preview of the public claim page, and the partner card beside it. */
import type { DeskUi } from './layout';

export function PreviewBanner(props: { ui: DeskUi; claimId: string }) {
  const { t, dir, locale } = props.ui;
  return (
    <aside
      class="preview-banner"
      role="note"
      lang={locale}
      dir={dir}
      aria-label={t('previewBanner')}
    >
      <p>
        <strong>{t('previewBanner')}</strong> {t('previewHelp')}{' '}
        <a href={`/desk/claims/${props.claimId}#publication`}>{t('previewBack')}</a>
      </p>
    </aside>
  );
}

/** The card exactly as partners embed it (its own document, framed from the desk only). */
export function PreviewCard(props: { ui: DeskUi; claimId: string; lang: string }) {
  const { t, dir, locale } = props.ui;
  return (
    <section class="preview-card" lang={locale} dir={dir} aria-labelledby="preview-card-h">
      <h2 id="preview-card-h">{t('previewCard')}</h2>
      <iframe
        src={`/desk/claims/${props.claimId}/preview/card?lang=${props.lang}`}
        title={t('previewCard')}
        width="100%"
        height="260"
        loading="lazy"
      ></iframe>
    </section>
  );
}
