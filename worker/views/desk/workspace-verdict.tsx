import { FieldError, fieldAria } from '../shared/form-errors';
import { ratingLabel } from '../../lib/ratings';
import { HEADLINE_MAX } from '../../lib/limits';
import { collabAuditLabel } from '../../i18n/desk-collab';
import { DESK_STRINGS_EN, type DeskKey } from '../../i18n/desk';
import { STATUSES, type ClaimStatus } from '../../lib/status';
import { RichText } from '../shared/rich-text';
import { shown, UserText } from '../shared/user-text';
import { RatingChip, statusLabel, Time } from './bits';
import { Csrf } from './layout';
import { wordDiff, type DiffPart } from './word-diff';
import { LanguageOptions } from './claim-fields';
import type { VerdictFormValues, WorkspaceProps } from './workspace';
import { truncateText } from '../../lib/text';

/** Rating, headline (live counter, ≤ 75 characters), explanation, language and, for a correction, the public note. */
export function VerdictEditor(props: WorkspaceProps) {
  const { ui, detail, ratings, extras } = props;
  const { t } = ui;
  const { claim } = detail;
  if (!['queued', 'in_review', 'published'].includes(claim.status)) return null;
  const cur = detail.currentVerdict;
  const v: VerdictFormValues = extras.verdictValues ?? {
    ratingKey: cur?.ratingKey ?? '',
    headline: cur?.headline ?? '',
    explanation: cur?.explanation ?? '',
    language: cur?.language ?? claim.language,
    correctionNote: '',
  };
  // On a published claim the new version joins its correction draft: the public note is given
  // when the draft is published (the Publication panel), not here.
  const correction = detail.publishedVerdict !== null && claim.status !== 'published';
  return (
    <section aria-labelledby="verdict-h" class="panel" id="verdict">
      <h2 id="verdict-h">{t('verdict')}</h2>
      <form method="post" action={`/desk/claims/${claim.id}/verdicts`} class="stack">
        <Csrf ui={ui} />
        <label for="v-rating">{t('rating')}</label>
        <select
          id="v-rating"
          name="ratingKey"
          required
          {...fieldAria('v-rating', extras.verdictErrors?.ratingKey)}
        >
          <option value="">{t('none')}</option>
          {ratings.map((r) => (
            <option value={r.key} selected={v.ratingKey === r.key}>
              {ratingLabel(r, ui.locale)}
            </option>
          ))}
        </select>
        <FieldError id={'v-rating'} message={extras.verdictErrors?.ratingKey} />
        <label for="v-headline">{t('headline')}</label>
        <input
          id="v-headline"
          name="headline"
          dir="auto"
          lang={v.language}
          required
          maxlength={HEADLINE_MAX}
          value={v.headline}
          {...fieldAria('v-headline', extras.verdictErrors?.headline, 'v-headline-help')}
          data-counter="v-headline-count"
          data-counter-template={t('charsLeft', { n: '{n}' })}
        />
        <FieldError id={'v-headline'} message={extras.verdictErrors?.headline} />
        <p class="help" id="v-headline-help">
          {t('headlineHelp', { n: HEADLINE_MAX })}{' '}
          <output id="v-headline-count" for="v-headline" aria-live="polite">
            {t('charsLeft', { n: HEADLINE_MAX - v.headline.length })}
          </output>
        </p>
        <label for="v-explanation">{t('explanation')}</label>
        <textarea
          id="v-explanation"
          name="explanation"
          dir="auto"
          lang={v.language}
          rows={6}
          required
          maxlength={20000}
          {...fieldAria('v-explanation', extras.verdictErrors?.explanation, 'v-explanation-help')}
        >
          {v.explanation}
        </textarea>
        <FieldError id={'v-explanation'} message={extras.verdictErrors?.explanation} />
        <MarkupHelp ui={ui} />
        <label for="v-language">{t('verdictLanguage')}</label>
        <select id="v-language" name="language">
          <LanguageOptions selected={v.language} />
        </select>
        {correction ? (
          <>
            <label for="v-note">{t('correctionNote')}</label>
            <p class="help" id="v-note-help">
              {t('correctionHelp')}
            </p>
            <textarea
              id="v-note"
              name="correctionNote"
              dir="auto"
              rows={2}
              required
              maxlength={1000}
              {...fieldAria('v-note', extras.verdictErrors?.correctionNote, 'v-note-help')}
            >
              {v.correctionNote}
            </textarea>
            <FieldError id={'v-note'} message={extras.verdictErrors?.correctionNote} />
          </>
        ) : null}
        <button type="submit" class="primary">
          {t('saveVerdict')}
        </button>
      </form>
    </section>
  );
}

/** "Blank line = new paragraph; - item; **bold**; [text](https://…)", each example as typed in the editor's language. */
function MarkupHelp(props: { ui: WorkspaceProps['ui'] }) {
  const { t } = props.ui;
  const code = (example: string) => <code dir="auto">{example}</code>;
  const sep = t('markupSeparator');
  return (
    <p class="help" id="v-explanation-help">
      {t('markupParagraph')}
      {sep}
      {code(`- ${t('markupItem')}`)}
      {sep}
      {code(`**${t('markupBold')}**`)}
      {sep}
      {code(`[${t('markupText')}](https://…)`)}
    </p>
  );
}

