/**
 * Cloudflare Turnstile, verified server-side behind one small interface.
 *
 * Production posts the token to the siteverify endpoint with the secret from the environment.
 * The documented dummy secret keys (always pass / always fail / token already spent) are
 * answered offline, so local dev and tests need no network. That is explicit configuration: a
 * deployed Worker has a real secret (`wrangler secret put TURNSTILE_SECRET_KEY`) and never takes
 * the offline path. Every error (no secret, no token, network failure, bad answer) fails closed.
 */

const SITEVERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

/** Documented dummy site keys: they render a widget that issues the dummy token. */
const TEST_SITE_KEYS = {
  pass: '1x00000000000000000000AA',
  fail: '2x00000000000000000000AB',
} as const;

/** Documented dummy secret keys and what each answers. */
export const TEST_SECRET_KEYS = {
  pass: '1x0000000000000000000000000000000AA',
  fail: '2x0000000000000000000000000000000AA',
  spent: '3x0000000000000000000000000000000AA',
} as const;

/** The response token the dummy site keys produce. */
export const DUMMY_TOKEN = 'XXXX.DUMMY.TOKEN.XXXX';

/** Turnstile tokens are at most 2048 characters. */
const MAX_TOKEN_LENGTH = 2048;

export interface TurnstileResult {
  success: boolean;
  /** Turnstile error codes, or our own ('missing-input-secret', 'network-error', 'bad-response'). */
  errorCodes: string[];
}

export interface TurnstileVerifier {
  verify(token: string | null | undefined, remoteIp?: string): Promise<TurnstileResult>;
}

export interface TurnstileConfig {
  secret: string | undefined;
  /** Only for tests of the online path: where siteverify is. */
  endpoint?: string;
  fetcher?: typeof fetch;
  timeoutMs?: number;
}

/** True when the secret is one of the documented dummy keys (offline verification). */
export function isTestSecret(secret: string | undefined): boolean {
  return Object.values(TEST_SECRET_KEYS).includes(secret as never);
}

/** True when the site key is a dummy key: the page then needs no Turnstile script. */
export function isTestSiteKey(siteKey: string | undefined): boolean {
  return Object.values(TEST_SITE_KEYS).includes(siteKey as never);
}

function fail(...errorCodes: string[]): TurnstileResult {
  return { success: false, errorCodes };
}

function offlineVerdict(secret: string): TurnstileResult {
  if (secret === TEST_SECRET_KEYS.pass) return { success: true, errorCodes: [] };
  if (secret === TEST_SECRET_KEYS.spent) return fail('timeout-or-duplicate');
  return fail('invalid-input-response');
}

/** Build the verifier for a configuration. */
export function turnstile(config: TurnstileConfig): TurnstileVerifier {
  return {
    async verify(token, remoteIp) {
      const secret = config.secret?.trim();
      if (!secret) return fail('missing-input-secret');
      if (!token) return fail('missing-input-response');
      if (token.length > MAX_TOKEN_LENGTH) return fail('invalid-input-response');
      if (isTestSecret(secret)) return offlineVerdict(secret);
      const form = new FormData();
      form.set('secret', secret);
      form.set('response', token);
      if (remoteIp) form.set('remoteip', remoteIp);
      try {
        const res = await (config.fetcher ?? fetch)(config.endpoint ?? SITEVERIFY_URL, {
          method: 'POST',
          body: form,
          signal: AbortSignal.timeout(config.timeoutMs ?? 5000),
        });
        if (!res.ok) return fail('bad-response');
        const body = (await res.json()) as { success?: unknown; 'error-codes'?: unknown };
        const codes = Array.isArray(body['error-codes']) ? body['error-codes'].map(String) : [];
        return body.success === true
          ? { success: true, errorCodes: [] }
          : fail(...(codes.length ? codes : ['bad-response']));
      } catch {
        return fail('network-error');
      }
    },
  };
}
