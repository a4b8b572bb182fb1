/**
 * The one XML builder (SVG badges, oEmbed's iframe, Atom). Markup is only ever made by `el()`;
 * every string child and attribute value is text, cleaned to what XML 1.0 can carry and escaped
 * here, in one place, so no caller writes markup or entities by hand.
 */

/** Markup built by `el()`; a plain string child is always escaped text. */
export interface Xml {
  readonly xml: string;
}

export type XmlChild = Xml | string | null | undefined | false;

// Characters XML 1.0's `Char` production leaves out: C0 controls except tab/LF/CR, lone
// surrogates, U+FFFE and U+FFFF. A numeric reference cannot carry them either.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every character XML 1.0 cannot carry replaced by U+FFFD (so the change stays visible). */
function xmlChars(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Clean and escape text for XML character data or a quoted attribute value (also safe in HTML). */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

/**
 * One element: attribute values and string children are escaped; null/undefined attributes and
 * null/undefined/false children are left out. Only an element without children is written `<x/>`
 * (a string child, even empty, gives `<x></x>`).
 */
export function el(
  name: string,
  attrs: Record<string, string | number | null | undefined> = {},
  ...children: XmlChild[]
): Xml {
  if (!NAME.test(name)) throw new Error(`bad element name ${name}`);
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (!NAME.test(key)) throw new Error(`bad attribute name ${key}`);
    open += ` ${key}="${escapeXml(String(value))}"`;
  }
  const present = children.filter(
    (ch): ch is Xml | string => typeof ch === 'string' || Boolean(ch),
  );
  if (!present.length) return { xml: `${open}/>` };
  const body = present.map((ch) => (typeof ch === 'string' ? escapeXml(ch) : ch.xml)).join('');
  return { xml: `${open}>${body}</${name}>` };
}

/** A whole document: the XML declaration, then `root`. */
export function xmlDocument(root: Xml): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${root.xml}`;
}
