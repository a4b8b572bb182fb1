/** Desk admin: webhook endpoints (/desk/admin/webhooks): add, delete, rotate, delivery log, redeliver. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { getEndpoint, listDeliveries, listEndpoints } from '../../../d1/webhooks';
import {
  redeliver,
  registerWebhook,
  removeWebhook,
  rotateWebhookSecret,
} from '../../domain/integrations';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { deskMessage, deskUi, render, requireDesk } from '../../http/desk-context';
import { hooksTranslator } from '../../i18n/integrations-hooks';
import { ID_PATTERN } from '../../lib/ids';
import { formValidator, typedValues, type OnInvalid } from '../../middleware/form-validator';
import { RotateFields, WebhookFields } from '../../schemas/integrations';
import { WebhookDeliveriesPage, WebhooksPage } from '../../views/desk/integrations';

export const deskWebhooks = new Hono<AppEnv>();
deskWebhooks.use('*', requireDesk('admin'));

const KEYS = ['url', 'description'] as const;
const hooksOf = (c: Context<AppEnv>) => hooksTranslator(deskUi(c).locale);

async function listPage(
  c: Context<AppEnv>,
  extras: Omit<Parameters<typeof WebhooksPage>[0], 'ui' | 'm' | 'endpoints'> = {},
  status: 200 | 422 = 200,
) {
  const endpoints = await listEndpoints(c.env.DB);
  return render(
    c,
    <WebhooksPage ui={deskUi(c)} m={hooksOf(c)} endpoints={endpoints} {...extras} />,
    status,
  );
}

deskWebhooks.get('/webhooks', (c) =>
  listPage(
    c,
    c.req.query('ok') === 'removed' ? { notice: { kind: 'ok', text: hooksOf(c)('removed') } } : {},
  ),
);

const refuse: OnInvalid<string> = (c, errors, values) =>
  listPage(
    c,
    {
      notice: { kind: 'error', text: hooksOf(c)('invalidForm') },
      values: typedValues(values, KEYS),
      errors: Object.keys(errors),
    },
    422,
  );

deskWebhooks.post('/webhooks', formValidator(z.object(WebhookFields), refuse), async (c) => {
  const input = c.req.valid('form');
  const result = await registerWebhook(c.env, input, actorOf(c));
  if (!result.ok)
    return listPage(
      c,
      {
        notice: {
          kind: 'error',
          text:
            result.refusal.kind === 'invalid'
              ? result.refusal.fields[0]!.message
              : hooksOf(c)('invalidForm'),
        },
        values: { url: input.url, description: input.description ?? '' },
        errors: ['url'],
      },
      422,
    );
  // The secret goes into this answer only (never a redirect URL or a cookie).
  return listPage(c, { secret: result.value.secret });
});

const validId = (id: string) => ID_PATTERN.test(id);

deskWebhooks.post('/webhooks/:id/delete', async (c) => {
  const id = c.req.param('id');
  const t = deskUi(c).t;
  if (!validId(id)) return deskMessage(c, 404, t('notFound'));
  const result = await removeWebhook(c.env, id, actorOf(c));
  if (!result.ok) return deskMessage(c, 404, t('notFound'));
  return c.redirect('/desk/admin/webhooks?ok=removed', 303);
});

deskWebhooks.post(
  '/webhooks/:id/rotate',
  formValidator(z.object(RotateFields), (c) => deskMessage(c, 422, hooksOf(c)('invalidForm'))),
  async (c) => {
    const id = c.req.param('id');
    const t = deskUi(c).t;
    if (!validId(id)) return deskMessage(c, 404, t('notFound'));
    const result = await rotateWebhookSecret(
      c.env,
      id,
      c.req.valid('form').overlapHours,
      actorOf(c),
    );
    if (!result.ok) return deskMessage(c, 404, t('notFound'));
    return listPage(c, { secret: result.value.secret });
  },
);

deskWebhooks.get('/webhooks/:id', async (c) => {
  const id = c.req.param('id');
  const endpoint = validId(id) ? await getEndpoint(c.env.DB, id) : null;
  if (!endpoint) return deskMessage(c, 404, deskUi(c).t('notFound'));
  const deliveries = await listDeliveries(c.env.DB, id);
  const notice =
    c.req.query('ok') === 'redelivered'
      ? { kind: 'ok' as const, text: hooksOf(c)('redelivered') }
      : undefined;
  return render(
    c,
    <WebhookDeliveriesPage
      ui={deskUi(c)}
      m={hooksOf(c)}
      endpoint={endpoint}
      deliveries={deliveries}
      notice={notice}
    />,
  );
});

deskWebhooks.post('/webhooks/:id/deliveries/:deliveryId/redeliver', async (c) => {
  const { id, deliveryId } = c.req.param();
  const t = deskUi(c).t;
  if (!validId(id) || !/^msg_[0-9a-f]{24}$/.test(deliveryId))
    return deskMessage(c, 404, t('notFound'));
  const result = await redeliver(c.env, id, deliveryId, actorOf(c));
  if (!result.ok) return deskMessage(c, 404, t('notFound'));
  return c.redirect(`/desk/admin/webhooks/${id}?ok=redelivered`, 303);
});
