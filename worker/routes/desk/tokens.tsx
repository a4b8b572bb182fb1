/** The desk's API token page (/desk/account/tokens): list, create (secret shown once), revoke. */
import { fieldMessages } from '../../i18n/desk';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { mintToken, revokeToken, visibleTokens } from '../../domain/tokens';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { deskMessage, deskUi, render, requireDesk } from '../../http/desk-context';
import { formValidator, typedValues, type OnInvalid } from '../../middleware/form-validator';
import { NewTokenFields } from '../../schemas';
import { TokensPage } from '../../views/desk/tokens';

export const deskTokens = new Hono<AppEnv>();
deskTokens.use('*', requireDesk());

/** The newest tokens the page lists. */
const PAGE_SIZE = 100;

const NewTokenForm = z.object(NewTokenFields);
const TOKEN_KEYS = ['name', 'scope', 'expiresInDays'] as const;

async function tokensPage(
  c: Context<AppEnv>,
  extras: {
    secret?: string;
    notice?: { kind: 'ok' | 'error'; text: string };
    values?: Record<string, string>;
    errors?: Record<string, string>;
  } = {},
  status: 200 | 403 | 422 | 429 = 200,
) {
  const tokens = await visibleTokens(c.env.DB, c.get('session')!, { limit: PAGE_SIZE });
  return render(c, <TokensPage ui={deskUi(c)} tokens={tokens} {...extras} />, status);
}

deskTokens.get('/tokens', (c) =>
  tokensPage(
    c,
    c.req.query('ok') === 'revoked'
      ? { notice: { kind: 'ok', text: deskUi(c).t('tokenRevoked') } }
      : {},
  ),
);

const refuseToken: OnInvalid<string> = (c, errors, values) =>
  tokensPage(
    c,
    {
      values: typedValues(values, TOKEN_KEYS),
      errors: fieldMessages(deskUi(c).t, errors),
    },
    422,
  );

deskTokens.post('/tokens', formValidator(NewTokenForm, refuseToken), async (c) => {
  const input = c.req.valid('form');
  const result = await mintToken(c.env.DB, c.get('session')!, input, actorOf(c));
  if (!result.ok && result.refusal.kind === 'rate-limited') {
    c.header('Retry-After', String(result.refusal.retryAfter));
    return tokensPage(
      c,
      {
        notice: {
          kind: 'error',
          text: deskUi(c).t('tooManyAttempts', { s: result.refusal.retryAfter }),
        },
        values: {
          name: input.name,
          scope: input.scope,
          expiresInDays: String(input.expiresInDays),
        },
      },
      429,
    );
  }
  if (!result.ok)
    return tokensPage(
      c,
      {
        values: { name: input.name, scope: 'write', expiresInDays: String(input.expiresInDays) },
        errors: { scope: deskUi(c).t('adminTokensOnly') },
      },
      403,
    );
  // The secret goes into this answer only (no redirect: it must never sit in a URL or a cookie).
  return tokensPage(c, { secret: result.value.secret });
});

deskTokens.post('/tokens/:id/revoke', async (c) => {
  const id = c.req.param('id');
  const t = deskUi(c).t;
  if (!/^\d{1,15}$/.test(id)) return deskMessage(c, 404, t('notFound'));
  const result = await revokeToken(c.env.DB, c.get('session')!, Number(id), actorOf(c));
  if (!result.ok) return deskMessage(c, 404, t('notFound'));
  return c.redirect('/desk/account/tokens?ok=revoked', 303);
});
