import fc from 'fast-check';
import { fcParams } from '../fc-params';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../worker/ingest/errors';
import { checkArticleUrl } from '../../worker/ingest/fetch-article';

function decision(url: string): string {
  try {
    checkArticleUrl(url);
    return 'allowed';
  } catch (err) {
    if (err instanceof IngestError) return err.code;
    throw err;
  }
}

const bytes = (a: number) => [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255];

/** Every way the URL parser accepts to write the same IPv4 address. */
function notations(a: number): string[] {
  const [b0, b1, b2, b3] = bytes(a) as [number, number, number, number];
  return [
    `${b0}.${b1}.${b2}.${b3}`,
    String(a),
    `0x${a.toString(16)}`,
    `0${a.toString(8)}`,
    `${b0}.${(b1 << 16) | (b2 << 8) | b3}`,
    `${b0}.${b1}.${(b2 << 8) | b3}`,
    `0x${b0.toString(16)}.0${b1.toString(8)}.${b2}.0x${b3.toString(16)}`,
    `[::ffff:${b0}.${b1}.${b2}.${b3}]`,
    `[::ffff:${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}]`,
  ];
}

describe('address guard properties', () => {
  it('decides the same for every notation of an IPv4 address', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (a) => {
        const [first, ...rest] = notations(a).map((h) => decision(`http://${h}/`));
        for (const d of rest) expect(d).toBe(first);
      }),
      fcParams(500),
    );
  });

  it('refuses every address in the private, loopback, link-local and CGNAT ranges', () => {
    const ranges: Array<[number, number]> = [
      [0x0a000000, 8],
      [0x7f000000, 8],
      [0xa9fe0000, 16],
      [0xac100000, 12],
      [0xc0a80000, 16],
      [0x64400000, 10],
      [0x00000000, 8],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...ranges),
        fc.integer({ min: 0, max: 0xffffffff }),
        ([net, bits], r) => {
          const a = net + (r % 2 ** (32 - bits));
          for (const h of notations(a)) expect(decision(`http://${h}/`)).toBe('url_host_refused');
        },
      ),
      fcParams(300),
    );
  });
});
