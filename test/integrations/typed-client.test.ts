/**
 * The README's typed client, compiled by `npm run typecheck` and run here against the Worker:
 * `hc<AppType>` knows the paths and the answer's shape at compile time.
 */
import { exports } from 'cloudflare:workers';
import { hc, type InferResponseType } from 'hono/client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AppType } from '../../worker/api-type';
import { makeUser, unique } from '../helpers';

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

/**
 * Type-level: every /api/v1 router is in AppType, and a call's answer has the fields of its
 * schema. These assertions are checked by `npm run typecheck` (a wrong field fails the build);
 * the calls below run them against the Worker too.
 */
type Client = ReturnType<typeof hc<AppType>>;
type Ok<F> = F extends (...args: never[]) => unknown
  ? Extract<InferResponseType<F, 200 | 201>, object>
  : never;

describe('AppType covers every /api/v1 router', () => {
  it('types claims, search, matches, tokens, webhooks, feeds, export and imports answers', async () => {
    expectTypeOf<Ok<Client['api']['v1']['claims']['$post']>['claim']>().toHaveProperty('version');
    expectTypeOf<Ok<Client['api']['v1']['claims'][':id']['$get']>>().toHaveProperty('verdicts');
    expectTypeOf<Ok<Client['api']['v1']['search']['$get']>>().toHaveProperty('items');
    expectTypeOf<Ok<Client['api']['v1']['claims'][':id']['matches']['$get']>>().toHaveProperty(
      'matches',
    );
    expectTypeOf<Ok<Client['api']['v1']['tokens']['$get']>>().toHaveProperty('items');
    expectTypeOf<Ok<Client['api']['v1']['webhooks']['$get']>>().toHaveProperty('items');
    expectTypeOf<Ok<Client['api']['v1']['monitored-feeds']['$get']>>().toHaveProperty('items');
    expectTypeOf<Client['api']['v1']['export']['$get']>().toBeFunction();
    type Preview = Ok<Client['api']['v1']['imports']['claimreview']['$post']>;
    expectTypeOf<Preview['items'][number]['rating']['label']>().toEqualTypeOf<string>();
    expectTypeOf<Preview['labels'][number]['proposed']>().toEqualTypeOf<string | null>();
    type Committed = Ok<Client['api']['v1']['imports']['claimreview'][':id']['commit']['$post']>;
    expectTypeOf<Committed['imported']>().toEqualTypeOf<number>();

    const admin = await makeUser('admin');
    const client = hc<AppType>('https://claimdesk.test', {
      headers: { Authorization: `Bearer ${admin.token}` },
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        exports.default.fetch(new Request(input, init)),
    });
    const res = await client.api.v1.imports.claimreview.$post({
      json: {
        document: {
          '@type': 'ClaimReview',
          url: `https://checks.example/${unique('typed')}`,
          claimReviewed: 'A typed claim',
          reviewRating: { '@type': 'Rating', alternateName: 'False' },
        },
      },
    });
    expect(res.status).toBe(201);
    if (res.status !== 201) return;
    const preview = await res.json();
    expect(preview.labels[0]?.proposed).toBe('false');
    const search = await client.api.v1.search.$get({ query: { q: 'typed' } });
    expect(search.status).toBe(200);
  });
});
