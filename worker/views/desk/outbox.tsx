/** /desk/outbox (admins): every e-mail ClaimDesk wrote, its delivery state, a retry for failures. */
import type { NotifyStrings } from '../../i18n/notify';
import { notifyStrings } from '../../i18n/notify';
import { Time } from './bits';
import { Csrf, DeskLayout, Notice, type DeskUi } from './layout';

/** One outbox message as the desk shows it (the recipient only masked). */
export interface OutboxView {
  id: string;
  kind: string;
  recipient: string | null;
  locale: string;
  subject: string | null;
  bodyText: string | null;
  status: 'queued' | 'sent' | 'failed' | 'dead' | 'held' | 'cancelled';
  transport: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxLogView {
  at: string;
  event: string;
  detail: string | null;
}

const RETRYABLE = new Set(['failed', 'dead', 'held']);

function kindLabel(n: NotifyStrings, kind: string): string {
  const key = `kind_${kind.replace('.', '_')}` as keyof NotifyStrings;
  return key in n ? n[key] : kind;
}

function statusLabel(n: NotifyStrings, m: OutboxView): string {
  if (m.status === 'sent' && m.transport === 'local') return n.sentLocally;
  return n[`status_${m.status}`];
}

function preview(text: string | null, max = 160): string | null {
  if (!text) return null;
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

function RetryForm(props: { ui: DeskUi; n: NotifyStrings; id: string }) {
  return (
    <form method="post" action={`/desk/outbox/${props.id}/retry`} class="inline-form">
      <Csrf ui={props.ui} />
      <button type="submit">{props.n.retry}</button>
    </form>
  );
}

function Facts(props: { n: NotifyStrings; m: OutboxView }) {
  const { n, m } = props;
  return (
    <p class="meta outbox-facts">
      <span class={`badge outbox-${m.status}`}>{statusLabel(n, m)}</span>{' '}
      <span>{kindLabel(n, m.kind)}</span> · {n.colRecipient}:{' '}
      <bdi dir="ltr">{m.recipient ?? '—'}</bdi> · {n.colAttempts}: {m.attempts} · {n.colCreated}:{' '}
      <Time iso={m.createdAt} />
      {m.lastError ? (
        <>
          {' '}
          · {n.colError}: <bdi>{m.lastError}</bdi>
        </>
      ) : null}
    </p>
  );
}

export function OutboxPage(props: {
  ui: DeskUi;
  messages: OutboxView[];
  notice?: { kind: 'ok' | 'error'; text: string };
}) {
  const { ui } = props;
  const n = notifyStrings(ui.locale);
  return (
    <DeskLayout ui={ui} title={n.outboxTitle} active="outbox">
      <h1>{n.outboxTitle}</h1>
      <p class="help">{n.outboxHelp}</p>
      {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
      {props.messages.length === 0 ? <p>{n.outboxEmpty}</p> : null}
      <ol class="outbox-list">
        {props.messages.map((m) => (
          <li class="panel outbox-item" id={`msg-${m.id}`}>
            <h2 class="outbox-subject">
              <a href={`/desk/outbox/${m.id}`}>
                <bdi>{m.subject ?? n.notComposed}</bdi>
              </a>
            </h2>
            <Facts n={n} m={m} />
            {m.bodyText ? (
              <p class="outbox-preview" dir="auto" lang={m.locale}>
                {preview(m.bodyText)}
              </p>
            ) : null}
            {RETRYABLE.has(m.status) ? <RetryForm ui={ui} n={n} id={m.id} /> : null}
          </li>
        ))}
      </ol>
    </DeskLayout>
  );
}

export function OutboxMessagePage(props: {
  ui: DeskUi;
  message: OutboxView;
  log: OutboxLogView[];
}) {
  const { ui, message: m } = props;
  const n = notifyStrings(ui.locale);
  return (
    <DeskLayout ui={ui} title={`${n.messageTitle}: ${m.subject ?? m.id}`}>
      <p>
        <a href="/desk/outbox">{n.backToOutbox}</a>
      </p>
      <h1>
        <bdi>{m.subject ?? n.notComposed}</bdi>
      </h1>
      <Facts n={n} m={m} />
      {RETRYABLE.has(m.status) ? <RetryForm ui={ui} n={n} id={m.id} /> : null}
      {m.bodyText ? (
        <section class="panel outbox-body" aria-label={n.bodyLabel} lang={m.locale} dir="auto">
          {m.bodyText
            .trim()
            .split(/\n{2,}/)
            .map((para) => (
              <p dir="auto">{para}</p>
            ))}
        </section>
      ) : null}
      <h2>{n.deliveryLog}</h2>
      <ol class="outbox-log">
        {props.log.map((e) => (
          <li>
            <Time iso={e.at} /> {e.event}
            {e.detail ? (
              <>
                {' '}
                — <bdi>{e.detail}</bdi>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </DeskLayout>
  );
}

/** /desk/account/email: an editor turns e-mail on or off. */
export function MailPrefPage(props: { ui: DeskUi; mailOff: boolean; saved: boolean }) {
  const { ui } = props;
  const n = notifyStrings(ui.locale);
  return (
    <DeskLayout ui={ui} title={n.mailPrefTitle}>
      <h1>{n.mailPrefTitle}</h1>
      {props.saved ? <Notice kind="ok">{n.mailPrefSaved}</Notice> : null}
      <form method="post" action="/desk/account/email" class="stack narrow">
        <Csrf ui={ui} />
        <label>
          <input type="radio" name="mail" value="on" checked={!props.mailOff} /> {n.mailPrefOn}
        </label>
        <label>
          <input type="radio" name="mail" value="off" checked={props.mailOff} /> {n.mailPrefOff}
        </label>
        <button type="submit">{n.mailPrefSave}</button>
      </form>
    </DeskLayout>
  );
}
