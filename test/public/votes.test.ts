import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { feedbackSummary } from '../../d1/feedback';
import { readerAddress } from '../../worker/lib/reader-keys';
import { call } from '../helpers';
import { address, publishedClaim } from './fixtures';
import { postForm } from './submit-helpers';

/** A fresh /64 per test run, so rate limits and votes do not leak between tests. */
function net64(): string {
  const h = () => Math.floor(Math.random() * 0xffff).toString(16);
  return `2001:db8:${h()}:${h()}`;
}

/** A vote with exactly these headers (no Origin unless given). */
function rawVote(id: string, headers: Record<string, string>): Promise<Response> {
  return exports.default.fetch(
    new Request(`https://claimdesk.test/claims/${id}/feedback`, {
      method: 'POST',
      body: 'helpful=yes',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'CF-Connecting-IP': address(),
        Accept: 'text/html',
        ...headers,
      },
    }),
  );
}

async function votes(id: string): Promise<number> {
  const s = await feedbackSummary(env.DB, id);
  return s.helpful + s.notHelpful;
}

describe('votes come from our own pages only', () => {
  it('refuses another origin with the 403 page in the reader language, and writes nothing', async () => {
    const claim = await publishedClaim();
    const res = await postForm(
      `/claims/${claim.id}/feedback?lang=ar`,
      { helpful: 'yes', reason: 'x' },
      { headers: { Origin: 'https://evil.example' } },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('لا يمكن إرسال هذا النموذج إلا من صفحاتنا.');
    expect(await votes(claim.id)).toBe(0);
    const nullOrigin = await rawVote(claim.id, { Origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const crossSite = await rawVote(claim.id, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const neither = await rawVote(claim.id, {});
    expect(neither.status).toBe(403);
    expect(await votes(claim.id)).toBe(0);
  });

  it('accepts our origin, or Sec-Fetch-Site same-origin / same-site / none', async () => {
    const claim = await publishedClaim();
    const ours = await rawVote(claim.id, { Origin: 'https://claimdesk.test' });
    expect(ours.status).toBe(303);
    for (const site of ['same-origin', 'same-site', 'none'])
      expect((await rawVote(claim.id, { 'Sec-Fetch-Site': site })).status).toBe(303);
    expect(await votes(claim.id)).toBe(4);
  });
});

describe('one vote per reader per day, IPv6 by /64', () => {
  it('two addresses in one /64 count once; another /64 counts again', async () => {
    const claim = await publishedClaim();
    const net = net64();
    const first = await postForm(
      `/claims/${claim.id}/feedback`,
      { helpful: 'yes' },
      { ip: `${net}:1:2:3:4` },
    );
    expect(first.headers.get('Location')).toBe(`/claims/${claim.id}?feedback=thanks#feedback`);
    const second = await postForm(
      `/claims/${claim.id}/feedback`,
      { helpful: 'no' },
      { ip: `${net}:ffff:eeee:dddd:cccc` },
    );
    expect(second.headers.get('Location')).toBe(`/claims/${claim.id}?feedback=already#feedback`);
    const other = await postForm(
      `/claims/${claim.id}/feedback`,
      { helpful: 'no' },
      { ip: `${net64()}::1` },
    );
    expect(other.headers.get('Location')).toBe(`/claims/${claim.id}?feedback=thanks#feedback`);
    expect(await votes(claim.id)).toBe(2);
  });

  it('readerAddress keeps IPv4 and reduces IPv6 to its /64 in every notation', () => {
    expect(readerAddress('198.51.100.7')).toBe('198.51.100.7');
    expect(readerAddress('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(readerAddress('2001:0DB8:0001:0002::9')).toBe('2001:db8:1:2::/64');
    expect(readerAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(readerAddress('2001:db8:0:0:ffff::')).toBe('2001:db8:0:0::/64');
    expect(readerAddress('::1')).toBe('0:0:0:0::/64');
    expect(readerAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(readerAddress('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(readerAddress('64:ff9b::198.51.100.7')).toBe('64:ff9b:0:0::/64');
  });
});

describe('the feedback form', () => {
  it('asks for the choice before the reason', async () => {
    const claim = await publishedClaim();
    const html = await (await call(`/claims/${claim.id}`)).text();
    const form = html.slice(html.indexOf('id="feedback"'));
    const choice = form.indexOf('name="helpful"');
    const reason = form.indexOf('name="reason"');
    expect(choice).toBeGreaterThan(0);
    expect(reason).toBeGreaterThan(choice);
    expect(form).toContain('<input type="radio" name="helpful" value="yes" required=""/>');
  });
});
