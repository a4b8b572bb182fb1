import { decodeEntities } from './entities';
import { readJsonLd } from './json-ld';
import { truncateText } from '../lib/text';

/** What ClaimDesk keeps of a news page. */
export interface ParsedArticle {
  title: string | null;
  byline: string | null;
  publisher: string | null;
  /** ISO-8601 UTC, when the page states a valid publication time. */
  publishedAt: string | null;
  /** Primary language subtag (ar, en, fr…), when the page declares one. */
  language: string | null;
  dir: 'ltr' | 'rtl' | null;
  canonicalUrl: string | null;
  paragraphs: string[];
  /** The paragraphs joined by blank lines: the article body that claims are extracted from. */
  text: string;
}

// Page furniture whose text is never article body.
const SKIP = new Set([
  'nav',
  'aside',
  'footer',
  'header',
  'script',
  'style',
  'noscript',
  'figure',
  'figcaption',
  'form',
  'template',
  'svg',
  'iframe',
  'button',
  'select',
  'textarea',
  'dialog',
  'menu',
]);
// Class or id words of boilerplate blocks (share bars, related links, newsletter boxes, ads).
const NOISE =
  /(?:^|[\s_-])(?:share|sharing|social|related|newsletter|subscribe|advert|advertisement|ads|ad-slot|promo|cookie|cookies|comments?|breadcrumbs?|sidebar|popup|modal|paywall|sponsored|recommended)(?:$|[\s_-])/i;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const BYLINE = /(?:^|[\s_-])(?:byline|author|author-name)(?:$|[\s_-])/i;

interface Block {
  parts: string[];
  inArticle: boolean;
  inMain: boolean;
}
interface Capture {
  parts: string[];
}

const clean = (s: string) => decodeEntities(s).replace(/\s+/g, ' ').trim();

