/** A small XML 1.0 well-formedness checker (tests run in workerd, which has no DOMParser). */

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAME = /^[A-Za-z_][\w:.-]*$/;

function badText(text: string): boolean {
  return text.replace(ENTITY, '').includes('&') || text.includes('<');
}

/** Problems found (empty = well-formed). */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  let body = xml;
  if (body.startsWith('<?xml')) body = body.slice(body.indexOf('?>') + 2);
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[^>]*>|[^<]+/g)) {
    const tok = m[0];
    if (tok.startsWith('<!--') || tok.startsWith('<![CDATA[')) continue;
    if (!tok.startsWith('<')) {
      if (badText(tok)) problems.push(`bad text: ${tok.slice(0, 40)}`);
      if (stack.length === 0 && tok.trim()) problems.push('text outside the root');
      continue;
    }
    if (tok.startsWith('</')) {
      const name = tok.slice(2, -1).trim();
      if (stack.pop() !== name) problems.push(`mismatched </${name}>`);
      continue;
    }
    const selfClosing = tok.endsWith('/>');
    const inner = tok.slice(1, selfClosing ? -2 : -1);
    const name = inner.split(/\s/, 1)[0] ?? '';
    if (!NAME.test(name)) problems.push(`bad element name ${name}`);
    const attrs = inner.slice(name.length);
    const seen = new Set<string>();
    const rest = attrs.replace(/\s+([A-Za-z_][\w:.-]*)="([^"]*)"/g, (_, k: string, v: string) => {
      if (seen.has(k)) problems.push(`duplicate attribute ${k}`);
      seen.add(k);
      if (badText(v)) problems.push(`bad attribute value ${k}`);
      return '';
    });
    if (rest.trim()) problems.push(`bad attributes in <${name}>: ${rest.slice(0, 40)}`);
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length) problems.push(`unclosed ${stack.join(',')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** Text content of the first <name>…</name> in a fragment (entities decoded). */
export function childText(fragment: string, name: string): string | null {
  const m = fragment.match(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`));
  if (!m) return null;
  return m[1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Atom 1.0 (RFC 4287) required elements of the feed and of each entry. */
export function atomProblems(xml: string): string[] {
  const p = xmlProblems(xml);
  const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
  if (
    !/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/.test(
      xml,
    )
  )
    p.push('root must be Atom <feed>');
  const head = xml.split('<entry')[0]!;
  for (const el of ['id', 'title', 'updated'])
    if (!childText(head, el)) p.push(`feed <${el}> missing`);
  if (!/<author><name>[^<]+<\/name><\/author>/.test(head)) p.push('feed <author><name> missing');
  if (!rfc3339.test(childText(head, 'updated') ?? '')) p.push('feed <updated> not RFC 3339');
  for (const m of xml.matchAll(/<entry[\s>][\s\S]*?<\/entry>/g)) {
    const e = m[0];
    for (const el of ['id', 'title', 'published', 'updated', 'content'])
      if (childText(e, el) === null) p.push(`entry <${el}> missing`);
    for (const el of ['published', 'updated'])
      if (!rfc3339.test(childText(e, el) ?? '')) p.push(`entry <${el}> not RFC 3339`);
    if (!/<link rel="alternate" type="text\/html" href="https?:\/\/[^"]+"\/>/.test(e))
      p.push('entry <link> missing');
  }
  return p;
}
