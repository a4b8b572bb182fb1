/**
 * Which hosts an outbound article fetch may reach. Pure: works on the host name as the URL
 * parser gives it. Workers cannot resolve DNS before fetching, so this refuses the names and
 * literal addresses that point inside a network (loopback, private, link-local, CGNAT, cloud
 * metadata), in every notation the URL parser and older resolvers accept.
 */

/** Why a host is refused, or null when it may be fetched. */
export function hostRefusal(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === '') return 'empty host';
  if (host.startsWith('[')) {
    const words = parseIPv6(host.slice(1, -1));
    if (!words) return 'malformed IPv6 address';
    return ipv6Refusal(words);
  }
  const v4 = parseIPv4(host);
  if (v4 === 'invalid') return 'malformed IPv4 address';
  if (v4 !== null) return ipv4Refusal(v4);
  return nameRefusal(host);
}

const LOCAL_SUFFIXES = [
  'localhost',
  'local',
  'internal',
  'localdomain',
  'home.arpa',
  'lan',
  'intranet',
];

function nameRefusal(host: string): string | null {
  if (
    !/^[a-z0-9.-]+$/.test(host) ||
    host.split('.').some((label) => label === '' || label.length > 63)
  ) {
    return 'malformed host name';
  }
  // A single label (http://intranet/, http://metadata/) only resolves on a private network.
  if (!host.includes('.')) return 'single-label host name';
  for (const suffix of LOCAL_SUFFIXES) {
    if (host === suffix || host.endsWith(`.${suffix}`)) return `local host name (.${suffix})`;
  }
  return null;
}

/**
 * An IPv4 address in any form the WHATWG URL parser (and inet_aton) accepts: 1 to 4 parts,
 * each decimal, octal (leading 0) or hex (0x). Returns null when the host is not an IPv4
 * literal at all, 'invalid' when it looks like one but is out of range.
 */
export function parseIPv4(host: string): number | null | 'invalid' {
  const parts = host.split('.');
  const last = parts.at(-1) ?? '';
  if (!/^(?:0x[0-9a-f]*|\d+)$/i.test(last)) return null; // ends in a name label: not an address
  if (parts.length > 4) return 'invalid';
  const nums: number[] = [];
  for (const part of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(part)) n = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) n = parseInt(part.slice(1), 8);
    else if (/^\d+$/.test(part)) n = /^0\d/.test(part) ? NaN : parseInt(part, 10);
    else return 'invalid';
    if (!Number.isFinite(n)) return 'invalid';
    nums.push(n);
  }
  const head = nums.slice(0, -1);
  const tail = nums.at(-1)!;
  if (head.some((n) => n > 255) || tail >= 256 ** (5 - nums.length)) return 'invalid';
  return head.reduce((acc, n, i) => acc + n * 256 ** (3 - i), 0) + tail;
}

// [network, prefix length, label] — RFC 6890 special-purpose ranges that are not the public internet.
const IPV4_BLOCKS: Array<[number, number, string]> = [
  [0x00000000, 8, 'this-network'],
  [0x0a000000, 8, 'private (10/8)'],
  [0x64400000, 10, 'carrier-grade NAT (100.64/10)'],
  [0x7f000000, 8, 'loopback'],
  [0xa9fe0000, 16, 'link-local / cloud metadata'],
  [0xac100000, 12, 'private (172.16/12)'],
  [0xc0000000, 24, 'IETF protocol assignments'],
  [0xc0000200, 24, 'documentation'],
  [0xc0586300, 24, '6to4 relay anycast'],
  [0xc0a80000, 16, 'private (192.168/16)'],
  [0xc6120000, 15, 'benchmarking'],
  [0xc6336400, 24, 'documentation'],
  [0xcb007100, 24, 'documentation'],
  [0xe0000000, 4, 'multicast'],
  [0xf0000000, 4, 'reserved / broadcast'],
];

function ipv4Refusal(addr: number): string | null {
  for (const [net, bits, label] of IPV4_BLOCKS) {
    const size = 2 ** (32 - bits);
    if (addr >= net && addr < net + size) return `${label} address`;
  }
  return null;
}

/** Eight 16-bit words of an IPv6 literal (without brackets), or null when malformed. */
export function parseIPv6(text: string): number[] | null {
  let body = text.toLowerCase();
  if (body.includes('%')) return null; // zone ids are never valid in URLs
  const tail: number[] = [];
  const dotted = body.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = dotted[2]!.split('.').map(Number);
    if (v4.some((n) => n > 255)) return null;
    tail.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    body = dotted[1]!.endsWith('::') ? dotted[1]! : dotted[1]!.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const toWords = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    for (const w of s.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(w)) return null;
      out.push(parseInt(w, 16));
    }
    return out;
  };
  const left = toWords(halves[0]!);
  const right = halves.length === 2 ? toWords(halves[1]!) : [];
  if (!left || !right) return null;
  const given = left.length + right.length + tail.length;
  if (halves.length === 2 ? given > 7 : given !== 8) return null;
  return [...left, ...new Array<number>(8 - given).fill(0), ...right, ...tail];
}

function ipv6Refusal(w: number[]): string | null {
  const [w0, w1, w2, w3, w4, w5, w6, w7] = w as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const embedded = (hi: number, lo: number) => hi * 0x10000 + lo;
  const zeroTo = (n: number) => w.slice(0, n).every((x) => x === 0);
  if (zeroTo(8)) return 'unspecified address';
  if (zeroTo(7) && w7 === 1) return 'loopback address';
  if (zeroTo(5) && w5 === 0xffff)
    return ipv4Refusal(embedded(w6, w7)) && `IPv4-mapped ${ipv4Refusal(embedded(w6, w7))}`;
  if (zeroTo(6)) return 'IPv4-compatible address';
  if (w0 === 0x64 && w1 === 0xff9b && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0) {
    const inner = ipv4Refusal(embedded(w6, w7));
    return inner && `NAT64 ${inner}`;
  }
  if (w0 === 0x64 && w1 === 0xff9b && w2 === 1) return 'local-use NAT64 address';
  if (w0 === 0x100 && w1 === 0 && w2 === 0 && w3 === 0) return 'discard-only address';
  if ((w0 & 0xfe00) === 0xfc00) return 'unique-local address (fc00::/7)';
  if ((w0 & 0xffc0) === 0xfe80) return 'link-local address (fe80::/10)';
  if ((w0 & 0xffc0) === 0xfec0) return 'site-local address';
  if ((w0 & 0xff00) === 0xff00) return 'multicast address';
  if (w0 === 0x2001 && w1 === 0x0db8) return 'documentation address';
  if (w0 === 0x2001 && w1 === 0) return 'Teredo address';
  if (w0 === 0x2002) {
    const inner = ipv4Refusal(embedded(w1, w2));
    return inner && `6to4 ${inner}`;
  }
  return null;
}
