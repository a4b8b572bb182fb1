/** The queue: claims by status with counts, filters and cursor paging. */
import { Hono } from 'hono';
import { z } from 'zod';
import { queueScreen } from '../../../d1/desk';
import { activeRatings } from '../../../d1/ratings';
import type { AppEnv } from '../../env';
import { HexColor, Id, RatingKey, StatusField } from '../../schemas';
import { swatchClass } from '../../views/desk/bits';
import { QueuePage, type QueueQuery } from '../../views/desk/queue';
import { deskUi, render, requireDesk } from '../../http/desk-context';

export const deskQueue = new Hono<AppEnv>();

/** Page size of the queue. */
const QUEUE_PAGE_SIZE = 25;

// Each filter is validated on its own: a bad value is dropped, the others still apply.
const filterSchemas = {
  status: StatusField,
  language: z.string().regex(/^[a-z]{2,3}$/),
  rating: RatingKey,
  article: Id,
  assignee: z.string().regex(/^\d{1,9}$/),
  q: z.string().trim().min(1).max(200),
  cursor: z.string().regex(/^\d{1,15}$/),
} as const;

function readQuery(get: (k: string) => string | undefined): QueueQuery {
  const out: QueueQuery = {};
  for (const [key, schema] of Object.entries(filterSchemas)) {
    const parsed = schema.safeParse(get(key) ?? undefined);
    if (parsed.success) (out as Record<string, string>)[key] = parsed.data;
  }
  return out;
}

/** Rating colours as classes: our CSP allows no inline styles, so the scale's colours come from here. */
deskQueue.get('/ratings.css', requireDesk(), async (c) => {
  const rules = (await activeRatings(c.env.DB))
    .filter((r) => HexColor.safeParse(r.color).success)
    .map((r) => `.${swatchClass(r.key)} { background-color: ${r.color}; }`);
  return c.body(rules.join('\n'), 200, { 'Content-Type': 'text/css; charset=utf-8' });
});

deskQueue.get('/', requireDesk(), async (c) => {
  const query = readQuery((k) => c.req.query(k));
  const db = c.env.DB;
  const screen = await queueScreen(db, {
    status: query.status,
    language: query.language,
    rating: query.rating,
    articleId: query.article,
    assigneeId: query.assignee ? Number(query.assignee) : undefined,
    q: query.q,
    cursor: query.cursor ? Number(query.cursor) : undefined,
    limit: QUEUE_PAGE_SIZE,
  });
  return render(
    c,
    <QueuePage
      ui={deskUi(c)}
      query={query}
      page={screen}
      ratings={screen.ratings}
      users={screen.users}
      articles={screen.articles}
    />,
  );
});
