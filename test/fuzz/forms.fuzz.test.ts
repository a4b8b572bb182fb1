/**
 * Fuzz every HTML form of the desk and the public site, signed in (session cookie + CSRF token)
 * where the form needs it: hostile strings in every script, huge numbers, repeated and unknown
 * fields, wrong and missing content types, garbage multipart, truncated and invalid bodies.
 * Whatever is sent: never a 5xx; an answer is an HTML page (or a redirect); a refusal (4xx) leaves
 * the main tables as they were.
 */
import { env, exports } from 'cloudflare:workers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUMMY_TOKEN } from '../../worker/turnstile';
import { ORIGIN, signIn, type DeskAgent } from '../desk/desk-helpers';
import { apiClaim, callJson, makeUser } from '../helpers';
import { publishedClaim } from '../public/fixtures';
import {
  describeBody,
  garbageMultipart,
  HUGE_NUMBER_TEXT,
  hostileString,
  invalidUtf8,
  longString,
  RUNS,
  TIMEOUT,
  tableCounts,
  Tally,
  WRONG_TYPES,
} from './fuzz-helpers';

interface Ids {
  claim: string;
  published: string;
  source: string;
  article: string;
  tracking: string;
  user: number;
}

interface Form {
  name: string;
  path: (ids: Ids) => string;
  fields: string[];
  /** Forms behind the desk sign-in send the admin's cookie and CSRF token. */
  desk: boolean;
}

const FORMS: Form[] = [
  {
    name: 'sign-in',
    path: () => '/desk/sign-in',
    fields: ['email', 'password', 'next'],
    desk: false,
  },
  { name: 'locale', path: () => '/desk/locale', fields: ['lang', 'next'], desk: true },
  {
    name: 'submit',
    path: () => '/submit',
    fields: [
      'text',
      'where_url',
      'where_text',
      'why',
      'language',
      'email',
      'nonce',
      'cf-turnstile-response',
    ],
    desk: false,
  },
  {
    name: 'submit/check',
    path: () => '/submit/check',
    fields: ['text', 'where_url', 'where_text', 'why', 'language', 'email', 'nonce'],
    desk: false,
  },
  {
    name: 'feedback',
    path: (i) => `/claims/${i.published}/feedback`,
    fields: ['helpful', 'reason'],
    desk: false,
  },
  {
    name: 'track deletion',
    path: (i) => `/track/${i.tracking}/delete-contact`,
    fields: ['confirm'],
    desk: false,
  },
  {
    name: 'claim edit',
    path: (i) => `/desk/claims/${i.claim}/edit`,
    fields: [
      'version',
      'text',
      'claimant',
      'claimantType',
      'claimDate',
      'language',
      'orig_text',
      'orig_language',
    ],
    desk: true,
  },
  {
    name: 'claim assign',
    path: (i) => `/desk/claims/${i.claim}/assign`,
    fields: ['version', 'assignee'],
    desk: true,
  },
  {
    name: 'claim status',
    path: (i) => `/desk/claims/${i.claim}/status`,
    fields: ['version', 'to', 'duplicateOf'],
    desk: true,
  },
  {
    name: 'sources',
    path: (i) => `/desk/claims/${i.claim}/sources`,
    fields: ['url', 'title', 'publisher', 'excerpt', 'stance', 'archivedUrl'],
    desk: true,
  },
  {
    name: 'source removal',
    path: (i) => `/desk/claims/${i.claim}/sources/${i.source}/remove`,
    fields: ['confirm'],
    desk: true,
  },
  {
    name: 'verdicts',
    path: (i) => `/desk/claims/${i.claim}/verdicts`,
    fields: ['ratingKey', 'headline', 'explanation', 'language', 'correctionNote'],
    desk: true,
  },
  {
    name: 'ingest',
    path: () => '/desk/ingest',
    fields: ['text', 'url', 'title', 'language', 'publisher', 'published_at'],
    desk: true,
  },
  {
    name: 'article review',
    path: (i) => `/desk/articles/${i.article}/review`,
    fields: ['one', 'bulk', 'ids', 'ids[]'],
    desk: true,
  },
  {
    name: 'admin new user',
    path: () => '/desk/admin/users',
    fields: ['email', 'name', 'role', 'password', 'locale'],
    desk: true,
  },
  {
    name: 'admin user',
    path: (i) => `/desk/admin/users/${i.user}`,
    fields: ['role', 'active'],
    desk: true,
  },
  {
    name: 'ratings',
    path: () => '/desk/admin/ratings',
    fields: ['key', 'value', 'color', 'position', 'label_en', 'label_ar', 'label_fr'],
    desk: true,
  },
];

