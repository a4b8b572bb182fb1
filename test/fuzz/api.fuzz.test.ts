/**
 * Fuzz every JSON API route, taken from /api/openapi.json at test time (a new route is fuzzed
 * without touching this file): hostile strings in every script, huge numbers, deep nesting, wrong
 * and missing content types, truncated and invalid bodies. Whatever is sent: never a 5xx; a refusal
 * is problem+json with a 4xx and leaves the main tables as they were.
 */
import { exports } from 'cloudflare:workers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClaim, makeUser, type TestUser } from '../helpers';
import {
  deepNesting,
  describeBody,
  fieldValue,
  garbageMultipart,
  HUGE_NUMBER_TEXT,
  hostileString,
  invalidUtf8,
  RUNS,
  TIMEOUT,
  tableCounts,
  Tally,
  WRONG_TYPES,
} from './fuzz-helpers';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];

interface Operation {
  requestBody?: { content?: Record<string, { schema?: SchemaRef }> };
  parameters?: { name: string; in: string }[];
}
interface SchemaRef {
  $ref?: string;
  properties?: Record<string, unknown>;
  allOf?: SchemaRef[];
}
interface OpenApiDoc {
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components?: { schemas?: Record<string, SchemaRef> };
}

interface Route {
  method: Method;
  template: string;
  bodyFields: string[];
  queryParams: string[];
}

const res = await exports.default.fetch(new Request('https://claimdesk.test/api/openapi.json'));
const doc = (await res.json()) as OpenApiDoc;

function propertiesOf(schema: SchemaRef | undefined): string[] {
  if (!schema) return [];
  if (schema.$ref) return propertiesOf(doc.components?.schemas?.[schema.$ref.split('/').at(-1)!]);
  return [...Object.keys(schema.properties ?? {}), ...(schema.allOf ?? []).flatMap(propertiesOf)];
}

const ROUTES: Route[] = Object.entries(doc.paths).flatMap(([template, ops]) =>
  METHODS.filter((m) => ops[m]).map((method) => ({
    method,
    template,
    bodyFields: propertiesOf(ops[method]!.requestBody?.content?.['application/json']?.schema),
    queryParams: (ops[method]!.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
  })),
);

/** Replace lone surrogates so encodeURIComponent cannot throw (the raw ones go in bodies). */
function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?');
}

const asciiHeader = fc.string({ unit: 'grapheme-ascii', maxLength: 80 });

/** A path segment: mostly a real id, else hostile text (encoded) or a malformed escape (raw). */
const segment = (real: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(real) },
    { weight: 3, arbitrary: hostileString.map((s) => encodeURIComponent(wellFormed(s)) || 'x') },
    { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%00', '..', '%2F', '-1', '0') },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE_NUMBER_TEXT).map(encodeURIComponent) },
  );

type Body = { kind: string; body?: BodyInit; type?: string };

