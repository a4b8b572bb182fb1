/**
 * The README's typed client, compiled by `npm run typecheck` and run here against the Worker:
 * `hc<AppType>` knows the paths and the answer's shape at compile time.
 */
import { exports } from 'cloudflare:workers';
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from '../../worker/api-type';

describe('hono/client against AppType', () => {
  it('lists the rating scale with typed items', async () => {
    const client = hc<AppType>('https://claimdesk.test', {
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        exports.default.fetch(new Request(input, init)),
    });
    const res = await client.api.v1.ratings.$get();
    expect(res.status).toBe(200);
    const body = await res.json();
    // `key` and `labels` are typed: a renamed field fails `npm run typecheck`.
    const keys: string[] = body.items.map((r) => r.key);
    expect(keys).toContain('false');
    expect(body.items[0]?.labels.en).toBeTruthy();
  });
});
