import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppEnv } from '../../worker/env';
import { formValidator } from '../../worker/middleware/form-validator';
import { SourceBody } from '../../worker/schemas';

const Form = z.object({
  name: z.string().trim().min(1),
  note: z.string().nullable(),
  extra: z.string().optional(),
  count: z.number().int().nullable(),
  notify: z.boolean(),
  maybe: z.boolean().optional(),
  ids: z.array(z.string()),
});

const app = new Hono<AppEnv>();
app.post(
  '/form',
  formValidator(Form, (c, errors, values) => c.json({ errors, values }, 422)),
  (c) => c.json(c.req.valid('form')),
);
app.post(
  '/source',
  formValidator(SourceBody, (c, errors) => c.json({ errors }, 422)),
  (c) => c.json(c.req.valid('form')),
);

function post(path: string, fields: [string, string][]) {
  const body = new URLSearchParams(fields);
  return app.request(path, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}

describe('formValidator', () => {
  it('coerces form strings by what each field expects', async () => {
    const res = await post('/form', [
      ['_csrf', 'token'],
      ['name', ' Ada '],
      ['note', '   '],
      ['extra', ''],
      ['count', '42'],
      ['notify', 'on'],
      ['ids', 'a'],
      ['ids[]', 'b'],
      ['ids', 'c'],
    ]);
    expect(res.status).toBe(200);
    // Blank: null where the field takes null, absent otherwise; fields outside the schema are left out.
    const body = (await res.json()) as { ids: string[] };
    expect(body).toEqual({
      name: 'Ada',
      note: null,
      count: 42,
      notify: true,
      ids: expect.any(Array),
    });
    expect(body.ids.sort()).toEqual(['a', 'b', 'c']);
  });

  it('reads an unticked checkbox as false, 1/0 as booleans, and the last value of a repeated scalar', async () => {
    const res = await post('/form', [
      ['name', 'first'],
      ['name', 'last'],
      ['note', 'x'],
      ['count', ''],
      ['maybe', '0'],
    ]);
    expect(await res.json()).toEqual({
      name: 'last',
      note: 'x',
      count: null,
      notify: false,
      maybe: false,
      ids: [],
    });
  });

  it('hands a refused form to onInvalid with the errors per field and what was typed', async () => {
    const res = await post('/form', [
      ['name', ''],
      ['note', 'kept'],
      ['count', 'many'],
      ['notify', 'perhaps'],
      ['_csrf', 't'],
    ]);
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      errors: Record<string, string[]>;
      values: Record<string, string>;
    };
    expect(Object.keys(body.errors).sort()).toEqual(['count', 'name', 'notify']);
    expect(body.values).toEqual({
      name: '',
      note: 'kept',
      count: 'many',
      notify: 'perhaps',
      _csrf: 't',
    });
  });

  it('takes the API request schemas as they are (strict objects, null defaults)', async () => {
    const res = await post('/source', [
      ['_csrf', 't'],
      ['url', 'https://stats.example/t1'],
      ['title', ''],
      ['stance', 'refutes'],
      ['archivedUrl', ' '],
    ]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      url: 'https://stats.example/t1',
      title: null,
      publisher: null,
      excerpt: null,
      stance: 'refutes',
      archivedUrl: null,
    });
    const bad = await post('/source', [
      ['url', 'javascript:alert(1)'],
      ['stance', 'agrees'],
    ]);
    expect(Object.keys(((await bad.json()) as { errors: object }).errors).sort()).toEqual([
      'stance',
      'url',
    ]);
  });

  it('answers 400 to a body that is not a form, and treats another content type as an empty form', async () => {
    const garbage = await app.request('/form', {
      method: 'POST',
      body: 'garbage',
      headers: { 'Content-Type': 'multipart/form-data; boundary=zzz' },
    });
    expect(garbage.status).toBe(400);
    const json = await app.request('/form', {
      method: 'POST',
      body: '{"name":"x"}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(json.status).toBe(422);
  });
});
