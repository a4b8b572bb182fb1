/**
 * A tiny XML writer for feeds: elements are data (name, attributes, children) and every text
 * and attribute value is escaped on output, so no caller writes markup by hand.
 */

export interface XmlElement {
  name: string;
  attrs?: Record<string, string | undefined>;
  children?: (XmlElement | string)[];
}

/** Shorthand constructor. */
export function el(name: string, attrs: XmlElement['attrs'] = {}, ...children: (XmlElement | string | null | undefined)[]): XmlElement {
  return { name, attrs, children: children.filter((c): c is XmlElement | string => c !== null && c !== undefined) };
}

// Characters XML 1.0 forbids anywhere (C0 controls except tab/LF/CR, lone surrogates, FFFE/FFFF).
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function write(node: XmlElement | string, out: string[]): void {
  if (typeof node === 'string') {
    out.push(escapeXml(node));
    return;
  }
  out.push('<', node.name);
  for (const [k, v] of Object.entries(node.attrs ?? {})) {
    if (v !== undefined) out.push(' ', k, '="', escapeXml(v), '"');
  }
  if (!node.children?.length) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of node.children) write(child, out);
  out.push('</', node.name, '>');
}

/** Serialize a document with the XML declaration. */
export function toXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  write(root, out);
  return out.join('');
}
