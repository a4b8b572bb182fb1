/**
 * Reading other publishers' ClaimReview markup (pure except for HTMLRewriter): the JSON-LD blocks
 * of a page, a pasted JSON-LD document or a schema.org DataFeed → plain reviews, and the proposal
 * of one of our ratings for a publisher's label. Nodes are found through arrays, `@graph`,
 * `dataFeedElement` (items or DataFeedItem wrappers) and any nesting (a WebPage's mainEntity,
 * an Article's review); `@id` references to other nodes are resolved.
 */
import type { Rating } from '../../d1/ratings';
import { sliceText } from '../lib/text';

/** Largest pasted document or fetched page read for an import. */
export const IMPORT_MAX_BYTES = 512 * 1024;
/** Most reviews one import may hold (a bigger feed is imported in pages). */
export const IMPORT_MAX_ITEMS = 500;
const MAX_TEXT = 2000;
const MAX_SHORT = 300;

export interface ParsedReview {
  reviewUrl: string;
  publisher: { name: string; url: string | null };
  claimText: string;
  claimant: string | null;
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  claimDate: string | null;
  rating: { label: string; value: number | null; best: number | null; worst: number | null };
  language: string | null;
}

/** A ClaimReview that could not be read (its position among those found, and why). */
export interface ParseProblem {
  index: number;
  url: string | null;
  message: string;
}

export type ParseResult =
  | { ok: true; items: ParsedReview[]; problems: ParseProblem[] }
  | { ok: false; code: 'no_claim_review' | 'too_many_items'; message: string };

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

function typesOf(node: Node): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t])
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^(https?:\/\/)?schema\.org\//i, '').toLowerCase());
}

function clean(v: unknown, max = MAX_SHORT): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const s = v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  return s === '' ? null : sliceText(s, max);
}

