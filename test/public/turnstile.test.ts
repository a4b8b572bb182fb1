import { describe, expect, it } from 'vitest';
import { DUMMY_TOKEN, TEST_SECRET_KEYS, turnstile } from '../../worker/turnstile';

/** A stand-in for the siteverify endpoint that records what it was sent. */
function endpoint(answer: () => Response | Promise<Response>) {
  const seen: FormData[] = [];
  const fetcher = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    seen.push(init?.body as FormData);
    return answer();
  }) as typeof fetch;
  return { fetcher, seen };
}

describe('Turnstile verifier', () => {
  it('verifies the documented test secrets offline', async () => {
    const never = endpoint(() => {
      throw new Error('must not be called');
    });
    expect(
      await turnstile({ secret: TEST_SECRET_KEYS.pass, fetcher: never.fetcher }).verify(
        DUMMY_TOKEN,
      ),
    ).toEqual({ success: true, errorCodes: [] });
    expect(
      (
        await turnstile({ secret: TEST_SECRET_KEYS.fail, fetcher: never.fetcher }).verify(
          DUMMY_TOKEN,
        )
      ).success,
    ).toBe(false);
    expect(
      await turnstile({ secret: TEST_SECRET_KEYS.spent, fetcher: never.fetcher }).verify(
        DUMMY_TOKEN,
      ),
    ).toEqual({ success: false, errorCodes: ['timeout-or-duplicate'] });
    expect(never.seen).toHaveLength(0);
  });

  it('fails closed without a secret, without a token, or with an oversize token', async () => {
    expect(await turnstile({ secret: '' }).verify(DUMMY_TOKEN)).toEqual({
      success: false,
      errorCodes: ['missing-input-secret'],
    });
    expect(await turnstile({ secret: undefined }).verify(DUMMY_TOKEN)).toMatchObject({
      success: false,
    });
    expect(await turnstile({ secret: TEST_SECRET_KEYS.pass }).verify('')).toEqual({
      success: false,
      errorCodes: ['missing-input-response'],
    });
    expect(
      await turnstile({ secret: TEST_SECRET_KEYS.pass }).verify('x'.repeat(2049)),
    ).toMatchObject({ success: false });
  });

  it('posts secret, token and address to siteverify with a real secret', async () => {
    const ep = endpoint(() => Response.json({ success: true }));
    const result = await turnstile({ secret: 'real-secret', fetcher: ep.fetcher }).verify(
      'tok',
      '203.0.113.9',
    );
    expect(result).toEqual({ success: true, errorCodes: [] });
    expect(ep.seen[0]?.get('secret')).toBe('real-secret');
    expect(ep.seen[0]?.get('response')).toBe('tok');
    expect(ep.seen[0]?.get('remoteip')).toBe('203.0.113.9');
  });

  it('fails closed on a refusal, an HTTP error, a non-JSON answer and a network error', async () => {
    const cases: [() => Response | Promise<Response>, string][] = [
      [
        () => Response.json({ success: false, 'error-codes': ['invalid-input-response'] }),
        'invalid-input-response',
      ],
      [() => new Response('oops', { status: 500 }), 'bad-response'],
      [() => new Response('<html>', { status: 200 }), 'network-error'],
      [() => Promise.reject(new TypeError('offline')), 'network-error'],
      [() => Response.json({ success: 'true' }), 'bad-response'],
    ];
    for (const [answer, code] of cases) {
      const result = await turnstile({ secret: 'real', fetcher: endpoint(answer).fetcher }).verify(
        'tok',
      );
      expect(result).toEqual({ success: false, errorCodes: [code] });
    }
  });

  it('fails closed when siteverify does not answer in time', async () => {
    const slow = (async (_u: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      )) as typeof fetch;
    expect(await turnstile({ secret: 'real', fetcher: slow, timeoutMs: 20 }).verify('tok')).toEqual(
      { success: false, errorCodes: ['network-error'] },
    );
  });
});
