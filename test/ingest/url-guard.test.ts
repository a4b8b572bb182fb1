import { describe, expect, it } from 'vitest';
import { hostRefusal, parseIPv4, parseIPv6 } from '../../worker/ingest/address-guard';
import { IngestError } from '../../worker/ingest/errors';
import { checkArticleUrl } from '../../worker/ingest/fetch-article';

function refusal(url: string, opts: Parameters<typeof checkArticleUrl>[1] = {}): string | null {
  try {
    checkArticleUrl(url, opts);
    return null;
  } catch (err) {
    if (err instanceof IngestError) return err.code;
    throw err;
  }
}

describe('checkArticleUrl: SSRF matrix', () => {
  const refused: Array<[string, string]> = [
    // schemes, ports, credentials
    ['ftp://news.example/a', 'url_scheme_refused'],
    ['file:///etc/passwd', 'url_scheme_refused'],
    ['javascript:alert(1)', 'url_scheme_refused'],
    ['data:text/html,<p>x</p>', 'url_scheme_refused'],
    ['http://news.example:8080/a', 'url_port_refused'],
    ['https://news.example:80/a', 'url_port_refused'],
    ['http://news.example:443/a', 'url_port_refused'],
    ['http://user:pw@news.example/a', 'url_credentials_refused'],
    ['https://user@news.example/a', 'url_credentials_refused'],
    ['not a url', 'invalid_url'],
    ['/relative/path', 'invalid_url'],
    // loopback IPv4 in every notation
    ['http://127.0.0.1/', 'url_host_refused'],
    ['http://127.1/', 'url_host_refused'],
    ['http://2130706433/', 'url_host_refused'],
    ['http://0x7f000001/', 'url_host_refused'],
    ['http://0x7f.0.0.1/', 'url_host_refused'],
    ['http://0177.0.0.1/', 'url_host_refused'],
    ['http://017700000001/', 'url_host_refused'],
    ['http://127.000.000.001/', 'url_host_refused'],
    ['http://0/', 'url_host_refused'],
    ['http://0.0.0.0/', 'url_host_refused'],
    ['http://127.0.0.1./', 'url_host_refused'],
    ['http://%31%32%37.0.0.1/', 'url_host_refused'],
    ['http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/', 'url_host_refused'],
    ['http://[::127.0.0.1]/', 'url_host_refused'],
    // private, CGNAT, link-local, metadata, multicast, broadcast
    ['http://10.1.2.3/', 'url_host_refused'],
    ['http://172.16.0.1/', 'url_host_refused'],
    ['http://172.31.255.255/', 'url_host_refused'],
    ['http://192.168.1.1/', 'url_host_refused'],
    ['http://100.64.0.1/', 'url_host_refused'],
    ['http://100.100.100.200/', 'url_host_refused'],
    ['http://169.254.169.254/latest/meta-data/', 'url_host_refused'],
    ['http://0xa9fea9fe/', 'url_host_refused'],
    ['http://224.0.0.1/', 'url_host_refused'],
    ['http://255.255.255.255/', 'url_host_refused'],
    ['http://198.18.0.1/', 'url_host_refused'],
    // IPv6
    ['http://[::1]/', 'url_host_refused'],
    ['http://[0:0:0:0:0:0:0:1]/', 'url_host_refused'],
    ['http://[::]/', 'url_host_refused'],
    ['http://[fc00::1]/', 'url_host_refused'],
    ['http://[fd12:3456::1]/', 'url_host_refused'],
    ['http://[fe80::1]/', 'url_host_refused'],
    ['http://[febf::1]/', 'url_host_refused'],
    ['http://[::ffff:127.0.0.1]/', 'url_host_refused'],
    ['http://[::ffff:7f00:1]/', 'url_host_refused'],
    ['http://[::ffff:169.254.169.254]/', 'url_host_refused'],
    ['http://[::ffff:10.0.0.1]/', 'url_host_refused'],
    ['http://[64:ff9b::a00:1]/', 'url_host_refused'],
    ['http://[2002:7f00:1::]/', 'url_host_refused'],
    ['http://[fd00:ec2::254]/', 'url_host_refused'],
    ['http://[ff02::1]/', 'url_host_refused'],
    // names
    ['http://localhost/', 'url_host_refused'],
    ['http://LOCALHOST./', 'url_host_refused'],
    ['http://api.localhost/', 'url_host_refused'],
    ['http://printer.local/', 'url_host_refused'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'url_host_refused'],
    ['http://metadata/', 'url_host_refused'],
    ['http://intranet/', 'url_host_refused'],
    ['http://router.home.arpa/', 'url_host_refused'],
  ];
  it.each(refused)('refuses %s (%s)', (url, code) => {
    expect(refusal(url)).toBe(code);
  });

  const allowed = [
    'https://news.example/economy/story?id=1',
    'http://news.example:80/a',
    'https://news.example:443/a',
    'http://93.184.216.34/',
    'http://[2606:4700:4700::1111]/',
    'http://[::ffff:8.8.8.8]/',
    'https://xn--mgbh0fb.example/',
    'http://172.32.0.1/',
    'http://100.128.0.1/',
  ];
  it.each(allowed)('allows %s', (url) => {
    expect(refusal(url)).toBeNull();
  });

  it("refuses the Worker's own host names", () => {
    expect(refusal('https://claimdesk.test/api/v1/claims', { ownHosts: ['claimdesk.test'] })).toBe(
      'url_host_refused',
    );
    expect(refusal('https://CLAIMDESK.test./x', { ownHosts: ['claimdesk.test'] })).toBe(
      'url_host_refused',
    );
  });

  it('allows a local fixture host only when explicitly configured', () => {
    expect(refusal('http://127.0.0.1:8788/a.html')).toBe('url_port_refused');
    expect(refusal('http://localhost/a.html')).toBe('url_host_refused');
    expect(refusal('http://127.0.0.1:8788/a.html', { allowHosts: ['127.0.0.1:8788'] })).toBeNull();
    expect(refusal('http://127.0.0.1:8789/a.html', { allowHosts: ['127.0.0.1:8788'] })).toBe(
      'url_port_refused',
    );
    expect(refusal('ftp://127.0.0.1:8788/a.html', { allowHosts: ['127.0.0.1:8788'] })).toBe(
      'url_scheme_refused',
    );
  });
});

