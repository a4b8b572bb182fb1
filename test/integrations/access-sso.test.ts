/** Cloudflare Access single sign-on: token verification and the desk session it opens. */
import { env } from 'cloudflare:workers';
import { createExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { verifyAccessJwt } from '../../worker/lib/access-jwt';
import { makeUser, unique } from '../helpers';

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const enc = (v: unknown) => b64url(new TextEncoder().encode(JSON.stringify(v)));

async function keyPair(kid: string) {
  const pair = (await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey;
  return { pair, jwk: { ...jwk, kid, alg: 'RS256', use: 'sig' } as JsonWebKey };
}

async function sign(key: CryptoKey, header: object, payload: object): Promise<string> {
  const data = `${enc(header)}.${enc(payload)}`;
  const sig = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, new TextEncoder().encode(data));
  return `${data}.${b64url(new Uint8Array(sig))}`;
}

async function setup() {
  const team = `${unique('team')}.cloudflareaccess.com`;
  const aud = unique('aud');
  const good = await keyPair('k1');
  const other = await keyPair('k1');
  const now = Math.floor(Date.now() / 1000);
  const claims = (email: string, extra: object = {}) => ({
    aud: [aud],
    iss: `https://${team}`,
    email,
    iat: now,
    nbf: now,
    exp: now + 600,
    ...extra,
  });
  const jwt = (email: string, extra: object = {}, key = good.pair.privateKey, header = {}) =>
    sign(key, { alg: 'RS256', kid: 'k1', typ: 'JWT', ...header }, claims(email, extra));
  const testEnv = {
    ...env,
    ACCESS_TEAM_DOMAIN: team,
    ACCESS_AUD: aud,
    ACCESS_CERTS: {
      fetch: async () => Response.json({ keys: [good.jwk] }),
    } as unknown as Fetcher,
  };
  const desk = (token: string, cookie?: string) =>
    app.fetch(
      new Request('https://claimdesk.test/desk', {
        headers: {
          'Cf-Access-Jwt-Assertion': token,
          Accept: 'text/html',
          ...(cookie ? { Cookie: cookie } : {}),
        },
      }),
      testEnv,
      createExecutionContext(),
    );
  return { team, aud, good, other, jwt, desk };
}

describe('Access JWT verification', () => {
  it('accepts a good token and refuses the bad ones', async () => {
    const { team, aud, good, other, jwt } = await setup();
    const rules = { teamDomain: team, aud };
    const keys = [good.jwk];
    const check = async (t: string) => verifyAccessJwt(t, keys, rules);
    expect(await check(await jwt('a@x.example'))).toEqual({ ok: true, email: 'a@x.example' });
    expect(await check(await jwt('a@x.example', { aud: ['another'] }))).toMatchObject({
      reason: 'aud',
    });
    const past = Math.floor(Date.now() / 1000) - 3600;
    expect(await check(await jwt('a@x.example', { exp: past }))).toMatchObject({
      reason: 'expired',
    });
    expect(await check(await jwt('a@x.example', { nbf: past + 7200 }))).toMatchObject({
      reason: 'early',
    });
    expect(await check(await jwt('a@x.example', { iss: 'https://evil.example' }))).toMatchObject({
      reason: 'iss',
    });
    expect(await check(await jwt('a@x.example', {}, other.pair.privateKey))).toMatchObject({
      reason: 'signature',
    });
    const [h, p] = (await jwt('a@x.example')).split('.');
    const none = `${enc({ alg: 'none', typ: 'JWT' })}.${p}.`;
    expect(await check(none)).toMatchObject({ reason: 'alg' });
    // HS256 "signed" with the public key's modulus as the secret: refused by algorithm.
    const hmac = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(good.jwk.n!),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const hsData = `${enc({ alg: 'HS256', typ: 'JWT', kid: 'k1' })}.${p}`;
    const hsSig = await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode(hsData));
    expect(await check(`${hsData}.${b64url(new Uint8Array(hsSig))}`)).toMatchObject({
      reason: 'alg',
    });
    expect(h).toBeTruthy();
  });
});

describe('desk single sign-on', () => {
  it('opens a normal desk session for an active account', async () => {
    const { jwt, desk } = await setup();
    const editor = await makeUser('editor');
    const res = await desk(await jwt(editor.email.toUpperCase()));
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/desk');
    const cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^__Host-claimdesk_session=/);
    const page = await desk(await jwt(editor.email), cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Test editor');
  });

  it('refuses an unknown e-mail (403, no account created) and a bad token', async () => {
    const { jwt, desk, other } = await setup();
    const email = `${unique('nobody')}@x.example`;
    const res = await desk(await jwt(email));
    expect(res.status).toBe(403);
    expect(res.headers.get('Set-Cookie')).toBeNull();
    expect(await res.text()).toContain(email);
    const row = await env.DB.prepare('SELECT id FROM users WHERE email = ?1').bind(email).first();
    expect(row).toBeNull();
    const editor = await makeUser('editor');
    const forged = await desk(await jwt(editor.email, {}, other.pair.privateKey));
    expect(forged.status).toBe(403);
    expect(forged.headers.get('Set-Cookie')).toBeNull();
  });

  it('ignores the header when Access is not configured (local accounts stay the default)', async () => {
    const { jwt } = await setup();
    const editor = await makeUser('editor');
    const res = await app.fetch(
      new Request('https://claimdesk.test/desk', {
        headers: { 'Cf-Access-Jwt-Assertion': await jwt(editor.email), Accept: 'text/html' },
      }),
      env,
      createExecutionContext(),
    );
    expect([302, 303]).toContain(res.status);
    expect(res.headers.get('Location')).toContain('/desk/sign-in');
  });
});
