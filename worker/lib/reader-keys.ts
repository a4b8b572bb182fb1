/**
 * Keys derived from PUBLIC_DATA_KEY: a keyed hash of reader addresses (rate limits, one vote per
 * reader per day, no address stored) and AES-GCM encryption of submitters' contact e-mails.
 */
import { toBase64Url, toHex } from './crypto';

const encoder = new TextEncoder();

// Keys under PUBLIC_DATA_KEY are reused within an isolate: HKDF once per purpose, not per
// request. Keys from one-time secrets (a form's nonce) are not kept.
const derived = new Map<string, Promise<CryptoKey>>();

function derive(
  secret: string,
  info: string,
  usage: 'hmac' | 'aes',
  keep = true,
): Promise<CryptoKey> {
  if (!secret) return Promise.reject(new Error('PUBLIC_DATA_KEY is not configured'));
  if (!keep) return deriveNow(secret, info, usage);
  const id = `${usage}\n${info}\n${secret}`;
  let key = derived.get(id);
  if (!key) {
    key = deriveNow(secret, info, usage);
    key.catch(() => derived.delete(id));
    derived.set(id, key);
  }
  return key;
}

async function deriveNow(secret: string, info: string, usage: 'hmac' | 'aes'): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, [
    'deriveKey',
  ]);
  const params = {
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: encoder.encode(info),
  };
  return usage === 'hmac'
    ? crypto.subtle.deriveKey(params, base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, [
        'sign',
      ])
    : crypto.subtle.deriveKey(params, base, { name: 'AES-GCM', length: 256 }, false, [
        'encrypt',
        'decrypt',
      ]);
}

/** AES-GCM under a key derived for `info`: `<version>.<iv>.<ciphertext>` (base64url). */
async function seal(
  secret: string,
  info: string,
  version: string,
  text: string,
  keep = true,
): Promise<string> {
  const key = await derive(secret, info, 'aes', keep);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(text)),
  );
  return `${version}.${toBase64Url(iv)}.${toBase64Url(ct)}`;
}

/** Open what seal() made with the same secret, purpose and version; null if it does not open. */
async function open(
  secret: string,
  info: string,
  version: string,
  blob: string,
  keep = true,
): Promise<string | null> {
  const [v, iv, ct] = blob.split('.');
  if (v !== version || !iv || !ct) return null;
  try {
    const key = await derive(secret, info, 'aes', keep);
    return new TextDecoder().decode(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64Url(iv) },
        key,
        fromBase64Url(ct),
      ),
    );
  } catch {
    return null;
  }
}

/** Keyed hash (HMAC-SHA256, hex) of a value under a purpose label. */
export async function keyedHash(secret: string, purpose: string, value: string): Promise<string> {
  const key = await derive(secret, 'claimdesk:hash', 'hmac');
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(`${purpose}\n${value}`)));
}

/**
 * The part of a client address that stands for one reader: an IPv4 address as is, an IPv6
 * address by its /64 (one subscriber's usual allocation, so rotating the low bits does not make
 * a new reader). IPv4-mapped IPv6 (`::ffff:a.b.c.d`) counts as the IPv4 address.
 */
export function readerAddress(address: string): string {
  const a = address.trim().toLowerCase().replace(/%.*$/, '');
  if (!a.includes(':')) return a;
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped) return mapped[1]!;
  const groups = (part: string) =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : [];
  const [head = '', tail] = a.split('::', 2);
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const all = [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  const prefix = all.slice(0, 4).map((g) => (Number.parseInt(g, 16) || 0).toString(16));
  return `${prefix.join(':')}::/64`;
}

/** The reader id for "one vote per reader per claim": reader address (IPv6 by /64) + UTC day, keyed. */
export function readerHash(secret: string, address: string, now = new Date()): Promise<string> {
  return keyedHash(
    secret,
    'reader-day',
    `${now.toISOString().slice(0, 10)}\n${readerAddress(address)}`,
  );
}

/** Encrypt a contact e-mail: `v1.<iv>.<ciphertext>` (base64url). */
export function encryptContact(secret: string, email: string): Promise<string> {
  return seal(secret, 'claimdesk:contact', 'v1', email);
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

/** Decrypt what encryptContact made (for editors replying to a submitter); null if it does not open. */
export function decryptContact(secret: string, blob: string): Promise<string | null> {
  return open(secret, 'claimdesk:contact', 'v1', blob);
}

/**
 * Seal a value with a key derived from a secret the client holds (a form's one-time nonce): what
 * is stored can only be opened by whoever presents that secret again, not by reading the table.
 */
export function sealForHolder(holderSecret: string, text: string): Promise<string> {
  return seal(holderSecret, 'claimdesk:holder-seal', 'h1', text, false);
}

/** Open what sealForHolder made with the same secret; null if it does not open. */
export function openForHolder(holderSecret: string, blob: string): Promise<string | null> {
  return open(holderSecret, 'claimdesk:holder-seal', 'h1', blob, false);
}

/** A desk account's TOTP secret at rest: AES-GCM under PUBLIC_DATA_KEY (the database alone cannot open it). */
export function sealTotpSecret(secret: string, totpSecret: string): Promise<string> {
  return seal(secret, 'claimdesk:totp', 't1', totpSecret);
}

/** What sealTotpSecret() made; null if it does not open (another key, tampered). */
export function openTotpSecret(secret: string, blob: string): Promise<string | null> {
  return open(secret, 'claimdesk:totp', 't1', blob);
}

/** Seal a webhook signing secret (`whsec_…`): it must be read back to sign, so it is encrypted, not hashed. */
export function sealWebhookSecret(secret: string, whsec: string): Promise<string> {
  return seal(secret, 'claimdesk:webhook-secret', 'w1', whsec);
}

/** Open what sealWebhookSecret made; null if it does not open (PUBLIC_DATA_KEY changed). */
export function openWebhookSecret(secret: string, blob: string): Promise<string | null> {
  return open(secret, 'claimdesk:webhook-secret', 'w1', blob);
}