/** Plausible values the validators accept, so a case can get past the first field into the next. */
const PLAUSIBLE = [
  '1',
  '2',
  'en',
  'ar',
  'fr',
  'yes',
  'no',
  'on',
  'accept',
  'reject',
  'editor',
  'admin',
  'queued',
  'in_review',
  'published',
  'supports',
  'false',
  'true',
  '#ff0000',
  '2025-02-30',
  'https://example.org/a',
  'http://127.0.0.1/',
  'someone@example.org',
  '/desk',
  '//evil.example',
];

const formValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 3, arbitrary: fc.constantFrom(...PLAUSIBLE) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_NUMBER_TEXT) },
  { weight: 1, arbitrary: longString },
  { weight: 1, arbitrary: fc.constant('') },
);

/** Field name/value pairs: the form's own fields (some repeated), plus now and then a stranger. */
function pairsFor(fields: string[]): fc.Arbitrary<[string, string][]> {
  return fc.array(
    fc.tuple(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...fields) },
        { weight: 1, arbitrary: hostileString },
      ),
      formValue,
    ),
    { maxLength: fields.length + 3 },
  );
}

const RAW_FORM = [
  '%',
  '%%%',
  'text=%',
  'text=%E0%A4%A',
  'text=%FF%FE%FD',
  'text=%ED%A0%80',
  'text=%C0%AF',
  'text=%00',
  '=&=&==',
  'a=b=c&&&',
  'text',
  '&',
  '+++',
];

type Body = { kind: string; body?: BodyInit; type?: string };

