/**
 * A small, strict XML 1.0 well-formedness checker for tests (workerd has no DOMParser).
 * Accepts what the badge renderer may produce: elements, attributes in double or single quotes,
 * character data, the five predefined entities, numeric character references, comments and an
 * optional XML declaration. Rejects everything else: unknown entities, bare `&` or `<`, `]]>` in
 * text, characters outside XML's Char production (lone surrogates included), mismatched or
 * unclosed tags, duplicate attributes, and anything after the root element.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME_START = /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF]/;
const NAME_CHAR =
  /[A-Za-z0-9_:.\-\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u203F\u2040]/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

export class XmlError extends Error {}

export function parseXml(input: string): XmlElement {
  // Character check first: String iteration yields lone surrogates as single code points.
  for (const ch of input) {
    const cp = ch.codePointAt(0)!;
    if (!isXmlChar(cp)) throw new XmlError(`character U+${cp.toString(16)} is not allowed in XML`);
  }
  let i = 0;
  const fail = (msg: string): never => {
    throw new XmlError(`${msg} at ${i}: ${JSON.stringify(input.slice(i, i + 30))}`);
  };
  const skipSpace = () => {
    while (i < input.length && /[ \t\r\n]/.test(input[i]!)) i++;
  };
  const name = (): string => {
    const start = i;
    if (!NAME_START.test(input[i] ?? '')) fail('expected a name');
    i++;
    while (i < input.length && NAME_CHAR.test(input[i]!)) i++;
    return input.slice(start, i);
  };
  const reference = (): string => {
    // at '&'
    const end = input.indexOf(';', i);
    if (end < 0 || end - i > 12) fail('unterminated reference');
    const body = input.slice(i + 1, end);
    let out: string | undefined;
    if (/^#[0-9]+$/.test(body)) out = String.fromCodePoint(Number(body.slice(1)));
    else if (/^#x[0-9a-fA-F]+$/.test(body)) out = String.fromCodePoint(parseInt(body.slice(2), 16));
    else out = PREDEFINED[body];
    if (out === undefined) fail(`unknown entity &${body};`);
    if (body.startsWith('#') && !isXmlChar(out!.codePointAt(0)!))
      fail('reference to a non-XML character');
    i = end + 1;
    return out!;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (input.startsWith('<!--', i)) {
        const end = input.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        if (input.slice(i + 4, end).includes('--')) fail('-- inside a comment');
        i = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (input[i] !== '<') fail('expected <');
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [] };
    for (;;) {
      const hadSpace = /[ \t\r\n]/.test(input[i] ?? '');
      skipSpace();
      if (input.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (input[i] === '>') {
        i++;
        break;
      }
      if (!hadSpace) fail('expected space before an attribute');
      const attr = name();
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
      skipSpace();
      if (input[i] !== '=') fail('expected =');
      i++;
      skipSpace();
      const quote = input[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      i++;
      let value = '';
      while (input[i] !== quote) {
        if (i >= input.length) fail('unterminated attribute');
        if (input[i] === '<') fail('< in an attribute value');
        if (input[i] === '&') value += reference();
        else value += input[i++];
      }
      i++;
      el.attrs[attr] = value;
    }
    let text = '';
    const flush = () => {
      if (text) el.children.push(text);
      text = '';
    };
    for (;;) {
      if (i >= input.length) fail(`unclosed <${el.name}>`);
      if (input.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        skipSpace();
        if (input[i] !== '>') fail('expected >');
        i++;
        flush();
        return el;
      }
      if (input.startsWith('<!--', i)) {
        flush();
        skipMisc();
        continue;
      }
      if (input[i] === '<') {
        flush();
        el.children.push(element());
        continue;
      }
      if (input.startsWith(']]>', i)) fail(']]> in character data');
      if (input[i] === '&') text += reference();
      else text += input[i++];
    }
  };
  if (input.startsWith('<?xml', i)) {
    const end = input.indexOf('?>', i);
    if (end < 0) fail('unterminated declaration');
    i = end + 2;
  }
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== input.length) fail('content after the root element');
  return root;
}

/** All text inside an element, in document order. */
export function textOf(el: XmlElement | string): string {
  return typeof el === 'string' ? el : el.children.map(textOf).join('');
}

/** Every element with this name, depth first. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = el.name === name ? [el] : [];
  for (const ch of el.children) if (typeof ch !== 'string') out.push(...findAll(ch, name));
  return out;
}
