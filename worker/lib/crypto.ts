/**
 * Password hashing and secrets. PBKDF2-SHA256 through WebCrypto: the Workers runtime refuses
 * more than 100,000 iterations, so that is both our cost and our hard ceiling.
 */
export const PBKDF2_MAX_ITERATIONS = 100_000;
export const PBKDF2_ITERATIONS = 100_000;

const encoder = new TextEncoder();

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Hex SHA-256 of a string: session tokens, article bodies, claim texts. */
export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** A random secret of `bytes` bytes, base64url. */
export function randomToken(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

/** Derive a PBKDF2-SHA256 hash with a fresh 16-byte salt (or the one given, to verify). */
export async function hashPassword(
  password: string,
  salt?: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<PasswordHash> {
  if (iterations > PBKDF2_MAX_ITERATIONS)
    throw new RangeError('PBKDF2 iterations above the Workers limit');
  const saltHex = salt ?? toHex(crypto.getRandomValues(new Uint8Array(16)));
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: hexToBytes(saltHex), iterations },
    key,
    256,
  );
  return { hash: toHex(bits), salt: saltHex, iterations };
}

/** Constant-time check of a password against a stored hash. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const { hash } = await hashPassword(password, stored.salt, stored.iterations);
  return timingSafeEqual(hash, stored.hash);
}

/** Compare two strings without an early exit. */
export function timingSafeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
