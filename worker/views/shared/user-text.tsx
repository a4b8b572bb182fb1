/**
 * User-supplied text and links, shown the same way on the desk and the public pages.
 *
 * - Text loses bidi embedding/override/isolate controls (a claim cannot visually reorder what
 *   follows it) and sits in an element of its own with `lang` and `dir` (`dir="auto"` when its
 *   language is unknown): `dir` isolates it, so it reads correctly inside a right-to-left UI and
 *   cannot pull the UI text around it into its own direction.
 * - Links exist only for http(s) URLs (anything else, `javascript:` or `data:`, is inert text),
 *   always with rel="noopener noreferrer nofollow ugc" (the href is user-supplied).
 */
import type { Child } from 'hono/jsx';
import { stripBidiControls } from '../../lib/bidi';
import { dirOf } from '../../lib/lang';
import { isHttpUrl } from '../../seo/claim-review';

/** Untrusted text as shown: without bidi embedding, override and isolate controls. */
export function shown(text: string | null | undefined): string {
  return stripBidiControls(text ?? '');
}

/** Strings among the children as shown(); markup children pass as they are. */
function shownChildren(child: Child): Child {
  if (typeof child === 'string') return shown(child);
  if (Array.isArray(child)) return child.map(shownChildren);
  return child;
}

/**
 * User text in its own language and direction, isolated from the UI around it. Give it either
 * `text` or children (children may hold markup, e.g. a word diff's <ins>/<del>).
 */
export function UserText(props: {
  /** BCP 47 tag of the text; null/undefined when unknown (then `dir="auto"` decides from the content). */
  lang?: string | null;
  as?: 'p' | 'span' | 'div' | 'blockquote' | 'h1' | 'h2';
  class?: string;
  text?: string | null;
  children?: Child;
}) {
  const Tag = props.as ?? 'span';
  const lang = props.lang || undefined;
  return (
    <Tag lang={lang} dir={lang ? dirOf(lang) : 'auto'} class={props.class}>
      {props.text !== undefined ? (
        <LatinIsolated text={shown(props.text)} />
      ) : (
        shownChildren(props.children)
      )}
    </Tag>
  );
}

/**
 * A link only for http(s) URLs; anything else is shown as inert text (`<span class="unlinked">`).
 * Without children it shows the URL itself, left to right. `newTab` opens it in a new tab (the
 * desk, where an editor's form stays open).
 */
export function SafeLink(props: {
  href: string | null | undefined;
  newTab?: boolean;
  children?: Child;
}) {
  const content = props.children ?? <bdi dir="ltr">{shown(props.href)}</bdi>;
  if (!isHttpUrl(props.href)) return <span class="unlinked">{content}</span>;
  return (
    <a
      href={props.href}
      rel="noopener noreferrer nofollow ugc"
      target={props.newTab ? '_blank' : undefined}
    >
      {content}
    </a>
  );
}

// URLs, URL schemes and e-mail addresses inside a message.
const LATIN_RUN = /(?:https?:\/\/\S*[^\s.,،؛)]|https?:\/\/|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;

/**
 * A UI message whose URLs and e-mail addresses sit in `<bdi dir="ltr">`, so that inside Arabic
 * text "https://" stays "https://" instead of being reordered to "//:https".
 */
export function LatinIsolated(props: { text: string }) {
  const parts: (string | ReturnType<typeof Bdi>)[] = [];
  let at = 0;
  for (const m of props.text.matchAll(LATIN_RUN)) {
    if (m.index > at) parts.push(props.text.slice(at, m.index));
    parts.push(<Bdi text={m[0]} />);
    at = m.index + m[0].length;
  }
  if (at < props.text.length) parts.push(props.text.slice(at));
  return <>{parts}</>;
}

function Bdi(props: { text: string }) {
  return <bdi dir="ltr">{props.text}</bdi>;
}
