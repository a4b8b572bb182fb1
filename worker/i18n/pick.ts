/**
 * The one shape of UI strings in ClaimDesk: a record of messages per locale, English complete (its
 * type is the reference), the other locales complete or partial; `pick()` gives one locale's
 * messages with whatever it lacks taken from English. Used by the desk, the public pages, the
 * embeds and the extraction feature names.
 */
import type { Language } from '../lib/lang';

export type MessagesByLocale<M extends object> = { en: M } & {
  [L in Exclude<Language, 'en'>]: Partial<M>;
};

const merged = new WeakMap<object, Map<Language, object>>();

/** The messages of `locale`, each missing (top-level) one taken from English; computed once per table and locale. */
export function pick<M extends object>(messages: MessagesByLocale<M>, locale: Language): M {
  const own: Partial<M> = messages[locale];
  if (own === messages.en) return messages.en;
  let byLocale = merged.get(messages);
  if (!byLocale) merged.set(messages, (byLocale = new Map()));
  const known = byLocale.get(locale);
  if (known) return known as M;
  const out: Record<string, unknown> = { ...(messages.en as Record<string, unknown>) };
  for (const [key, value] of Object.entries(own)) if (value !== undefined) out[key] = value;
  byLocale.set(locale, out);
  return out as M;
}
