import { twoFactorStrings } from '../../i18n/two-factor';
import { ErrorSummary, summaryItems } from '../shared/form-errors';
import { FieldError, fieldAria, type FieldMessages } from '../shared/form-errors';
import type { Rating, User } from '../models';
import { LANGUAGE_NAMES } from '../../i18n/desk';
import { RatingChip } from './bits';
import { Csrf, DeskLayout, Notice, type DeskUi } from './layout';

type NoticeProp = { kind: 'ok' | 'error'; text: string } | undefined;

/** Accounts: create, change role, deactivate / reactivate. */
export function AdminUsersPage(props: {
  ui: DeskUi;
  users: User[];
  /** Accounts with two-step sign-in on: the admin may turn it off (a lost phone). */
  twoFactorIds?: readonly number[];
  notice?: NoticeProp;
  values?: Record<string, string>;
  errors?: FieldMessages;
}) {
  const { ui } = props;
  const { t } = ui;
  const v = props.values ?? {};
  const tf = twoFactorStrings(ui.locale);
  return (
    <DeskLayout ui={ui} title={t('usersTitle')} active="users">
      <h1>{t('usersTitle')}</h1>
      <ErrorSummary
        title={t('errorSummaryTitle')}
        items={summaryItems(props.errors, [
          { name: 'name', id: 'u-name', label: t('name') },
          { name: 'email', id: 'u-email', label: t('email') },
          { name: 'password', id: 'u-password', label: t('initialPassword') },
        ])}
      />
      {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
      <table class="users">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('active')}</th>
            <th scope="col">{t('resetLink')}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr class={u.active ? undefined : 'inactive'}>
              <td>
                <bdi>{u.name}</bdi>
              </td>
              <td dir="ltr">{u.email}</td>
              {u.id === ui.user?.id ? (
                <>
                  <td>{u.role === 'admin' ? t('role_admin') : t('role_editor')}</td>
                  <td>{t('active')}</td>
                  <td>
                    <a href="/desk/account/password">{t('passwordTitle')}</a>
                  </td>
                </>
              ) : (
                <>
                  <td>
                    <form method="post" action={`/desk/admin/users/${u.id}`} class="inline-form">
                      <Csrf ui={ui} />
                      <label
                        for={`role-${u.id}`}
                        class="visually-hidden"
                      >{`${t('role')}: ${u.name}`}</label>
                      <select id={`role-${u.id}`} name="role">
                        <option value="editor" selected={u.role === 'editor'}>
                          {t('role_editor')}
                        </option>
                        <option value="admin" selected={u.role === 'admin'}>
                          {t('role_admin')}
                        </option>
                      </select>
                      <button type="submit">{t('changeRole')}</button>
                    </form>
                  </td>
                  <td>
                    <form method="post" action={`/desk/admin/users/${u.id}`} class="inline-form">
                      <Csrf ui={ui} />
                      <span>{u.active ? t('active') : t('inactive')}</span>{' '}
                      <input type="hidden" name="active" value={u.active ? '0' : '1'} />
                      <button type="submit" class={u.active ? 'danger' : undefined}>
                        {u.active ? t('deactivate') : t('activate')}
                      </button>
                    </form>
                  </td>
                  <td>
                    {u.active ? (
                      <form
                        method="post"
                        action={`/desk/admin/users/${u.id}/reset-link`}
                        class="inline-form"
                      >
                        <Csrf ui={ui} />
                        <button type="submit">{t('createResetLink')}</button>
                      </form>
                    ) : null}
                    {props.twoFactorIds?.includes(u.id) ? (
                      <form
                        method="post"
                        action={`/desk/admin/users/${u.id}/two-factor/off`}
                        class="inline-form"
                      >
                        <Csrf ui={ui} />
                        <button type="submit">{tf.adminOff}</button>
                      </form>
                    ) : null}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="new-user-h" class="panel narrow">
        <h2 id="new-user-h">{t('createUser')}</h2>
        <form method="post" action="/desk/admin/users" class="stack">
          <Csrf ui={ui} />
          <label for="u-name">{t('name')}</label>
          <input
            id="u-name"
            name="name"
            dir="auto"
            required
            maxlength={120}
            value={v.name ?? ''}
            {...fieldAria('u-name', props.errors?.name)}
          />
          <FieldError id={'u-name'} message={props.errors?.name} />
          <label for="u-email">{t('email')}</label>
          <input
            id="u-email"
            name="email"
            type="email"
            dir="ltr"
            required
            maxlength={254}
            value={v.email ?? ''}
            {...fieldAria('u-email', props.errors?.email)}
          />
          <FieldError id={'u-email'} message={props.errors?.email} />
          <label for="u-role">{t('role')}</label>
          <select id="u-role" name="role">
            <option value="editor" selected={v.role !== 'admin'}>
              {t('role_editor')}
            </option>
            <option value="admin" selected={v.role === 'admin'}>
              {t('role_admin')}
            </option>
          </select>
          <label for="u-locale">{t('uiLanguage')}</label>
          <select id="u-locale" name="locale">
            <option value="">{t('autoDetect')}</option>
            {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
              <option value={code} lang={code} selected={v.locale === code}>
                {name}
              </option>
            ))}
          </select>
          <label for="u-password">{t('initialPassword')}</label>
          <p class="hint">{t('passwordRules')}</p>
          <input
            id="u-password"
            name="password"
            type="password"
            dir="ltr"
            required
            minlength={12}
            maxlength={200}
            autocomplete="new-password"
            {...fieldAria('u-password', props.errors?.password)}
          />
          <FieldError id={'u-password'} message={props.errors?.password} />
          <button type="submit" class="primary">
            {t('createUser')}
          </button>
        </form>
      </section>
    </DeskLayout>
  );
}

