import { LANGUAGE_NAMES } from '../../i18n/desk';
import { Csrf, DeskLayout, Notice, type DeskUi } from './layout';

export interface IngestValues {
  text?: string;
  url?: string;
  title?: string;
  language?: string;
}

/** Paste an article or give its URL. */
export function IngestPage(props: { ui: DeskUi; values?: IngestValues; error?: string }) {
  const { ui } = props;
  const { t } = ui;
  const v = props.values ?? {};
  return (
    <DeskLayout ui={ui} title={t('ingestTitle')} active="ingest">
      <h1>{t('ingestTitle')}</h1>
      <p class="help">{t('ingestHelp')}</p>
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <form method="post" action="/desk/articles" class="stack ingest-form">
        <Csrf ui={ui} />
        <label for="a-title">{t('articleTitle')}</label>
        <input
          id="a-title"
          name="title"
          type="text"
          dir="auto"
          maxlength={500}
          value={v.title ?? ''}
        />
        <label for="a-text">{t('articleText')}</label>
        <textarea id="a-text" name="text" dir="auto" rows={14} maxlength={100000}>
          {v.text ?? ''}
        </textarea>
        <label for="a-url">{t('articleUrl')}</label>
        <input
          id="a-url"
          name="url"
          type="url"
          dir="ltr"
          maxlength={2048}
          value={v.url ?? ''}
          placeholder="https://"
        />
        <label for="a-lang">{t('articleLanguage')}</label>
        <select id="a-lang" name="language">
          <option value="">{t('autoDetect')}</option>
          {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
            <option value={code} lang={code} selected={v.language === code}>
              {name}
            </option>
          ))}
        </select>
        <button type="submit" class="primary">
          {t('ingestButton')}
        </button>
      </form>
    </DeskLayout>
  );
}
