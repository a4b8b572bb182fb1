// The project's labelled extraction set (test/data/extract/*.tsv) and its held-out part, shared by
// scripts/train.mjs and scripts/eval.mjs so both agree on which articles nobody tuned on.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** FNV-1a (32-bit) of a string: a stable, platform-independent hash. */
export function fnv1a(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Held out: the stories numbered 08 and up whose number hashes (FNV-1a of "#" + two digits, mod 10) to
 * 0, 1 or 2 — 14 of the 42 numbers 08–49 (10 11 13 14 17 19 20 21 22 30 31 37 44 45), in every language
 * at once, because some stories are told in two languages (ar-10 and en-10 are the same court ruling).
 * No weight, word list or threshold is trained or tuned on these; eval reports them apart. Articles
 * 01–07 of each language are never held out: the word lists were written against them.
 */
export const isHeldOut = (articleId) => {
  const n = Number(articleId.slice(3));
  return n >= 8 && fnv1a(`#${String(n).padStart(2, '0')}`) % 10 < 3;
};

/** Articles of the project set: { id, lang, heldOut, rows: [{ para, label, type, text }] }. */
export function loadProjectSet(root) {
  const dir = join(root, 'test/data/extract');
  const articles = new Map();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()) {
    const lines = readFileSync(join(dir, file), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim() && !l.startsWith('#'));
    for (const line of lines.slice(1)) {
      const [article, para, label, type, text] = line.split('\t');
      if (!articles.has(article))
        articles.set(article, {
          id: article,
          lang: article.slice(0, 2),
          heldOut: isHeldOut(article),
          rows: [],
        });
      articles.get(article).rows.push({ para: Number(para), label: label === 'yes', type, text });
    }
  }
  return [...articles.values()];
}

/** Join an article's rows into one text (paragraphs by blank lines) and remember each row's span. */
export function buildArticle(rows) {
  let text = '';
  let para = null;
  const spans = rows.map((r) => {
    if (para !== null) text += r.para === para ? ' ' : '\n\n';
    para = r.para;
    const start = text.length;
    text += r.text;
    return { start, end: text.length };
  });
  return { text, spans };
}

/** One TSV field, with the CSV-style quoting some exports use ("" inside "..."). */
export function unquote(field) {
  const f = field.trim();
  return f.length >= 2 && f.startsWith('"') && f.endsWith('"')
    ? f.slice(1, -1).replace(/""/g, '"')
    : f;
}
