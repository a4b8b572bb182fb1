/**
 * The small markup editors write verdict explanations in (stored as plain text, parsed on display):
 *
 * - a blank line starts a new paragraph; a single newline inside a paragraph is a line break
 * - lines starting `- ` or `* ` are a bullet list, lines starting `1. ` a numbered list (flat)
 * - `*em*` / `_em_`, `**strong**`; `\*` is a literal star (also `\_ \[ \] \( \) \\`)
 * - `[text](https://…)` and bare http(s) URLs are links; any other scheme stays literal text
 *
 * No HTML is ever interpreted: `<b>` is three characters. An unclosed marker stays literal.
 * The parser is one left-to-right pass per block with precomputed bracket positions, so its work
 * is linear in the input (no regex that can backtrack over the whole text).
 */
import { isHttpUrl } from '../seo/claim-review';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'br' }
  | { type: 'em' | 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'p'; children: Inline[] }
  | { type: 'ul'; items: Inline[][] }
  | { type: 'ol'; start: number; items: Inline[][] };

/** Emphasis and links nest at most this deep; a deeper marker stays literal. */
export const MAX_INLINE_DEPTH = 3;
const URL_MAX = 2048;
const LABEL_MAX = 1000;

const BULLET = /^ {0,3}[-*][ \t]+(\S.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})\.[ \t]+(\S.*)$/;
const BLANK = /^\s*$/;
const ESCAPABLE = '*_[]()\\';
const SPECIAL = /[\\\n*_[hH]/g;

/** Parse explanation source into blocks. */
export function parseMarkup(src: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list = null as { type: 'ul' | 'ol'; start: number; items: Inline[][] } | null;
  const flushPara = () => {
    if (para.length) blocks.push({ type: 'p', children: parseInline(para.join('\n')) });
    para = [];
  };
  const flushList = () => {
    if (list) blocks.push(list.type === 'ul' ? { type: 'ul', items: list.items } : list);
    list = null;
  };
  for (const line of src.replace(/\r\n?/g, '\n').split('\n')) {
    if (BLANK.test(line)) {
      flushPara();
      flushList();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const type = bullet ? 'ul' : 'ol';
      flushPara();
      if (list?.type !== type) {
        flushList();
        list = { type, start: numbered ? Number(numbered[1]) : 1, items: [] };
      }
      list.items.push(parseInline(bullet ? bullet[1]! : numbered![2]!));
      continue;
    }
    flushList();
    para.push(line.trim());
  }
  flushPara();
  flushList();
  return blocks;
}

/** For each position, the index of the next `ch` at or after it (-1: none). */
function nextIndex(s: string, ch: string): Int32Array {
  const out = new Int32Array(s.length + 1).fill(-1);
  for (let i = s.length - 1; i >= 0; i--) out[i] = s[i] === ch ? i : out[i + 1]!;
  return out;
}

interface Frame {
  marker: string;
  children: Inline[];
}

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);
const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const URL_START = /^https?:\/\//i;
const URL_TRAIL = `.,;:!?'"”’»›)]*_،؛؟…`;

/**
 * A bare URL starting at `i`: where it ends (trailing punctuation left out) and whether it is a
 * link; `ok: false` with `end > i` is a URL-like run to keep as text (too long or not a URL).
 */
