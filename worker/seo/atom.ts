import { el, xmlDocument } from '../lib/xml';

/** One published (or corrected) verdict as an Atom entry. */
export interface AtomEntry {
  /** Canonical claim page URL; also the entry id. */
  url: string;
  title: string;
  language: string;
  /** First publication of the verdict. */
  published: string;
  /** Newest public version of the verdict. */
  updated: string;
  /** Plain text: escaped on output, never markup. */
  content: string;
  summary: string;
}

export interface AtomFeed {
  /** URL of this document. */
  selfUrl: string;
  /** The feed's id, the same on every page (the first page's URL); selfUrl when absent. */
  id?: string;
  /** RFC 5005 paged feed: the first (newest) page and the next (older) one, if any. */
  first?: string;
  next?: string | null;
  siteUrl: string;
  title: string;
  author: string;
  updated: string;
  entries: AtomEntry[];
}

/** Atom 1.0 (RFC 4287) document of one page of verdicts, paged per RFC 5005 §3. Pure. */
export function atomFeed(feed: AtomFeed): string {
  return xmlDocument(
    el(
      'feed',
      { xmlns: 'http://www.w3.org/2005/Atom' },
      el('id', {}, feed.id ?? feed.selfUrl),
      el('title', {}, feed.title),
      el('updated', {}, feed.updated),
      el('author', {}, el('name', {}, feed.author)),
      el('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
      el('link', { rel: 'alternate', type: 'text/html', href: feed.siteUrl }),
      feed.first
        ? el('link', { rel: 'first', type: 'application/atom+xml', href: feed.first })
        : null,
      feed.next ? el('link', { rel: 'next', type: 'application/atom+xml', href: feed.next }) : null,
      ...feed.entries.map((e) =>
        el(
          'entry',
          { 'xml:lang': e.language },
          el('id', {}, e.url),
          el('title', {}, e.title),
          el('link', { rel: 'alternate', type: 'text/html', href: e.url }),
          el('published', {}, e.published),
          el('updated', {}, e.updated),
          el('summary', { type: 'text' }, e.summary),
          el('content', { type: 'text' }, e.content),
        ),
      ),
    ),
  );
}
