/**
 * Desk admin pages of the integrations: webhook endpoints (+ their delivery log) and monitored
 * feeds. Plain forms with CSRF, no script; URLs and titles from outside are bidi-isolated.
 */
import { eventKey, type HooksTranslate } from '../../i18n/integrations-hooks';
import { WEBHOOK_EVENTS } from '../../lib/webhook-events';
import { UserText } from '../shared/user-text';
import { Time } from './bits';
import { Csrf, DeskLayout, Notice, type DeskUi } from './layout';

/** View models (what the pages read; the d1 rows are assignable to them). */
export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  previousExpiresAt: string | null;
  delivered: number;
  failed: number;
  pending: number;
}
export interface WebhookDelivery {
  id: string;
  event: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  createdAt: string;
}
export interface Feed {
  id: string;
  url: string;
  title: string | null;
  intervalMinutes: number;
  lastRunAt: string | null;
  lastStatus: string | null;
  lastError: string | null;
  itemsSeen: number;
  itemsIngested: number;
  consecutiveErrors: number;
  nextRunAt: string;
}
export interface FeedItem {
  itemKey: string;
  link: string | null;
  title: string | null;
  status: string;
  articleId: string | null;
  error: string | null;
}

type NoticeProp = { kind: 'ok' | 'error'; text: string } | undefined;

interface FormState {
  notice?: NoticeProp;
  values?: Record<string, string>;
  errors?: string[];
}

function Url(props: { url: string }) {
  return (
    <bdi dir="ltr" class="url">
      {props.url}
    </bdi>
  );
}

function SecretBox(props: { m: HooksTranslate; secret: string }) {
  return (
    <section aria-labelledby="secret-h" class="panel new-token" role="status">
      <h2 id="secret-h">{props.m('secretOnce')}</h2>
      <input
        aria-labelledby="secret-h"
        class="secret"
        readonly
        dir="ltr"
        spellcheck={false}
        autocomplete="off"
        size={60}
        value={props.secret}
      />
    </section>
  );
}