/** Extract metadata and body paragraphs from an HTML page with HTMLRewriter (streaming, no DOM). */
export async function parseArticle(html: string, baseUrl?: string): Promise<ParsedArticle> {
  const meta = new Map<string, string>();
  const jsonLd: string[] = [];
  const blocks: Array<{ text: string; inArticle: boolean; inMain: boolean }> = [];
  const captures = new Set<Capture>();
  let skip = 0;
  let inArticle = 0;
  let inMain = 0;
  let block: Block | null = null;
  let title: string | null = null;
  let h1: string | null = null;
  let bylineText: string | null = null;
  let htmlLang: string | null = null;
  let dir: 'ltr' | 'rtl' | null = null;
  let canonical: string | null = null;
  let firstTime: string | null = null;

  const flush = () => {
    if (block) {
      const text = clean(block.parts.join(''));
      if (text) blocks.push({ text, inArticle: block.inArticle, inMain: block.inMain });
    }
    block = null;
  };
  const rewriter = new HTMLRewriter()
    .on('*', {
      element(el) {
        const tag = el.tagName.toLowerCase();
        const attr = (name: string) => {
          const v = el.getAttribute(name);
          return v === null ? null : clean(v);
        };
        if (tag === 'html') {
          htmlLang = attr('lang') ?? attr('xml:lang');
          dir = readDir(attr('dir')) ?? dir;
        } else if (tag === 'body') dir = dir ?? readDir(attr('dir'));
        else if (tag === 'meta') {
          const key = (
            attr('property') ??
            attr('name') ??
            attr('itemprop') ??
            attr('http-equiv')
          )?.toLowerCase();
          const content = attr('content');
          if (key && content && !meta.has(key)) meta.set(key, content);
        } else if (tag === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(attr('rel') ?? ''))
          canonical ??= attr('href');
        else if (tag === 'time') firstTime ??= attr('datetime');
        else if (tag === 'br' && block && skip === 0) block.parts.push(' ');
        if (VOID.has(tag)) return;

        // One end-tag handler per element, running every action registered below.
        const atEnd: Array<() => void> = [];
        const capture = (done: (text: string) => void) => {
          const cap: Capture = { parts: [] };
          captures.add(cap);
          atEnd.push(() => {
            captures.delete(cap);
            done(clean(cap.parts.join('')));
          });
        };
        const isByline =
          BYLINE.test(`${attr('class') ?? ''} ${attr('itemprop') ?? ''}`) ||
          attr('rel') === 'author';
        if (tag === 'script' && (attr('type') ?? '').toLowerCase() === 'application/ld+json')
          capture((t) => jsonLd.push(t));
        else if (tag === 'title' && title === null) capture((t) => (title ??= t || null));
        else if (tag === 'h1' && h1 === null) capture((t) => (h1 ??= t || null));
        else if (isByline && bylineText === null) capture((t) => (bylineText ??= t || null));

        const noisy =
          isByline ||
          SKIP.has(tag) ||
          NOISE.test(`${attr('class') ?? ''} ${attr('id') ?? ''}`) ||
          attr('aria-hidden') === 'true' ||
          el.hasAttribute('hidden') ||
          attr('role') === 'navigation';
        if (noisy) {
          skip++;
          atEnd.push(() => void skip--);
        } else if (tag === 'article') {
          inArticle++;
          atEnd.push(() => void inArticle--);
        } else if (tag === 'main' || attr('role') === 'main') {
          inMain++;
          atEnd.push(() => void inMain--);
        } else if (skip === 0 && (tag === 'p' || (tag === 'li' && (inArticle > 0 || inMain > 0)))) {
          flush(); // an unclosed <p> ends where the next one starts
          const mine: Block = { parts: [], inArticle: inArticle > 0, inMain: inMain > 0 };
          block = mine;
          atEnd.push(() => {
            if (block === mine) flush();
          });
        }
        if (atEnd.length > 0) el.onEndTag(() => atEnd.forEach((f) => f()));
      },
    })
    .onDocument({
      text(chunk) {
        for (const cap of captures) cap.parts.push(chunk.text);
        if (skip === 0 && block) block.parts.push(chunk.text);
      },
    });
  await rewriter
    .transform(new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }))
    .arrayBuffer();
  flush();

  const ld = readJsonLd(jsonLd);
  const pick = blocks.some((b) => b.inArticle)
    ? blocks.filter((b) => b.inArticle)
    : blocks.some((b) => b.inMain)
      ? blocks.filter((b) => b.inMain)
      : blocks;
  const paragraphs: string[] = [];
  for (const { text } of pick) {
    // Short fragments without sentence punctuation are captions, labels and buttons.
    if (text.length < 20 && !/[.!?؟…]$/.test(text)) continue;
    if (paragraphs.at(-1) !== text) paragraphs.push(text);
  }
  const notUrl = (s: string | undefined | null) => (s && !/^https?:\/\//i.test(s) ? s : null);
  const language = primaryTag(
    htmlLang ?? ld?.inLanguage ?? meta.get('content-language') ?? meta.get('og:locale') ?? null,
  );
  return {
    title: cap(
      ld?.headline ?? meta.get('og:title') ?? meta.get('twitter:title') ?? h1 ?? title,
      500,
    ),
    byline: cap(
      (ld && ld.authors.length > 0 ? ld.authors.join(', ') : null) ??
        notUrl(meta.get('author')) ??
        notUrl(meta.get('article:author')) ??
        stripBy(bylineText),
      200,
    ),
    publisher: cap(
      ld?.publisher ?? meta.get('og:site_name') ?? meta.get('application-name') ?? null,
      200,
    ),
    publishedAt: isoTime(
      ld?.datePublished ??
        meta.get('article:published_time') ??
        meta.get('datepublished') ??
        meta.get('date') ??
        meta.get('pubdate') ??
        meta.get('dc.date') ??
        firstTime,
    ),
    language,
    dir,
    canonicalUrl: cap(
      absoluteHttp(canonical ?? meta.get('og:url') ?? ld?.url ?? null, baseUrl),
      2048,
    ),
    paragraphs,
    text: paragraphs.join('\n\n'),
  };
}

/** Page metadata is untrusted: keep it to a sane length. */
function cap(s: string | null, max: number): string | null {
  return s && truncateText(s, max);
}

function readDir(v: string | null): 'ltr' | 'rtl' | null {
  const d = v?.toLowerCase();
  return d === 'rtl' || d === 'ltr' ? d : null;
}

function primaryTag(tag: string | null): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

function stripBy(s: string | null): string | null {
  const out = s?.replace(/^(?:by|par|بقلم|كتب(?:ه)?)\s*:?\s+/i, '').trim();
  return out ? out : null;
}

function isoTime(v: string | null | undefined): string | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function absoluteHttp(href: string | null, base?: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}
