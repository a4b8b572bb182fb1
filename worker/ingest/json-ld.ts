/**
 * Article facts from schema.org JSON-LD blocks: the first NewsArticle-like node, looked up
 * through arrays and @graph, with author and publisher references (@id) resolved in the graph.
 */
export interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  publisher: string | null;
  datePublished: string | null;
  inLanguage: string | null;
  url: string | null;
}

type Node = Record<string, unknown>;

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'blogposting',
  'liveblogposting',
  'report',
  'scholarlyarticle',
]);

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every node in the parsed blocks, flattening top-level arrays and @graph lists. */
function collectNodes(blocks: unknown[]): Node[] {
  const out: Node[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (isNode(v)) {
      out.push(v);
      if (Array.isArray(v['@graph'])) visit(v['@graph'], depth + 1);
    }
  };
  blocks.forEach((b) => visit(b, 0));
  return out;
}

function types(node: Node): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t])
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.toLowerCase());
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** A name from a string, a node with `name`, or an @id reference into the graph. */
function nameOf(v: unknown, byId: Map<string, Node>): string | null {
  if (typeof v === 'string') return str(v);
  if (!isNode(v)) return null;
  const named = str(v['name']);
  if (named) return named;
  const ref = str(v['@id']);
  const target = ref ? byId.get(ref) : undefined;
  return target && target !== v ? str(target['name']) : null;
}

/** Parse the text of each `<script type="application/ld+json">`; malformed blocks are skipped. */
export function readJsonLd(scripts: string[]): JsonLdArticle | null {
  const blocks: unknown[] = [];
  for (const s of scripts) {
    try {
      blocks.push(JSON.parse(s));
    } catch {
      // A broken block on a page is common; the other sources of metadata still apply.
    }
  }
  const nodes = collectNodes(blocks);
  const byId = new Map<string, Node>();
  for (const n of nodes) {
    const id = str(n['@id']);
    if (id && !byId.has(id)) byId.set(id, n);
  }
  const article = nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.has(t)));
  if (!article) return null;
  const authorField = article['author'];
  const authors = (Array.isArray(authorField) ? authorField : [authorField])
    .map((a) => nameOf(a, byId))
    .filter((a): a is string => a !== null);
  const lang = article['inLanguage'];
  return {
    headline: str(article['headline']) ?? str(article['name']),
    authors,
    publisher: nameOf(article['publisher'], byId),
    datePublished: str(article['datePublished']),
    inLanguage:
      str(lang) ?? (isNode(lang) ? (str(lang['alternateName']) ?? str(lang['name'])) : null),
    url: str(article['url']),
  };
}