describe('address parsing', () => {
  it('parses IPv4 in decimal, octal, hex and short forms', () => {
    expect(parseIPv4('127.0.0.1')).toBe(0x7f000001);
    expect(parseIPv4('0x7f.1')).toBe(0x7f000001);
    expect(parseIPv4('0177.0.1')).toBe(0x7f000001);
    expect(parseIPv4('2130706433')).toBe(0x7f000001);
    expect(parseIPv4('10.0x10.1')).toBe(0x0a100001);
    expect(parseIPv4('256.1.1.1')).toBe('invalid');
    expect(parseIPv4('1.2.3.4.5')).toBe('invalid');
    expect(parseIPv4('08.1.1.1')).toBe('invalid');
    expect(parseIPv4('news.example')).toBeNull();
  });
  it('parses IPv6 with compression and embedded IPv4', () => {
    expect(parseIPv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(parseIPv6('2001:db8::8:800:200c:417a')).toEqual([
      0x2001, 0xdb8, 0, 0, 8, 0x800, 0x200c, 0x417a,
    ]);
    expect(parseIPv6('1::2::3')).toBeNull();
    expect(parseIPv6('fe80::1%eth0')).toBeNull();
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeNull();
  });
  it('refuses malformed or single-label names directly', () => {
    expect(hostRefusal('bad_host.example')).toBe('malformed host name');
    expect(hostRefusal('printer')).toBe('single-label host name');
    expect(hostRefusal('news.example')).toBeNull();
  });
});
