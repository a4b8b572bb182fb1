/** A word-level diff for the verdict history and the conflict screen. Pure. */
export type DiffPart = { op: 'same' | 'add' | 'del'; text: string };

/** Words and runs of whitespace as separate tokens, so joining them gives back the text. */
function words(text: string): string[] {
  return text.match(/\S+|\s+/g) ?? [];
}

/** Above this many cells the LCS table is not built; the middle is shown as replaced. */
const MAX_CELLS = 250_000;

/**
 * Longest-common-subsequence diff over words, after trimming the common prefix and suffix
 * (the usual case, a few words changed, stays cheap even for long explanations).
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push('del', midA.join(''));
    push('add', midB.join(''));
  } else {
    // lcs[i][j] = LCS length of midA[i..] and midB[j..], in one flat array.
    const w = midB.length + 1;
    const lcs = new Uint32Array((midA.length + 1) * w);
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        lcs[i * w + j] =
          midA[i] === midB[j]
            ? lcs[(i + 1) * w + j + 1]! + 1
            : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length && j < midB.length) {
      if (midA[i] === midB[j]) {
        push('same', midA[i++]!);
        j++;
      } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) push('del', midA[i++]!);
      else push('add', midB[j++]!);
    }
    while (i < midA.length) push('del', midA[i++]!);
    while (j < midB.length) push('add', midB[j++]!);
  }
  push('same', a.slice(endA).join(''));
  return parts;
}
