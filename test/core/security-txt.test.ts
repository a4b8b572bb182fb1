import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('/.well-known/security.txt', () => {
  it('is served from public/.well-known with a contact and an expiry (RFC 9116)', async () => {
    const res = await exports.default.fetch('https://claimdesk.test/.well-known/security.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^Contact: mailto:\S+$/m);
    const expires = text.match(/^Expires: (\S+)$/m)?.[1];
    expect(Date.parse(expires ?? '')).toBeGreaterThan(Date.now());
  });
});
