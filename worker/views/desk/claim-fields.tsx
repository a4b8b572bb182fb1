import { FieldError, fieldAria, type FieldMessages } from '../shared/form-errors';
import type { DeskUi } from './layout';
import { LANGUAGE_NAMES } from '../../i18n/desk';
import { CLAIMANT_TYPES } from '../../lib/enums';
import { CLAIM_REVIEWED_MAX } from '../../lib/limits';

export interface ClaimValues {
  text: string;
  claimant: string;
  claimantType: string;
  claimDate: string;
  language: string;
  claimReviewed: string;
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
  errors?: FieldMessages;
  idPrefix?: string;
  /** claimReviewed holds a proposal made from the text, not a stored value. */
  proposed?: boolean;
}) {
  const { t } = props.ui;
  const v = props.values;
  const p = props.idPrefix ?? 'c';
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
        {...fieldAria(`${p}-text`, props.errors?.text)}
      >
        {v.text}
      </textarea>
      <FieldError id={`${p}-text`} message={props.errors?.text} />
      <ClaimReviewedField {...props} />
      <div class="row">
        <div class="field">
          <label for={`${p}-claimant`}>{t('claimant')}</label>
          <input
            id={`${p}-claimant`}
            name="claimant"
            dir="auto"
            maxlength={200}
            value={v.claimant}
            {...fieldAria(`${p}-claimant`, props.errors?.claimant)}
          />
          <FieldError id={`${p}-claimant`} message={props.errors?.claimant} />
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
            {...fieldAria(`${p}-date`, props.errors?.claimDate)}
          />
          <FieldError id={`${p}-date`} message={props.errors?.claimDate} />
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

/** claimReviewed with a live counter (≤ 75 characters, like the verdict headline), marked when it is a proposal. */
function ClaimReviewedField(props: Parameters<typeof ClaimFields>[0]) {
  const { t } = props.ui;
  const p = props.idPrefix ?? 'c';
  const value = props.values.claimReviewed;
  const bad = props.errors?.claimReviewed;
  const described = [
    props.proposed ? `${p}-reviewed-proposed` : '',
    bad ? `${p}-reviewed-error` : '',
    `${p}-reviewed-help`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <label for={`${p}-reviewed`}>{t('claimReviewed')}</label>
      {props.proposed ? (
        <p class="help proposal" id={`${p}-reviewed-proposed`}>
          {t('claimReviewedProposed')}
        </p>
      ) : null}
      <input
        id={`${p}-reviewed`}
        name="claimReviewed"
        dir="auto"
        lang={props.values.language}
        maxlength={CLAIM_REVIEWED_MAX}
        value={value}
        class={props.proposed ? 'proposed' : undefined}
        aria-invalid={bad ? 'true' : undefined}
        aria-describedby={described}
        data-counter={`${p}-reviewed-count`}
        data-counter-template={t('charsLeft', { n: '{n}' })}
      />
      {bad ? (
        <p class="field-error" id={`${p}-reviewed-error`}>
          {bad}
        </p>
      ) : null}
      <p class="help" id={`${p}-reviewed-help`}>
        {t('claimReviewedHelp', { n: CLAIM_REVIEWED_MAX })}{' '}
        <output id={`${p}-reviewed-count`} for={`${p}-reviewed`} aria-live="polite">
          {t('charsLeft', { n: CLAIM_REVIEWED_MAX - value.length })}
        </output>
      </p>
    </>
  );
}