function num(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

function httpUrl(v: unknown, base?: string): string | null {
  const s = clean(v, 2000);
  if (!s) return null;
  try {
    const u = base ? new URL(s, base) : new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/** A date as given when it starts with YYYY-MM-DD (a time may follow), else null. */
function date(v: unknown): string | null {
  const s = clean(v, 40);
  return s && /^\d{4}-\d\d-\d\d([T ][\d:.]+(Z|[+-]\d\d:?\d\d)?)?$/.test(s) ? s : null;
}

/** Every node of the parsed blocks, by walking arrays and objects (depth- and count-capped). */
function collect(blocks: unknown[]): { nodes: Node[]; byId: Map<string, Node> } {
  const nodes: Node[] = [];
  const byId = new Map<string, Node>();
  const visit = (v: unknown, depth: number) => {
    if (depth > 12 || nodes.length > 20_000) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    if (!isNode(v)) return;
    nodes.push(v);
    const id = typeof v['@id'] === 'string' ? v['@id'] : null;
    if (id && Object.keys(v).length > 1 && !byId.has(id)) byId.set(id, v);
    for (const [key, value] of Object.entries(v)) if (key !== '@context') visit(value, depth + 1);
  };
  for (const b of blocks) visit(b, 0);
  return { nodes, byId };
}

/** The node itself, its first element when a list, or the node its `@id` names. */
function deref(v: unknown, byId: Map<string, Node>): Node | null {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') return null;
  if (!isNode(first)) return null;
  const id = typeof first['@id'] === 'string' ? first['@id'] : null;
  if (id && Object.keys(first).length === 1) return byId.get(id) ?? first;
  return first;
}

function nameOf(v: unknown, byId: Map<string, Node>): string | null {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') return clean(first);
  const node = deref(first, byId);
  return node ? clean(node['name']) : null;
}

function languageOf(v: unknown, byId: Map<string, Node>): string | null {
  const s = typeof v === 'string' ? v : deref(v, byId)?.['alternateName'];
  const lang = clean(s, 35);
  return lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang.toLowerCase() : null;
}

function readReview(
  review: Node,
  byId: Map<string, Node>,
  baseUrl: string | undefined,
): ParsedReview | string {
  const reviewUrl =
    httpUrl(review['url'], baseUrl) ??
    httpUrl(review['@id'], baseUrl) ??
    (baseUrl ? httpUrl(baseUrl) : null);
  if (!reviewUrl) return 'The review has no http(s) URL.';
  // The claim may sit under itemReviewed, itself nested (a Claim whose itemReviewed is the claim).
  let item = deref(review['itemReviewed'], byId);
  for (let i = 0; item && i < 3; i++) {
    const inner = deref(item['itemReviewed'], byId);
    if (!inner || item['name'] || item['text']) break;
    item = inner;
  }
  const claimText =
    clean(review['claimReviewed'], MAX_TEXT) ??
    clean(item?.['claimReviewed'], MAX_TEXT) ??
    clean(item?.['name'], MAX_TEXT) ??
    clean(item?.['text'], MAX_TEXT);
  if (!claimText) return 'The review names no claim (claimReviewed).';
  const authorNode = deref(review['author'], byId) ?? deref(review['publisher'], byId);
  const publisherName =
    nameOf(review['author'], byId) ?? nameOf(review['publisher'], byId) ?? new URL(reviewUrl).host;
  const ratingNode = deref(review['reviewRating'], byId);
  if (!ratingNode) return 'The review has no reviewRating.';
  const value = num(ratingNode['ratingValue']);
  const label =
    clean(ratingNode['alternateName']) ??
    clean(ratingNode['name']) ??
    (value !== null ? String(value) : null);
  if (!label) return 'The review’s rating has neither a label nor a value.';
  return {
    reviewUrl,
    publisher: { name: publisherName, url: httpUrl(authorNode?.['url']) },
    claimText,
    claimant: item ? nameOf(item['author'], byId) : null,
    headline: clean(review['headline']) ?? clean(review['name']),
    datePublished: date(review['datePublished']),
    dateModified: date(review['dateModified']),
    claimDate: item ? date(item['datePublished']) : null,
    rating: {
      label,
      value,
      best: num(ratingNode['bestRating']),
      worst: num(ratingNode['worstRating']),
    },
    language: languageOf(review['inLanguage'], byId),
  };
}

/**
 * The ClaimReviews of parsed JSON-LD blocks. `baseUrl` (the page's URL) resolves relative URLs
 * and stands in for a review without its own URL. The same review URL twice is read once.
 */
export function parseClaimReviews(blocks: unknown[], baseUrl?: string): ParseResult {
  const { nodes, byId } = collect(blocks);
  const reviews = nodes.filter((n) => typesOf(n).includes('claimreview'));
  if (reviews.length === 0)
    return { ok: false, code: 'no_claim_review', message: 'No ClaimReview was found.' };
  const seen = new Set<Node>();
  const unique = reviews.filter((r) => {
    const full = typeof r['@id'] === 'string' ? (byId.get(r['@id']) ?? r) : r;
    if (seen.has(full)) return false;
    seen.add(full);
    return true;
  });
  if (unique.length > IMPORT_MAX_ITEMS)
    return {
      ok: false,
      code: 'too_many_items',
      message: `More than ${IMPORT_MAX_ITEMS} ClaimReviews: import the feed in smaller pages.`,
    };
  const items: ParsedReview[] = [];
  const problems: ParseProblem[] = [];
  const urls = new Set<string>();
  unique.forEach((node, index) => {
    const full = typeof node['@id'] === 'string' ? (byId.get(node['@id']) ?? node) : node;
    const read = readReview(full, byId, baseUrl);
    if (typeof read === 'string') {
      problems.push({ index, url: httpUrl(full['url'], baseUrl), message: read });
    } else if (!urls.has(read.reviewUrl)) {
      urls.add(read.reviewUrl);
      items.push(read);
    }
  });
  return { ok: true, items, problems };
}

/** Parse a pasted document: JSON text (a ClaimReview, a list, a @graph, a DataFeed). */
export function parseDocument(text: string): unknown[] | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? [value] : null;
  } catch {
    return null;
  }
}

/** The texts of a page's `<script type="application/ld+json">` elements, read with HTMLRewriter. */
export async function jsonLdScripts(html: string): Promise<string[]> {
  const scripts: string[] = [];
  let current: string[] | null = null;
  const rewriter = new HTMLRewriter().on('script', {
    element(el) {
      const type = (el.getAttribute('type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/ld+json') return;
      const parts: string[] = [];
      current = parts;
      el.onEndTag(() => {
        scripts.push(parts.join(''));
        current = null;
      });
    },
    text(chunk) {
      current?.push(chunk.text);
    },
  });
  await rewriter.transform(new Response(html, { headers: { 'Content-Type': 'text/html' } })).text();
  return scripts;
}

/** The blocks of a page that parse as JSON (a broken block is skipped, as browsers do). */
export function parseScripts(scripts: string[]): unknown[] {
  return scripts.flatMap((s) => parseDocument(s) ?? []);
}

/** Which publisher a mapping belongs to: its URL's host, else its name in lower case. */
export function publisherKey(p: { name: string; url: string | null }): string {
  if (p.url) return new URL(p.url).host.toLowerCase();
  return p.name.normalize('NFC').trim().toLowerCase();
}

/** A label compared without case, extra spaces or end punctuation ("Mostly False." = "mostly false"). */
export function labelKey(label: string): string {
  return label
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!…]+$/u, '');
}

/**
 * Our rating for a publisher's label, as a proposal: one of our labels (any language) or keys
 * written the same way, else the nearest value on our numeric scale when the publisher gave a
 * value with its best and worst; else null (an admin must choose).
 */
export function proposeRating(rating: ParsedReview['rating'], scale: Rating[]): string | null {
  const key = labelKey(rating.label);
  const byLabel = scale.find(
    (r) => labelKey(r.key) === key || Object.values(r.labels).some((l) => labelKey(l) === key),
  );
  if (byLabel) return byLabel.key;
  const { value, best, worst } = rating;
  const numeric = scale.filter((r) => r.value !== null);
  if (value === null || best === null || worst === null || best === worst || !numeric.length)
    return null;
  const ours = numeric.map((r) => r.value!);
  const [lo, hi] = [Math.min(...ours), Math.max(...ours)];
  const target = lo + ((value - worst) / (best - worst)) * (hi - lo);
  if (!(target >= lo - 0.5 && target <= hi + 0.5)) return null;
  return numeric.reduce((a, b) =>
    Math.abs(b.value! - target) < Math.abs(a.value! - target) ? b : a,
  ).key;
}
