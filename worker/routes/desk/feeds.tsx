/** Desk admin: monitored feeds (/desk/admin/feeds): status per feed, add, delete, poll now. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { listFeedItems, listFeeds } from '../../../d1/feeds';
import { pollFeedNow, registerFeed, removeFeed } from '../../domain/integrations';
import type { AppEnv } from '../../env';
import { actorOf } from '../../http/actor';
import { deskMessage, deskUi, render, requireDesk } from '../../http/desk-context';
import { hooksTranslator } from '../../i18n/integrations-hooks';
import { ID_PATTERN } from '../../lib/ids';
import { formValidator, typedValues, type OnInvalid } from '../../middleware/form-validator';
import { FeedFields } from '../../schemas/integrations';
import { FeedsPage } from '../../views/desk/integrations';

export const deskFeeds = new Hono<AppEnv>();
deskFeeds.use('*', requireDesk('admin'));

const KEYS = ['url', 'title', 'intervalMinutes'] as const;
const hooksOf = (c: Context<AppEnv>) => hooksTranslator(deskUi(c).locale);

async function feedsPage(
  c: Context<AppEnv>,
  extras: Omit<Parameters<typeof FeedsPage>[0], 'ui' | 'm' | 'feeds'> = {},
  status: 200 | 422 = 200,
) {
  const feeds = await listFeeds(c.env.DB);
  const withItems = await Promise.all(
    feeds.map(async (feed) => ({ feed, items: await listFeedItems(c.env.DB, feed.id, 5) })),
  );
  return render(
    c,
    <FeedsPage ui={deskUi(c)} m={hooksOf(c)} feeds={withItems} {...extras} />,
    status,
  );
}

deskFeeds.get('/feeds', (c) => {
  const ok = c.req.query('ok');
  const m = hooksOf(c);
  return feedsPage(
    c,
    ok === 'removed'
      ? { notice: { kind: 'ok', text: m('removed') } }
      : ok === 'polling'
        ? { notice: { kind: 'ok', text: m('pollQueued') } }
        : {},
  );
});

const refuse: OnInvalid<string> = (c, errors, values) =>
  feedsPage(
    c,
    {
      notice: { kind: 'error', text: hooksOf(c)('invalidForm') },
      values: typedValues(values, KEYS),
      errors: Object.keys(errors),
    },
    422,
  );

deskFeeds.post('/feeds', formValidator(z.object(FeedFields), refuse), async (c) => {
  const input = c.req.valid('form');
  const result = await registerFeed(c.env, input, actorOf(c));
  if (!result.ok)
    return feedsPage(
      c,
      {
        notice: {
          kind: 'error',
          text:
            result.refusal.kind === 'invalid'
              ? result.refusal.fields[0]!.message
              : hooksOf(c)('invalidForm'),
        },
        values: {
          url: input.url,
          title: input.title ?? '',
          intervalMinutes: String(input.intervalMinutes),
        },
        errors: ['url'],
      },
      422,
    );
  return c.redirect('/desk/admin/feeds', 303);
});

deskFeeds.post('/feeds/:id/delete', async (c) => {
  const id = c.req.param('id');
  const t = deskUi(c).t;
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, t('notFound'));
  const result = await removeFeed(c.env, id, actorOf(c));
  if (!result.ok) return deskMessage(c, 404, t('notFound'));
  return c.redirect('/desk/admin/feeds?ok=removed', 303);
});

deskFeeds.post('/feeds/:id/poll', async (c) => {
  const id = c.req.param('id');
  const t = deskUi(c).t;
  if (!ID_PATTERN.test(id)) return deskMessage(c, 404, t('notFound'));
  const result = await pollFeedNow(c.env, id);
  if (!result.ok) return deskMessage(c, 404, t('notFound'));
  return c.redirect('/desk/admin/feeds?ok=polling', 303);
});
