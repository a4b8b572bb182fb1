/**
 * A small, careful reader of RSS 2.0 (and RSS 1.0/RDF) and Atom: enough to list a feed's items
 * (key, link, title). Pure. CDATA sections are lifted out first (their text is literal and may
 * hold anything, even `</item>`), comments dropped, then elements are matched by local name
 * (namespace prefixes ignored) and text decoded with the HTML entity decoder.
 */
import { decodeEntities } from '../ingest/entities';
import { sliceText } from '../lib/text';

export interface ParsedFeed {
  kind: 'rss' | 'atom';
  title: string | null;
  items: { key: string; link: string | null; title: string | null }[];
}

export class FeedParseError extends Error {}

/** Most items read from one document (the newest come first in practice). */
export const MAX_FEED_ITEMS = 100;

const CDATA_MARK = '\u0000';

export function parseFeed(xml: string, baseUrl: string): ParsedFeed {
  const cdata: string[] = [];
  const doc = xml
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) => {
      cdata.push(text);
      return `${CDATA_MARK}${cdata.length - 1}${CDATA_MARK}`;
    })
    .replace(/<!--[\s\S]*?-->/g, '');
  const text = (raw: string | null): string | null => {
    if (raw === null) return null;
    const parts = raw.split(CDATA_MARK);
    // Odd parts are CDATA indexes (literal), even parts are markup text (entities decoded).
    const out = parts
      .map((p, i) =>
        i % 2 === 1 ? (cdata[Number(p)] ?? '') : decodeEntities(p.replace(/<[^>]*>/g, '')),
      )
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    return out === '' ? null : out;
  };
  const root = /<(?:[\w-]+:)?(rss|feed|RDF)\b/.exec(
    doc.replace(/<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/gi, '').trimStart(),
  );
  if (!root || root.index !== 0)
    throw new FeedParseError('The document is not an RSS or Atom feed.');
  const kind = root[1] === 'feed' ? 'atom' : 'rss';
  const itemTag = kind === 'atom' ? 'entry' : 'item';
  const blocks = elements(doc, itemTag);
  const head = doc.slice(0, blocks.length > 0 ? doc.indexOf(blocks[0]!.outer) : doc.length);
  const title = text(firstChild(head, 'title'));
  const items: ParsedFeed['items'] = [];
  const seen = new Set<string>();
  for (const block of blocks.slice(0, MAX_FEED_ITEMS)) {
    const inner = block.inner;
    const link = kind === 'atom' ? atomLink(inner) : text(firstChild(inner, 'link'));
    const id = text(firstChild(inner, kind === 'atom' ? 'id' : 'guid'));
    const abs = link ? absolute(link, baseUrl) : null;
    const key = id ?? abs;
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const itemTitle = text(firstChild(inner, 'title'));
    items.push({
      key: sliceText(key, 500),
      link: abs,
      title: itemTitle === null ? null : sliceText(itemTitle, 300),
    });
  }
  return { kind, title: title === null ? null : sliceText(title, 200), items };
}

function elements(doc: string, local: string): { outer: string; inner: string }[] {
  const re = new RegExp(`<((?:[\\w-]+:)?${local})\\b[^>]*?(?:/>|>([\\s\\S]*?)</\\1\\s*>)`, 'g');
  return [...doc.matchAll(re)].map((m) => ({ outer: m[0], inner: m[2] ?? '' }));
}

function firstChild(inner: string, local: string): string | null {
  const m = new RegExp(`<((?:[\\w-]+:)?${local})\\b[^>]*?(?:/>|>([\\s\\S]*?)</\\1\\s*>)`).exec(
    inner,
  );
  return m ? (m[2] ?? '') : null;
}

/** Atom: the `rel="alternate"` link (or one without rel), from its href attribute. */
function atomLink(inner: string): string | null {
  let fallback: string | null = null;
  for (const m of inner.matchAll(/<(?:[\w-]+:)?link\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs);
    if (!href) continue;
    const value = href[1] ?? href[2] ?? '';
    const rel = /\brel\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs);
    const relValue = rel ? (rel[1] ?? rel[2]) : 'alternate';
    if (relValue === 'alternate') return decodeEntities(value);
    fallback ??= decodeEntities(value);
  }
  return fallback;
}

function absolute(link: string, base: string): string | null {
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
