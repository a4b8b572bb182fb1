/**
 * A verdict explanation, rendered from its markup (worker/lib/markup.ts). Escaping is by
 * construction: only JSX text and attribute values, never an HTML string. The block has the
 * text's `lang` and direction like UserText, each paragraph and list item `dir="auto"` (an English
 * paragraph inside an Arabic explanation reads left to right), link text isolated in <bdi>.
 */
import type { Child } from 'hono/jsx';
import { dirOf } from '../../lib/lang';
import { parseMarkup, type Inline } from '../../lib/markup';
import { shown } from './user-text';

/** rel of every link in user markup (the href is user-supplied). */
export const MARKUP_LINK_REL = 'nofollow ugc noopener';

function inlines(nodes: Inline[]): Child[] {
  return nodes.map((n) => {
    switch (n.type) {
      case 'text':
        return shown(n.text);
      case 'br':
        return <br />;
      case 'em':
        return <em>{inlines(n.children)}</em>;
      case 'strong':
        return <strong>{inlines(n.children)}</strong>;
      case 'link': {
        const bare = n.children.length === 1 && n.children[0]?.type === 'text';
        const isUrl = bare && (n.children[0] as { text: string }).text === n.href;
        return (
          <a href={n.href} rel={MARKUP_LINK_REL}>
            <bdi dir={isUrl ? 'ltr' : undefined}>{inlines(n.children)}</bdi>
          </a>
        );
      }
    }
  });
}

export function RichText(props: { source: string; lang?: string | null; class?: string }) {
  const lang = props.lang || undefined;
  return (
    <div class={props.class} lang={lang} dir={lang ? dirOf(lang) : 'auto'}>
      {parseMarkup(props.source).map((b) => {
        if (b.type === 'p') return <p dir="auto">{inlines(b.children)}</p>;
        const items = b.items.map((item) => <li dir="auto">{inlines(item)}</li>);
        if (b.type === 'ul') return <ul>{items}</ul>;
        return <ol start={b.start === 1 ? undefined : b.start}>{items}</ol>;
      })}
    </div>
  );
}
