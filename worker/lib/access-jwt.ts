/**
 * Cloudflare Access application token (`Cf-Access-Jwt-Assertion`) verification: RS256 only,
 * WebCrypto against the team's JSON Web Key Set, `aud`, `iss`, `exp`/`nbf` with a small skew.
 * Pure apart from WebCrypto: the caller supplies the keys.
 */

export interface AccessJwtRules {
  /** The team domain, e.g. `newsroom.cloudflareaccess.com`; `iss` must be `https://<it>`. */
  teamDomain: string;
  /** The Access application's AUD tag. */
  aud: string;
  now?: Date;
  /** Seconds of clock skew tolerated on exp and nbf (default 60). */
  skewSeconds?: number;
}

export type AccessJwtResult =
  | { ok: true; email: string }
  | { ok: false; reason: 'malformed' | 'alg' | 'signature' | 'aud' | 'iss' | 'expired' | 'early' };

/** `https://team.example` or `team.example/` → `team.example`. */
export function teamHost(teamDomain: string): string {
  return teamDomain
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

function b64urlBytes(part: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) return null;
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

function b64urlJson(part: string): Record<string, unknown> | null {
  const bytes = b64urlBytes(part);
  if (!bytes) return null;
  try {
    const v: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

async function signedBy(
  keys: JsonWebKey[],
  kid: unknown,
  data: Uint8Array<ArrayBuffer>,
  sig: Uint8Array<ArrayBuffer>,
) {
  const candidates = keys.filter(
    (k) => k.kty === 'RSA' && (kid === undefined || (k as { kid?: string }).kid === kid),
  );
  for (const jwk of candidates) {
    try {
      const key = await crypto.subtle.importKey(
        'jwk',
        { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', ext: true },
        { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        false,
        ['verify'],
      );
      if (await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, sig, data)) return true;
    } catch {
      // A key we cannot import verifies nothing.
    }
  }
  return false;
}

/** Verify an Access token against `keys` (the team's JWKS `keys`) and the rules. */
export async function verifyAccessJwt(
  token: string,
  keys: JsonWebKey[],
  rules: AccessJwtRules,
): Promise<AccessJwtResult> {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [h, p, s] = parts as [string, string, string];
  const header = b64urlJson(h);
  const payload = b64urlJson(p);
  const sig = b64urlBytes(s);
  if (!header || !payload || !sig) return { ok: false, reason: 'malformed' };
  // Only RS256: `none`, HS256 (a JWKS "secret") and every other algorithm are refused outright.
  if (header.alg !== 'RS256') return { ok: false, reason: 'alg' };
  const data = new Uint8Array(new TextEncoder().encode(`${h}.${p}`));
  if (!(await signedBy(keys, header.kid, data, sig))) return { ok: false, reason: 'signature' };
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.includes(rules.aud)) return { ok: false, reason: 'aud' };
  if (payload.iss !== `https://${teamHost(rules.teamDomain)}`) return { ok: false, reason: 'iss' };
  const now = (rules.now ?? new Date()).getTime() / 1000;
  const skew = rules.skewSeconds ?? 60;
  if (typeof payload.exp !== 'number' || payload.exp + skew < now)
    return { ok: false, reason: 'expired' };
  if (typeof payload.nbf === 'number' && payload.nbf - skew > now)
    return { ok: false, reason: 'early' };
  if (typeof payload.email !== 'string' || !payload.email.includes('@'))
    return { ok: false, reason: 'malformed' };
  return { ok: true, email: payload.email };
}
