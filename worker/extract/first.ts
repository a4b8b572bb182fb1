/**
 * Which UTF-16 units a regex fragment's match can start with (its FIRST set), read from its source.
 * Over-approximate by construction: zero-width parts (lookarounds, anchors, \b) are skipped as if
 * they matched, an optional or empty-matching fragment may start with anything, and syntax this
 * reader does not know (backreferences, named groups) gives "anything". The word-list scanner uses
 * it to leave out, at a given first letter, the list entries that cannot match there: removing
 * alternatives that fail on their first unit changes no match of a backtracking regex.
 */

interface First {
  /** Regex sources of single-unit matchers (literal, class, escape) the match may start with. */
  atoms: string[];
  /** The fragment may start with anything (unknown syntax). */
  any: boolean;
  /** The fragment may match the empty string. */
  nullable: boolean;
}

const EMPTY = (): First => ({ atoms: [], any: false, nullable: true });

class Reader {
  i = 0;
  constructor(readonly src: string) {}

  /** a|b|c up to a ')' or the end */
  alternation(): First {
    const out: First = { atoms: [], any: false, nullable: false };
    for (;;) {
      const seq = this.sequence();
      out.atoms.push(...seq.atoms);
      out.any ||= seq.any;
      out.nullable ||= seq.nullable;
      if (this.src[this.i] !== '|') return out;
      this.i++;
    }
  }

  sequence(): First {
    const acc = EMPTY();
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      const min = this.quantifier();
      acc.atoms.push(...atom.atoms);
      acc.any ||= atom.any;
      acc.nullable = atom.nullable || min === 0;
      if (!acc.nullable) {
        this.skipRest();
        break;
      }
    }
    return acc;
  }

  /** Past the rest of a sequence (up to its '|' or ')'): what follows a first unit is not read. */
  skipRest(): void {
    const s = this.src;
    let depth = 0;
    for (; this.i < s.length; this.i++) {
      const c = s[this.i];
      if (c === '\\') this.i++;
      else if (c === '[') {
        this.i++;
        while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      } else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return;
        depth--;
      } else if (c === '|' && depth === 0) return;
    }
  }

  /** The minimum repeat count of the quantifier at the cursor (1 when there is none). */
  quantifier(): number {
    const s = this.src;
    let min = 1;
    const c = s[this.i];
    if (c === '?' || c === '*') {
      min = 0;
      this.i++;
    } else if (c === '+') this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(s.slice(this.i));
      if (!m) throw new Error(`first.ts: cannot read ${s.slice(this.i, this.i + 10)}`);
      min = Number(m[1]);
      this.i += m[0].length;
    } else return 1;
    if (s[this.i] === '?') this.i++; // lazy
    return min;
  }

  atom(): First {
    const s = this.src;
    const c = s[this.i]!;
    if (c === '(') {
      let zeroWidth = false;
      let unknown = false;
      if (s.startsWith('(?:', this.i)) this.i += 3;
      else if (s.startsWith('(?=', this.i) || s.startsWith('(?!', this.i)) {
        this.i += 3;
        zeroWidth = true;
      } else if (s.startsWith('(?<=', this.i) || s.startsWith('(?<!', this.i)) {
        this.i += 4;
        zeroWidth = true;
      } else if (s.startsWith('(?', this.i)) {
        // named group or modifiers: read on, but claim nothing about the first unit
        this.i = s.indexOf('>', this.i) + 1;
        unknown = true;
      } else this.i++;
      const inner = this.alternation();
      if (s[this.i] !== ')') throw new Error(`first.ts: unbalanced group in ${s}`);
      this.i++;
      if (zeroWidth) return EMPTY();
      return unknown ? { atoms: [], any: true, nullable: true } : inner;
    }
    if (c === '[') {
      const from = this.i;
      this.i++;
      if (s[this.i] === '^') this.i++;
      if (s[this.i] === ']') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      this.i++;
      return { atoms: [s.slice(from, this.i)], any: false, nullable: false };
    }
    if (c === '\\') {
      const d = s[this.i + 1]!;
      if (d === 'b' || d === 'B') {
        this.i += 2;
        return EMPTY();
      }
      if ((d >= '1' && d <= '9') || d === 'k') {
        // a backreference: anything
        this.i += 2;
        while (/[\d<>\w]/.test(s[this.i] ?? '')) this.i++;
        return { atoms: [], any: true, nullable: true };
      }
      let len = 2;
      if (d === 'p' || d === 'P') len = s.indexOf('}', this.i) + 1 - this.i;
      else if (d === 'u' && s[this.i + 2] === '{') len = s.indexOf('}', this.i) + 1 - this.i;
      else if (d === 'u') len = 6;
      else if (d === 'x') len = 4;
      else if (d === 'c') len = 3;
      const atom = s.slice(this.i, this.i + len);
      this.i += len;
      return { atoms: [atom], any: false, nullable: false };
    }
    if (c === '^' || c === '$') {
      this.i++;
      return EMPTY();
    }
    // A literal (a surrogate pair is one code point: it starts with a high surrogate).
    const code = s.charCodeAt(this.i);
    const len = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    const atom = s.slice(this.i, this.i + len);
    this.i += len;
    return { atoms: [atom], any: false, nullable: false };
  }
}

/**
 * A test of "may a match of `source` start with this unit?" under `flags` (only 'i' and 'u' matter).
 * Answers true for surrogates: callers run the full pattern there.
 */
export function firstUnits(source: string, flags: string): (unit: number) => boolean {
  const reader = new Reader(source);
  const first = reader.alternation();
  if (reader.i !== source.length) throw new Error(`first.ts: stopped early in ${source}`);
  if (first.any || first.nullable) return () => true;
  if (first.atoms.length === 0) return () => false;
  const atoms = [...new Set(first.atoms)];
  const test = new RegExp(`^(?:${atoms.join('|')})$`, flags.replace(/[gyd]/g, ''));
  return (unit) => (unit >= 0xd800 && unit <= 0xdfff) || test.test(String.fromCharCode(unit));
}