function bodyFor(form: Form, csrf: string | null): fc.Arbitrary<Body> {
  const urlencoded = 'application/x-www-form-urlencoded';
  const withCsrf = (pairs: [string, string][]): [string, string][] =>
    csrf === null ? pairs : [['_csrf', csrf], ...pairs];
  const encode = (pairs: [string, string][]) => new URLSearchParams(withCsrf(pairs)).toString();
  const prefix = csrf === null ? '' : `_csrf=${encodeURIComponent(csrf)}&`;
  return fc.oneof(
    {
      weight: 6,
      arbitrary: pairsFor(form.fields).map((p) => ({
        kind: 'form',
        body: encode(p),
        type: urlencoded,
      })),
    },
    {
      weight: 2,
      arbitrary: pairsFor(form.fields).map((p) => {
        const data = new FormData();
        for (const [k, v] of withCsrf(p)) data.append(k, v);
        data.append('upload', new File(['\u0000\u00ff'], 'x.bin'));
        return { kind: 'multipart', body: data };
      }),
    },
    {
      weight: 2,
      arbitrary: garbageMultipart.map(({ type, body }) => ({
        kind: 'garbage-multipart',
        type,
        body:
          csrf === null || !type.includes('boundary=b')
            ? body
            : `--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n${body}`,
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...RAW_FORM), hostileString)
        .map(([raw, s]) => ({ kind: 'raw', body: prefix + raw + s, type: urlencoded })),
    },
    {
      weight: 1,
      arbitrary: invalidUtf8.map((bytes) => {
        const head = new TextEncoder().encode(`${prefix}${form.fields[0]}=`);
        return {
          kind: 'invalid-utf8',
          body: new Uint8Array([...head, ...bytes]),
          type: urlencoded,
        };
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(pairsFor(form.fields), fc.constantFrom(...WRONG_TYPES, 'application/json'))
        .map(([p, type]) => ({ kind: 'content-type', body: encode(p), type })),
    },
    {
      weight: 1,
      arbitrary: pairsFor(form.fields)
        .map(encode)
        .chain((s) =>
          fc
            .nat({ max: Math.max(0, s.length) })
            .map((n) => ({ kind: 'truncated', body: s.slice(0, n), type: urlencoded })),
        ),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' }) },
  );
}

const tally = new Tally();
let admin: DeskAgent;
let ids: Ids;

beforeAll(async () => {
  admin = await signIn('admin');
  const claim = await apiClaim(admin.user.token);
  const published = await publishedClaim();
  const source = await callJson(`/api/v1/claims/${claim.id}/sources`, {
    token: admin.user.token,
    body: { url: 'https://example.org/source', stance: 'supports' },
  });
  const article = await callJson('/api/v1/articles', {
    token: admin.user.token,
    body: { text: 'The minister said prices rose by 5% in 2025. Unemployment fell to 3%.' },
  });
  const submission = await callJson('/api/v1/submissions', {
    body: {
      text: 'Petrol costs 3 euros a litre',
      turnstile_token: DUMMY_TOKEN,
      email: 'a@b.example',
    },
    headers: { 'CF-Connecting-IP': '203.0.113.77' },
  });
  const sourceRow = await env.DB.prepare('SELECT id FROM sources WHERE claim_id = ?1')
    .bind(claim.id)
    .first<{ id: number }>();
  const articleRow = await env.DB.prepare(
    'SELECT id FROM articles ORDER BY created_at DESC',
  ).first<{
    id: string;
  }>();
  expect([source.res.status, article.res.status, submission.res.status]).toEqual([201, 201, 202]);
  ids = {
    claim: claim.id,
    published: published.id,
    source: String(sourceRow!.id),
    article: articleRow!.id,
    tracking: String((submission.body as { tracking_url: string }).tracking_url)
      .split('/')
      .at(-1)!,
    user: (await makeUser('editor')).id,
  };
});

afterAll(() => tally.print('Form fuzz cases per form'));

describe('form fuzz', () => {
  for (const form of FORMS) {
    it(
      `${form.name}: never a 5xx, an HTML answer, refusals write nothing`,
      async () => {
        await fc.assert(
          fc.asyncProperty(bodyFor(form, form.desk ? admin.csrf : null), async (body) => {
            tally.add(`POST ${form.name}`);
            const path = form.path(ids);
            const headers = new Headers({
              Accept: 'text/html',
              Origin: ORIGIN,
              'CF-Connecting-IP': form.desk ? admin.ip : `192.0.2.${tally.total % 250}`,
            });
            if (form.desk) headers.set('Cookie', admin.cookie);
            if (body.type !== undefined) headers.set('Content-Type', body.type);
            const before = await tableCounts();
            const res = await exports.default.fetch(
              new Request(`${ORIGIN}${path}`, {
                method: 'POST',
                headers,
                body: body.body,
                redirect: 'manual',
              }),
            );
            const text = await res.text();
            const what = `${form.name} → POST ${path} [${body.kind}, ${String(body.type)}] ${describeBody(body.body)} → ${res.status} ${text.slice(0, 200)}`;
            expect(res.status, what).toBeLessThan(500);
            if (res.status >= 300 && res.status < 400) {
              expect(res.headers.get('Location'), what).toBeTruthy();
            } else {
              expect(res.headers.get('Content-Type'), what).toMatch(/^text\/html/);
            }
            if (res.status >= 400) expect(await tableCounts(), what).toEqual(before);
          }),
          { numRuns: RUNS },
        );
      },
      TIMEOUT,
    );
  }
});

describe('form fields named like Object.prototype members', () => {
  // Found by the fuzz run above: `%__proto__` as a field name was a 500 (form-validator.ts).
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`a field named ${name} is just a field`, async () => {
      const before = await tableCounts();
      const res = await exports.default.fetch(
        new Request(`${ORIGIN}/desk/claims/${ids.claim}/verdicts`, {
          method: 'POST',
          headers: {
            Accept: 'text/html',
            Origin: ORIGIN,
            Cookie: admin.cookie,
            'CF-Connecting-IP': admin.ip,
            'Content-Type': 'application/x-www-form-urlencoded',
          },
          body: `_csrf=${encodeURIComponent(admin.csrf)}&${name}=1&headline=x`,
          redirect: 'manual',
        }),
      );
      expect(res.status).toBe(422);
      expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(await tableCounts()).toEqual(before);
    });
  }
});
