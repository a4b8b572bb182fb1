import type { DeskUi } from './layout';
import { LANGUAGE_NAMES } from '../../i18n/desk';
import { CLAIMANT_TYPES } from '../../lib/enums';

export interface ClaimValues {
  text: string;
  claimant: string;
  claimantType: string;
  claimDate: string;
  language: string;
}

/** Language choices, keeping an unusual stored language selectable. */
export function LanguageOptions(props: { selected: string }) {
  const known = Object.keys(LANGUAGE_NAMES);
  return (
    <>
      {known.includes(props.selected) ? null : (
        <option value={props.selected}>{props.selected}</option>
      )}
      {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
        <option value={code} lang={code} selected={props.selected === code}>
          {name}
        </option>
      ))}
    </>
  );
}

/** The claim's own fields, editable; `orig_*` carry the values the editor started from (for a three-way merge). */
export function ClaimFields(props: {
  ui: DeskUi;
  values: ClaimValues;
  original: ClaimValues;
  errors?: string[];
  idPrefix?: string;
}) {
  const { t } = props.ui;
  const v = props.values;
  const p = props.idPrefix ?? 'c';
  const bad = (f: string) => (props.errors?.includes(f) ? 'true' : undefined);
  return (
    <>
      {Object.entries(props.original).map(([k, val]) => (
        <input type="hidden" name={`orig_${k}`} value={val} />
      ))}
      <label for={`${p}-text`}>{t('claimText')}</label>
      <textarea
        id={`${p}-text`}
        name="text"
        rows={4}
        required
        maxlength={2000}
        lang={v.language}
        dir="auto"
        aria-invalid={bad('text')}
      >
        {v.text}
      </textarea>
      <div class="row">
        <div class="field">
          <label for={`${p}-claimant`}>{t('claimant')}</label>
          <input
            id={`${p}-claimant`}
            name="claimant"
            dir="auto"
            maxlength={200}
            value={v.claimant}
            aria-invalid={bad('claimant')}
          />
        </div>
        <div class="field">
          <label for={`${p}-ctype`}>{t('claimantType')}</label>
          <select id={`${p}-ctype`} name="claimantType">
            <option value="">{t('none')}</option>
            {CLAIMANT_TYPES.map((type) => (
              <option value={type} selected={v.claimantType === type}>
                {t(type)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${p}-date`}>{t('claimDate')}</label>
          <input
            id={`${p}-date`}
            name="claimDate"
            type="date"
            value={v.claimDate}
            aria-invalid={bad('claimDate')}
          />
        </div>
        <div class="field">
          <label for={`${p}-lang`}>{t('claimLanguage')}</label>
          <select id={`${p}-lang`} name="language">
            <LanguageOptions selected={v.language} />
          </select>
        </div>
      </div>
    </>
  );
}
