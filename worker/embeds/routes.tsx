import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import { z } from 'zod';
import { embedView, type EmbedView } from './view';
import { BADGE_STYLES, EMBED_LANGS, EMBED_THEMES, embedLangOf, type EmbedLang } from './messages';
import { cardSize, oembedDocument } from './oembed';
import { renderBadge } from './svg';
import type { AppEnv } from '../env';
import { ID_PATTERN } from '../lib/ids';
import { problem } from '../lib/problem';
import { securityHeaders } from '../middleware/security-headers';
import { EmbedCard } from './card';
import { FRAME_SCRIPT_HASH } from './frame-script';
import {
  LIVE_CACHE_CONTROL,
  PINNED_CACHE_CONTROL,
  publicOrigin,
  UNKNOWN_CACHE_CONTROL,
  type EmbedKey,
} from './cache';
import { badgeImageHeaders } from './headers';
import { serveEmbed } from './serve';

/**
 * Embeds for other sites: /badge/:id.svg, /badge/:id.json, /embed/:id, /oembed. No cookies, ever.
 *
 * A retracted claim an admin removed from the site answers a neutral "removed" badge, shields JSON
 * and card with 200, not 410: partner pages keep embedding the URL, and an <img> or iframe (or
 * shields.io, which shows "inaccessible" for any non-200) must render the notice instead of a
 * broken image or a browser error page. Only oEmbed, which offers something to embed, says 410.
 */
export const embeds = new Hono<AppEnv>();

const svgHeaders = badgeImageHeaders();
const jsonHeaders = securityHeaders({ corp: 'cross-origin' });
const cardHeaders = securityHeaders({
  csp: {
    defaultSrc: ["'none'"],
    styleSrc: ["'unsafe-inline'"],
    scriptSrc: [FRAME_SCRIPT_HASH],
    imgSrc: ['data:'],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ['*'],
  },
  frameable: true,
  corp: 'cross-origin',
});
embeds.use('/badge/*', (c, next) =>
  c.req.path.endsWith('.svg') ? svgHeaders(c, next) : jsonHeaders(c, next),
);
embeds.use('/embed/*', cardHeaders);
embeds.use('/oembed', jsonHeaders);

const Options = z.object({
  lang: z.enum(EMBED_LANGS).optional(),
  style: z.enum(BADGE_STYLES).optional(),
  theme: z.enum(EMBED_THEMES).optional(),
  v: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, 'A verdict version number')
    .optional(),
});

/** Query parameters, with empty ones (`?lang=` from a template) treated as absent. */
function query(c: Context<AppEnv>): Record<string, string> {
  return Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
}

const DEFAULT_OPTIONS = { lang: null, style: 'flat', theme: 'light', pinned: null } as const;

function options(c: Context<AppEnv>) {
  // Most embeds carry no query at all: nothing to validate on the hottest path.
  if (!c.req.url.includes('?')) return DEFAULT_OPTIONS;
  const parsed = Options.safeParse(query(c));
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      field: `query.${i.path.join('.')}`,
      message: i.message,
    }));
    throw problem(400, 'Invalid request', { code: 'validation_failed', errors });
  }
  const { lang, style, theme, v } = parsed.data;
  return {
    lang: lang ?? null,
    style: style ?? 'flat',
    theme: theme ?? 'light',
    pinned: v ? Number(v) : null,
  };
}

/** Pinned badges are immutable; a pinned card still shows the (editable) claim text, so it stays live. */
function cacheControl(view: EmbedView, pinned: number | null, immutable = true): string {
  if (view.kind === 'unknown') return UNKNOWN_CACHE_CONTROL;
  // A retraction (and a removal, which a restore undoes) is the one change a pinned version can
  // still undergo: never immutable.
  if (view.kind === 'retracted' || view.kind === 'removed') return LIVE_CACHE_CONTROL;
  return pinned !== null && immutable ? PINNED_CACHE_CONTROL : LIVE_CACHE_CONTROL;
}

/** Only live unknown answers and real answers are stored; a pinned unknown may become real. */
const storable = (view: EmbedView, pinned: number | null) =>
  view.kind !== 'unknown' || pinned === null;

function answer(
  view: EmbedView,
  pinned: number | null,
  body: string,
  contentType: string,
  extra: Record<string, string> = {},
) {
  const immutable = !contentType.startsWith('text/html');
  const res = new Response(body, {
    status: view.kind === 'unknown' ? 404 : 200,
    headers: {
      'Content-Type': contentType,
      'Cache-Control': cacheControl(view, pinned, immutable),
      ETag: view.etag,
      ...extra,
    },
  });
  return { res, cache: storable(view, pinned) };
}

