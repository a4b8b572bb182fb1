/**
 * A tiny XML builder for SVG badges. SVG is XML, not HTML: text must be well-formed XML 1.0,
 * so untrusted strings are cleaned (characters XML cannot carry are replaced) and escaped here,
 * in one place. Markup is only ever made by `el()`; plain strings are always text.
 */

/** Markup built by `el()`; a plain string child is always escaped text. */
export interface Xml {
  readonly xml: string;
}

export type XmlChild = Xml | string | null | undefined | false;

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Make untrusted text safe to show: lone surrogates and characters outside XML 1.0's `Char`
 * become U+FFFD, other control characters a space, and bidi embedding/override/isolate controls
 * are dropped (they could reorder the label around a claim text).
 */
export function cleanText(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = input.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += input[i]! + input[i + 1]!;
        i++;
      } else out += '\uFFFD';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\uFFFD';
    else if (c === 0xfffe || c === 0xffff) out += '\uFFFD';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += ' ';
    else out += input[i]!;
  }
  return out.replace(BIDI_CONTROLS, '');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Clean and escape text for XML character data or a double-quoted attribute value. */
export function escapeXml(input: string): string {
  return cleanText(input).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

/** One element: attribute values and string children are escaped; null/undefined attributes are left out. */
export function el(name: string, attrs: Record<string, string | number | null | undefined> = {}, ...children: XmlChild[]): Xml {
  if (!NAME.test(name)) throw new Error(`bad element name ${name}`);
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (!NAME.test(key)) throw new Error(`bad attribute name ${key}`);
    open += ` ${key}="${escapeXml(String(value))}"`;
  }
  const body = children.map((ch) => (typeof ch === 'string' ? escapeXml(ch) : ch ? ch.xml : '')).join('');
  return { xml: body ? `${open}>${body}</${name}>` : `${open}/>` };
}
