import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SUBMIT_RATE } from '../../worker/domain/intake';
import { DUMMY_TOKEN } from '../../worker/turnstile';
import { count, unique } from '../helpers';
import { address, publishedClaim } from './fixtures';

function post(body: unknown, headers: Record<string, string> = {}, ip = address()) {
  return exports.default.fetch(
    new Request('https://claimdesk.test/api/v1/submissions', {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': ip, ...headers },
    }),
  );
}

const text = () => `${unique('The minister said ')} petrol costs 3 euros a litre`;

describe('POST /api/v1/submissions', () => {
  it('answers 202 with the tracking URL and the published matches', async () => {
    const published = await publishedClaim({
      text: `${unique('Wibble ')} petrol costs 3 euros a litre in the capital`,
    });
    const res = await post({
      text: published.text,
      turnstile_token: DUMMY_TOKEN,
      email: 'a@b.example',
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as {
      id: string;
      status: string;
      new_claim: boolean;
      tracking_url: string;
      language: string;
      matches: { id: string; url: string }[];
    };
    expect(body.status).toBe('received');
    expect(body.new_claim).toBe(false);
    expect(body.language).toBe('en');
    expect(body.tracking_url).toMatch(/^https:\/\/claimdesk\.test\/track\/[A-Za-z0-9_-]{32}$/);
    expect(body.matches[0]).toMatchObject({
      id: published.id,
      url: `https://claimdesk.test/claims/${published.id}`,
    });
    const claim = await env.DB.prepare('SELECT submission_count FROM claims WHERE id = ?1')
      .bind(published.id)
      .first<{ submission_count: number }>();
    expect(claim?.submission_count).toBe(1);
  });

  it('takes the Turnstile token from the CF-Turnstile-Response header too', async () => {
    const res = await post({ text: text() }, { 'CF-Turnstile-Response': DUMMY_TOKEN });
    expect(res.status).toBe(202);
  });

  it('takes the token as turnstileToken (camelCase) or turnstile_token (the older name)', async () => {
    for (const name of ['turnstileToken', 'turnstile_token']) {
      const t = text();
      const res = await post({ text: t, [name]: DUMMY_TOKEN });
      expect(res.status, name).toBe(202);
      expect(await count('submissions', 'text = ?1', t)).toBe(1);
    }
    const missing = await post({ text: text() });
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(
      'body.turnstileToken',
    );
  });

  it('documents both body names and the CF-Turnstile-Response header in the OpenAPI document', async () => {
    const doc = (await (
      await exports.default.fetch(new Request('https://claimdesk.test/api/openapi.json'))
    ).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
      components: {
        schemas: Record<string, { properties: Record<string, { deprecated?: boolean }> }>;
      };
    };
    const props = doc.components.schemas.SubmissionRequest!.properties;
    expect(Object.keys(props)).toEqual(
      expect.arrayContaining(['turnstileToken', 'turnstile_token']),
    );
    expect(props.turnstile_token?.deprecated).toBe(true);
    const headers = (doc.paths['/api/v1/submissions']!.post!.parameters ?? [])
      .filter((p) => p.in === 'header')
      .map((p) => p.name.toLowerCase());
    expect(headers).toContain('cf-turnstile-response');
  });

  it('fails closed without a Turnstile token (403) and writes nothing', async () => {
    const t = text();
    const res = await post({ text: t });
    expect(res.status).toBe(403);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('turnstile_failed');
    expect(await count('submissions', 'text = ?1', t)).toBe(0);
  });

  it('reports every bad field with a code and a message in the reader language', async () => {
    const res = await post(
      {
        text: 'short',
        where_url: 'ftp://x.example',
        email: 'nope',
        language: 'xx',
        why: 'w'.repeat(1001),
      },
      { 'Accept-Language': 'ar' },
    );
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      errors: { field: string; code: string; message: string }[];
    };
    const byField = Object.fromEntries(body.errors.map((e) => [e.field, e]));
    expect(byField['body.text']).toMatchObject({
      code: 'too_short:10',
      message: 'اكتب ١٠ أحرف على الأقل.',
    });
    expect(byField['body.where_url']?.code).toBe('url');
    expect(byField['body.email']?.code).toBe('email');
    expect(byField['body.language']?.code).toBe('language');
    expect(byField['body.why']?.code).toBe('too_long:1000');
  });

  it('refuses a missing text, non-JSON bodies (415) and oversize bodies (413)', async () => {
    expect((await post({ turnstile_token: DUMMY_TOKEN })).status).toBe(422);
    const form = await exports.default.fetch(
      new Request('https://claimdesk.test/api/v1/submissions', {
        method: 'POST',
        body: 'text=hello',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(form.status).toBe(415);
    const big = await post({ text: text(), why: 'x'.repeat(20_000), turnstile_token: DUMMY_TOKEN });
    expect(big.status).toBe(413);
  });

  it('replays an Idempotency-Key instead of submitting twice', async () => {
    const t = text();
    const ip = address();
    const key = unique('idem');
    const a = await post({ text: t, turnstile_token: DUMMY_TOKEN }, { 'Idempotency-Key': key }, ip);
    const b = await post({ text: t, turnstile_token: DUMMY_TOKEN }, { 'Idempotency-Key': key }, ip);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(b.headers.get('Idempotent-Replayed')).toBe('true');
    // The replay is the same answer less the secret: the tracking link is shown once.
    const first = (await a.json()) as Record<string, unknown>;
    expect(await b.json()).toEqual({ ...first, tracking_url: null, secret_replayed: false });
    expect(await count('submissions', 'text = ?1', t)).toBe(1);
  });

  it('rate limits per address with 429 and Retry-After', async () => {
    const ip = address();
    for (let i = 0; i < SUBMIT_RATE.limit; i++)
      expect((await post({ text: text(), turnstile_token: DUMMY_TOKEN }, {}, ip)).status).toBe(202);
    const res = await post({ text: text(), turnstile_token: DUMMY_TOKEN }, {}, ip);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(((await res.json()) as { code: string }).code).toBe('rate_limited');
  });

  it('refuses a filled honeypot like a failed anti-spam check, without naming it', async () => {
    const res = await post({ text: text(), turnstile_token: DUMMY_TOKEN, website: 'x' });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toMatch(/website/i);
  });
});
