import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { RUNS_FACTOR } from '../fc-params';

/**
 * Cases per route or form. Small by default so the whole fuzz suite stays well under a minute on a
 * shared CI machine. A longer local run: `FUZZ_RUNS=500 npm run fuzz` (the script passes it on as
 * VITE_FUZZ_RUNS: only VITE_-prefixed variables reach the Workers pool, through import.meta.env);
 * `FC_NUM_RUNS_FACTOR` (test/fc-params.ts) multiplies it like every other property's runs.
 */
export const RUNS = (() => {
  const vars = (import.meta as { env?: Record<string, string | undefined> }).env ?? {};
  const fromEnv = Number(vars.FUZZ_RUNS ?? vars.VITE_FUZZ_RUNS);
  return (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 12) * RUNS_FACTOR;
})();

/** Time allowed per route or form (a case is a few D1 round trips; CI machines are shared). */
export const TIMEOUT = Math.max(30_000, RUNS * 1_000);

/** The tables a refused request must leave untouched (sessions and rate-limit counters may move). */
export const MAIN_TABLES = [
  'users',
  'api_tokens',
  'articles',
  'claims',
  'sources',
  'ratings',
  'verdicts',
  'audit_log',
  'submissions',
  'feedback',
] as const;

/** Row counts of the main tables, in one round trip. */
export async function tableCounts(): Promise<Record<string, number>> {
  const sql = `SELECT ${MAIN_TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`;
  return (await env.DB.prepare(sql).first<Record<string, number>>()) ?? {};
}

// --- hostile text -------------------------------------------------------------------------------

/** Control, bidi, zero-width, noncharacters, lone surrogates and other characters that break naive code. */
export const NASTY = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u00ad',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2028',
  '\u2029',
  '\u2060',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\ud800',
  '\udfff',
  '\udbff\udfff',
  '%00',
  '%',
  '%E0%A4%A',
  '\\u0000',
  '"',
  "'",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "' OR 1=1 --",
  'NEAR(a b)',
  '*',
  '../../etc/passwd',
  '{{7*7}}',
  '${7*7}',
  '__proto__',
  'constructor',
];

/** Words in many scripts, with combining marks, RTL, CJK, emoji and ZWJ sequences. */
export const SCRIPTS = [
  'الحكومة رفعت الأسعار بنسبة ٥٪',
  'ـــاَلْحُكُومَةُـ',
  'המחירים עלו',
  'Цены выросли на 5%',
  'Οι τιμές αυξήθηκαν',
  '价格上涨了百分之五',
  '物価が上がった',
  '물가가 올랐다',
  'कीमतें बढ़ीं',
  'ราคาสูงขึ้น',
  'ქართული',
  'Հայերեն',
  'ትግርኛ',
  'ᚠᛇᚻ',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'Z̷̢̛a̸l̶g̵o̴',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '🇫🇷',
  'İıŞş',
  'ß',
  'ﷺ',
  '٠١٢٣٤٥٦٧٨٩',
  '۱۲۳',
  '१२३',
];

/** Numbers that overflow, underflow or lose precision. */
export const HUGE_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  1e21,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
];

/** Number literals as text: what a JSON or form body can carry but a double cannot. */
export const HUGE_NUMBER_TEXT = [
  '1e999999',
  '-1e999999',
  '123456789012345678901234567890',
  '0x10',
  '1_000',
  'NaN',
  'Infinity',
  '-0',
  '00012',
  '1e-999',
  ' 7 ',
  '٣',
];

/** A string made of pieces of every kind above plus arbitrary unicode. */
export const hostileString: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
      { weight: 3, arbitrary: fc.constantFrom(...SCRIPTS) },
      { weight: 1, arbitrary: fc.constantFrom(...HUGE_NUMBER_TEXT) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** A string that may be very long (past every field limit). */
export const longString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...SCRIPTS, ...NASTY), fc.integer({ min: 200, max: 25_000 }))
  .map(([s, n]) => s.repeat(Math.ceil(n / Math.max(1, s.length))));

/** Any value a JSON field could hold, leaning on the nasty cases. */
export const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 1, arbitrary: longString },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...HUGE_NUMBERS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, '', ' ', [], {}) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** `[[[[…]]]]` or `{"a":{"a":…}}` nested `depth` levels deep (raw text, so no stack is spent here). */
export function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

export const deepNesting: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 50, max: 20_000 }),
    fc.constantFrom<'array' | 'object'>('array', 'object'),
  )
  .map(([depth, kind]) => nested(depth, kind));

/** Bytes that are not UTF-8 (lone continuation bytes, overlongs, surrogates, truncated sequences). */
export const invalidUtf8: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.uint8Array({ maxLength: 64 }),
    fc.constantFrom(
      [0x80],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
      [0xff, 0xfe],
      [0x00],
    ),
  )
  .map(([random, bad]) => new Uint8Array([...random, ...bad, ...random]));

/** Garbage that claims to be multipart (the boundary is missing, wrong or never closed). */
export const garbageMultipart: fc.Arbitrary<{ type: string; body: string }> = fc.oneof(
  fc.record({
    type: fc.constantFrom(
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/form-data; boundary=xyz',
      'multipart/form-data; boundary="unterminated',
      'multipart/mixed; boundary=xyz',
    ),
    body: fc.oneof(hostileString, fc.constant('--xyz\r\nContent-Disposition: form-data; name="a"')),
  }),
  fc.record({
    type: fc.constant('multipart/form-data; boundary=b'),
    body: fc.constantFrom(
      '--b\r\nContent-Disposition: form-data; name="text"\r\n\r\nhello',
      '--b\r\n\r\n--b--',
      '--b--',
      '--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n',
      '--b\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n\u0000\u0001\r\n--b--\r\n',
    ),
  }),
);

/** Content types a client might send by mistake (or on purpose). */
export const WRONG_TYPES = [
  undefined,
  'text/plain',
  'text/html',
  'application/xml',
  'application/octet-stream',
  'application/x-www-form-urlencoded',
  'application/json',
  'application/json; charset=utf-16',
  'application/merge-patch+json',
  'application/problem+json',
  'application/jsonx',
  'json',
  '*/*',
  '',
  ';;;',
] as const;

/** A short printable description of a body for assertion messages. */
export function describeBody(body: BodyInit | undefined): string {
  if (body === undefined) return '(no body)';
  if (typeof body === 'string') return JSON.stringify(body.slice(0, 160));
  if (body instanceof Uint8Array) return `bytes[${body.length}]`;
  return Object.prototype.toString.call(body);
}

/** Tally of cases per route group, printed once per file. */
export class Tally {
  private readonly counts = new Map<string, number>();
  add(group: string): void {
    this.counts.set(group, (this.counts.get(group) ?? 0) + 1);
  }
  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
  print(title: string): void {
    const lines = [...this.counts.entries()].map(([g, n]) => `  ${String(n).padStart(5)}  ${g}`);
    console.log(`${title}: ${this.total} cases\n${lines.join('\n')}`);
  }
}
