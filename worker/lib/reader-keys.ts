/**
 * Keys derived from PUBLIC_DATA_KEY: a keyed hash of reader addresses (rate limits, one vote per
 * reader per day, no address stored) and AES-GCM encryption of submitters' contact e-mails.
 */
import { toBase64Url, toHex } from './crypto';

const encoder = new TextEncoder();

async function derive(secret: string, info: string, usage: 'hmac' | 'aes'): Promise<CryptoKey> {
  if (!secret) throw new Error('PUBLIC_DATA_KEY is not configured');
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

/** Keyed hash (HMAC-SHA256, hex) of a value under a purpose label. */
export async function keyedHash(secret: string, purpose: string, value: string): Promise<string> {
  const key = await derive(secret, 'claimdesk:hash', 'hmac');
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(`${purpose}\n${value}`)));
}

/** The reader id for "one vote per reader per claim": address + UTC day, keyed. */
export function readerHash(secret: string, address: string, now = new Date()): Promise<string> {
  return keyedHash(secret, 'reader-day', `${now.toISOString().slice(0, 10)}\n${address}`);
}

/** Encrypt a contact e-mail: `v1.<iv>.<ciphertext>` (base64url). */
export async function encryptContact(secret: string, email: string): Promise<string> {
  const key = await derive(secret, 'claimdesk:contact', 'aes');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(email)),
  );
  return `v1.${toBase64Url(iv)}.${toBase64Url(ct)}`;
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

/** Decrypt what encryptContact made (for editors replying to a submitter); null if it does not open. */
export async function decryptContact(secret: string, blob: string): Promise<string | null> {
  const [v, iv, ct] = blob.split('.');
  if (v !== 'v1' || !iv || !ct) return null;
  try {
    const key = await derive(secret, 'claimdesk:contact', 'aes');
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

/**
 * Seal a value with a key derived from a secret the client holds (a form's one-time nonce): what
 * is stored can only be opened by whoever presents that secret again, not by reading the table.
 */
export async function sealForHolder(holderSecret: string, text: string): Promise<string> {
  const key = await derive(holderSecret, 'claimdesk:holder-seal', 'aes');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(text)),
  );
  return `h1.${toBase64Url(iv)}.${toBase64Url(ct)}`;
}

/** Open what sealForHolder made with the same secret; null if it does not open. */
export async function openForHolder(holderSecret: string, blob: string): Promise<string | null> {
  const [v, iv, ct] = blob.split('.');
  if (v !== 'h1' || !iv || !ct) return null;
  try {
    const key = await derive(holderSecret, 'claimdesk:holder-seal', 'aes');
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
