import { describe, expect, it } from 'vitest';
import { apiClaim, call, callJson, count, makeUser } from '../helpers';

type Case = {
  name: string;
  path: (id: string) => string;
  method?: string;
  body?: unknown;
  raw?: string;
  type?: string;
  headers?: Record<string, string>;
  status: number;
  field?: string;
};

const cases: Case[] = [
  {
    name: 'claim: missing text',
    path: () => '/api/v1/claims',
    body: { language: 'en' },
    status: 422,
    field: 'json.text',
  },
  {
    name: 'claim: text wrong type',
    path: () => '/api/v1/claims',
    body: { text: 42 },
    status: 422,
    field: 'json.text',
  },
  {
    name: 'claim: text too long',
    path: () => '/api/v1/claims',
    body: { text: 'a'.repeat(2001) },
    status: 422,
    field: 'json.text',
  },
  {
    name: 'claim: bad language tag',
    path: () => '/api/v1/claims',
    body: { text: 'Prices rose 4%', language: 'English!' },
    status: 422,
    field: 'json.language',
  },
  {
    name: 'claim: bad appearance url',
    path: () => '/api/v1/claims',
    body: { text: 'Prices rose 4%', appearances: ['javascript:alert(1)'] },
    status: 422,
    field: 'json.appearances.0',
  },
  {
    name: 'claim: bad claim date',
    path: () => '/api/v1/claims',
    body: { text: 'Prices rose 4%', claimDate: '31/12/2025' },
    status: 422,
    field: 'json.claimDate',
  },
  {
    name: 'claim: unknown field',
    path: () => '/api/v1/claims',
    body: { text: 'Prices rose 4%', colour: 'red' },
    status: 422,
    field: 'json',
  },
  {
    name: 'claim: status not allowed on create',
    path: () => '/api/v1/claims',
    body: { text: 'Prices rose 4%', status: 'published' },
    status: 422,
    field: 'json.status',
  },
  {
    name: 'claim: invalid JSON',
    path: () => '/api/v1/claims',
    raw: '{"text": ',
    type: 'application/json',
    status: 400,
  },
  {
    name: 'claim: wrong content type',
    path: () => '/api/v1/claims',
    raw: 'text=hello',
    type: 'application/x-www-form-urlencoded',
    status: 415,
    field: 'header.Content-Type',
  },
  {
    name: 'claim: body too large',
    path: () => '/api/v1/claims',
    raw: JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 10) }),
    type: 'application/json',
    status: 413,
  },
  {
    name: 'list: bad status',
    path: () => '/api/v1/claims?status=lost',
    method: 'GET',
    status: 400,
    field: 'query.status',
  },
  {
    name: 'list: limit too large',
    path: () => '/api/v1/claims?limit=1000',
    method: 'GET',
    status: 400,
    field: 'query.limit',
  },
  {
    name: 'list: bad cursor',
    path: () => '/api/v1/claims?cursor=abc',
    method: 'GET',
    status: 400,
    field: 'query.cursor',
  },
  {
    name: 'patch: empty body',
    path: (id) => `/api/v1/claims/${id}`,
    method: 'PATCH',
    body: {},
    headers: { 'If-Match': '"v1"' },
    status: 422,
    field: 'json',
  },
  {
    name: 'patch: claimant too long',
    path: (id) => `/api/v1/claims/${id}`,
    method: 'PATCH',
    body: { claimant: 'x'.repeat(201) },
    headers: { 'If-Match': '"v1"' },
    status: 422,
    field: 'json.claimant',
  },
  {
    name: 'patch: bad claimant type',
    path: (id) => `/api/v1/claims/${id}`,
    method: 'PATCH',
    body: { claimantType: 'robot' },
    headers: { 'If-Match': '"v1"' },
    status: 422,
    field: 'json.claimantType',
  },
  {
    name: 'transition: unknown status',
    path: (id) => `/api/v1/claims/${id}/transition`,
    body: { to: 'done' },
    status: 422,
    field: 'json.to',
  },
  {
    name: 'transition: missing to',
    path: (id) => `/api/v1/claims/${id}/transition`,
    body: {},
    status: 422,
    field: 'json.to',
  },
  {
    name: 'source: missing stance',
    path: (id) => `/api/v1/claims/${id}/sources`,
    body: { url: 'https://a.example' },
    status: 422,
    field: 'json.stance',
  },
  {
    name: 'source: title too long',
    path: (id) => `/api/v1/claims/${id}/sources`,
    body: { url: 'https://a.example', stance: 'context', title: 't'.repeat(301) },
    status: 422,
    field: 'json.title',
  },
  {
    name: 'source: bad source id',
    path: (id) => `/api/v1/claims/${id}/sources/abc`,
    method: 'DELETE',
    status: 400,
    field: 'param.sourceId',
  },
  {
    name: 'verdict: missing explanation',
    path: (id) => `/api/v1/claims/${id}/verdicts`,
    body: { ratingKey: 'true', headline: 'Fine', language: 'en' },
    status: 422,
    field: 'json.explanation',
  },
  {
    name: 'verdict: headline wrong type',
    path: (id) => `/api/v1/claims/${id}/verdicts`,
    body: { ratingKey: 'true', headline: ['x'], explanation: 'e', language: 'en' },
    status: 422,
    field: 'json.headline',
  },
  {
    name: 'idempotency: bad key',
    path: () => '/api/v1/claims',
    body: { text: 'Prices rose 4%' },
    headers: { 'Idempotency-Key': 'has spaces in it' },
    status: 400,
    field: 'header.Idempotency-Key',
  },
];

describe('bad input matrix', () => {
  for (const t of cases) {
    it(`${t.name} → ${t.status} problem+json, nothing written`, async () => {
      const u = await makeUser();
      const claim = await apiClaim(u.token);
      const tables = ['claims', 'sources', 'verdicts', 'audit_log'];
      const before = await Promise.all(tables.map((x) => count(x)));
      const headers = { ...t.headers, ...(t.type ? { 'Content-Type': t.type } : {}) };
      const { res, body } = await callJson(t.path(claim.id), {
        method: t.method,
        token: u.token,
        body: t.body,
        raw: t.raw,
        headers,
      });
      expect(res.status).toBe(t.status);
      expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
      expect(body).toMatchObject({ status: t.status, type: 'about:blank' });
      expect(typeof body.title).toBe('string');
      if (t.field) expect(body.errors.map((e: { field: string }) => e.field)).toContain(t.field);
      expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|SQLITE|D1_ERROR|stack/i);
      expect(await Promise.all(tables.map((x) => count(x)))).toEqual(before);
    });
  }

  it('answers unknown API routes with a problem+json 404', async () => {
    const { res, body } = await callJson('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(body.status).toBe(404);
  });

  it('sends strict headers on API answers', async () => {
    const res = await call('/api/v1/ratings');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('X-Request-Id')).toBeTruthy();
  });

  it('publishes an OpenAPI document built from the same schemas', async () => {
    const { res, body } = await callJson('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/claims',
        '/api/v1/claims/{id}',
        '/api/v1/claims/{id}/transition',
        '/api/v1/auth/login',
      ]),
    );
    const docs = await call('/api/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/v1/claims/{id}/verdicts');
  });
});