export function WebhooksPage(
  props: {
    ui: DeskUi;
    m: HooksTranslate;
    endpoints: WebhookEndpoint[];
    secret?: string;
  } & FormState,
) {
  const { ui, m } = props;
  const v = props.values ?? {};
  const bad = (f: string) => (props.errors?.includes(f) ? 'true' : undefined);
  return (
    <DeskLayout ui={ui} title={m('webhooksTitle')} active="webhooks">
      <h1>{m('webhooksTitle')}</h1>
      <p class="help">{m('webhooksHelp')}</p>
      {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
      {props.secret ? <SecretBox m={m} secret={props.secret} /> : null}
      {props.endpoints.length === 0 ? (
        <p>{m('noWebhooks')}</p>
      ) : (
        <div class="table-scroll">
          <table class="tokens">
            <thead>
              <tr>
                <th scope="col">{m('url')}</th>
                <th scope="col">{m('events')}</th>
                <th scope="col">{m('deliveries')}</th>
                <th scope="col">{m('rotate')}</th>
                <th scope="col">{m('remove')}</th>
              </tr>
            </thead>
            <tbody>
              {props.endpoints.map((e) => (
                <tr>
                  <td>
                    <a href={`/desk/admin/webhooks/${e.id}`}>
                      <Url url={e.url} />
                    </a>
                    {e.description ? (
                      <>
                        <br />
                        <UserText text={e.description} />
                      </>
                    ) : null}
                  </td>
                  <td>
                    <ul class="plain">
                      {e.events.map((ev) => (
                        <li>{m(eventKey(ev))}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {e.delivered} {m('delivered')} · {e.failed} {m('failed')} · {e.pending}{' '}
                    {m('pending')}
                    <br />
                    <a href={`/desk/admin/webhooks/${e.id}`}>{m('viewDeliveries')}</a>
                  </td>
                  <td>
                    <form
                      method="post"
                      action={`/desk/admin/webhooks/${e.id}/rotate`}
                      class="stack"
                    >
                      <Csrf ui={ui} />
                      <label for={`overlap-${e.id}`}>{m('overlapHours')}</label>
                      <input
                        id={`overlap-${e.id}`}
                        name="overlapHours"
                        type="number"
                        min={0}
                        max={168}
                        value="24"
                      />
                      <button type="submit">{m('rotate')}</button>
                    </form>
                    {e.previousExpiresAt && e.previousExpiresAt > new Date().toISOString() ? (
                      <p class="help">
                        {m('rotatingUntil', {
                          at: e.previousExpiresAt.slice(0, 16).replace('T', ' '),
                        })}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <form
                      method="post"
                      action={`/desk/admin/webhooks/${e.id}/delete`}
                      class="inline-form"
                    >
                      <Csrf ui={ui} />
                      <button
                        type="submit"
                        class="danger"
                        aria-label={m('removeNamed', { name: e.url })}
                      >
                        {m('remove')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="add-hook-h" class="panel narrow">
        <h2 id="add-hook-h">{m('addWebhook')}</h2>
        <form method="post" action="/desk/admin/webhooks" class="stack">
          <Csrf ui={ui} />
          <label for="hook-url">{m('url')}</label>
          <input
            id="hook-url"
            name="url"
            type="url"
            dir="ltr"
            required
            placeholder="https://"
            value={v.url ?? ''}
            aria-invalid={bad('url')}
          />
          <label for="hook-desc">{m('description')}</label>
          <input
            id="hook-desc"
            name="description"
            maxlength={200}
            value={v.description ?? ''}
            aria-invalid={bad('description')}
          />
          <fieldset aria-invalid={bad('events')}>
            <legend>{m('events')}</legend>
            {WEBHOOK_EVENTS.map((ev) => (
              <label class="check">
                <input
                  type="checkbox"
                  name="events"
                  value={ev}
                  checked={ev === 'claim.published'}
                />{' '}
                {m(eventKey(ev))} <code dir="ltr">{ev}</code>
              </label>
            ))}
          </fieldset>
          <button type="submit">{m('add')}</button>
        </form>
      </section>
    </DeskLayout>
  );
}

const STATUS_KEY = { pending: 'pending', delivered: 'delivered', failed: 'failed' } as const;

export function WebhookDeliveriesPage(props: {
  ui: DeskUi;
  m: HooksTranslate;
  endpoint: WebhookEndpoint;
  deliveries: WebhookDelivery[];
  notice?: NoticeProp;
}) {
  const { ui, m, endpoint } = props;
  return (
    <DeskLayout ui={ui} title={m('viewDeliveries')} active="webhooks">
      <p>
        <a href="/desk/admin/webhooks">{m('backToWebhooks')}</a>
      </p>
      <h1>
        {m('viewDeliveries')}: <Url url={endpoint.url} />
      </h1>
      {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
      {props.deliveries.length === 0 ? (
        <p>{m('noDeliveries')}</p>
      ) : (
        <div class="table-scroll">
          <table class="tokens">
            <thead>
              <tr>
                <th scope="col">{m('createdAt')}</th>
                <th scope="col">{m('event')}</th>
                <th scope="col">{m('status')}</th>
                <th scope="col">{m('attempts')}</th>
                <th scope="col">{m('lastAnswer')}</th>
                <th scope="col">{m('duration')}</th>
                <th scope="col">{m('lastError')}</th>
                <th scope="col">{m('redeliver')}</th>
              </tr>
            </thead>
            <tbody>
              {props.deliveries.map((d) => (
                <tr>
                  <td>
                    <Time iso={d.createdAt} />
                    <br />
                    <code dir="ltr">{d.id}</code>
                  </td>
                  <td>{m(eventKey(d.event))}</td>
                  <td>{m(STATUS_KEY[d.status])}</td>
                  <td>{d.attempts}</td>
                  <td dir="ltr">{d.lastStatusCode ?? '–'}</td>
                  <td dir="ltr">{d.lastDurationMs ?? '–'}</td>
                  <td>{d.lastError ? <UserText text={d.lastError} /> : '–'}</td>
                  <td>
                    <form
                      method="post"
                      action={`/desk/admin/webhooks/${endpoint.id}/deliveries/${d.id}/redeliver`}
                      class="inline-form"
                    >
                      <Csrf ui={ui} />
                      <button type="submit">{m('redeliver')}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DeskLayout>
  );
}

export function FeedsPage(
  props: { ui: DeskUi; m: HooksTranslate; feeds: { feed: Feed; items: FeedItem[] }[] } & FormState,
) {
  const { ui, m } = props;
  const v = props.values ?? {};
  const bad = (f: string) => (props.errors?.includes(f) ? 'true' : undefined);
  return (
    <DeskLayout ui={ui} title={m('feedsTitle')} active="feeds">
      <h1>{m('feedsTitle')}</h1>
      <p class="help">{m('feedsHelp')}</p>
      {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
      {props.feeds.length === 0 ? <p>{m('noFeeds')}</p> : null}
      {props.feeds.map(({ feed, items }) => (
        <section class="panel" aria-labelledby={`feed-${feed.id}`}>
          <h2 id={`feed-${feed.id}`}>
            {feed.title ? <UserText text={feed.title} /> : <Url url={feed.url} />}
          </h2>
          <p>
            <Url url={feed.url} />
          </p>
          <dl class="facts">
            <dt>{m('lastRun')}</dt>
            <dd>{feed.lastRunAt ? <Time iso={feed.lastRunAt} /> : m('never')}</dd>
            <dt>{m('lastStatus')}</dt>
            <dd>
              <code dir="ltr">{feed.lastStatus ?? '–'}</code>
              {feed.lastError ? (
                <p class="notice notice-error" role="note">
                  <UserText text={feed.lastError} />
                </p>
              ) : null}
            </dd>
            <dt>{m('itemsSeen')}</dt>
            <dd>{feed.itemsSeen}</dd>
            <dt>{m('itemsIngested')}</dt>
            <dd>{feed.itemsIngested}</dd>
            <dt>{m('errorsInRow')}</dt>
            <dd>{feed.consecutiveErrors}</dd>
            <dt>{m('interval')}</dt>
            <dd>{feed.intervalMinutes}</dd>
            <dt>{m('nextRun')}</dt>
            <dd>
              <Time iso={feed.nextRunAt} />
            </dd>
          </dl>
          {items.length > 0 ? (
            <ul>
              {items.map((it) => (
                <li>
                  {it.articleId ? (
                    <a href={`/desk/articles/${it.articleId}`}>
                      <UserText text={it.title ?? it.link ?? it.itemKey} />
                    </a>
                  ) : (
                    <UserText text={it.title ?? it.link ?? it.itemKey} />
                  )}{' '}
                  <small>
                    ({it.status}
                    {it.error ? `: ${it.error}` : ''})
                  </small>
                </li>
              ))}
            </ul>
          ) : null}
          <div class="actions">
            <form method="post" action={`/desk/admin/feeds/${feed.id}/poll`} class="inline-form">
              <Csrf ui={ui} />
              <button type="submit">{m('pollNow')}</button>
            </form>{' '}
            <form method="post" action={`/desk/admin/feeds/${feed.id}/delete`} class="inline-form">
              <Csrf ui={ui} />
              <button
                type="submit"
                class="danger"
                aria-label={m('removeNamed', { name: feed.url })}
              >
                {m('remove')}
              </button>
            </form>
          </div>
        </section>
      ))}
      <section aria-labelledby="add-feed-h" class="panel narrow">
        <h2 id="add-feed-h">{m('addFeed')}</h2>
        <form method="post" action="/desk/admin/feeds" class="stack">
          <Csrf ui={ui} />
          <label for="feed-url">{m('url')}</label>
          <input
            id="feed-url"
            name="url"
            type="url"
            dir="ltr"
            required
            placeholder="https://"
            value={v.url ?? ''}
            aria-invalid={bad('url')}
          />
          <label for="feed-title">{m('feedTitle')}</label>
          <input
            id="feed-title"
            name="title"
            maxlength={200}
            value={v.title ?? ''}
            aria-invalid={bad('title')}
          />
          <label for="feed-interval">{m('interval')}</label>
          <input
            id="feed-interval"
            name="intervalMinutes"
            type="number"
            min={10}
            max={1440}
            value={v.intervalMinutes || '30'}
            aria-invalid={bad('intervalMinutes')}
          />
          <button type="submit">{m('add')}</button>
        </form>
      </section>
    </DeskLayout>
  );
}
