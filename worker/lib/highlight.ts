/**
 * Which words of a display text a search matched, for `<mark>`. The FTS index holds the
 * normalized search key (d1/search.ts), not the text readers see, so FTS5's highlight() would mark
 * the wrong string; instead the display text is normalized here with its offsets kept
 * (normalizeWithOffsets), cut into words the way the index cuts them, and every word whose search
 * stem is one of the query's terms is marked in the original text, harakat and all. The result is
 * plain strings: the view puts them in JSX, which escapes them.
 */
import { normalizeWithOffsets, searchKey, searchStem } from '../extract/normalize';

/** A run of the display text, marked when it is a matched word. */
export interface TextRun {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu;
const TRAILING_MARKS = /^[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u0300-\u036F]+/;

/** The display text cut into runs, the words matching `query` marked. One run, unmarked, when nothing matches. */
export function highlightRuns(text: string, query: string | null | undefined): TextRun[] {
  const terms = new Set(
    searchKey(query ?? '')
      .split(' ')
      .filter(Boolean),
  );
  if (terms.size === 0 || text === '') return [{ text, mark: false }];
  const norm = normalizeWithOffsets(text);
  const runs: TextRun[] = [];
  let at = 0;
  for (const m of norm.text.matchAll(WORD)) {
    const word = m[0];
    if (!terms.has(searchStem(word.toLowerCase()))) continue;
    const start = norm.offsets[m.index]!;
    let end = norm.offsets[m.index + word.length]!;
    // Harakat and tatweel after the last letter belong to the word.
    end += TRAILING_MARKS.exec(text.slice(end))?.[0].length ?? 0;
    if (start < at) continue;
    if (start > at) runs.push({ text: text.slice(at, start), mark: false });
    runs.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), mark: false });
  return runs.length > 0 ? runs : [{ text, mark: false }];
}