function RatingFields(props: { ui: DeskUi; r: Rating | null; idPrefix: string }) {
  const { ui, r, idPrefix: p } = props;
  const { t } = ui;
  return (
    <div class="row">
      {r ? (
        <input type="hidden" name="key" value={r.key} />
      ) : (
        <div class="field">
          <label for={`${p}-key`}>{t('ratingKey')}</label>
          <input
            id={`${p}-key`}
            name="key"
            dir="ltr"
            required
            pattern="[a-z0-9\-]{1,40}"
            maxlength={40}
          />
        </div>
      )}
      {(['en', 'ar', 'fr'] as const).map((l) => (
        <div class="field">
          <label for={`${p}-label-${l}`}>{t('labelIn', { lang: LANGUAGE_NAMES[l] })}</label>
          <input
            id={`${p}-label-${l}`}
            name={`label_${l}`}
            lang={l}
            dir={l === 'ar' ? 'rtl' : 'ltr'}
            maxlength={80}
            required={l === 'en'}
            value={r?.labels[l] ?? ''}
          />
        </div>
      ))}
      <div class="field">
        <label for={`${p}-color`}>{t('color')}</label>
        <input id={`${p}-color`} name="color" type="color" value={r?.color ?? '#57606a'} />
      </div>
      <div class="field small">
        <label for={`${p}-position`}>{t('position')}</label>
        <input
          id={`${p}-position`}
          name="position"
          type="number"
          min={1}
          max={999}
          required
          value={String(r?.position ?? 99)}
        />
      </div>
      <div class="field small">
        <label for={`${p}-value`}>{t('value')}</label>
        <input
          id={`${p}-value`}
          name="value"
          type="number"
          min={0}
          max={100}
          value={r?.value === null || r?.value === undefined ? '' : String(r.value)}
        />
      </div>
    </div>
  );
}

/** The active rating scale: one form per rating, and one to add a rating. */
export function AdminRatingsPage(props: { ui: DeskUi; ratings: Rating[]; notice?: NoticeProp }) {
  const { ui } = props;
  const { t } = ui;
  return (
    <DeskLayout ui={ui} title={t('ratingsTitle')} active="ratings">
      <h1>{t('ratingsTitle')}</h1>
      {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
      <ul class="ratings">
        {props.ratings.map((r) => (
          <li class="panel">
            <h2>
              <RatingChip ui={ui} ratings={props.ratings} ratingKey={r.key} />{' '}
              <code dir="ltr">{r.key}</code>
            </h2>
            <form method="post" action="/desk/admin/ratings" class="stack">
              <Csrf ui={ui} />
              <RatingFields ui={ui} r={r} idPrefix={`r-${r.key}`} />
              <button type="submit">{t('saveRating')}</button>
            </form>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-rating-h" class="panel">
        <h2 id="new-rating-h">{t('addRating')}</h2>
        <form method="post" action="/desk/admin/ratings" class="stack">
          <Csrf ui={ui} />
          <RatingFields ui={ui} r={null} idPrefix="new-rating" />
          <button type="submit" class="primary">
            {t('addRating')}
          </button>
        </form>
      </section>
    </DeskLayout>
  );
}
