import { ErrorSummary, summaryItems } from '../shared/form-errors';
import { FieldError, fieldAria, type FieldMessages } from '../shared/form-errors';
import type { ApiToken } from '../models';
import type { DeskKey } from '../../i18n/desk';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '../../lib/limits';
import { Time } from './bits';
import { Csrf, DeskLayout, Notice, type DeskUi } from './layout';

type NoticeProp = { kind: 'ok' | 'error'; text: string } | undefined;

const SCOPES = ['read', 'write', 'admin'] as const;

/**
 * API tokens: the caller's (an admin's: everyone's) with revoke buttons, and the form that mints
 * one. A new token's secret is on the page that answers the form, once; plain forms, no script.
 */
export function TokensPage(props: {
  ui: DeskUi;
  tokens: ApiToken[];
  /** The secret of the token just created: shown on this answer only. */
  secret?: string;
  notice?: NoticeProp;
  values?: Record<string, string>;
  errors?: FieldMessages;
}) {
  const { ui } = props;
  const { t } = ui;
  const isAdmin = ui.user?.role === 'admin';
  const v = props.values ?? {};
  return (
    <DeskLayout ui={ui} title={t('tokensTitle')} active="tokens">
      <h1>{t('tokensTitle')}</h1>
      <p class="help">
        {t('tokensHelp')}
        {isAdmin ? ` ${t('tokensAdminHelp')}` : ''}
      </p>
      <ErrorSummary
        title={t('errorSummaryTitle')}
        items={summaryItems(props.errors, [
          { name: 'name', id: 'tok-name', label: t('tokenName') },
          { name: 'scope', id: 'tok-scope', label: t('tokenScope') },
          { name: 'expiresInDays', id: 'tok-days', label: t('tokenDays') },
        ])}
      />
      {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
      {props.secret ? (
        <section aria-labelledby="new-token-h" class="panel new-token" role="status">
          <h2 id="new-token-h">{t('tokenShownOnce')}</h2>
          <label for="new-token">{t('newTokenSecret')}</label>
          <input
            id="new-token"
            class="secret"
            readonly
            dir="ltr"
            spellcheck={false}
            autocomplete="off"
            size={60}
            value={props.secret}
          />
        </section>
      ) : null}
      {props.tokens.length === 0 ? (
        <p>{t('noTokens')}</p>
      ) : (
        <table class="tokens">
          <thead>
            <tr>
              <th scope="col">{t('tokenName')}</th>
              {isAdmin ? <th scope="col">{t('tokenOwner')}</th> : null}
              <th scope="col">{t('tokenScope')}</th>
              <th scope="col">{t('tokenCreatedAt')}</th>
              <th scope="col">{t('tokenExpiresAt')}</th>
              <th scope="col">{t('tokenLastUsed')}</th>
              <th scope="col">{t('tokenState')}</th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((tok) => (
              <tr class={tok.state === 'active' ? undefined : 'inactive'}>
                <td>
                  <bdi>{tok.name}</bdi>
                </td>
                {isAdmin ? (
                  <td>
                    <bdi>{tok.ownerName}</bdi>
                  </td>
                ) : null}
                <td>{t(`scope_${tok.scope}` as DeskKey)}</td>
                <td>
                  <Time iso={tok.createdAt} />
                </td>
                <td>
                  <Time iso={tok.expiresAt} />
                </td>
                <td>{tok.lastUsedAt ? <Time iso={tok.lastUsedAt} /> : t('neverUsed')}</td>
                <td>
                  {tok.state === 'active' ? (
                    <form
                      method="post"
                      action={`/desk/account/tokens/${tok.id}/revoke`}
                      class="inline-form"
                    >
                      <Csrf ui={ui} />
                      <span>{t('tokenState_active')}</span>{' '}
                      <button
                        type="submit"
                        class="danger"
                        aria-label={t('revokeTokenNamed', { name: tok.name })}
                      >
                        {t('revokeToken')}
                      </button>
                    </form>
                  ) : (
                    t(`tokenState_${tok.state}` as DeskKey)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="create-token-h" class="panel narrow">
        <h2 id="create-token-h">{t('createToken')}</h2>
        <form method="post" action="/desk/account/tokens" class="stack">
          <Csrf ui={ui} />
          <label for="tok-name">{t('tokenName')}</label>
          <input
            id="tok-name"
            name="name"
            dir="auto"
            required
            maxlength={80}
            value={v.name ?? ''}
            {...fieldAria('tok-name', props.errors?.name)}
          />
          <FieldError id={'tok-name'} message={props.errors?.name} />
          <label for="tok-scope">{t('tokenScope')}</label>
          <select id="tok-scope" name="scope" {...fieldAria('tok-scope', props.errors?.scope)}>
            {SCOPES.filter((s) => s !== 'admin' || isAdmin).map((s) => (
              <option value={s} selected={(v.scope ?? 'write') === s}>
                {t(`scope_${s}` as DeskKey)}
              </option>
            ))}
          </select>
          <FieldError id={'tok-scope'} message={props.errors?.scope} />
          <label for="tok-days">{t('tokenDays')}</label>
          <input
            id="tok-days"
            name="expiresInDays"
            type="number"
            min={1}
            max={TOKEN_MAX_DAYS}
            required
            value={v.expiresInDays ?? String(TOKEN_DEFAULT_DAYS)}
            {...fieldAria('tok-days', props.errors?.expiresInDays)}
          />
          <FieldError id={'tok-days'} message={props.errors?.expiresInDays} />
          <button type="submit" class="primary">
            {t('createToken')}
          </button>
        </form>
      </section>
    </DeskLayout>
  );
}