function Diff(props: { parts: DiffPart[]; lang: string }) {
  return (
    <UserText lang={props.lang} as="p" class="diff">
      {props.parts.map((p) =>
        p.op === 'same' ? (
          shown(p.text)
        ) : p.op === 'add' ? (
          <ins>{shown(p.text)}</ins>
        ) : (
          <del>{shown(p.text)}</del>
        ),
      )}
    </UserText>
  );
}

/** Every verdict version, newest first, each with a word diff against the one before. */
export function HistorySection(props: WorkspaceProps) {
  const { ui, detail, ratings } = props;
  const { t } = ui;
  const versions = [...detail.verdicts].reverse();
  return (
    <section aria-labelledby="history-h" class="panel" id="history">
      <h2 id="history-h">{t('history')}</h2>
      {versions.length === 0 ? <p class="help">{t('noVerdicts')}</p> : null}
      <ol class="history" reversed>
        {versions.map((v) => {
          const prev = detail.verdicts.find((p) => p.version === v.version - 1);
          return (
            <li>
              <h3>
                {t('versionN', { n: v.version })} ·{' '}
                <RatingChip ui={ui} ratings={ratings} ratingKey={v.ratingKey} /> ·{' '}
                {v.publishedAt
                  ? t('publishedAt', { at: v.publishedAt.slice(0, 16).replace('T', ' ') })
                  : t('draft')}
                {v.authorName ? (
                  <>
                    {' · '}
                    {t('byAuthor', { name: '' }).trim()} <bdi>{v.authorName}</bdi>
                  </>
                ) : null}
              </h3>
              {v.correctionNote ? (
                <UserText lang={v.language} as="p" class="correction">
                  {v.correctionNote}
                </UserText>
              ) : null}
              {prev ? (
                <div class="changes">
                  <p class="meta">{t('changesFrom', { n: prev.version })}</p>
                  {prev.ratingKey !== v.ratingKey ? (
                    <p>
                      <del>
                        <RatingChip ui={ui} ratings={ratings} ratingKey={prev.ratingKey} />
                      </del>{' '}
                      →{' '}
                      <ins>
                        <RatingChip ui={ui} ratings={ratings} ratingKey={v.ratingKey} />
                      </ins>
                    </p>
                  ) : null}
                  <Diff parts={wordDiff(prev.headline, v.headline)} lang={v.language} />
                  <Diff parts={wordDiff(prev.explanation, v.explanation)} lang={v.language} />
                </div>
              ) : (
                <>
                  <UserText lang={v.language} as="p" class="headline">
                    {v.headline}
                  </UserText>
                  <RichText source={v.explanation} lang={v.language} class="explanation" />
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A sentence for an audit action, with the status move spelled out; unknown actions stay as written. */
function AuditWhat(props: {
  ui: WorkspaceProps['ui'];
  entry: WorkspaceProps['detail']['audit'][number];
}) {
  const { ui, entry } = props;
  const key = `audit_${entry.action.replace('.', '_')}`;
  const label =
    key in DESK_STRINGS_EN
      ? ui.t(key as DeskKey)
      : (collabAuditLabel(ui.locale, entry.action) ?? entry.action);
  const before = entry.before as { status?: string } | null;
  const after = entry.after as { status?: string } | null;
  if (
    (entry.action === 'claim.transition' || entry.action === 'claim.undo') &&
    before?.status &&
    after?.status &&
    isStatus(before.status) &&
    isStatus(after.status)
  ) {
    return (
      <>
        {label}: {statusLabel(ui, before.status)} → {statusLabel(ui, after.status)}
      </>
    );
  }
  return (
    <>
      {label}{' '}
      <code class="audit-after" dir="auto">
        {brief(entry.after)}
      </code>
    </>
  );
}

function isStatus(s: string): s is ClaimStatus {
  return (STATUSES as readonly string[]).includes(s);
}

function brief(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return truncateText(text, 158);
}

/** Who did what to this claim, oldest first. */
export function AuditSection(props: WorkspaceProps) {
  const { ui, detail } = props;
  const { t } = ui;
  return (
    <section aria-labelledby="audit-h" class="panel" id="audit">
      <h2 id="audit-h">{t('audit')}</h2>
      <table class="audit">
        <thead>
          <tr>
            <th scope="col">{t('auditWhen')}</th>
            <th scope="col">{t('auditWho')}</th>
            <th scope="col">{t('auditWhat')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.audit.map((a) => (
            <tr>
              <td>
                <Time iso={a.at} />
              </td>
              <td>{a.actorName ? <bdi>{a.actorName}</bdi> : t('system')}</td>
              <td>
                <AuditWhat ui={ui} entry={a} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