function bareUrl(s: string, i: number, to: number): { end: number; ok: boolean } {
  if (isWord(s[i - 1]) || !URL_START.test(s.slice(i, i + 8))) return { end: i, ok: false };
  let end = i;
  while (end < to && !/\s/.test(s[end]!)) end++;
  if (end - i > URL_MAX) return { end, ok: false };
  let last = end;
  while (last > i && URL_TRAIL.includes(s[last - 1]!)) last--;
  let url = s.slice(i, last);
  // "(see https://x.org/a_(b))": keep a closing parenthesis that closes one inside the URL.
  while (s[i + url.length] === ')' && i + url.length < to && count(url, '(') > count(url, ')'))
    url += ')';
  if (url.length > 'https://'.length && isHttpUrl(url)) return { end: i + url.length, ok: true };
  return { end, ok: false };
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Inline content: text, line breaks, emphasis, strong, links. */
export function parseInline(s: string): Inline[] {
  const ix = { closeBracket: nextIndex(s, ']'), openBracket: nextIndex(s, '[') };
  return inline(s, 0, s.length, 0, true, ix);
}

interface Index {
  closeBracket: Int32Array;
  openBracket: Int32Array;
}

function inline(
  s: string,
  from: number,
  to: number,
  depth: number,
  links: boolean,
  ix: Index,
): Inline[] {
  const root: Frame = { marker: '', children: [] };
  const stack: Frame[] = [root];
  let buf = '';
  const top = () => stack[stack.length - 1]!;
  const flush = () => {
    if (buf) push(top().children, { type: 'text', text: buf });
    buf = '';
  };
  /** An unclosed frame: its marker goes back to being text, its children join the parent. */
  const dissolve = (f: Frame, into: Frame) => {
    push(into.children, { type: 'text', text: f.marker });
    for (const c of f.children) push(into.children, c);
  };
  let i = from;
  while (i < to) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < to && ESCAPABLE.includes(s[i + 1]!)) {
      buf += s[i + 1];
      i += 2;
      continue;
    }
    if (ch === '\n') {
      flush();
      top().children.push({ type: 'br' });
      i++;
      continue;
    }
    if (links && (ch === 'h' || ch === 'H')) {
      const url = bareUrl(s, i, to);
      if (url.ok) {
        flush();
        const href = s.slice(i, url.end);
        top().children.push({ type: 'link', href, children: [{ type: 'text', text: href }] });
      } else buf += s.slice(i, Math.max(url.end, i + 1));
      i = Math.max(url.end, i + 1);
      continue;
    }
    if (links && ch === '[' && stack.length - 1 + depth < MAX_INLINE_DEPTH) {
      const close = ix.closeBracket[i + 1]!;
      const inner = ix.openBracket[i + 1]!;
      if (
        close > i + 1 &&
        close < to &&
        (inner === -1 || inner > close) &&
        close - i <= LABEL_MAX
      ) {
        const end = s[close + 1] === '(' ? linkUrlEnd(s, close + 2, to) : -1;
        const href = end > 0 ? s.slice(close + 2, end) : '';
        if (URL_START.test(href) && isHttpUrl(href)) {
          flush();
          const label = inline(s, i + 1, close, stack.length + depth, false, ix);
          top().children.push({ type: 'link', href, children: label });
          i = end + 1;
          continue;
        }
      }
    }
    if (ch === '*' || ch === '_') {
      let run = 1;
      while (i + run < to && s[i + run] === ch) run++;
      const before = s[i - 1];
      const after = i + run < to ? s[i + run] : undefined;
      let canOpen = !isSpace(after);
      let canClose = i > from && !isSpace(before);
      // snake_case_words: an underscore inside a word is a letter, not a marker.
      if (ch === '_') {
        canOpen &&= !isWord(before);
        canClose &&= !isWord(after);
      }
      if (run > 3) {
        buf += ch.repeat(run);
        i += run;
        continue;
      }
      let rest = run;
      while (rest > 0) {
        const t = top();
        const size =
          canClose && t.marker[0] === ch && t.marker.length <= rest
            ? t.marker.length
            : Math.min(rest, 2);
        const marker = ch.repeat(size);
        rest -= size;
        // Markers close only the innermost open one: `*a **b* c**` keeps its structure.
        if (canClose && t.marker === marker && (t.children.length || buf)) {
          flush();
          const f = stack.pop()!;
          top().children.push({ type: size === 2 ? 'strong' : 'em', children: f.children });
        } else if (canOpen && stack.length - 1 + depth < MAX_INLINE_DEPTH) {
          flush();
          stack.push({ marker, children: [] });
        } else {
          buf += marker;
        }
      }
      i += run;
      continue;
    }
    // Plain text up to the next character that may start something.
    SPECIAL.lastIndex = i + 1;
    const next = SPECIAL.exec(s)?.index ?? to;
    buf += s.slice(i, Math.min(next, to));
    i = Math.min(next, to);
  }
  flush();
  while (stack.length > 1) dissolve(stack.pop()!, top());
  return root.children;
}

/**
 * Where the URL of `[text](url)` that starts at `from` ends (its `)`), or -1. Parentheses inside
 * it must balance; it stops at a space or a bracket, so the scans of two links never overlap.
 */
function linkUrlEnd(s: string, from: number, to: number): number {
  let open = 0;
  for (let k = from; k < to && k - from <= URL_MAX; k++) {
    const c = s[k]!;
    if (c === ')' && open-- === 0) return k;
    if (c === '(') open++;
    else if (c === '[' || c === ']' || /\s/.test(c)) return -1;
  }
  return -1;
}

/** Append, merging adjacent text nodes. */
function push(into: Inline[], node: Inline): void {
  const last = into[into.length - 1];
  if (node.type === 'text' && last?.type === 'text') last.text += node.text;
  else if (node.type !== 'text' || node.text) into.push(node);
}

function inlineText(nodes: Inline[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.text;
    else if (n.type === 'br') out += '\n';
    else if (n.type === 'link') {
      const label = inlineText(n.children);
      out += label === n.href ? label : `${label} (${n.href})`;
    } else out += inlineText(n.children);
  }
  return out;
}

/** The explanation as plain text (feeds, meta descriptions): markers dropped, links as "text (url)". */
export function markupToPlainText(src: string): string {
  return parseMarkup(src)
    .map((b) =>
      b.type === 'p'
        ? inlineText(b.children)
        : b.items
            .map((item, k) => `${b.type === 'ul' ? '-' : `${b.start + k}.`} ${inlineText(item)}`)
            .join('\n'),
    )
    .join('\n\n');
}