embeds.get('/badge/:file', async (c) => {
  const m = /^(.+)\.(svg|json)$/.exec(c.req.param('file'));
  if (!m) return c.notFound();
  const [, id = '', ext] = m;
  const opts = options(c);
  const known = ID_PATTERN.test(id);
  if (ext === 'svg') {
    const key: EmbedKey = {
      kind: 'svg',
      id,
      lang: opts.lang ?? '',
      style: opts.style,
      pinned: opts.pinned,
    };
    return serveEmbed(c, { id: known ? id : null, pinned: opts.pinned, key }, (claim) => {
      const view = embedView(claim, {
        lang: opts.lang,
        pinned: opts.pinned,
        variant: `svg-${opts.style}`,
      });
      // A pinned badge must never change, so it leaves out the (editable) claim text.
      const description =
        view.kind === 'unknown' || view.kind === 'removed' || opts.pinned !== null
          ? undefined
          : view.claim.text;
      const svg = renderBadge({ ...view, lang: view.lang, style: opts.style, description });
      return answer(view, opts.pinned, svg, 'image/svg+xml; charset=utf-8');
    });
  }
  const key: EmbedKey = { kind: 'json', id, lang: opts.lang ?? '', style: '', pinned: opts.pinned };
  return serveEmbed(c, { id: known ? id : null, pinned: opts.pinned, key }, (claim) => {
    const view = embedView(claim, { lang: opts.lang, pinned: opts.pinned, variant: 'json' });
    const body = {
      schemaVersion: 1,
      label: view.label,
      message: view.message,
      color: view.color.slice(1),
      ...(view.kind === 'unknown' ? { isError: true } : {}),
    };
    return answer(view, opts.pinned, JSON.stringify(body), 'application/json; charset=utf-8', {
      'Access-Control-Allow-Origin': '*',
    });
  });
});

embeds.get('/embed/:id', async (c) => {
  const id = c.req.param('id');
  const opts = options(c);
  const origin = publicOrigin(c);
  const key: EmbedKey = {
    kind: 'card',
    id,
    lang: opts.lang ?? '',
    style: '',
    pinned: opts.pinned,
    theme: opts.theme,
  };
  return serveEmbed(
    c,
    { id: ID_PATTERN.test(id) ? id : null, pinned: opts.pinned, key },
    (claim) => {
      const view = embedView(claim, {
        lang: opts.lang,
        pinned: opts.pinned,
        variant: `card-${opts.theme}`,
      });
      const claimUrl = `${origin}/claims/${encodeURIComponent(id)}${opts.lang ? `?lang=${opts.lang}` : ''}`;
      const html = (
        <>
          {raw('<!DOCTYPE html>')}
          <EmbedCard view={view} claimUrl={claimUrl} orgName={c.env.ORG_NAME} theme={opts.theme} />
        </>
      );
      return answer(view, opts.pinned, html.toString(), 'text/html; charset=utf-8');
    },
  );
});

const OEmbedQuery = z.object({
  url: z.string().min(1).max(2048),
  format: z.string().max(20).optional(),
  maxwidth: z
    .string()
    .regex(/^[1-9][0-9]{0,4}$/)
    .optional(),
  maxheight: z
    .string()
    .regex(/^[1-9][0-9]{0,4}$/)
    .optional(),
});

/** The claim (and language) an oEmbed `url` names, when it is one of our claim or card pages. */
function claimOfUrl(raw: string, origins: string[]): { id: string; lang: EmbedLang | null } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const m = /^\/(?:claims|embed)\/([^/]+)\/?$/.exec(url.pathname);
  if (!origins.includes(url.origin) || !m?.[1] || !ID_PATTERN.test(m[1])) return null;
  return { id: m[1], lang: embedLangOf(url.searchParams.get('lang')) };
}

embeds.get('/oembed', async (c) => {
  const parsed = OEmbedQuery.safeParse(query(c));
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      field: `query.${i.path.join('.')}`,
      message: i.message,
    }));
    throw problem(400, 'Invalid request', { code: 'validation_failed', errors });
  }
  const q = parsed.data;
  if (q.format !== undefined && q.format !== 'json')
    throw problem(501, 'Format not implemented', {
      detail: 'Only format=json is served.',
      code: 'unsupported_format',
    });
  const origin = publicOrigin(c);
  const target = claimOfUrl(q.url, [origin, new URL(c.req.url).origin]);
  const notFound = (status = 404) =>
    new Response(JSON.stringify({ error: 'No embeddable claim at this URL' }), {
      status,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': UNKNOWN_CACHE_CONTROL,
        'Access-Control-Allow-Origin': '*',
      },
    });
  if (!target) return notFound();
  const maxWidth = q.maxwidth ? Number(q.maxwidth) : null;
  const maxHeight = q.maxheight ? Number(q.maxheight) : null;
  // Only the default size is cached: other sizes are rare and would multiply the keys to purge.
  const cached = maxWidth === null && maxHeight === null;
  const { id, lang } = target;
  const key: EmbedKey | null = cached
    ? { kind: 'oembed', id, lang: lang ?? '', style: '', pinned: null }
    : null;
  return serveEmbed(c, { id, pinned: null, key }, (claim) => {
    const view = embedView(claim, {
      lang,
      pinned: null,
      variant: `oembed-${maxWidth ?? ''}x${maxHeight ?? ''}`,
    });
    if (view.kind === 'unknown') return { res: notFound(), cache: true };
    // Retracted and removed: nothing to embed any more (410; a restore purges this key).
    if (view.kind === 'removed') return { res: notFound(410), cache: true };
    const cardUrl = `${origin}/embed/${id}${lang ? `?lang=${lang}` : ''}`;
    const doc = oembedDocument({
      view,
      origin,
      cardUrl,
      providerName: c.env.ORG_NAME,
      size: cardSize(view, maxWidth, maxHeight),
      cacheAge: 300,
    });
    return answer(view, null, JSON.stringify(doc), 'application/json; charset=utf-8', {
      'Access-Control-Allow-Origin': '*',
    });
  });
});
