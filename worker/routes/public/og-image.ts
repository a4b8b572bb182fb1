/**
 * `GET /claims/:id/og.png`: the share image of a published fact-check (Open Graph, 1200×630),
 * rendered on first request from the card SVG (worker/og/) and kept in the Cache API under one key
 * per claim, purged with the claim's pages. The claim page only links it (`?v=<version>`).
 * The renderer (worker/og/render.ts, resvg's WebAssembly) is imported on the first image rendered,
 * not when the Worker loads: requests that never draw an image (and test files) do not compile it.
 */
import { Hono } from 'hono';
import { getPublicClaim } from '../../../d1/public';
import type { AppEnv } from '../../env';
import { embedWords } from '../../embeds/messages';
import { publicOrigin } from '../../embeds/cache';
import { readerPageStrings } from '../../i18n/reader-page';
import { ID_PATTERN } from '../../lib/ids';
import { LANGUAGES, type Language } from '../../lib/lang';
import { ratingLabel } from '../../lib/ratings';
import { securityHeaders } from '../../middleware/security-headers';
import { ogCardSvg, ogImageVersion } from '../../og/card-svg';
import { cachedImage, ogImageKey, storeImage } from '../../og/cache';
import { OG_LIVE_CACHE_CONTROL, OG_PINNED_CACHE_CONTROL } from '../../og/headers';

export const ogImage = new Hono<AppEnv>();
ogImage.use('/claims/:id/og.png', securityHeaders({ corp: 'cross-origin' }));

function png(body: ArrayBuffer | Uint8Array, pinned: boolean, tier: 'hit' | 'miss'): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'image/png',
      'Cache-Control': pinned ? OG_PINNED_CACHE_CONTROL : OG_LIVE_CACHE_CONTROL,
      'Server-Timing': `edge;desc="${tier}"`,
    },
  });
}

ogImage.get('/claims/:id/og.png', async (c) => {
  const id = c.req.param('id');
  if (!ID_PATTERN.test(id)) return c.notFound();
  const wanted = c.req.query('v');
  const key = ogImageKey(publicOrigin(c), id);
  const cached = await cachedImage(key);
  if (cached && (wanted === undefined || wanted === cached.version)) {
    return png(cached.png, wanted !== undefined, 'hit');
  }
  const page = await getPublicClaim(c.env.DB, id);
  // A removed claim has no share image any more (its page is 410 Gone).
  if (!page || page.removal) return c.notFound();
  const { claim, ratings } = page;
  const verdict = page.verdicts.at(-1)!;
  const version = ogImageVersion(claim, verdict);
  const lang: Language = (LANGUAGES as readonly string[]).includes(verdict.language)
    ? (verdict.language as Language)
    : 'en';
  const rating = ratings.find((r) => r.key === verdict.ratingKey);
  const retracted = claim.status === 'retracted' ? embedWords(lang).retracted : null;
  const svg = ogCardSvg({
    language: verdict.language,
    ratingLabel: rating ? ratingLabel(rating, verdict.language) : verdict.ratingKey,
    ratingColor: rating?.color ?? '#57606a',
    headline: verdict.headline,
    claim: claim.claimReviewed ?? claim.text,
    org: c.env.ORG_NAME,
    kicker: readerPageStrings(lang).lead.verdict,
    retracted: retracted ? retracted.charAt(0).toLocaleUpperCase(lang) + retracted.slice(1) : null,
  });
  const { renderPng } = await import('../../og/render');
  const image = await renderPng(svg, c.env.ASSETS);
  await storeImage(key, image, version);
  return png(image, wanted === version, 'miss');
});
