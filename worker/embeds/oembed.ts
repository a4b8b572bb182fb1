import type { EmbedView } from './view';
import { truncate } from './svg';
import { el } from '../lib/xml';

/** The oEmbed 1.0 "rich" answer for a claim card. */
export interface OEmbedDocument {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
}

const DEFAULT_WIDTH = 550;
const MIN_WIDTH = 240;

/** Card size for a width: the height grows with the text that wraps (the widget refines it live). */
export function cardSize(
  view: EmbedView,
  maxWidth: number | null,
  maxHeight: number | null,
): { width: number; height: number } {
  const width = Math.max(MIN_WIDTH, Math.min(DEFAULT_WIDTH, maxWidth ?? DEFAULT_WIDTH));
  const perLine = Math.max(20, Math.floor((width - 60) / 8));
  const lines = (s: string) => Math.ceil(Array.from(s).length / perLine);
  let height = 120;
  if (view.kind !== 'unknown' && view.kind !== 'removed')
    height += lines(truncate(view.claim.text, 280)) * 24 + 30;
  if (view.kind === 'published') height += lines(view.verdict.headline) * 22;
  else height += 22;
  return { width, height: maxHeight ? Math.min(height, Math.max(100, maxHeight)) : height };
}

export function oembedDocument(opts: {
  view: Exclude<EmbedView, { kind: 'unknown' | 'removed' }>;
  origin: string;
  cardUrl: string;
  providerName: string;
  size: { width: number; height: number };
  cacheAge: number;
}): OEmbedDocument {
  const title = truncate(opts.view.claim.text, 100);
  const iframe = el('iframe', {
    src: opts.cardUrl,
    width: opts.size.width,
    height: opts.size.height,
    title: `${opts.view.label}: ${title}`,
    loading: 'lazy',
    style: 'border:0;max-width:100%',
  });
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: opts.providerName,
    provider_url: `${opts.origin}/`,
    // `<iframe/>` is XML; HTML needs an explicit end tag.
    html: iframe.xml.replace(/\/>$/, '></iframe>'),
    width: opts.size.width,
    height: opts.size.height,
    cache_age: opts.cacheAge,
  };
}