/** A body for a route with these fields: valid-looking JSON with hostile values, or anything else. */
function bodyFor(fields: string[]): fc.Arbitrary<Body> {
  const keys = fields.length ? fields : ['text'];
  const objectWithFields = fc
    .tuple(
      fc.dictionary(fc.constantFrom(...keys), fieldValue, { maxKeys: keys.length + 1 }),
      fc.option(fc.tuple(hostileString, fieldValue), { freq: 4 }),
    )
    .map(([obj, extra]) => (extra ? { ...obj, [extra[0]]: extra[1] } : obj));
  const json = 'application/json';
  return fc.oneof(
    {
      weight: 6,
      arbitrary: objectWithFields.map((o) => ({
        kind: 'fields',
        body: JSON.stringify(o),
        type: json,
      })),
    },
    {
      weight: 2,
      arbitrary: fc.jsonValue().map((v) => ({ kind: 'json', body: JSON.stringify(v), type: json })),
    },
    {
      weight: 2,
      arbitrary: objectWithFields
        .map((o) => JSON.stringify(o))
        .chain((s) =>
          fc
            .nat({ max: Math.max(0, s.length - 1) })
            .map((n) => ({ kind: 'truncated', body: s.slice(0, n), type: json })),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...keys), fc.constantFrom(...HUGE_NUMBER_TEXT))
        .map(([k, n]) => ({ kind: 'huge-number', body: `{"${k}": ${n}}`, type: json })),
    },
    {
      weight: 1,
      arbitrary: deepNesting.map((body) => ({ kind: 'nesting', body, type: json })),
    },
    {
      weight: 1,
      arbitrary: invalidUtf8.map((body) => ({ kind: 'invalid-utf8', body, type: json })),
    },
    {
      weight: 1,
      arbitrary: garbageMultipart.map(({ type, body }) => ({ kind: 'multipart', body, type })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(objectWithFields, fc.constantFrom(...WRONG_TYPES))
        .map(([o, type]) => ({ kind: 'content-type', body: JSON.stringify(o), type })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'empty', body: '', type: json }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' }) },
  );
}

const tally = new Tally();
let admin: TestUser;
let editor: TestUser;
let claimId: string;

beforeAll(async () => {
  admin = await makeUser('admin');
  editor = await makeUser('editor');
  claimId = (await apiClaim(admin.token)).id;
});

afterAll(() => tally.print('API fuzz cases per route'));

describe('API fuzz', () => {
  it('finds the API routes in the OpenAPI document', () => {
    expect(ROUTES.length).toBeGreaterThan(15);
    expect(ROUTES.map((r) => `${r.method} ${r.template}`)).toContain('patch /api/v1/claims/{id}');
  });

  for (const route of ROUTES) {
    const group = `${route.method.toUpperCase()} ${route.template}`;
    it(
      `${group}: never a 5xx, refusals are problem+json and write nothing`,
      async () => {
        const params = [...route.template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        const hasBody = route.method !== 'get';
        await fc.assert(
          fc.asyncProperty(
            fc.tuple(...params.map(() => segment(claimId))),
            hasBody ? bodyFor(route.bodyFields) : fc.constant<Body>({ kind: 'none' }),
            fc.dictionary(
              fc.constantFrom(...route.queryParams, 'q', 'limit', 'cursor', 'x'),
              hostileString.map(wellFormed),
              { maxKeys: 3 },
            ),
            fc.constantFrom('admin', 'admin', 'admin', 'editor', 'none'),
            fc.option(asciiHeader, { freq: 4 }),
            fc.option(fc.oneof(asciiHeader, fc.constantFrom('"v1"', '*', 'W/"v1"')), { freq: 3 }),
            async (segments, body, query, who, idemKey, ifMatch) => {
              tally.add(group);
              let path = route.template;
              params.forEach((p, i) => (path = path.replace(`{${p}}`, segments[i]!)));
              const qs = new URLSearchParams(query).toString();
              // Signing out ends the session it presents: give each such case an account of its own.
              const user = route.template.endsWith('/logout')
                ? await makeUser('editor')
                : who === 'admin'
                  ? admin
                  : editor;
              const headers = new Headers({
                'CF-Connecting-IP': `198.51.100.${tally.total % 250}`,
              });
              if (who !== 'none' || route.template.endsWith('/logout'))
                headers.set('Authorization', `Bearer ${user.token}`);
              if (body.type !== undefined) headers.set('Content-Type', body.type);
              if (idemKey !== null) headers.set('Idempotency-Key', idemKey);
              if (ifMatch !== null) headers.set('If-Match', ifMatch);

              const before = await tableCounts();
              const res = await exports.default.fetch(
                new Request(`https://claimdesk.test${path}${qs ? `?${qs}` : ''}`, {
                  method: route.method.toUpperCase(),
                  headers,
                  body: hasBody ? body.body : undefined,
                }),
              );
              const text = await res.text();
              const what = `${group} as ${who} → ${route.method.toUpperCase()} ${path}?${qs} [${body.kind}, ${String(body.type)}] ${describeBody(body.body)} → ${res.status} ${text.slice(0, 300)}`;
              expect(res.status, what).toBeLessThan(500);
              if (res.status >= 400) {
                expect(res.headers.get('Content-Type'), what).toMatch(
                  /^application\/problem\+json/,
                );
                const problem = JSON.parse(text) as { status: number; title: unknown };
                expect(problem.status, what).toBe(res.status);
                expect(typeof problem.title, what).toBe('string');
                expect(await tableCounts(), what).toEqual(before);
              }
            },
          ),
          { numRuns: RUNS },
        );
      },
      TIMEOUT,
    );
  }
});
