import { LANGUAGE_NAMES } from '../../i18n/desk';
import { ErrorSummary, FieldError, fieldAria, summaryItems } from '../shared/form-errors';
import { Csrf, DeskLayout, type DeskUi } from './layout';

export interface IngestValues {
  text?: string;
  url?: string;
  title?: string;
  language?: string;
}

/** Why the form was refused, per field, in the editor's words. */
export type IngestErrors = Partial<Record<keyof IngestValues, string>>;

/** Paste an article or give its URL. */
export function IngestPage(props: { ui: DeskUi; values?: IngestValues; errors?: IngestErrors }) {
  const { ui } = props;
  const { t } = ui;
  const v = props.values ?? {};
  const e = props.errors ?? {};
  return (
    <DeskLayout ui={ui} title={t('ingestTitle')} active="ingest">
      <h1>{t('ingestTitle')}</h1>
      <ErrorSummary
        title={t('errorSummaryTitle')}
        items={summaryItems(e, [
          { name: 'text', id: 'a-text', label: t('articleText') },
          { name: 'url', id: 'a-url', label: t('articleUrl') },
          { name: 'title', id: 'a-title', label: t('articleTitle') },
          { name: 'language', id: 'a-lang', label: t('articleLanguage') },
        ])}
      />
      <p class="help">{t('ingestHelp')}</p>
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
          {...fieldAria('a-title', e.title)}
        />
        <FieldError id="a-title" message={e.title} />
        <label for="a-text">{t('articleText')}</label>
        <textarea
          id="a-text"
          name="text"
          dir="auto"
          rows={14}
          maxlength={100000}
          {...fieldAria('a-text', e.text)}
        >
          {v.text ?? ''}
        </textarea>
        <FieldError id="a-text" message={e.text} />
        <label for="a-url">{t('articleUrl')}</label>
        <p class="help" id="a-url-help">
          {t('ingestBothHelp')}
        </p>
        <input
          id="a-url"
          name="url"
          type="url"
          dir="ltr"
          maxlength={2048}
          value={v.url ?? ''}
          placeholder="https://"
          {...fieldAria('a-url', e.url, 'a-url-help')}
        />
        <FieldError id="a-url" message={e.url} />
        <label for="a-lang">{t('articleLanguage')}</label>
        <select id="a-lang" name="language" {...fieldAria('a-lang', e.language)}>
          <option value="">{t('autoDetect')}</option>
          {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
            <option value={code} lang={code} selected={v.language === code}>
              {name}
            </option>
          ))}
        </select>
        <FieldError id="a-lang" message={e.language} />
        <button type="submit" class="primary">
          {t('ingestButton')}
        </button>
      </form>
    </DeskLayout>
  );
}
