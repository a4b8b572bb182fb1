/** Small findings on the public surface: the honeypot stays secret, tracking URLs stay with their reader, garbage bodies are 4xx. */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DUMMY_TOKEN } from '../../worker/turnstile';
import { count, makeUser, unique } from '../helpers';
import { address, publishedClaim } from '../public/fixtures';
import { postForm, validFields } from '../public/submit-helpers';

const text = () => `${unique('The minister said ')} petrol costs 3 euros a litre`;

function submitJson(body: unknown, headers: Record<string, string>) {
  return exports.default.fetch(
    new Request('https://claimdesk.test/api/v1/submissions', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...headers },
    }),
  );
}

describe('the honeypot', () => {
  it('is answered by the API like a failed anti-spam check, never named', async () => {
    const t = text();
    const filled = await submitJson(
      { text: t, turnstileToken: DUMMY_TOKEN, website: 'http://spam.example' },
      { 'CF-Connecting-IP': address() },
    );
    const captcha = await submitJson({ text: text() }, { 'CF-Connecting-IP': address() });
    expect(filled.status).toBe(403);
    expect(captcha.status).toBe(403);
    const a = (await filled.json()) as Record<string, unknown>;
    const b = (await captcha.json()) as Record<string, unknown>;
    expect(JSON.stringify(a)).not.toMatch(/website/i);
    expect(a).toMatchObject({ code: 'turnstile_failed' });
    expect(a.errors).toEqual(b.errors);
    // An over-long honeypot value is no validation error that names it either.
    const long = await submitJson(
      { text: text(), turnstileToken: DUMMY_TOKEN, website: 'x'.repeat(2000) },
      { 'CF-Connecting-IP': address() },
    );
    expect(long.status).toBe(403);
    expect(await long.text()).not.toMatch(/website/i);
    expect(await count('submissions', 'text = ?1', t)).toBe(0);
  });

  it('is answered by the form like a failed anti-spam check too (same status)', async () => {
    const honey = await postForm('/submit', validFields({ website: 'http://spam.example' }));
    const captcha = await postForm('/submit', validFields({ 'cf-turnstile-response': '' }));
    expect(honey.status).toBe(403);
    expect(captcha.status).toBe(403);
    expect(await honey.text()).toContain('The anti-spam check failed.');
  });
});

describe('Idempotency-Key on anonymous submissions', () => {
  it("never gives a second reader behind the same address the first reader's tracking URL", async () => {
    const ip = address();
    const key = unique('key');
    const body = { text: text() };
    const first = await submitJson(body, {
      'CF-Connecting-IP': ip,
      'Idempotency-Key': key,
      'CF-Turnstile-Response': `${DUMMY_TOKEN}.reader-one`,
    });
    expect(first.status).toBe(202);
    const firstUrl = ((await first.json()) as { tracking_url: string }).tracking_url;
    // The same reader retrying gets the same answer back.
    const retry = await submitJson(body, {
      'CF-Connecting-IP': ip,
      'Idempotency-Key': key,
      'CF-Turnstile-Response': `${DUMMY_TOKEN}.reader-one`,
    });
    expect(retry.status).toBe(202);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    const second = await submitJson(body, {
      'CF-Connecting-IP': ip,
      'Idempotency-Key': key,
      'CF-Turnstile-Response': `${DUMMY_TOKEN}.reader-two`,
    });
    const answer = await second.text();
    expect(answer).not.toContain(firstUrl);
    expect(answer).not.toContain(firstUrl.split('/').pop()!);
    expect(second.headers.get('Idempotent-Replayed')).toBeNull();
  });
});

describe('multipart/form-data with a garbage body is a 4xx, never a 500', () => {
  const garbage = (path: string, extra: Record<string, string> = {}) =>
    exports.default.fetch(
      new Request(`https://claimdesk.test${path}`, {
        method: 'POST',
        body: '--zzz\r\nthis is not multipart',
        redirect: 'manual',
        headers: {
          'Content-Type': 'multipart/form-data; boundary=zzz',
          Accept: 'text/html',
          'CF-Connecting-IP': address(),
          ...extra,
        },
      }),
    );

  it('on the API (submissions, login, claims)', async () => {
    const u = await makeUser();
    for (const [path, auth] of [
      ['/api/v1/submissions', {}],
      ['/api/v1/auth/login', {}],
      ['/api/v1/claims', { Authorization: `Bearer ${u.token}` }],
    ] as const) {
      const res = await garbage(path, auth);
      expect(res.status, path).toBe(415);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    }
  });

  it('on the feedback form and the contact deletion of /track', async () => {
    const claim = await publishedClaim();
    const feedback = await garbage(`/claims/${claim.id}/feedback`, {
      Origin: 'https://claimdesk.test',
    });
    expect(feedback.status).toBe(400);
    const submitted = await postForm('/submit', validFields());
    const token = submitted.headers.get('Location')!.split('/')[2]!.split('?')[0]!;
    const track = await garbage(`/track/${token}/delete-contact`);
    expect(track.status).toBe(400);
  });
});
