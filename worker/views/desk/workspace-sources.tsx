import { FieldError, fieldAria, type FieldMessages } from '../shared/form-errors';
import type { Source } from '../models';
import type { DeskKey } from '../../i18n/desk';
import { STANCES } from '../../lib/enums';
import { SafeLink, UserText } from '../shared/user-text';
import { Csrf, type DeskUi } from './layout';
import type { SourceFormValues, WorkspaceProps } from './workspace';

function SourceFields(props: {
  ui: DeskUi;
  idPrefix: string;
  values: SourceFormValues;
  errors?: FieldMessages;
}) {
  const { t } = props.ui;
  const { values: v, idPrefix: p } = props;
  return (
    <>
      <div class="row">
        <div class="field grow">
          <label for={`${p}-url`}>{t('sourceUrl')}</label>
          <input
            id={`${p}-url`}
            name="url"
            type="url"
            dir="ltr"
            required
            maxlength={2048}
            value={v.url}
            {...fieldAria(`${p}-url`, props.errors?.url)}
          />
          <FieldError id={`${p}-url`} message={props.errors?.url} />
        </div>
        <div class="field">
          <label for={`${p}-stance`}>{t('stance')}</label>
          <select
            id={`${p}-stance`}
            name="stance"
            {...fieldAria(`${p}-stance`, props.errors?.stance)}
          >
            {STANCES.map((s) => (
              <option value={s} selected={v.stance === s}>
                {t(`stance_${s}` as DeskKey)}
              </option>
            ))}
          </select>
          <FieldError id={`${p}-stance`} message={props.errors?.stance} />
        </div>
      </div>
      <div class="row">
        <div class="field grow">
          <label for={`${p}-title`}>{t('sourceTitle')}</label>
          <input
            id={`${p}-title`}
            name="title"
            dir="auto"
            maxlength={300}
            value={v.title}
            {...fieldAria(`${p}-title`, props.errors?.title)}
          />
          <FieldError id={`${p}-title`} message={props.errors?.title} />
        </div>
        <div class="field">
          <label for={`${p}-publisher`}>{t('publisher')}</label>
          <input
            id={`${p}-publisher`}
            name="publisher"
            dir="auto"
            maxlength={200}
            value={v.publisher}
            {...fieldAria(`${p}-publisher`, props.errors?.publisher)}
          />
          <FieldError id={`${p}-publisher`} message={props.errors?.publisher} />
        </div>
      </div>
      <label for={`${p}-excerpt`}>{t('excerpt')}</label>
      <textarea
        id={`${p}-excerpt`}
        name="excerpt"
        dir="auto"
        rows={2}
        maxlength={2000}
        {...fieldAria(`${p}-excerpt`, props.errors?.excerpt)}
      >
        {v.excerpt}
      </textarea>
      <FieldError id={`${p}-excerpt`} message={props.errors?.excerpt} />
      <label for={`${p}-archived`}>{t('archivedUrl')}</label>
      <input
        id={`${p}-archived`}
        name="archivedUrl"
        type="url"
        dir="ltr"
        maxlength={2048}
        value={v.archivedUrl}
        {...fieldAria(`${p}-archived`, props.errors?.archivedUrl)}
      />
      <FieldError id={`${p}-archived`} message={props.errors?.archivedUrl} />
    </>
  );
}

function SourceItem(props: { ui: DeskUi; claimId: string; source: Source; locked: boolean }) {
  const { ui, source: s } = props;
  const { t } = ui;
  const values: SourceFormValues = {
    url: s.url,
    title: s.title ?? '',
    publisher: s.publisher ?? '',
    excerpt: s.excerpt ?? '',
    stance: s.stance,
    archivedUrl: s.archivedUrl ?? '',
  };
  return (
    <li class={s.draft ? `source draft-${s.draft}` : 'source'}>
      <p>
        {s.draft ? (
          <>
            <span class="badge draft-mark">
              {t(s.draft === 'add' ? 'newInDraft' : 'withdrawnInDraft')}
            </span>{' '}
          </>
        ) : null}
        <span class={`badge stance-${s.stance}`}>{t(`stance_${s.stance}` as DeskKey)}</span>{' '}
        <SafeLink href={s.url} newTab>
          {s.title ? <UserText lang={null}>{s.title}</UserText> : undefined}
        </SafeLink>
        {s.publisher ? (
          <>
            {' · '}
            <bdi>{s.publisher}</bdi>
          </>
        ) : null}
        {s.archivedUrl ? (
          <>
            {' · '}
            <SafeLink href={s.archivedUrl} newTab>
              {t('archivedUrl')}
            </SafeLink>
          </>
        ) : null}
      </p>
      {s.excerpt ? (
        <UserText lang={null} as="blockquote">
          {s.excerpt}
        </UserText>
      ) : null}
      {props.locked || s.draft === 'remove' ? null : <SourceActions {...props} values={values} />}
    </li>
  );
}

function SourceActions(props: {
  ui: DeskUi;
  claimId: string;
  source: Source;
  values: SourceFormValues;
}) {
  const { ui, source: s, values } = props;
  const { t } = ui;
  return (
    <>
      <details>
        <summary>{t('edit')}</summary>
        <form method="post" action={`/desk/claims/${props.claimId}/sources/${s.id}`} class="stack">
          <Csrf ui={ui} />
          <SourceFields ui={ui} idPrefix={`s${s.id}`} values={values} />
          <button type="submit">{t('saveSource')}</button>
        </form>
      </details>
      <form
        method="post"
        action={`/desk/claims/${props.claimId}/sources/${s.id}/remove`}
        class="inline-form"
      >
        <Csrf ui={ui} />
        <button type="submit" class="danger">
          {t('remove')}
        </button>
      </form>
    </>
  );
}

/** Sources of the claim: list with edit and remove, and the add form. */
export function SourcesSection(props: WorkspaceProps & { locked: boolean }) {
  const { ui, detail, locked } = props;
  const { t } = ui;
  return (
    <section aria-labelledby="sources-h" class="panel" id="sources">
      <h2 id="sources-h">{t('sources')}</h2>
      {detail.sources.length === 0 ? <p class="help">{t('noSources')}</p> : null}
      <ul class="sources">
        {detail.sources.map((s) => (
          <SourceItem ui={ui} claimId={detail.claim.id} source={s} locked={locked} />
        ))}
      </ul>
      {locked ? (
        <p class="help">
          {detail.claim.status === 'retracted' ? t('retractedLocked') : t('lockedHint')}
        </p>
      ) : (
        <AddSource {...props} />
      )}
    </section>
  );
}

function AddSource(props: WorkspaceProps) {
  const { ui, detail, extras } = props;
  const { t } = ui;
  const empty: SourceFormValues = {
    url: '',
    title: '',
    publisher: '',
    excerpt: '',
    stance: 'refutes',
    archivedUrl: '',
  };
  return (
    <>
      <h3>{t('addSource')}</h3>
      <form method="post" action={`/desk/claims/${detail.claim.id}/sources`} class="stack">
        <Csrf ui={ui} />
        <SourceFields
          ui={ui}
          idPrefix="new-src"
          values={extras.sourceValues ?? empty}
          errors={extras.sourceErrors}
        />
        <button type="submit" class="primary">
          {t('addSource')}
        </button>
      </form>
    </>
  );
}
