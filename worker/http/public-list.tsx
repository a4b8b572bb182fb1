/** The list pages: `/` (latest verdicts) and `/claims` (filters, search, cursor paging). */
import type { Context } from 'hono';
import { z } from 'zod';
import { isCursor, listPublic, type PublicItem } from '../../d1/public';
import type { Rating } from '../../d1/ratings';
import type { AppEnv } from '../env';
import { sha256Hex } from '../lib/crypto';
import { strings } from '../i18n/public';
import { PublicError } from '../views/public/error-page';
import { ListPage } from '../views/public/list-page';
import type { ClaimCardView } from '../views/public/parts';
import { ratingView } from './rating-view';
import { claimHref, conditional, localeOf, originOf, renderPage } from './public-context';
import { LANGUAGES } from '../lib/lang';
import { RatingKey } from '../schemas/fields';

const PAGE_SIZE = 20;

const Day = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'A calendar day (YYYY-MM-DD)')
  .optional();

const ListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['relevance', 'date']).optional(),
  from: Day,
  to: Day,
  claimant: z.string().trim().max(100).optional(),
  rating: RatingKey.optional(),
  language: z.enum(LANGUAGES).optional(),
  cursor: z.string().max(80).optional(),
  lang: z.string().max(20).optional(),
  feedback: z.string().optional(),
});

function toCard(item: PublicItem, ratings: Rating[], locale: string): ClaimCardView {
  return {
    id: item.id,
    text: item.text,
    language: item.language,
    headline: item.verdict.headline,
    claimant: item.claimant,
    publishedAt: item.verdict.firstPublishedAt,
    rating: ratingView(ratings, item.verdict.ratingKey, locale),
  };
}

/** Render `/` or `/claims` (one D1 round trip: the page of items and the rating scale). */
export async function listResponse(c: Context<AppEnv>, mode: 'home' | 'list'): Promise<Response> {
  const locale = localeOf(c);
  const t = strings(locale);
  const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
  const parsed = ListQuery.safeParse(mode === 'home' ? {} : raw);
  const q = parsed.success ? parsed.data.q || undefined : undefined;
  const sort = parsed.success && parsed.data.sort === 'date' ? 'date' : 'relevance';
  if (
    !parsed.success ||
    (parsed.data.cursor !== undefined &&
      !isCursor(parsed.data.cursor, q === undefined ? 'list' : sort))
  ) {
    c.header('Cache-Control', 'no-store');
    return renderPage(
      c,
      { title: t.list.title, noindex: true },
      <PublicError title={t.list.title} detail={t.list.empty} />,
      400,
    );
  }
  const f = parsed.data;
  const page = await listPublic(c.env.DB, {
    q,
    rating: f.rating,
    language: f.language,
    from: f.from,
    to: f.to,
    claimant: f.claimant || undefined,
    sort,
    cursor: f.cursor,
    limit: mode === 'home' ? 10 : PAGE_SIZE,
    count: mode === 'list',
  });
  const items = page.items.map((i) => toCard(i, page.ratings, locale));
  const params = (extra: Record<string, string>) => {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries({
      q,
      sort: q !== undefined && sort === 'date' ? 'date' : undefined,
      rating: f.rating,
      language: f.language,
      claimant: f.claimant || undefined,
      from: f.from,
      to: f.to,
      lang: f.lang ? locale : undefined,
      ...extra,
    }))
      if (v) u.set(k, v);
    const s = u.toString();
    return `/claims${s ? `?${s}` : ''}`;
  };
  const latest = page.items.reduce((m, i) => (i.updatedAt > m ? i.updatedAt : m), '');
  const fingerprint = page.items
    .map((i) => `${i.id}.${i.verdict.version}.${i.updatedAt}`)
    .join(',');
  const etag = `W/"l-${(await sha256Hex(`${c.req.url}|${locale}|${fingerprint}`)).slice(0, 32)}"`;
  const notModified = conditional(c, etag, latest || undefined);
  if (notModified) return notModified;
  const canonical = mode === 'home' ? `${originOf(c)}/` : `${originOf(c)}/claims`;
  return renderPage(
    c,
    {
      title: mode === 'home' ? t.home.title : t.list.title,
      description: t.home.intro,
      canonical,
      noindex:
        mode === 'list' && (q !== undefined || !!f.cursor || !!f.claimant || !!f.from || !!f.to),
    },
    <ListPage
      locale={locale}
      mode={mode}
      items={items}
      ratings={page.ratings.map((r) => ({
        key: r.key,
        label: ratingView(page.ratings, r.key, locale).label,
      }))}
      filters={{
        q: q ?? '',
        rating: f.rating ?? '',
        language: f.language ?? '',
        from: f.from ?? '',
        to: f.to ?? '',
        claimant: f.claimant ?? '',
        sort,
      }}
      total={
        page.total === null
          ? null
          : { n: Math.min(page.total, page.countCap), more: page.total > page.countCap }
      }
      submitHref={
        q
          ? `/submit?${new URLSearchParams({ text: q, ...(locale !== 'en' ? { lang: locale } : {}) })}`
          : null
      }
      clearHref={
        f.rating || f.language || f.from || f.to || f.claimant
          ? `/claims?${new URLSearchParams({ q: q ?? '', ...(f.lang ? { lang: locale } : {}) })}`
          : null
      }
      nextHref={mode === 'list' && page.nextCursor ? params({ cursor: page.nextCursor }) : null}
      firstHref={mode === 'list' && f.cursor ? params({}) : null}
      hrefOf={(id) => claimHref(c, id)}
    />,
  );
}
