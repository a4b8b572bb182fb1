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

/**
 * The TSV files of test/data/extract, by the header of their first non-comment line: `article\t…` files
 * are the project set (articles, with the held-out split); `id\tcheckworthy\ttext` files are
 * training-only sentences (social-ar.tsv, debate-en.tsv, debate-fr.tsv): no articles, no held-out part.
 */
function dataFiles(root) {
  const dir = join(root, 'test/data/extract');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .map((file) => {
      const lines = readFileSync(join(dir, file), 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim() && !l.startsWith('#'));
      const header = (lines[0] ?? '').split('\t');
      const kind =
        header[0] === 'article'
          ? 'articles'
          : header.join('\t') === 'id\tcheckworthy\ttext'
            ? 'sentences'
            : null;
      if (!kind) throw new Error(`test/data/extract/${file}: unknown header ${lines[0]}`);
      return { file, kind, rows: lines.slice(1) };
    });
}

/** Names of the project set's article files (ar.tsv, en.tsv, fr.tsv). */
export const projectFiles = (root) =>
  dataFiles(root)
    .filter((f) => f.kind === 'articles')
    .map((f) => f.file);

/**
 * Training-only sentences: { id, source, lang, label, text }; `source` is the file's name without
 * `.tsv` (social-ar), `lang` its last two letters.
 */
export function loadTrainingSentences(root) {
  const out = [];
  for (const f of dataFiles(root).filter((f) => f.kind === 'sentences')) {
    const source = f.file.replace(/\.tsv$/, '');
    for (const line of f.rows) {
      const [id, label, text] = line.split('\t');
      out.push({ id, source, lang: source.slice(-2), label: label === 'yes', text });
    }
  }
  return out;
}

/** Articles of the project set: { id, lang, heldOut, rows: [{ para, label, type, text }] }. */
export function loadProjectSet(root) {
  const articles = new Map();
  for (const { rows } of dataFiles(root).filter((f) => f.kind === 'articles')) {
    for (const line of rows) {
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
