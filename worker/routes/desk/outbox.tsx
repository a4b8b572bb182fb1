/**
 * /desk/outbox (admins): the e-mail outbox, one message, "retry" for a failed, dead or held one;
 * /desk/account/email (every editor): turn e-mail off or on. Delivery is worker/notify/.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  getOutboxMessage,
  isMailOff,
  listOutbox,
  requeueMessage,
  setMailOff,
  type OutboxMessage,
} from '../../../d1/outbox';
import { publicOrigin } from '../../embeds/cache';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { deskMessage, deskUi, render, requireDesk } from '../../http/desk-context';
import { notifyStrings } from '../../i18n/notify';
import { enqueue } from '../../jobs/enqueue';
import { formValidator } from '../../middleware/form-validator';
import { EMAIL_JOB } from '../../notify/deliver';
import {
  MailPrefPage,
  OutboxMessagePage,
  OutboxPage,
  type OutboxView,
} from '../../views/desk/outbox';

/** The newest messages the list shows. */
const PAGE_SIZE = 100;
const MESSAGE_ID = /^m[0-9a-z]{1,40}$/;

function view(m: OutboxMessage): OutboxView {
  return {
    id: m.id,
    kind: m.kind,
    recipient: m.recipientMasked,
    locale: m.locale,
    subject: m.subject,
    bodyText: m.bodyText,
    status: m.status,
    transport: m.transport,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
  };
}

export const deskOutbox = new Hono<AppEnv>();
deskOutbox.use('*', requireDesk('admin'));

async function listPage(c: Context<AppEnv>, notice?: { kind: 'ok' | 'error'; text: string }) {
  const messages = await listOutbox(c.env.DB, PAGE_SIZE);
  return render(c, <OutboxPage ui={deskUi(c)} messages={messages.map(view)} notice={notice} />);
}

deskOutbox.get('/', (c) => {
  const n = notifyStrings(deskUi(c).locale);
  return listPage(c, c.req.query('ok') === 'retried' ? { kind: 'ok', text: n.retried } : undefined);
});

deskOutbox.get('/:id', async (c) => {
  const id = c.req.param('id');
  const found = MESSAGE_ID.test(id) ? await getOutboxMessage(c.env.DB, id) : null;
  if (!found) return deskMessage(c, 404, deskUi(c).t('notFound'));
  return render(
    c,
    <OutboxMessagePage ui={deskUi(c)} message={view(found.message)} log={found.log} />,
  );
});

deskOutbox.post('/:id/retry', async (c) => {
  const id = c.req.param('id');
  const ui = deskUi(c);
  if (!MESSAGE_ID.test(id)) return deskMessage(c, 404, ui.t('notFound'));
  const requeued = await requeueMessage(c.env.DB, id, actorOf(c), new Date().toISOString());
  if (!requeued) return deskMessage(c, 409, notifyStrings(ui.locale).notRetryable);
  await enqueue(c.env, { type: EMAIL_JOB, id, origin: publicOrigin(c) });
  return c.redirect('/desk/outbox?ok=retried', 303);
});

// --- /desk/account/email ----------------------------------------------------------------------
export const deskMailPref = new Hono<AppEnv>();
deskMailPref.use('*', requireDesk());

const MailPrefForm = z.object({ mail: z.enum(['on', 'off']) });

deskMailPref.get('/email', async (c) => {
  const mailOff = await isMailOff(c.env.DB, c.get('session')!.userId);
  return render(
    c,
    <MailPrefPage ui={deskUi(c)} mailOff={mailOff} saved={c.req.query('ok') === 'saved'} />,
  );
});

deskMailPref.post(
  '/email',
  formValidator(MailPrefForm, (c) => deskMessage(c, 422, deskUi(c).t('invalidForm'))),
  async (c) => {
    const { mail } = c.req.valid('form');
    await setMailOff(c.env.DB, c.get('session')!.userId, mail === 'off', actorOf(c));
    return c.redirect('/desk/account/email?ok=saved', 303);
  },
);
